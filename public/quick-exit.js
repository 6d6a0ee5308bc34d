/*
 * Quick exit. The "Leave this site" button is a plain link, so it works without this
 * script. With it: the button, the Escape key anywhere (even inside a form field or a
 * dialog), or Shift pressed three times within five seconds (GOV.UK's "Exit this page"
 * gesture) hide the page at once and replace it in the history with the destination, so
 * Back does not bring it back.
 */
;(function () {
  'use strict'
  var button = document.querySelector('[data-quick-exit]')
  if (!button) return
  var status = document.querySelector('[data-quick-exit-status]')
  var destination = button.href
  var leaving = false
  var presses = 0
  var timer = null

  function say(text) {
    if (status) status.textContent = text
  }

  function leave(event) {
    if (event) {
      event.preventDefault()
      event.stopPropagation()
    }
    if (leaving) return
    leaving = true
    document.documentElement.className += ' quick-exit-active'
    say('Loading.')
    // No referrer, as the link's rel="noreferrer" promises.
    var meta = document.createElement('meta')
    meta.name = 'referrer'
    meta.content = 'no-referrer'
    document.head.appendChild(meta)
    window.location.replace(destination)
  }

  button.addEventListener('click', leave)

  // Capture phase on window: no field, widget or dialog on the page can swallow the key first.
  window.addEventListener(
    'keydown',
    function (event) {
      if (event.key === 'Escape' || event.key === 'Esc') return leave(event)
      if (event.key !== 'Shift') {
        // Shift with another key is typing a capital, not asking to leave.
        presses = 0
        clearTimeout(timer)
        return
      }
      if (event.repeat) return
      presses += 1
      if (presses >= 3) {
        clearTimeout(timer)
        return leave(event)
      }
      say('Shift, press ' + (3 - presses) + ' more ' + (presses === 2 ? 'time' : 'times') + ' to exit.')
      // The five seconds run from the first press, not from each one.
      if (presses === 1) {
        timer = setTimeout(function () {
          presses = 0
          say('Exit this page expired.')
        }, 5000)
      }
    },
    true,
  )

  // If the browser brings this page back from its back-forward cache after leaving, leave again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && leaving) window.location.replace(destination)
  })
})()

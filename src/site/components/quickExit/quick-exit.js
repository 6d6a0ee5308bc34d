/*
 * Quick exit. "Leave this site" is a plain link, so it works without this script. With it,
 * the button, Escape anywhere (even in a field or a dialog) or Shift pressed three times
 * (GOV.UK's "Exit this page") cover the page at once and replace it in the history with the
 * destination. Links and searches within the site replace the entry too, so a whole visit
 * is one entry and Back after leaving goes to where the reader was before the site.
 */
;(function () {
  'use strict'
  var button = document.querySelector('[data-quick-exit]')
  if (!button) return
  var status = document.querySelector('[data-quick-exit-status]')
  var hint = document.querySelector('[data-quick-exit-hint]')
  var destination = button.href
  var leaving = false
  var presses = 0
  var shifted = false
  var timer = null

  // GOV.UK's three lights, one lit for each Shift press.
  var lights = document.createElement('span')
  lights.className = 'quick-exit__presses'
  lights.setAttribute('aria-hidden', 'true')
  for (var i = 0; i < 3; i++) lights.appendChild(document.createElement('span'))
  button.appendChild(lights)

  function count(n) {
    presses = n
    lights.hidden = n === 0
    for (var i = 0; i < 3; i++)
      lights.children[i].className = 'quick-exit__press' + (i < n ? ' quick-exit__press--on' : '')
  }
  count(0)

  function say(text) {
    if (status) status.textContent = text
  }

  // The keys work only with a keyboard: name them on a computer, or once a key is pressed.
  function showHint() {
    if (hint) hint.hidden = false
  }
  if (window.matchMedia && window.matchMedia('(hover: hover) and (pointer: fine)').matches)
    showHint()

  function leave(event) {
    if (event) {
      event.preventDefault()
      event.stopPropagation()
    }
    if (leaving) return
    leaving = true
    clearTimeout(timer)
    say('')
    // Hiding the whole body would silence the alert too, so an overlay covers the page.
    var overlay = document.createElement('div')
    overlay.className = 'quick-exit-overlay'
    overlay.setAttribute('role', 'alert')
    document.body.appendChild(overlay)
    document.documentElement.className += ' quick-exit-active'
    // Screen readers announce text put into an alert already on the page more reliably.
    overlay.textContent = 'Loading.'
    // No referrer, as the link's rel="noreferrer" promises.
    var meta = document.createElement('meta')
    meta.name = 'referrer'
    meta.content = 'no-referrer'
    document.head.appendChild(meta)
    location.replace(destination)
  }

  button.addEventListener('click', leave)

  // Capture phase on window: no field, widget or dialog on the page can swallow the key first.
  window.addEventListener(
    'keydown',
    function (event) {
      showHint()
      if (event.key === 'Escape' || event.key === 'Esc') leave(event)
    },
    true,
  )

  // Shift on its own, on release: Shift held for a capital ends with a key that was shifted.
  window.addEventListener(
    'keyup',
    function (event) {
      var alone = event.key === 'Shift' && !shifted
      shifted = event.shiftKey
      clearTimeout(timer)
      if (!alone) return presses && count(0)
      count(presses + 1)
      if (presses >= 3) return leave(event)
      say(
        'Shift, press ' +
          (3 - presses) +
          ' more ' +
          (presses === 2 ? 'time' : 'times') +
          ' to exit.',
      )
      // Five seconds from the latest press.
      timer = setTimeout(function () {
        count(0)
        say('Exit this page expired.')
      }, 5000)
    },
    true,
  )

  // A whole visit is one entry in the history: a link or a search within the site replaces it.
  function stay(event, url) {
    event.preventDefault()
    location.replace(url)
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[href]')
    if (
      !link ||
      event.defaultPrevented ||
      event.button ||
      event.ctrlKey ||
      event.metaKey ||
      event.shiftKey ||
      event.altKey
    )
      return
    if (link.origin === location.origin && !link.target && !link.hasAttribute('download'))
      stay(event, link.href)
  })
  document.addEventListener('submit', function (event) {
    var form = event.target
    var url = new URL(form.action)
    if (event.defaultPrevented || form.method !== 'get' || url.origin !== location.origin) return
    url.search = new window.URLSearchParams(new window.FormData(form)).toString()
    stay(event, url.href)
  })

  // If the browser brings this page back from its back-forward cache after leaving, leave again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && leaving) location.replace(destination)
  })
})()

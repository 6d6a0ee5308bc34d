/* Live preview in the admin: this page sits in the admin's preview frame. It tells the admin
   it is ready, and reloads itself, where the reader had scrolled to, each time the release
   is saved (autosave saves a draft every two seconds while someone types). */
;(function () {
  if (window.parent === window) return
  var key = 'newsroom-live-preview-scroll:' + location.pathname
  var saved = window.sessionStorage.getItem(key)
  if (saved) {
    window.sessionStorage.removeItem(key)
    window.scrollTo(0, Number(saved) || 0)
  }
  window.parent.postMessage({ type: 'payload-live-preview', ready: true }, location.origin)
  window.addEventListener('message', function (event) {
    if (
      event.origin !== location.origin ||
      !event.data ||
      event.data.type !== 'payload-document-event'
    )
      return
    window.sessionStorage.setItem(key, String(window.scrollY))
    location.reload()
  })
})()

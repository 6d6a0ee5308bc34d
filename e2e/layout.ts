import type { Page } from '@playwright/test'

/** A phone's screen: press officers approve out of hours on phones. */
export const PHONE = { width: 390, height: 844 }

/**
 * What a person at a phone's width would see go wrong: the page scrolling sideways, a control
 * running off the screen, or two controls (or a control and a heading) on top of each other.
 */
export const layoutProblems = (page: Page) =>
  page.evaluate((width) => {
    const problems: string[] = []
    if (document.documentElement.scrollWidth > width)
      problems.push(
        `the page is ${document.documentElement.scrollWidth}px wide in a ${width}px screen`,
      )
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/)[0] : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`
    // With a modal dialog open, only the dialog can be used: what lies behind it does not count.
    const scope = document.querySelector('dialog[open]:modal') ?? document
    const shown = [
      ...scope.querySelectorAll(
        'button, a, input, select, textarea, h1, h2, td, [role="tab"], .doc-controls__list-item, .tabs-field__tab-button',
      ),
    ].filter((el) => {
      if (
        el.closest('[aria-hidden="true"], [inert], .tooltip, .nav:not(.nav--nav-open), .rs__menu')
      )
        return false
      // A card's whole face is a link under its own buttons, by design.
      if (el.matches('.card__click')) return false
      const rect = el.getBoundingClientRect()
      return (
        rect.width > 0 &&
        rect.height > 0 &&
        el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
      )
    })
    const rects = shown.map((el) => el.getBoundingClientRect())
    shown.forEach((el, i) => {
      const r = rects[i]!
      if (r.left < -1 || r.right > width + 1)
        problems.push(
          `${name(el)} runs off the screen (${Math.round(r.left)}–${Math.round(r.right)}px)`,
        )
    })
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++) {
        const [a, b] = [shown[i]!, shown[j]!]
        if (a.contains(b) || b.contains(a)) continue
        const [p, q] = [rects[i]!, rects[j]!]
        // A field's own button (clear, unlock) sits inside the field's box, by design.
        const inside = (r: DOMRect, s: DOMRect) =>
          r.left >= s.left && r.right <= s.right && r.top >= s.top && r.bottom <= s.bottom
        if ((a.matches('input') && inside(q, p)) || (b.matches('input') && inside(p, q))) continue
        const overlap =
          Math.max(0, Math.min(p.right, q.right) - Math.max(p.left, q.left)) *
          Math.max(0, Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top))
        if (overlap > 4) problems.push(`${name(a)} overlaps ${name(b)}`)
      }
    }
    return problems
  }, PHONE.width)

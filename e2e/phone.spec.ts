import type { Page, TestInfo } from '@playwright/test'

import { ADMIN } from '../test/helpers/server'
import { createPerson, signIn } from './admin'
import { expect, test } from './fixtures'

const PHONE = { width: 390, height: 844 }
// A phone: a page wider than the screen would make the browser zoom out rather than scroll, so
// every measure is against the phone's 390 px, not the page's own width.
test.use({ viewport: PHONE, hasTouch: true, isMobile: true })

/**
 * What a person at a phone's width would see go wrong: the page scrolling sideways, a control
 * running off the screen, or two controls (or a control and a heading) on top of each other.
 */
const layoutProblems = (page: Page) =>
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

const check = async (page: Page, testInfo: TestInfo, what: string) => {
  await expect(page.getByText(/^Loading\.*$/)).toHaveCount(0)
  const shot = testInfo.outputPath(`phone-${what}.png`)
  await page.screenshot({ path: shot, fullPage: true })
  await testInfo.attach(`390 px: ${what}`, { path: shot, contentType: 'image/png' })
  expect.soft(await layoutProblems(page), `${what} at 390 px`).toEqual([])
}

test('every admin screen of the workflow works at a phone’s width (390 px)', async ({
  page,
  site,
  request,
}, testInfo) => {
  test.setTimeout(120_000)
  // Some history to show: a release submitted and returned with a long note.
  const login = await (await request.post(`${site}/api/users/login`, { data: ADMIN })).json()
  const headers = { Authorization: `JWT ${login.token}` }
  const title = `Officers seize £250,000 of cannabis in a raid on an industrial unit in Westbury ${Date.now().toString(36)}`
  const draft = await (
    await request.post(`${site}/api/news?draft=true`, {
      headers,
      data: { title, summary: 'A summary.', _status: 'draft' },
    })
  ).json()
  expect(
    (
      await request.post(`${site}/api/news/${draft.doc.id}/workflow/submit`, { headers, data: {} })
    ).status(),
  ).toBe(200)
  const note =
    'Please check the street value with the drugs team, name the unit’s road rather than the business, and add the 101 reference number for anyone with information.'
  expect(
    (
      await request.post(`${site}/api/news/${draft.doc.id}/workflow/return`, {
        headers,
        data: { note },
      })
    ).status(),
  ).toBe(200)

  // An editor of their own, whose admin preferences (live preview open or not) are this test's.
  await createPerson(request, site, 'phone.editor@northmoor.test', 'Pat Phone', ['editor'])
  await signIn(page, site, 'phone.editor@northmoor.test')

  await page.goto(`${site}/admin`)
  await expect(page.getByRole('heading', { name: 'Press desk' })).toBeVisible()
  await check(page, testInfo, 'dashboard')

  await page.goto(`${site}/admin/collections/news`)
  await expect(page.getByRole('row', { name: /Stop and search: force publishes/ })).toBeVisible()
  await check(page, testInfo, 'releases')

  await page
    .getByRole('row', { name: /Stop and search: force publishes/ })
    .getByRole('link')
    .first()
    .click()
  await page.waitForURL(/\/admin\/collections\/news\/\d+$/)
  await expect(page.getByRole('button', { name: 'Copy as email' })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Workflow:/ })).toBeVisible()
  await check(page, testInfo, 'release')

  // Live preview on a phone: the page below the form, not the form squeezed beside it.
  await page.locator('#live-preview-toggler').click()
  await expect(
    page.frameLocator('#live-preview-iframe').getByRole('heading', { level: 1 }),
  ).toBeVisible({ timeout: 20_000 })
  await check(page, testInfo, 'release-live-preview')
  await page.locator('#live-preview-iframe').scrollIntoViewIfNeeded()
  const framed = testInfo.outputPath('phone-release-live-preview-frame.png')
  await page.screenshot({ path: framed })
  await testInfo.attach('390 px: the live preview, scrolled to', {
    path: framed,
    contentType: 'image/png',
  })
  await page.locator('#live-preview-toggler').click()
  await expect(page.locator('#live-preview-iframe')).toBeHidden()

  await page.getByRole('button', { name: /^Workflow:/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Workflow' })
  await expect(dialog).toBeVisible()
  await check(page, testInfo, 'workflow-dialog')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await page.goto(`${site}/admin/collections/news/${draft.doc.id}`)
  await page.getByRole('button', { name: 'History and preview links' }).click()
  await expect(page.getByText('Workflow history').first()).toBeVisible()
  await check(page, testInfo, 'release-history')

  await page.goto(`${site}/admin/collections/audit-log`)
  await expect(page.getByRole('heading', { name: 'Workflow history' })).toBeVisible()
  await check(page, testInfo, 'workflow-history')
})

import type { Page, TestInfo } from '@playwright/test'

import { ADMIN } from './admins'
import { createPerson, signIn } from './admin'
import { expect, test } from './fixtures'
import { layoutProblems, PHONE } from './layout'

// A phone: a page wider than the screen would make the browser zoom out rather than scroll, so
// every measure is against the phone's 390 px, not the page's own width.
test.use({ viewport: PHONE, hasTouch: true, isMobile: true })

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

  // Earlier files add releases of their own: show them all, so the demo ones are on the page.
  await page.goto(`${site}/admin/collections/news?limit=100`)
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

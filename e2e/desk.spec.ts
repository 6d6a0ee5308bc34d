import type { Page } from '@playwright/test'

import { ADMIN } from './admins'
import { expect, test } from './fixtures'

const signInAsAdmin = async (page: Page, site: string) => {
  await page.goto(`${site}/admin/login`)
  await page.locator('#field-email').fill(ADMIN.email)
  await page.locator('#field-password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
}

test('the dashboard is a press desk: upcoming embargoes with time left and preview links, review, recent and withdrawn', async ({
  page,
  site,
  request,
}, testInfo) => {
  // A preview link for the demo's scheduled release, made as an editor would.
  const login = await request.post(`${site}/api/users/login`, {
    data: { email: ADMIN.email, password: ADMIN.password },
  })
  const headers = { Authorization: `JWT ${(await login.json()).token}` }
  const scheduled = await (
    await request.get(
      `${site}/api/news?where[title][like]=Stop and search: force publishes&depth=0`,
      { headers },
    )
  ).json()
  const releaseId = scheduled.docs[0].id
  expect(
    (
      await request.post(`${site}/api/news/${releaseId}/preview-links`, {
        headers,
        data: { label: 'Northmoor Gazette' },
      })
    ).status(),
  ).toBe(201)

  await signInAsAdmin(page, site)
  await page.goto(`${site}/admin`)
  const upcoming = page.getByRole('region', { name: /Upcoming embargoes/ })
  const item = upcoming
    .getByRole('listitem')
    .filter({ hasText: 'Stop and search: force publishes' })
  await expect(item).toContainText(/Lifts in (\d+ days?|\d+ hours?)/)
  await expect(item).toContainText(/at \d{2}:\d{2} (GMT|BST), \w{3} \d{1,2} \w{3} \d{4}/)
  await expect(item).toContainText('Northmoor Gazette (not used yet, expires')
  await expect(page.getByRole('region', { name: /Waiting for review/ })).toBeVisible()
  await expect(
    page
      .getByRole('region', { name: /Recently published/ })
      .getByRole('link', { name: /Inspectors rate Northmoor Police/ }),
  ).toBeVisible()
  await expect(page.getByRole('region', { name: /Withdrawn/ })).toBeVisible()
  // Kept after the run (test-results/e2e/…/dashboard.png) for a person to look at.
  const screenshot = testInfo.outputPath('dashboard.png')
  await page.screenshot({ path: screenshot, fullPage: true })
  await testInfo.attach('dashboard', { path: screenshot, contentType: 'image/png' })

  await item.getByRole('link').click()
  await page.waitForURL(new RegExp(`/admin/collections/news/${releaseId}$`))
})

test('an editor copies a scheduled release as email, headed by its embargo, and downloads it', async ({
  page,
  site,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site })
  await signInAsAdmin(page, site)

  await page.goto(`${site}/admin/collections/news`)
  await page
    .getByRole('row', { name: /Stop and search: force publishes/ })
    .getByRole('link')
    .first()
    .click()
  await page.waitForURL(/\/admin\/collections\/news\/\d+$/)

  // Every time the admin prints names its zone.
  await expect(
    page.locator('.doc-controls__list-item', { hasText: 'Last Modified' }),
  ).toContainText(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2} GMT\+[01]$/)
  await page.getByRole('button', { name: 'Copy as email' }).click()
  await expect(page.getByTestId('copy-for-media-status')).toContainText(
    'Copied, headed “EMBARGOED: not for publication until',
  )
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read()
    return {
      text: await (await item!.getType('text/plain')).text(),
      html: await (await item!.getType('text/html')).text(),
    }
  })
  expect(copied.text.split('\n')[0]).toMatch(
    /^EMBARGOED: not for publication until \d{2}:\d{2} on \w+day/,
  )
  expect(copied.text).toContain('STOP AND SEARCH: FORCE PUBLISHES')
  expect(copied.html).toContain('<h1>Stop and search: force publishes')

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download .txt' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.txt$/)
  const saved = await file.path()
  const fs = await import('node:fs')
  expect(fs.readFileSync(saved, 'utf8').split('\n')[0]).toMatch(/^EMBARGOED/)
})

test('live preview shows the release in the public template, at mobile and desktop widths, and follows the typing', async ({
  page,
  site,
}, testInfo) => {
  await signInAsAdmin(page, site)
  await page.goto(`${site}/admin/collections/news/create`)
  await page.waitForURL(/\/admin\/collections\/news\/\d+$/)
  await page.locator('#field-title').fill('Appeal after a car is stolen in Westbury')
  await page
    .locator('#field-summary')
    .fill('Police want to hear from anyone who saw the car being driven away.')
  await page.locator('#live-preview-toggler').click()
  const frame = page.frameLocator('#live-preview-iframe')
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
    'Appeal after a car is stolen in Westbury',
    { timeout: 20_000 },
  )
  await expect(frame.locator('.embargo-banner__line')).toContainText(
    'PREVIEW: not public. This is a draft',
  )

  // The preview reloads itself after each autosave.
  await page.locator('#field-title').fill('Appeal after a blue car is stolen in Westbury')
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
    'Appeal after a blue car is stolen in Westbury',
    { timeout: 20_000 },
  )

  for (const width of ['Mobile', 'Desktop']) {
    await page.locator('.live-preview-toolbar-controls__breakpoint button').first().click()
    await page.getByRole('button', { name: width, exact: true }).click()
    const box = await page.locator('#live-preview-iframe').boundingBox()
    expect(box!.width).toBeGreaterThan(0)
    const shot = testInfo.outputPath(`live-preview-${width.toLowerCase()}.png`)
    await page.screenshot({ path: shot })
    await testInfo.attach(`live preview, ${width}`, { path: shot, contentType: 'image/png' })
  }
  await expect(frame.locator('a[data-quick-exit]')).toBeVisible()
})

test('opening "Create New" straight from its address makes one draft, not two', async ({
  browser,
  request,
  site,
}) => {
  const login = await request.post(`${site}/api/users/login`, {
    data: { email: ADMIN.email, password: ADMIN.password },
  })
  const headers = { Authorization: `JWT ${(await login.json()).token}` }
  const me = (await (await request.get(`${site}/api/users/me`, { headers })).json()).user.id
  // This worker's admin's releases: the other browser worker makes releases of its own meanwhile.
  const drafts = async () =>
    (
      await (
        await request.get(`${site}/api/news?draft=true&limit=1&depth=0&where[authors][in]=${me}`, {
          headers,
        })
      ).json()
    ).totalDocs as number
  // A browser that has never been here, so has sent no client hints yet, signed in (its cookie).
  const context = await browser.newContext()
  const { token } = await (
    await request.post(`${site}/api/users/login`, {
      data: { email: ADMIN.email, password: ADMIN.password },
    })
  ).json()
  await context.addCookies([{ name: 'payload-token', value: token, url: site }])
  const page = await context.newPage()
  const before = await drafts()
  await page.goto(`${site}/admin/collections/news/create`)
  await page.waitForURL(/\/admin\/collections\/news\/\d+/)
  await expect(page.getByRole('heading', { name: 'New release' })).toBeVisible()
  expect(await drafts()).toBe(before + 1)
  await context.close()
})

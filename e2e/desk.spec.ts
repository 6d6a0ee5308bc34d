import { ADMIN } from '../test/helpers/server'
import { expect, test } from './fixtures'

test('an editor copies a scheduled release as email, headed by its embargo, and downloads it', async ({ page, site, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site })
  await page.goto(`${site}/admin/login`)
  await page.locator('#field-email').fill(ADMIN.email)
  await page.locator('#field-password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))

  await page.goto(`${site}/admin/collections/news`)
  await page.getByRole('row', { name: /Stop and search: force publishes/ }).getByRole('link').first().click()
  await page.waitForURL(/\/admin\/collections\/news\/\d+$/)

  await page.getByRole('button', { name: 'Copy as email' }).click()
  await expect(page.getByTestId('copy-for-media-status')).toContainText('Copied, headed “EMBARGOED: not for publication until')
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read()
    return { text: await (await item!.getType('text/plain')).text(), html: await (await item!.getType('text/html')).text() }
  })
  expect(copied.text.split('\n')[0]).toMatch(/^EMBARGOED: not for publication until \d{2}:\d{2} on \w+day/)
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

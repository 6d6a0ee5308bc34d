import fs from 'node:fs'

import sharp from 'sharp'

import { createPerson, signIn, takeAction, ukLocal } from './admin'
import { expect, test } from './fixtures'

/**
 * A comms officer's morning, as they would do it: the desk, a new release with a quote in
 * its body and a report link, a hero image uploaded on the spot, the live preview, the
 * schedule, a preview link for a journalist, the release sent to a media list, the copy for
 * the media list; then the embargo lifted early and the public page. Screenshots of the desk,
 * the editor and the public page are kept with the test results.
 */
test('a comms officer writes, previews, schedules, shares and copies a release', async ({
  page,
  site,
  request,
  context,
}, testInfo) => {
  test.setTimeout(240_000)
  const shot = async (name: string) => {
    const path = testInfo.outputPath(`${name}.png`)
    await page.screenshot({ path, fullPage: true })
    await testInfo.attach(name, { path, contentType: 'image/png' })
  }
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site })
  await createPerson(request, site, 'cara.comms@northmoor.test', 'Cara Comms', ['editor'])
  const title = `Fenwick residents invited to a stop and search open evening ${Date.now().toString(36)}`

  // The desk.
  await signIn(page, site, 'cara.comms@northmoor.test')
  await page.goto(`${site}/admin`)
  await expect(page.getByRole('heading', { name: 'Press desk' })).toBeVisible()
  await shot('dashboard')

  // A new release: words, a quote placed in the body, a report link, a hero image.
  await page.goto(`${site}/admin/collections/news/create`)
  await page.waitForURL(/\/admin\/collections\/news\/\d+$/)
  await page.locator('#field-title').fill(title)
  await page
    .locator('#field-summary')
    .fill('Residents can see how stop and search is scrutinised, and ask officers their questions.')
  await page.locator('#field-body').click()
  await page.keyboard.type('The evening is at Fenwick Community Centre on Thursday from 6pm.')
  await page.keyboard.press('Enter')
  await page.locator('.relationship-rich-text-button').click()
  // The quotes, searchable by speaker (or one made on the spot with "Create New").
  await page.getByPlaceholder(/Search by Speaker/).fill('Okafor')
  // Each quote is listed by its speaker and its words, so two from one person can be told apart.
  await expect(page.getByRole('button', { name: /^Daniel Brooks/ })).toHaveCount(0)
  await page
    .getByRole('button', {
      name: /^Helen Okafor, Deputy Chief Constable: People in Northmoor have every right/,
    })
    .click()
  await expect(page.getByPlaceholder(/Search by Speaker/)).toHaveCount(0)
  await expect(page.locator('#field-body')).toContainText('Helen Okafor')

  await page.locator('#field-heroImage').getByRole('button', { name: 'Create New' }).click()
  const hero = testInfo.outputPath('community-centre.jpg')
  fs.writeFileSync(
    hero,
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2b6a8f' } })
      .jpeg()
      .toBuffer(),
  )
  const upload = page.locator('.drawer--is-open')
  await upload.locator('input[type="file"]').setInputFiles(hero)
  await upload.locator('#field-alt').fill('Fenwick Community Centre at dusk')
  await upload.getByRole('button', { name: 'Save' }).click()
  await expect(page.locator('#field-heroImage')).toContainText('community-centre')

  await page.getByRole('button', { name: 'Quotes and links' }).click()
  const reports = page.locator('#field-reportLinks')
  await reports.locator('.rs__control').click()
  await page.keyboard.type('vetting')
  await page.locator('.rs__option', { hasText: 'vetting' }).first().click()
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Release', exact: true }).click()

  // The live preview, as the public will see it.
  await page.locator('#live-preview-toggler').click()
  const frame = page.frameLocator('#live-preview-iframe')
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(title, { timeout: 20_000 })
  await expect(frame.locator('figure.quote figcaption')).toContainText('Helen Okafor')
  await expect(frame.getByText('Read the full report on the HMICFRS website')).toBeVisible()
  await expect(frame.locator('img[alt="Fenwick Community Centre at dusk"]')).toBeVisible()
  await shot('editor')
  await page.locator('#live-preview-toggler').click()

  // Scheduled for tomorrow morning, on their own authority (recorded with the reason).
  await takeAction(page, 'Submit for review')
  const tomorrow = new Date(Date.now() + 24 * 3600_000)
  await takeAction(page, 'Approve and schedule', async (dialog) => {
    await dialog
      .locator('input[name="publishAtLocal"]')
      .fill(`${ukLocal(tomorrow).slice(0, 10)} 09:00`)
    await dialog.locator('input[name="force"]').check()
    await dialog.locator('textarea[name="forceReason"]').fill('Only editor on duty this morning.')
  })
  await expect(page.getByTestId('release-state')).toContainText('Scheduled — embargoed until 09:00')

  // A preview link for the local paper.
  await page.getByRole('button', { name: /^Workflow:/ }).click()
  const workflow = page.getByRole('dialog', { name: 'Workflow' })
  await workflow.getByLabel('For (newsroom or journalist)').fill('Fenwick Gazette')
  await workflow.getByRole('button', { name: 'Create preview link' }).click()
  const previewUrl = await workflow.getByLabel('New preview link').inputValue()

  // Sent to the court reporters on the media list, each with a preview link of their own.
  await workflow.getByRole('checkbox', { name: /Court reporters \(\d+ people\)/ }).check()
  await workflow.getByRole('button', { name: 'Send to the media list' }).click()
  await expect(workflow.getByRole('status')).toContainText('Queued for 2 people')
  const log = workflow.locator('.newsroom-media-list__log tbody tr')
  await expect(log).toHaveCount(2)
  await expect(log.filter({ hasText: 'Accepted' })).toHaveCount(2, { timeout: 15_000 })
  await page.keyboard.press('Escape')

  // The copy for the media list, embargo line first.
  await page.getByRole('button', { name: 'Copy as email' }).click()
  await expect(page.getByTestId('copy-for-media-status')).toContainText(
    'EMBARGOED: not for publication until 09:00',
  )
  const copied = await page.evaluate(async () =>
    (await (await navigator.clipboard.read())[0]!.getType('text/plain')).text(),
  )
  expect(copied).toContain(title.toUpperCase())
  expect(copied).toContain('— Helen Okafor')
  expect(copied).toContain('ENDS')

  // The journalist's view under embargo.
  const journalist = await context.newPage()
  await journalist.goto(previewUrl)
  await expect(journalist.locator('.embargo-banner__line')).toContainText(
    'EMBARGOED: not for publication until 09:00',
  )
  await expect(journalist.getByRole('heading', { level: 1 })).toHaveText(title)
  expect(
    (await journalist.goto(
      `${site}/news/${await page.locator('#field-slug').inputValue()}`,
    ))!.status(),
  ).toBe(404)

  // News moves on: the embargo is lifted early, and the public page is there.
  await takeAction(page, 'Lift the embargo now', async (dialog) => {
    await dialog.locator('textarea[name="note"]').fill('The centre asked us to announce it today.')
  })
  const slug = await page.locator('#field-slug').inputValue()
  const publicPage = await journalist.goto(`${site}/news/${slug}`)
  expect(publicPage!.status()).toBe(200)
  await expect(journalist.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(journalist.locator('figure.quote figcaption')).toContainText('Helen Okafor')
  const path = testInfo.outputPath('public-page.png')
  await journalist.screenshot({ path, fullPage: true })
  await testInfo.attach('public page', { path, contentType: 'image/png' })
})

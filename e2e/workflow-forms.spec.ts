import type { APIRequestContext } from '@playwright/test'

import { asPerson, createPerson, type Person, signIn, signOut, takeAction } from './admin'
import { expect, test } from './fixtures'

// A laptop set up in the US: its own date format (mm/dd/yyyy, AM/PM) must not reach the embargo.
test.use({ locale: 'en-US', timezoneId: 'America/New_York' })

const AUTHOR = 'fran.forms@northmoor.test'
const EDITOR = 'eli.forms@northmoor.test'

const people = async (request: APIRequestContext, site: string) => {
  await createPerson(request, site, AUTHOR, 'Fran Forms', ['author'])
  await createPerson(request, site, EDITOR, 'Eli Forms', ['editor'])
  return {
    author: await asPerson(request, site, AUTHOR),
    editor: await asPerson(request, site, EDITOR),
  }
}

const inReview = async (author: Person, title: string) => {
  const { doc } = await author.post('/api/news?draft=true', {
    title,
    summary: 'A summary for review.',
    _status: 'draft',
  })
  await author.post(`/api/news/${doc.id}/workflow/submit`)
  return doc as { id: number; slug: string }
}

test('the editor’s note reaches the author in full: on the release, in its history and in the workflow history', async ({
  page,
  site,
  request,
}) => {
  test.setTimeout(120_000)
  const { author, editor } = await people(request, site)
  const title = `Note walk-through ${Date.now().toString(36)}`
  const release = await inReview(author, title)
  const note =
    'Please add the officer’s rank and collar number, the CAD incident number and the 101 appeal line; ' +
    'check every name against the custody record before it goes back to legal services, and remove the street name.'
  expect(note.length).toBeGreaterThan(160)
  await editor.post(`/api/news/${release.id}/workflow/return`, { note })

  await signIn(page, site, AUTHOR)
  await page.goto(`${site}/admin/collections/news/${release.id}`)
  const banner = page.getByRole('note').filter({ hasText: 'Returned to the author by Eli Forms' })
  await expect(banner).toContainText(note)

  await page.getByRole('button', { name: 'History and preview links' }).click()
  const history = page.locator('.field-type.join', { hasText: 'Workflow history' })
  const returned = history.getByRole('row').filter({ hasText: 'Return to the author' })
  await expect(returned).toContainText(note)
  await expect(returned).toContainText('In review')
  await expect(returned).toContainText('Draft')
  await expect(history).not.toContainText('in-review')

  // Submitted again, then taken back by the author, without an editor.
  await page.getByRole('button', { name: 'Release', exact: true }).click()
  await takeAction(page, 'Submit for review')
  await expect(page.getByTestId('release-state')).toHaveText('In review')
  await expect(banner).toHaveCount(0)
  await takeAction(page, 'Recall from review')
  await expect(page.getByTestId('release-state')).toHaveText('Draft')
  await signOut(page, site)

  // Administration → Workflow history: the row opens to the whole record.
  await signIn(page, site, EDITOR)
  await page.goto(
    `${site}/admin/collections/audit-log?where[releaseRef][equals]=${release.id}&where[action][equals]=return`,
  )
  const row = page.getByRole('row').filter({ hasText: title })
  await expect(row).toContainText(note)
  await expect(row).toContainText('Return to the author')
  await row.getByRole('link').first().click()
  await page.waitForURL(/\/admin\/collections\/audit-log\/\d+$/)
  await expect(page.locator('#field-note')).toHaveValue(note)
})

test('the embargo is typed once, in UK format and UK time, in a browser set to US English', async ({
  page,
  site,
  request,
}) => {
  test.setTimeout(120_000)
  const { author } = await people(request, site)
  const release = await inReview(author, `Embargo format walk-through ${Date.now().toString(36)}`)
  await signIn(page, site, EDITOR)
  expect(await page.evaluate(() => navigator.language)).toBe('en-US')
  await page.goto(`${site}/admin/collections/news/${release.id}`)
  // Not scheduled yet: no second control for the same time in the sidebar.
  await expect(page.locator('#field-publishAt')).toHaveCount(0)

  await page.getByRole('button', { name: /^Workflow:/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Workflow' })
  await dialog.getByRole('button', { name: 'Approve and schedule' }).click()
  const when = dialog.getByLabel(/Date and time, UK time \(24-hour, dd\/mm\/yyyy hh:mm\)/)
  await expect(when).toHaveAttribute('type', 'text')
  await when.fill('06/19/2030 9:00 AM')
  const approve = dialog
    .getByRole('group', { name: 'Approve and schedule' })
    .getByRole('button', { name: 'Approve and schedule' })
  await approve.click()
  await expect(dialog.getByRole('alert')).toContainText('dd/mm/yyyy hh:mm')
  await when.fill('19/06/2030 09:00')
  const reloaded = page.waitForEvent('load')
  await approve.click()
  await reloaded
  await expect(page.getByTestId('release-state')).toContainText(
    'Scheduled — embargoed until 09:00 on Wednesday 19 June 2030 (UK time)',
  )
  // The sidebar shows the embargo, and says where it is set; it cannot be changed there.
  const sidebar = page.locator('#field-publishAt')
  await expect(sidebar.locator('input').first()).toBeDisabled()
  await expect(page.getByText('Set by Schedule in the Workflow dialog')).toBeVisible()

  // Changing the time: the form shows it as typed, and asks about the preview links.
  await page.getByRole('button', { name: /^Workflow:/ }).click()
  await dialog.getByRole('button', { name: 'Change the embargo time' }).click()
  await expect(dialog.getByLabel(/Date and time, UK time/)).toHaveValue('19/06/2030 09:00')
  await expect(dialog.getByLabel('Keep the preview links already given out working')).toBeChecked()
  await dialog.getByRole('button', { name: 'Back' }).click()
  await dialog.getByRole('button', { name: 'Cancel the schedule' }).click()
  await expect(dialog).toContainText('Every preview link for this release stops working')
})

test('a withdrawal says which words the public reads, shows them as the page will, and keeps an internal note apart', async ({
  page,
  site,
  request,
}) => {
  test.setTimeout(120_000)
  const { author, editor } = await people(request, site)
  const release = await inReview(author, `Withdrawal walk-through ${Date.now().toString(36)}`)
  await editor.post(`/api/news/${release.id}/workflow/approve`)
  const notice = 'This appeal has been withdrawn because the man has been found safe and well.'
  const internal = 'Family asked us to take it down; DS Khan agreed at 14:10.'

  await signIn(page, site, EDITOR)
  await page.goto(`${site}/admin/collections/news/${release.id}`)
  await takeAction(page, 'Withdraw', async (dialog) => {
    const preview = dialog.getByTestId('withdrawal-preview')
    await expect(preview).toContainText('This release has been withdrawn')
    await dialog.getByLabel(/Notice shown to the public/).fill(notice)
    await expect(preview).toContainText(
      new RegExp(`Withdrawn \\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}: ${notice}`),
    )
    await dialog.getByLabel(/Internal note/).fill(internal)
  })
  await expect(page.getByTestId('release-state')).toHaveText('Withdrawn')

  const publicPage = await (await request.get(`${site}/news/${release.slug}`)).text()
  expect(publicPage).toContain(notice)
  expect(publicPage).not.toContain(internal)
  const entries = await editor.get(
    `/api/audit-log?where[releaseRef][equals]=${release.id}&where[action][equals]=withdraw&depth=0`,
  )
  expect(entries.docs[0]).toMatchObject({ note: notice, internalNote: internal })
})

test('the address follows the headline of a new release on every autosave', async ({
  page,
  site,
  request,
}) => {
  test.setTimeout(120_000)
  await people(request, site)
  await signIn(page, site, AUTHOR)
  await page.goto(`${site}/admin/collections/news/create`)
  await page.waitForURL(/\/admin\/collections\/news\/\d+$/)
  const stamp = Date.now().toString(36)
  const slug = page.locator('#field-slug')
  for (const title of [
    `Road closed after crash ${stamp}`,
    `A12 reopens after crash ${stamp}`,
    `A12 reopens after overnight crash ${stamp}`,
  ]) {
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && /\/api\/news\/\d+/.test(r.url()) && r.ok(),
    )
    await page.locator('#field-title').fill(title)
    await saved
    await expect(slug).toHaveValue(title.toLowerCase().replace(/ /g, '-'))
  }
})

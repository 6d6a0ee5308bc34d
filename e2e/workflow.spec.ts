import type { Locator } from '@playwright/test'

import { asPerson, createPerson, pick, signIn, signOut, takeAction, ukLocal } from './admin'
import { expect, test } from './fixtures'

test('a release goes from an author’s draft, through review and an embargo, to the public site', async ({
  page,
  site,
  request,
}) => {
  test.setTimeout(120_000)
  await createPerson(request, site, 'ann.author@northmoor.test', 'Ann Author', ['author'])
  await createPerson(request, site, 'ed.editor@northmoor.test', 'Ed Editor', ['editor'])
  const title = `Teenager arrested after Eastfield shop break-in ${Date.now().toString(36)}`

  // The author drafts the release: a summary, a body, a quote and a report link.
  await signIn(page, site, 'ann.author@northmoor.test')
  await page.goto(`${site}/admin/collections/news/create`)
  // With autosave, the admin makes the draft at once and moves to its address.
  await page.waitForURL(/\/admin\/collections\/news\/\d+$/)
  await page.locator('#field-title').fill(title)
  await page
    .locator('#field-summary')
    .fill('A 17-year-old has been arrested after a shop in Eastfield was broken into overnight.')
  await page.locator('#field-body').click()
  await page.keyboard.type('Officers were called to the High Street at about 2am on Sunday. ')
  await page.keyboard.type('Anyone with information should call 101.')
  await page.getByRole('button', { name: 'Quotes and links' }).click()
  await pick(page, 'quotes', 'Helen Okafor')
  await pick(page, 'reportLinks', 'An inspection of vetting')
  await page.getByRole('button', { name: 'Release', exact: true }).click()
  await expect(page.getByTestId('release-state')).toHaveText('Draft')
  await takeAction(page, 'Submit for review')
  await expect(page.getByTestId('release-state')).toHaveText('In review')
  const releaseUrl = page.url()
  expect(releaseUrl).toMatch(/\/admin\/collections\/news\/\d+$/)
  const slug = await page.locator('#field-slug').inputValue()
  expect(slug).toMatch(/^teenager-arrested-after-eastfield-shop-break-in-/)
  await signOut(page, site)

  // The editor schedules it for a whole minute a minute or so ahead (the box takes minutes), and
  // makes a preview link for a journalist.
  await signIn(page, site, 'ed.editor@northmoor.test')
  await page.goto(releaseUrl)
  const scheduledFor = new Date(Math.ceil((Date.now() + 50_000) / 60_000) * 60_000)
  await takeAction(page, 'Approve and schedule', async (dialog) => {
    await dialog.locator('input[name="publishAtLocal"]').fill(ukLocal(scheduledFor))
  })
  await expect(page.getByTestId('release-state')).toContainText('Scheduled — embargoed until')
  const id = Number(releaseUrl.split('/').pop())
  const editor = await asPerson(request, site, 'ed.editor@northmoor.test')
  expect(new Date((await editor.get(`/api/news/${id}?depth=0`)).publishAt).getTime()).toBe(
    scheduledFor.getTime(),
  )
  await page.getByRole('button', { name: /^Workflow:/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Workflow' })
  await dialog.getByLabel('For (newsroom or journalist)').fill('BBC Look East')
  await dialog.getByRole('button', { name: 'Create preview link' }).click()
  const previewUrl = await dialog.getByLabel('New preview link').inputValue()
  expect(previewUrl).toMatch(/\/preview\/[A-Za-z0-9_-]{43}$/)
  await expect(dialog.getByRole('cell', { name: 'BBC Look East' })).toBeVisible()

  // Under embargo: the public page is not there; the preview shows the release under the banner.
  const journalist = await page.context().browser()!.newPage()
  expect((await journalist.goto(`${site}/news/${slug}`))!.status()).toBe(404)
  const preview = await journalist.goto(previewUrl)
  expect(preview!.status()).toBe(200)
  await expect(journalist.locator('.embargo-banner__line')).toContainText(
    'EMBARGOED: not for publication until',
  )
  await expect(journalist.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(journalist.getByText('Anyone with information should call 101.')).toBeVisible()
  await expect(journalist.locator('figure.quote figcaption')).toContainText('Helen Okafor')
  await expect(journalist.getByText('Read the full report on the HMICFRS website')).toBeVisible()
  const home = await journalist.goto(`${site}/`)
  expect(home!.status()).toBe(200)
  await expect(journalist.getByText(title)).toHaveCount(0)

  // The court's timing moves: the embargo now lifts in a few seconds (over the API, to the
  // second: the box takes whole minutes, and waiting for the one chosen above would hold every
  // browser test up for a minute). The clock lifts it, as it would have lifted the first time.
  const liftAt = new Date(Math.ceil((Date.now() + 6000) / 1000) * 1000)
  await editor.post(`/api/news/${id}/workflow/reschedule`, {
    publishAt: liftAt.toISOString(),
    note: 'The court moved the hearing forward.',
  })
  expect((await journalist.goto(`${site}/news/${slug}`))!.status()).toBe(404)

  // After the lift: on the home page and in the feed, and the preview link leads to the public page.
  await journalist.waitForTimeout(Math.max(0, liftAt.getTime() - Date.now() + 1500))
  await journalist.goto(`${site}/`)
  await expect(journalist.getByRole('link', { name: title })).toBeVisible()
  const feed = await request.get(`${site}/feed.xml`)
  expect(await feed.text()).toContain(title)
  expect((await journalist.goto(`${site}/news/${slug}`))!.status()).toBe(200)
  await journalist.goto(previewUrl)
  await expect(journalist.getByRole('heading', { level: 1 })).toHaveText(title)
  expect(new URL(journalist.url()).pathname).toBe(`/news/${slug}`)
  await expect(journalist.locator('.embargo-banner__line')).toHaveCount(0)
})

/** Follows a state filter, then shows all its releases on one page (the list shows 10 a page). */
const showAll = async (link: Locator) => {
  const page = link.page()
  await link.click()
  await page.waitForURL(/[?&]where/)
  await page.goto(`${page.url()}&limit=100`)
}

test('the list of releases shows each one’s state and filters by it', async ({
  page,
  site,
  request,
}) => {
  await createPerson(request, site, 'ed.editor@northmoor.test', 'Ed Editor', ['editor'])
  await signIn(page, site, 'ed.editor@northmoor.test')
  // Earlier tests add releases of their own: show them all, so the demo ones are on the page.
  await page.goto(`${site}/admin/collections/news?limit=100`)
  const scheduledRow = page.getByRole('row', { name: /Stop and search: force publishes/ })
  await expect(scheduledRow).toContainText(
    /Scheduled — embargoed until \d{2}:\d{2} on \w+day \d{1,2} \w+ \d{4} \(UK time\)/,
  )
  await expect(page.getByRole('row', { name: /Summer drink and drug-drive/ })).toContainText(
    'Draft',
  )
  const filters = page.getByRole('navigation', { name: 'Filter releases by state' })
  await showAll(filters.getByRole('link', { name: 'Scheduled' }))
  await expect(page.getByRole('row', { name: /Stop and search: force publishes/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /Inspectors rate Northmoor Police/ })).toHaveCount(0)
  await expect(filters.getByRole('link', { name: 'Scheduled' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await showAll(filters.getByRole('link', { name: 'Published' }))
  await expect(page.getByRole('row', { name: /Inspectors rate Northmoor Police/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /Stop and search: force publishes/ })).toHaveCount(0)
  await showAll(filters.getByRole('link', { name: 'Drafts' }))
  await expect(page.getByRole('row', { name: /Summer drink and drug-drive/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /Inspectors rate Northmoor Police/ })).toHaveCount(0)
})

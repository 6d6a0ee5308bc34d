import type { APIRequestContext, Page } from '@playwright/test'

import { ADMIN } from '../test/helpers/server'
import { expect, test } from './fixtures'

const PASSWORD = 'a-long-e2e-password-42'

/** People for the walk-through, made through the API by the admin of the running Newsroom. */
const createPerson = async (request: APIRequestContext, site: string, email: string, name: string, roles: string[]) => {
  const login = await request.post(`${site}/api/users/login`, { data: { email: ADMIN.email, password: ADMIN.password } })
  const { token } = await login.json()
  const created = await request.post(`${site}/api/users`, { data: { email, name, roles, password: PASSWORD }, headers: { Authorization: `JWT ${token}` } })
  expect([201, 400]).toContain(created.status()) // 400: made by an earlier run against the same server
}

const signIn = async (page: Page, site: string, email: string) => {
  await page.goto(`${site}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Login' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
}

const signOut = async (page: Page, site: string) => {
  await page.goto(`${site}/admin/logout`)
  await page.waitForURL((url) => url.pathname.endsWith('/login'))
}

/** Picks an option in one of Payload's relationship fields by typing part of its title. */
const pick = async (page: Page, field: string, search: string) => {
  const select = page.locator(`#field-${field}`)
  await select.locator('.rs__control').click()
  await page.keyboard.type(search)
  await page.locator('.rs__option', { hasText: search }).first().click()
  await page.keyboard.press('Escape')
}

/** The workflow dialog: an action, with what it asks for. */
const takeAction = async (page: Page, label: string, fill: (dialog: ReturnType<Page['locator']>) => Promise<void> = async () => {}) => {
  await page.getByRole('button', { name: /^Workflow:/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Workflow' })
  await dialog.getByRole('button', { name: label }).click()
  await fill(dialog)
  const reloaded = page.waitForEvent('load')
  await dialog.getByRole('group', { name: label }).getByRole('button', { name: label }).click()
  const problem = dialog.getByRole('alert')
  await Promise.race([reloaded, problem.waitFor()])
  if (await problem.isVisible()) throw new Error(`“${label}” was refused: ${await problem.textContent()}`)
}

/** UK wall-clock time, "YYYY-MM-DDTHH:mm", for the schedule form. */
const ukLocal = (date: Date) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

test('a release goes from an author’s draft, through review and an embargo, to the public site', async ({ page, site, request }) => {
  test.setTimeout(240_000)
  await createPerson(request, site, 'ann.author@northmoor.test', 'Ann Author', ['author'])
  await createPerson(request, site, 'ed.editor@northmoor.test', 'Ed Editor', ['editor'])
  const title = `Teenager arrested after Eastfield shop break-in ${Date.now().toString(36)}`

  // The author drafts the release: a summary, a body, a quote and a report link.
  await signIn(page, site, 'ann.author@northmoor.test')
  await page.goto(`${site}/admin/collections/news/create`)
  // With autosave, the admin makes the draft at once and moves to its address.
  await page.waitForURL(/\/admin\/collections\/news\/\d+$/)
  await page.locator('#field-title').fill(title)
  await page.locator('#field-summary').fill('A 17-year-old has been arrested after a shop in Eastfield was broken into overnight.')
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

  // The editor schedules it a minute or so ahead, and makes a preview link for a journalist.
  await signIn(page, site, 'ed.editor@northmoor.test')
  await page.goto(releaseUrl)
  const liftAt = new Date(Math.ceil((Date.now() + 50_000) / 60_000) * 60_000)
  await takeAction(page, 'Approve and schedule', async (dialog) => {
    await dialog.locator('input[name="publishAtLocal"]').fill(ukLocal(liftAt))
  })
  await expect(page.getByTestId('release-state')).toContainText('Scheduled — embargoed until')
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
  await expect(journalist.locator('.embargo-banner__line')).toContainText('EMBARGOED: not for publication until')
  await expect(journalist.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(journalist.getByText('Anyone with information should call 101.')).toBeVisible()
  await expect(journalist.locator('figure.quote figcaption')).toContainText('Helen Okafor')
  await expect(journalist.getByText('Read the full report on the HMICFRS website')).toBeVisible()
  const home = await journalist.goto(`${site}/`)
  expect(home!.status()).toBe(200)
  await expect(journalist.getByText(title)).toHaveCount(0)

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

test('the list of releases shows each one’s state and filters by it', async ({ page, site, request }) => {
  await createPerson(request, site, 'ed.editor@northmoor.test', 'Ed Editor', ['editor'])
  await signIn(page, site, 'ed.editor@northmoor.test')
  await page.goto(`${site}/admin/collections/news`)
  const scheduledRow = page.getByRole('row', { name: /Stop and search: force publishes/ })
  await expect(scheduledRow).toContainText(/Scheduled — embargoed until \d{2}:\d{2} on \w+day \d{1,2} \w+ \d{4} \(UK time\)/)
  await expect(page.getByRole('row', { name: /Summer drink and drug-drive/ })).toContainText('Draft')
  const filters = page.getByRole('navigation', { name: 'Filter releases by state' })
  await filters.getByRole('link', { name: 'Scheduled' }).click()
  await expect(page.getByRole('row', { name: /Stop and search: force publishes/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /Inspectors rate Northmoor Police/ })).toHaveCount(0)
  await expect(filters.getByRole('link', { name: 'Scheduled' })).toHaveAttribute('aria-current', 'page')
  await filters.getByRole('link', { name: 'Published' }).click()
  await expect(page.getByRole('row', { name: /Inspectors rate Northmoor Police/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /Stop and search: force publishes/ })).toHaveCount(0)
  await filters.getByRole('link', { name: 'Drafts' }).click()
  await expect(page.getByRole('row', { name: /Summer drink and drug-drive/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /Inspectors rate Northmoor Police/ })).toHaveCount(0)
})

import type { APIRequestContext } from '@playwright/test'

import { ADMIN } from './admins'
import { createPerson, PASSWORD, signIn } from './admin'
import { expect, test } from './fixtures'

const AUTHOR = 'desk.author@northmoor.test'
const EDITOR = 'desk.editor@northmoor.test'
const SCHEDULED = 'Stop and search: force publishes'

/** The REST API as one person. */
const as = async (request: APIRequestContext, site: string, email: string, password = PASSWORD) => {
  const login = await request.post(`${site}/api/users/login`, { data: { email, password } })
  expect(login.status()).toBe(200)
  const headers = { Authorization: `JWT ${(await login.json()).token}` }
  const post = async (path: string, data: Record<string, unknown>) => {
    const response = await request.post(`${site}${path}`, { headers, data })
    expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300)
    return response.json()
  }
  return { post }
}

test('every role’s dashboard loads with the demo content, showing what that role may see', async ({
  page,
  site,
  request,
}) => {
  test.setTimeout(120_000)
  await createPerson(request, site, AUTHOR, 'Dana Author', ['author'])
  await createPerson(request, site, EDITOR, 'Eli Editor', ['editor'])
  const author = await as(request, site, AUTHOR)
  const editor = await as(request, site, EDITOR)
  const admin = await as(request, site, ADMIN.email, ADMIN.password)
  const run = Date.now().toString(36)

  // The demo's scheduled release has a preview link, which only editors may read.
  const scheduled = await (
    await request.get(`${site}/api/news?where[title][like]=${SCHEDULED}&depth=0`)
  ).json()
  expect(scheduled.docs).toHaveLength(0) // under embargo: not public
  const adminLogin = await (await request.post(`${site}/api/users/login`, { data: ADMIN })).json()
  const found = await (
    await request.get(`${site}/api/news?where[title][like]=${SCHEDULED}&depth=0`, {
      headers: { Authorization: `JWT ${adminLogin.token}` },
    })
  ).json()
  await admin.post(`/api/news/${found.docs[0].id}/preview-links`, {
    label: `Northmoor Echo ${run}`,
  })

  // The author has a draft of their own, and another the editor returned with a note.
  const draft = (
    await author.post('/api/news?draft=true', {
      title: `Dog walkers asked to look out for fly-tipping ${run}`,
      summary: 'A summary.',
      _status: 'draft',
    })
  ).doc
  const sent = (
    await author.post('/api/news?draft=true', {
      title: `Witness appeal after Westbury crash ${run}`,
      summary: 'A summary.',
      _status: 'draft',
    })
  ).doc
  await author.post(`/api/news/${sent.id}/workflow/submit`, {})
  const note =
    'Please add the time of the crash and the officer’s collar number before this goes out.'
  await editor.post(`/api/news/${sent.id}/workflow/return`, { note })

  await signIn(page, site, AUTHOR)
  const response = await page.goto(`${site}/admin`)
  expect(response!.status()).toBe(200)
  await expect(page.getByRole('heading', { name: 'Press desk' })).toBeVisible()
  const returned = page
    .getByRole('region', { name: /Returned to you/ })
    .getByRole('listitem')
    .filter({ hasText: sent.title })
  await expect(returned).toContainText('Returned by Eli Editor')
  await expect(returned).toContainText(note)
  await expect(
    page.getByRole('region', { name: /Your drafts/ }).getByRole('link', { name: draft.title }),
  ).toBeVisible()
  const upcoming = page
    .getByRole('region', { name: /Upcoming embargoes/ })
    .getByRole('listitem')
    .filter({ hasText: SCHEDULED })
  await expect(upcoming).toContainText(/Lifts in/)
  await expect(upcoming).not.toContainText(/preview link/i)
  await expect(page.getByRole('region', { name: /Waiting for review/ })).toBeVisible()
  await expect(page.getByRole('region', { name: /Recently published/ })).toBeVisible()

  for (const email of [EDITOR, ADMIN.email]) {
    await page.context().clearCookies()
    await signIn(page, site, email, email === ADMIN.email ? ADMIN.password : PASSWORD)
    expect((await page.goto(`${site}/admin`))!.status()).toBe(200)
    const item = page
      .getByRole('region', { name: /Upcoming embargoes/ })
      .getByRole('listitem')
      .filter({ hasText: SCHEDULED })
    await expect(item).toContainText(`Northmoor Echo ${run} (not used yet, expires`)
    await expect(page.getByRole('region', { name: /Your drafts/ })).toBeVisible()
    // The author's return is theirs, not the editor's.
    await expect(page.getByRole('region', { name: /Returned to you/ })).toHaveCount(0)
  }
})

import { ADMIN } from './admins'
import { jpeg } from '../test/helpers/images'
import { expect, test } from './fixtures'

const FOUND_NOTICE = 'The person we appealed for has been found. Thank you for sharing our appeal.'

/**
 * A missing person's appeal in the browser, before and after "Found": their photo shows, then
 * the page at the same address shows the notice and no picture at all. The appeal is made and
 * found through the API, as the desk would; the reader's side is what is looked at.
 */
test('a missing person’s page shows their photo, and after "Found" no picture, only the notice', async ({
  page,
  site,
  request,
}) => {
  const login = await (await request.post(`${site}/api/users/login`, { data: ADMIN })).json()
  // Each call on a connection of its own: the server may close an idle kept-alive one just as it is reused.
  const headers = { Authorization: `JWT ${login.token}`, Connection: 'close' }
  const name = `Alex Penhaligon ${Date.now().toString(36)}`
  const uploaded = await request.post(`${site}/api/media`, {
    headers,
    multipart: {
      file: { name: 'missing.jpg', mimeType: 'image/jpeg', buffer: await jpeg(600, 750) },
      _payload: JSON.stringify({ alt: `${name}, head and shoulders` }),
    },
  })
  expect(uploaded.status()).toBe(201)
  const photo = (await uploaded.json()).doc
  const created = await request.post(`${site}/api/news?draft=true`, {
    headers,
    data: {
      kind: 'missing-person',
      title: 'Have you seen this teenager?',
      summary: 'Officers are concerned for a 14-year-old who has not been seen since Friday.',
      missingPerson: { name, age: 14, reference: 'NM/90210/26', photo: photo.id },
      _status: 'draft',
    },
  })
  expect(created.status()).toBe(201)
  const release = (await created.json()).doc
  for (const [action, data] of [
    ['submit', {}],
    ['approve', { force: true, forceReason: 'Published by the browser tests as a fixture.' }],
  ] as const) {
    const answer = await request.post(`${site}/api/news/${release.id}/workflow/${action}`, {
      headers,
      data,
    })
    expect(answer.status(), action).toBe(200)
  }

  await page.goto(`${site}/news/${release.slug}`)
  const picture = page.getByRole('img', { name: `${name}, head and shoulders` })
  await expect(picture).toBeVisible()
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(600)
  await expect(page.getByText('If you see them, call 999 quoting NM/90210/26.')).toBeVisible()

  const found = await request.post(`${site}/api/news/${release.id}/workflow/found`, {
    headers,
    data: {},
  })
  expect(found.status()).toBe(200)
  await page.goto(`${site}/news/${release.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Missing person found')
  await expect(page.getByText(FOUND_NOTICE)).toBeVisible()
  await expect(page.locator('main img')).toHaveCount(0)
  await expect(page.locator('img[src*="/api/media/"]')).toHaveCount(0)
  await expect(page.getByText(name)).toHaveCount(0)
})

test('each kind’s block fits a 320 px screen without scrolling sideways', async ({
  page,
  site,
}) => {
  await page.setViewportSize({ width: 320, height: 640 })
  for (const path of [
    '/news/appeal-cash-machine-raid-fenwick',
    '/news/wanted-appeal',
    '/news/man-jailed-for-stealing-tools-from-vans',
    '/news?kind=appeal',
  ]) {
    await page.goto(site + path)
    await expect(page.locator('main h1')).toBeVisible()
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      path,
    ).toBeLessThanOrEqual(320)
  }
  await page.goto(`${site}/news/wanted-appeal`)
  await expect(page.getByRole('link', { name: '999' })).toHaveAttribute('href', 'tel:999')
})

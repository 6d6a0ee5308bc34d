import { jpeg } from '../test/helpers/images'
import { ADMIN } from './admins'
import { signIn } from './admin'
import { expect, test } from './fixtures'

test('the admin is Newsroom for the force, not Payload: sign-in page, header, title and the tasks list', async ({
  page,
  site,
}) => {
  await page.goto(`${site}/admin/login`)
  const brand = page.locator('.newsroom-brand')
  await expect(brand).toContainText('Newsroom')
  await expect(brand).toContainText('Northmoor Police')
  await expect(page.locator('.graphic-logo')).toHaveCount(0)
  await expect(page).toHaveTitle(/Newsroom/)
  // No link-preview picture of Payload's logo.
  await expect(page.locator('meta[property="og:image"]')).toHaveCount(0)

  await signIn(page, site, ADMIN.email, ADMIN.password)
  await page.goto(`${site}/admin`)
  await expect(page.getByRole('link', { name: 'Newsroom, Northmoor Police' })).toBeVisible()
  await expect(page.locator('.graphic-icon')).toHaveCount(0)
  await expect(page.getByText('Payload Jobs')).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Background tasks' }).first()).toBeVisible()
})

test('the force’s logo from the site settings is on the sign-in page and in the header', async ({
  page,
  site,
  request,
}) => {
  const login = await (await request.post(`${site}/api/users/login`, { data: ADMIN })).json()
  // Each call on a connection of its own: the server may close an idle kept-alive one just as it is reused.
  const headers = { Authorization: `JWT ${login.token}`, Connection: 'close' }
  const uploaded = await request.post(`${site}/api/media`, {
    headers,
    multipart: {
      file: { name: 'crest.jpg', mimeType: 'image/jpeg', buffer: await jpeg(256, 256) },
      _payload: JSON.stringify({ alt: 'The Northmoor Police crest' }),
    },
  })
  expect(uploaded.status()).toBe(201)
  const logo = (await uploaded.json()).doc
  expect(
    (
      await request.post(`${site}/api/globals/site-settings`, { headers, data: { logo: logo.id } })
    ).status(),
  ).toBe(200)
  try {
    await page.goto(`${site}/admin/login`)
    const img = page.locator('.newsroom-brand__logo')
    await expect(img).toHaveAttribute('src', `/api/media/file/${logo.filename}`)
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
      .toBe(256)
    await signIn(page, site, ADMIN.email, ADMIN.password)
    await expect(
      page.getByRole('link', { name: 'Newsroom, Northmoor Police' }).locator('img'),
    ).toHaveAttribute('src', `/api/media/file/${logo.filename}`)
  } finally {
    await request.post(`${site}/api/globals/site-settings`, { headers, data: { logo: null } })
  }
})

test('a new release is headed “New release” until it has a title, and so is a new quote', async ({
  page,
  site,
}) => {
  await signIn(page, site, ADMIN.email, ADMIN.password)
  await page.goto(`${site}/admin/collections/news/create`)
  await page.waitForURL(/\/admin\/collections\/news\/\d+$/)
  const heading = page.locator('h1.render-title')
  await expect(heading).toHaveText('New release')
  // Payload's API tab is for developers, not the press office.
  await expect(page.locator('.doc-tabs').getByText('API', { exact: true })).toHaveCount(0)
  await page.locator('#field-title').fill('Cyclist hurt in Brackley Cross collision')
  await expect(heading).toHaveText('Cyclist hurt in Brackley Cross collision')
  await page.locator('#field-title').fill('')
  await expect(heading).toHaveText('New release')

  await page.goto(`${site}/admin/collections/quotes/create`)
  await expect(heading).toHaveText('New quote')
})

test('the quote picker in a release’s body tells two quotes from one speaker apart, in press-office words', async ({
  page,
  site,
  request,
}) => {
  // A second quote from the demo's Deputy Chief Constable.
  const login = await (await request.post(`${site}/api/users/login`, { data: ADMIN })).json()
  const second = await request.post(`${site}/api/quotes`, {
    headers: { Authorization: `JWT ${login.token}` },
    data: {
      speakerName: 'Helen Okafor',
      speakerRole: 'Deputy Chief Constable',
      organisation: 'Northmoor Police',
      text: 'Every officer we recruit is vetted again within five years.',
    },
  })
  expect(second.status()).toBe(201)

  await signIn(page, site, ADMIN.email, ADMIN.password)
  await page.goto(`${site}/admin/collections/news/create`)
  await page.waitForURL(/\/admin\/collections\/news\/\d+$/)
  await page.locator('#field-title').fill('Vetting: what the inspectors found')
  await page.getByRole('button', { name: /Quote or report link/ }).click()
  const drawer = page.locator('.list-drawer')
  await expect(drawer.getByText('Select a Collection to Browse')).toHaveCount(0)
  await expect(
    drawer.getByText(/Helen Okafor, Deputy Chief Constable: People in Northmoor have every right/),
  ).toBeVisible()
  await drawer
    .getByText(/Helen Okafor, Deputy Chief Constable: Every officer we recruit is vetted again/)
    .click()
  const card = page.locator('.rich-text-relationship')
  await expect(card).toContainText('Quote in the body')
  await expect(card).toContainText('Every officer we recruit is vetted again')
  await expect(page.getByText('Quote Relationship')).toHaveCount(0)

  // Whether the public can see a quote is said in words, not as an empty "Public From" date.
  await page.goto(`${site}/admin/collections/quotes/${(await second.json()).doc.id}`)
  await expect(page.locator('.newsroom-public-from')).toContainText(
    'Not public: no published release uses it yet.',
  )
  await expect(page.getByText('Public From')).toHaveCount(0)
})

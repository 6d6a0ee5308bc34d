import { expect, test } from './fixtures'

/**
 * The site opened at another address of the same server than SITE_URL (127.0.0.1 for
 * localhost, as an internal name or a health probe would): every picture still loads, and the
 * Content-Security-Policy (images from the site itself only) blocks none of them.
 */
test('every picture loads on a site opened at another address of the server', async ({
  page,
  site,
}) => {
  const other = site.replace('localhost', '127.0.0.1')
  expect(other).not.toBe(site)
  await page.goto(`${other}/`)
  const pictured = page
    .locator('li.release')
    .filter({ has: page.locator('img') })
    .first()
  const href = await pictured.locator('a[href^="/news/"]').first().getAttribute('href')
  for (const path of ['/', href!]) {
    await page.goto(other + path)
    const images = page.locator('main img')
    expect(await images.count(), path).toBeGreaterThan(0)
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded()
      await expect
        .poll(
          () => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
          { message: `${path}: ${await image.getAttribute('src')}` },
        )
        .toBe(true)
    }
  }
})

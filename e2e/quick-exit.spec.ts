import { expect, expectToHaveLeft, QUICK_EXIT_URL, test } from './fixtures'

const ARTICLE = '/news/inspectors-rate-force-good-at-vetting'

test.describe('the quick exit', () => {
  test('pressing Escape hides the page at once and leaves; Back does not bring the page back', async ({ page, site }) => {
    await page.goto(site + '/')
    await page.goto(site + ARTICLE)
    // Hold the destination back a moment, to see the page hidden before it arrives.
    await page.route(QUICK_EXIT_URL, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700))
      await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>BBC Weather</title><h1>Weather</h1>' })
    })
    await page.keyboard.press('Escape')
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).visibility).catch(() => 'gone')).not.toBe('visible')
    await expectToHaveLeft(page)
    await page.goBack()
    await expect(page).not.toHaveURL(site + ARTICLE)
    expect(page.url()).toBe(site + '/')
  })

  test('clicking "Leave this site" leaves, replacing the page in the history', async ({ page, site }) => {
    await page.goto(site + '/')
    await page.goto(site + ARTICLE)
    await page.getByRole('link', { name: 'Leave this site' }).click()
    await expectToHaveLeft(page)
    await page.goBack()
    expect(page.url()).toBe(site + '/')
  })

  test('Escape still leaves from inside a search box', async ({ page, site }) => {
    await page.goto(site + '/search')
    await page.getByLabel('Search news').fill('road closure')
    await page.getByLabel('Search news').press('Escape')
    await expectToHaveLeft(page)
  })

  test('Escape still leaves from inside an open dialog', async ({ page, site }) => {
    await page.goto(site + ARTICLE)
    await page.evaluate(() => {
      const dialog = document.createElement('dialog')
      dialog.innerHTML = '<label>Your name <input id="in-dialog"></label>'
      document.body.append(dialog)
      dialog.showModal()
      document.getElementById('in-dialog')!.focus()
    })
    await page.keyboard.press('Escape')
    await expectToHaveLeft(page)
  })

  test('pressing Shift three times leaves, telling screen readers how many presses are left', async ({ page, site }) => {
    await page.goto(site + ARTICLE)
    const status = page.locator('[data-quick-exit-status]')
    await expect(status).toHaveAttribute('aria-live', 'polite')
    await page.keyboard.press('Shift')
    await expect(status).toHaveText('Shift, press 2 more times to exit.')
    await page.keyboard.press('Shift')
    await expect(status).toHaveText('Shift, press 1 more time to exit.')
    await page.keyboard.press('Shift')
    await expectToHaveLeft(page)
  })

  test('two Shift presses then a pause of five seconds expire, and typing capitals never leaves', async ({ page, site }) => {
    await page.goto(site + '/search')
    const status = page.locator('[data-quick-exit-status]')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await expect(status).toHaveText('Exit this page expired.', { timeout: 7000 })
    await page.getByLabel('Search news').click()
    await page.keyboard.type('ABC Road Closure In Eastfield')
    await page.waitForTimeout(300)
    await expect(page).toHaveURL(/\/search$/)
  })

  test('works with JavaScript switched off: the button is a plain link to the destination', async ({ browser, site }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>BBC Weather</title><h1>Weather</h1>' }))
    await page.goto(site + ARTICLE)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Inspectors rate')
    const link = page.getByRole('link', { name: 'Leave this site' })
    await expect(link).toHaveAttribute('href', QUICK_EXIT_URL)
    await expect(link).toHaveAttribute('rel', /noreferrer/)
    await link.click()
    await expectToHaveLeft(page)
    await context.close()
  })
})

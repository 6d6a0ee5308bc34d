import { devices, type Page } from '@playwright/test'

import { expect, expectToHaveLeft, QUICK_EXIT_URL, test } from './fixtures'

const ARTICLE = '/news/inspectors-rate-force-good-at-vetting'
/** Where the reader was before they came to the site: Back after leaving must land here. */
const ELSEWHERE = 'https://www.bbc.co.uk/news'

/**
 * What the page shows as it goes, reported from inside it the moment an alert is filled in:
 * Playwright cannot look into a page once it has begun to navigate away.
 */
const watchLeaving = async (page: Page) => {
  const seen: { alert: string; main: boolean; button: boolean }[] = []
  await page.exposeFunction('reportLeaving', (state: (typeof seen)[number]) => seen.push(state))
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const alert = document.querySelector('[role="alert"]')
      if (!alert?.textContent) return
      const shown = (selector: string) => document.querySelector(selector)!.checkVisibility()
      ;(window as unknown as { reportLeaving: (state: object) => void }).reportLeaving({
        alert: alert.textContent,
        main: shown('main'),
        button: shown('[data-quick-exit]'),
      })
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
  return seen
}

/**
 * Waits until the quick-exit script has run on the page now shown (it adds the button's three
 * lights). A click made before that, while the page is still being parsed, is an ordinary
 * navigation that adds an entry to the history, as it would be for a reader that fast.
 */
const scriptReady = (page: Page) =>
  expect(page.locator('[data-quick-exit] .quick-exit__presses')).toBeAttached()

test.describe('the quick exit', () => {
  test('a whole visit is one entry in the history: Back after leaving from the fourth page lands where the reader was before', async ({
    page,
    site,
  }) => {
    await page.goto(ELSEWHERE)
    await page.goto(site + '/')
    const entries = await page.evaluate(() => history.length)
    await page.locator(`main a[href="${ARTICLE}"]`).first().click()
    await expect(page).toHaveURL(site + ARTICLE)
    await scriptReady(page)
    await page.locator('.article__category a').click()
    await expect(page).toHaveURL(/\/news\/category\//)
    await scriptReady(page)
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Search' })
      .click()
    await expect(page).toHaveURL(site + '/search')
    await scriptReady(page)
    await page.getByLabel('Search news').fill('vetting')
    await page.getByLabel('Search news').press('Enter')
    await expect(page).toHaveURL(/\/search\?q=vetting$/)
    await scriptReady(page)
    // The skip link moves within the page: that must not add an entry either.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect(page.locator('main')).toBeFocused()
    expect(await page.evaluate(() => history.length)).toBe(entries)

    await page.keyboard.press('Escape')
    await expectToHaveLeft(page)
    await page.goBack()
    expect(page.url()).toBe(ELSEWHERE)
  })

  test('pressing Escape covers the page at once and announces "Loading." as an alert, then leaves', async ({
    page,
    site,
  }) => {
    const seen = await watchLeaving(page)
    // The destination answers after a moment, so that the page's report of what it showed (sent
    // from inside it as it leaves) reaches the test before the page is gone: under load, a report
    // sent as the next page arrived was lost with the old page.
    await page.route(QUICK_EXIT_URL, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300))
      await route.fallback() // to the fixture's page (./fixtures.ts)
    })
    await page.goto(site + ARTICLE)
    await page.keyboard.press('Escape')
    await expectToHaveLeft(page)
    expect(seen[0]).toEqual({ alert: 'Loading.', main: false, button: false })
  })

  test('clicking "Leave this site" leaves, and Back does not bring the site back', async ({
    page,
    site,
  }) => {
    await page.goto(ELSEWHERE)
    await page.goto(site + '/')
    await page.locator(`main a[href="${ARTICLE}"]`).first().click()
    // The article, loaded with its script: on a loaded machine the click on "Leave this site"
    // could otherwise land while the home page was still leaving.
    await page.waitForURL(site + ARTICLE, { waitUntil: 'load' })
    await page.getByRole('link', { name: 'Leave this site' }).click()
    await expectToHaveLeft(page)
    await page.goBack()
    expect(page.url()).toBe(ELSEWHERE)
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

  test('pressing Shift three times leaves, showing each press and telling screen readers how many are left', async ({
    page,
    site,
  }) => {
    await page.goto(site + ARTICLE)
    const status = page.locator('[data-quick-exit-status]')
    const lit = page.locator('[data-quick-exit] .quick-exit__press--on')
    await expect(page.locator('[data-quick-exit] .quick-exit__presses')).toBeHidden()
    await page.keyboard.press('Shift')
    await expect(status).toHaveText('Shift, press 2 more times to exit.')
    await expect(page.locator('[data-quick-exit] .quick-exit__presses')).toBeVisible()
    await expect(lit).toHaveCount(1)
    await page.keyboard.press('Shift')
    await expect(status).toHaveText('Shift, press 1 more time to exit.')
    await expect(lit).toHaveCount(2)
    await page.keyboard.press('Shift')
    await expectToHaveLeft(page)
  })

  test('the five seconds start again at each Shift press', async ({ page, site }) => {
    // The page's clock is the test's: three seconds pass when the test says, not by waiting.
    await page.clock.install()
    await page.goto(site + ARTICLE)
    await page.keyboard.press('Shift')
    await page.clock.fastForward(3000)
    await page.keyboard.press('Shift')
    await page.clock.fastForward(3000)
    await page.keyboard.press('Shift')
    await expectToHaveLeft(page)
  })

  test('a pause of five seconds after two Shift presses expires them, and typing capitals never leaves', async ({
    page,
    site,
  }) => {
    await page.clock.install()
    await page.goto(site + '/search')
    const status = page.locator('[data-quick-exit-status]')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.clock.fastForward(5100)
    await expect(status).toHaveText('Exit this page expired.')
    await expect(page.locator('[data-quick-exit] .quick-exit__presses')).toBeHidden()
    await page.getByLabel('Search news').click()
    await page.keyboard.type('ABC Road Closure In Eastfield')
    await page.waitForTimeout(300)
    await expect(page).toHaveURL(/\/search$/)
  })

  test('the hint names both keys, on a computer with JavaScript', async ({ page, site }) => {
    await page.goto(site + ARTICLE)
    const hint = page.locator('.quick-exit__hint')
    await expect(hint).toBeVisible()
    await expect(hint).toContainText('Escape')
    await expect(hint).toContainText('Shift 3 times')
  })

  test('on a phone the hint stays hidden, since the keys it names are not there, until a key is pressed', async ({
    browser,
    site,
  }) => {
    const context = await browser.newContext({ ...devices['Pixel 7'] })
    const page = await context.newPage()
    await page.goto(site + ARTICLE)
    await expect(page.getByRole('link', { name: 'Leave this site' })).toBeVisible()
    await expect(page.locator('.quick-exit__hint')).toBeHidden()
    // A keyboard plugged into a tablet: now the keys work, so say so.
    await page.keyboard.press('a')
    await expect(page.locator('.quick-exit__hint')).toBeVisible()
    await context.close()
  })

  test('in forced-colours mode the button keeps a visible box', async ({ page, site }) => {
    await page.emulateMedia({ forcedColors: 'active' })
    await page.goto(site + ARTICLE)
    const border = await page
      .locator('[data-quick-exit]')
      .evaluate(
        (a) =>
          [
            getComputedStyle(a).borderTopStyle,
            parseFloat(getComputedStyle(a).borderTopWidth),
          ] as const,
      )
    expect(border[0]).not.toBe('none')
    expect(border[1]).toBeGreaterThanOrEqual(2)
  })

  test('works with JavaScript switched off: the button is a plain link, and no hint names keys that do nothing', async ({
    browser,
    site,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.route('https://www.bbc.co.uk/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>BBC Weather</title><h1>Weather</h1>',
      }),
    )
    await page.goto(site + ARTICLE)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Inspectors rate')
    await expect(page.locator('.quick-exit__hint')).toBeHidden()
    const link = page.getByRole('link', { name: 'Leave this site' })
    await expect(link).toHaveAttribute('href', QUICK_EXIT_URL)
    await expect(link).toHaveAttribute('rel', /noreferrer/)
    await link.click()
    await expectToHaveLeft(page)
    await context.close()
  })
})

import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

export { expect }

export const QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather'

/** The running Newsroom (started by global-setup.ts), and the quick-exit destination answered locally: there is no network here. */
export const test = base.extend<{ site: string }>({
  site: async ({}, use) => {
    await use(process.env.NEWSROOM_E2E_URL!)
  },
  page: async ({ page }, use) => {
    await page.route('https://www.bbc.co.uk/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>BBC Weather</title><h1>Weather</h1>',
      }),
    )
    // Every test also proves the security headers break nothing: the browser reports
    // anything a Content-Security-Policy blocked on the console, and there must be none.
    const blocked: string[] = []
    page.on('console', (message) => {
      if (!/Content Security Policy/i.test(message.text())) return
      // Chromium's own XML viewer styles a sitemap inline; the site's policy rightly stops it,
      // and nothing of the site's is lost (the sitemap is for search engines).
      if (
        /\.xml$/.test(new URL(page.url()).pathname) &&
        /Applying inline style/.test(message.text())
      )
        return
      blocked.push(`${page.url()}: ${message.text()}`)
    })
    await use(page)
    expect(blocked, 'blocked by a Content-Security-Policy').toEqual([])
  },
})

export const expectToHaveLeft = async (page: Page) => {
  await expect(page).toHaveURL(QUICK_EXIT_URL)
  await expect(page.locator('h1')).toHaveText('Weather')
}

/**
 * axe finds no WCAG 2.2 AA (or best-practice) violations on the page shown, once it has loaded:
 * checked while a page reached by a click is still arriving, its stylesheet not yet applied,
 * every link is a line of bare text, too small a target.
 */
export const expectNoViolations = async (page: Page, what: string) => {
  await page.waitForLoadState('load')
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  expect(
    results.violations.map(
      (v) => `${what}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([])
}

import { test as base, expect, type Page } from '@playwright/test'

export { expect }

export const QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather'

/** The running Newsroom (started by global-setup.ts), and the quick-exit destination answered locally: there is no network here. */
export const test = base.extend<{ site: string }>({
  site: async ({}, use) => {
    await use(process.env.NEWSROOM_E2E_URL!)
  },
  page: async ({ page }, use) => {
    await page.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>BBC Weather</title><h1>Weather</h1>' }))
    await use(page)
  },
})

export const expectToHaveLeft = async (page: Page) => {
  await expect(page).toHaveURL(QUICK_EXIT_URL)
  await expect(page.locator('h1')).toHaveText('Weather')
}

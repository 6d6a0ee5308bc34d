import { defineConfig } from '@playwright/test'

/**
 * Browser tests in Debian's Chromium (/usr/bin/chromium): Playwright cannot download its
 * own browsers here. e2e/global-setup.ts builds the admin if needed and starts Newsroom
 * with the demo content on a fresh database.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    // The people who use Newsroom are in the UK.
    timezoneId: 'Europe/London',
    locale: 'en-GB',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
    screenshot: 'only-on-failure',
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    trace: 'off',
  },
})

import { defineConfig } from '@playwright/test'

/** Specs that change the site settings for a while (hostile words in them, a logo). */
const SETTINGS_CHANGERS = ['**/hostile.spec.ts', '**/admin-words.spec.ts']

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
  // Two files at a time, one a core (the browser and the server share them). Each worker signs
  // in as an admin of its own (e2e/admins.ts): Payload keeps an account's sessions as one list
  // it reads and writes back, so one admin for both once dropped a session mid-test. The files
  // make people and releases of their own; the two that change the site settings, which every
  // page shows, run last and alone (projects below).
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  projects: [
    { name: 'site and desk', testIgnore: SETTINGS_CHANGERS },
    // One after the other, each alone: each changes what every page shows.
    { name: 'hostile settings', testMatch: '**/hostile.spec.ts', dependencies: ['site and desk'] },
    {
      name: 'the force logo',
      testMatch: '**/admin-words.spec.ts',
      dependencies: ['hostile settings'],
    },
  ],
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

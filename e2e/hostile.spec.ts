import type { Page } from '@playwright/test'

import { signIn, type Api } from '../test/helpers/api'
import { X, plantHostileContent, type Planted } from '../test/helpers/hostileContent'
import { ADMIN } from './admins'
import { expect, test } from './fixtures'

/**
 * Hostile text in every field (test/helpers/hostileContent.ts), shown in a real browser on
 * every public page, feed and sitemap: no dialog opens, nothing is injected, and the words
 * are shown as the words the editor typed.
 */
let admin: Api
let planted: Planted

test.beforeAll(async () => {
  admin = await signIn(process.env.NEWSROOM_E2E_URL!, ADMIN.email, ADMIN.password)
  planted = await plantHostileContent(admin)
})

test.afterAll(async () => {
  // Leave the demo site as it was for the other browser tests.
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    globalType: _g,
    ...settings
  } = planted.settingsBefore
  expect((await admin.post('/api/globals/site-settings', settings)).status).toBe(200)
  expect((await admin.delete(`/api/news/${planted.releaseId}`)).status).toBe(200)
})

/** Dialogs opened while `visit` runs: a script injected by the content would open one. */
const dialogsDuring = async (page: Page, visit: () => Promise<void>) => {
  const opened: string[] = []
  const listener = (dialog: { message: () => string; dismiss: () => Promise<void> }) => {
    opened.push(dialog.message())
    void dialog.dismiss()
  }
  page.on('dialog', listener)
  try {
    await visit()
    // Give an onerror or onload handler its chance to run.
    await page.waitForTimeout(300)
  } finally {
    page.off('dialog', listener)
  }
  return opened
}

/** Elements and attributes that only an injection would have put there. */
const injected = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = []
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const name of element.getAttributeNames())
        if (name.toLowerCase().startsWith('on')) found.push(`<${element.localName} ${name}>`)
      if (['svg', 'iframe', 'object', 'embed', 'base'].includes(element.localName))
        found.push(`<${element.localName}>`)
    }
    for (const script of Array.from(document.scripts)) {
      const ownFile = script.src !== '' && new URL(script.src).origin === location.origin
      if (!ownFile && script.type !== 'application/ld+json')
        found.push(`script: ${script.outerHTML.slice(0, 80)}`)
    }
    for (const image of Array.from(document.images))
      if (!image.src.startsWith(`${location.origin}/api/media/`)) found.push(`img: ${image.src}`)
    return found
  })

test('hostile text on the public pages runs nothing and injects nothing', async ({
  page,
  site,
}) => {
  const pages = [
    '/',
    '/news',
    `/news/${planted.releaseSlug}`,
    `/news/category/${planted.categorySlug}`,
    `/search?q=${encodeURIComponent('title script')}`,
    `/search?q=${encodeURIComponent(X.attribute)}`,
    '/accessibility',
    '/no-such-page',
  ]
  for (const path of pages) {
    const dialogs = await dialogsDuring(page, async () => {
      await page.goto(site + path)
      // Hovering and focusing are how some payloads fire.
      for (const link of await page.locator('footer a').all()) await link.hover()
      await page.keyboard.press('Tab')
    })
    expect(dialogs, path).toEqual([])
    expect(await injected(page), path).toEqual([])
  }

  // The editor's words, shown as words.
  await page.goto(`${site}/news/${planted.releaseSlug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Title ${X.title} ${X.attribute}`,
  )
  await expect(page.locator('figure.quote figcaption')).toContainText(`Name ${X.script}`)
  await expect(page.getByText(`Note ${X.script}`)).toBeVisible()
  await expect(page.locator('.beta-banner')).toContainText(`Beta ${X.script}`)
  expect(await page.title()).toBe(`Meta ${X.title} · Force ${X.title}`)
})

test('hostile text in the feeds and sitemaps runs nothing in the browser', async ({
  page,
  site,
}) => {
  for (const path of [
    '/feed.xml',
    '/feed.atom',
    '/feed.json',
    '/sitemap.xml',
    '/news-sitemap.xml',
  ]) {
    const dialogs = await dialogsDuring(page, async () => {
      const response = await page.goto(site + path)
      expect(response!.status(), path).toBe(200)
    })
    expect(dialogs, path).toEqual([])
    // An XML document runs a <script> in the XHTML namespace: there is none.
    const scripts = await page.evaluate(
      () => document.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'script').length,
    )
    expect(scripts, path).toBe(0)
  }
})

import type { Locator, Page } from '@playwright/test'

import { signIn } from '../test/helpers/api'
import { publishRelease } from '../test/helpers/releases'
import { ADMIN } from './admins'
import { expect, test } from './fixtures'

const ARTICLE = '/news/inspectors-rate-force-good-at-vetting'

/** WCAG's text spacing (1.4.12), as a reader's style sheet sets it; constructed, since the site's CSP rightly refuses inline style. */
const applyTextSpacing = (page: Page) =>
  page.evaluate(() => {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(
      '*{line-height:1.5!important;letter-spacing:.12em!important;word-spacing:.16em!important}p{margin-bottom:2em!important}',
    )
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  })

/** Tabs (forwards) until the element has the focus, as a keyboard user gets there. */
const tabTo = async (page: Page, target: Locator) => {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error('never reached by Tab')
}

/** An element's text and background colours, the background being what shows through where its own is transparent. */
const colours = (target: Locator) =>
  target.evaluate((el) => {
    const opaque = (colour: string) => colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)
    let background = 'rgb(255, 255, 255)'
    for (let at: Element | null = el; at; at = at.parentElement) {
      const colour = getComputedStyle(at).backgroundColor
      if (opaque(colour)) {
        background = colour
        break
      }
    }
    return { text: getComputedStyle(el).color, background }
  })

/** WCAG's contrast ratio of two rgb() colours. */
const contrast = (a: string, b: string) => {
  const luminance = (colour: string) => {
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? [])
      .map(Number)
      .map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

test.describe('focus', () => {
  for (const [name, path, locate] of [
    ['the site name in the header', '/', (page: Page) => page.locator('.site-header__name')],
    [
      '"News" in the header',
      '/',
      (page: Page) =>
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'News' }),
    ],
    [
      '"Search" in the header',
      '/',
      (page: Page) =>
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }),
    ],
    ['the search button', '/search', (page: Page) => page.locator('.search-form button')],
  ] as const) {
    test(`${name} shows its focus plainly, with text that can be read on it (WCAG 1.4.3, 2.4.7)`, async ({
      page,
      site,
    }) => {
      await page.goto(site + path)
      const target = locate(page)
      const before = await colours(target)
      await tabTo(page, target)
      const focused = await colours(target)
      expect(
        contrast(focused.text, focused.background),
        'text on the focused background',
      ).toBeGreaterThanOrEqual(4.5)
      expect(
        contrast(focused.background, before.background),
        'focused against unfocused',
      ).toBeGreaterThanOrEqual(3)
    })
  }

  test('tabbing backwards never leaves the focused link under the quick-exit bar (WCAG 2.4.11)', async ({
    page,
    site,
  }) => {
    await page.setViewportSize({ width: 1024, height: 600 })
    await page.goto(site + '/')
    const links = page.locator('.release__title a')
    // The third headline sits just under the top of the window, where the sticky bar covers it,
    // and the fourth has the focus: Shift+Tab goes back to the third.
    await links.nth(3).focus()
    await links.nth(2).evaluate((a) => window.scrollBy(0, a.getBoundingClientRect().top - 8))
    await page.keyboard.press('Shift+Tab')
    await expect(links.nth(2)).toBeFocused()
    const [top, barBottom] = await links
      .nth(2)
      .evaluate((a) => [
        a.getBoundingClientRect().top,
        document.querySelector('.quick-exit')!.getBoundingClientRect().bottom,
      ])
    expect(top).toBeGreaterThanOrEqual(barBottom!)
  })
})

test.describe('small screens and zoom', () => {
  for (const [name, spacing] of [
    ['', false],
    [' with WCAG text spacing', true],
  ] as const) {
    test(`at 320 by 256 pixels (400% zoom)${name}, the part that stays in view is the button alone and takes a quarter of the screen at most`, async ({
      page,
      site,
    }) => {
      await page.setViewportSize({ width: 320, height: 256 })
      await page.goto(site + ARTICLE)
      if (spacing) await applyTextSpacing(page)
      await page.evaluate(() => window.scrollTo(0, 2000))
      const sticky = await page.evaluate(() =>
        [...document.body.querySelectorAll('*')]
          .filter((el) => ['sticky', 'fixed'].includes(getComputedStyle(el).position))
          .map((el) => el.getBoundingClientRect())
          .filter((box) => box.bottom > 0 && box.height > 0)
          .reduce((low, box) => Math.max(low, box.bottom), 0),
      )
      expect(sticky / 256).toBeLessThanOrEqual(0.25)
      await expect(page.getByRole('link', { name: 'Leave this site' })).toBeInViewport()
    })
  }

  test('a long e-mail address wraps at 320 pixels, in an article and in a search result (WCAG 1.4.10)', async ({
    page,
    site,
  }) => {
    const address =
      'freedom-of-information.requests.northmoor@northmoor-constabulary.police.example.uk'
    const admin = await signIn(site, ADMIN.email, ADMIN.password)
    const release = await publishRelease(
      admin,
      {
        title: 'Kestrelford information requests now answered by e-mail',
        summary: `Kestrelford residents can write to ${address} with any question.`,
        body: [{ children: [{ text: `Write to ${address} or call 101.` }] }],
      },
      { publishAt: new Date(Date.now() - 400 * 24 * 3600_000).toISOString() },
    )
    await page.setViewportSize({ width: 320, height: 640 })
    for (const path of [`/news/${release.slug}`, '/search?q=kestrelford']) {
      await page.goto(site + path)
      await expect(page.getByText(address).first()).toBeVisible()
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(width, path).toBeLessThanOrEqual(320)
    }
  })
})

test('the report link is named as it reads, then the report, with no stray space', async ({
  page,
  site,
}) => {
  await page.goto(site + ARTICLE)
  await expect(page.locator('.report__link')).toHaveAccessibleName(
    'Read the full report on the HMICFRS website: An inspection of vetting and counter-corruption in Northmoor Police',
  )
})

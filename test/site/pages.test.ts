import http from 'node:http'

import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { FOUND_NOTICE, FOUND_TITLE } from '../../src/releases/kinds'
import { demoReleases, isListedDemo } from '../../src/seed/content'
import { signIn, type Api } from '../helpers/api'
import { get } from '../helpers/fetch'
import { parseHtml } from '../helpers/html'
import { ADMIN, startServer, type TestServer } from '../helpers/server'
import { publishRelease, transition } from '../helpers/releases'

let server: TestServer
let admin: Api

const published = demoReleases.filter(isListedDemo)
const hoursAgo = (release: (typeof demoReleases)[number]) =>
  (release.timing as { publishedHoursAgo: number }).publishedHoursAgo
const newestFirst = (releases: typeof demoReleases) =>
  [...releases].sort((a, b) => hoursAgo(a) - hoursAgo(b))
const found = demoReleases.find((r) => r.police?.kind === 'missing-person')!
const scheduled = demoReleases.find((r) => 'scheduledInHours' in r.timing)!
const draft = demoReleases.find((r) => 'draft' in r.timing)!
const inspection = demoReleases[0]!

beforeAll(async () => {
  server = await startServer({ seed: true })
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
})
afterAll(async () => {
  await server?.stop()
})

const page = async (path: string, status = 200) => {
  const response = await get(server.url + path)
  expect(response.status, `${path}: ${response.body.slice(0, 300)}`).toBe(status)
  return { ...response, html: parseHtml(response.body) }
}

describe('on every page', () => {
  for (const path of [
    '/',
    '/news',
    `/news/${inspection.slug}`,
    '/news/category/appeals',
    '/search?q=vetting',
    '/accessibility',
    '/no-such-page',
  ]) {
    it(`${path} has the quick exit, a skip link, the header, the beta banner, landmarks and the footer`, async () => {
      const { html, body } = await get(server.url + path).then((r) => ({
        ...r,
        html: parseHtml(r.body),
      }))
      const exit = html.one('a', (a) => 'data-quick-exit' in a.attrs)!
      expect(exit.text).toBe('Leave this site')
      expect(exit.attrs.href).toBe('https://www.bbc.co.uk/weather')
      expect(exit.attrs.rel).toContain('noreferrer')
      expect(body).toContain('To leave this site at once, press Escape, or press Shift 3 times.')
      const scripts = html.find('script')
      expect(scripts.filter((s) => s.attrs.src).map((s) => s.attrs.src!.split('?')[0])).toEqual([
        '/quick-exit.js',
      ])
      expect(
        scripts.filter((s) => !s.attrs.src).every((s) => s.attrs.type === 'application/ld+json'),
      ).toBe(true)
      expect(html.one('a', (a) => a.attrs.href === '#main')?.text).toBe('Skip to main content')
      expect(html.one('main')?.attrs.id).toBe('main')
      expect(html.find('header').length).toBeGreaterThan(0)
      expect(html.find('footer').length).toBeGreaterThan(0)
      expect(html.one('a', (a) => a.attrs.class === 'site-header__name')?.text).toBe(
        'Northmoor Police',
      )
      expect(html.one('div', (d) => d.attrs.class === 'beta-banner')?.text).toContain(
        'Give feedback',
      )
      expect(html.find('h1')).toHaveLength(1)
      expect(html.one('html')?.attrs.lang).toBe('en-GB')
    })
  }
})

describe('listings', () => {
  it('the home page lists the published releases, newest first, and nothing under embargo or in draft', async () => {
    const { html, body } = await page('/')
    const titles = html
      .find('h2')
      .filter((h) => h.attrs.class === 'release__title')
      .map((h) => h.text)
    expect(titles).toEqual(newestFirst(published).map((r) => r.title))
    expect(body).not.toContain(scheduled.title)
    expect(body).not.toContain(draft.title)
    expect(titles).not.toContain(FOUND_TITLE)
  })

  it('/news is the same list, and refuses a page number that is not a number with a clear 400', async () => {
    await page('/news')
    const bad = await page('/news?page=abc', 400)
    expect(bad.body).toContain('The page number in the address must be a whole number')
    await page('/news?page=0', 400)
    await page('/news?page=2', 404)
  })

  it('pages 12 releases at a time with previous and next links', async () => {
    for (let i = 1; i <= 8; i++) {
      await publishRelease(
        admin,
        { title: `Extra release ${i}`, summary: `Summary ${i}` },
        { publishAt: new Date(Date.now() - (200 + i) * 3600_000).toISOString() },
      )
    }
    const first = await page('/news')
    expect(first.html.find('li').filter((li) => li.attrs.class === 'release')).toHaveLength(12)
    expect(first.html.one('a', (a) => a.attrs.rel === 'next')?.attrs.href).toBe('/news?page=2')
    expect(first.html.one('a', (a) => a.attrs.rel === 'prev')).toBeUndefined()
    const second = await page('/news?page=2')
    expect(second.html.find('li').filter((li) => li.attrs.class === 'release')).toHaveLength(
      published.length + 8 - 12,
    )
    expect(second.html.one('a', (a) => a.attrs.rel === 'prev')?.attrs.href).toBe('/news')
    expect(second.html.one('link', (l) => l.attrs.rel === 'canonical')?.attrs.href).toBe(
      `${server.url}/news?page=2`,
    )
  })

  it('lists one category at /news/category/:slug, and answers 404 for a category that does not exist', async () => {
    const { html } = await page('/news/category/appeals')
    expect(html.one('h1')?.text).toBe('Appeals')
    const titles = html
      .find('h2')
      .filter((h) => h.attrs.class === 'release__title')
      .map((h) => h.text)
    expect(titles).toEqual(
      newestFirst(published.filter((r) => r.category === 'appeals')).map((r) => r.title),
    )
    await page('/news/category/no-such-topic', 404)
  })
})

describe('a release page', () => {
  it('shows the headline, the UK time in a <time> with its offset, the summary and the body', async () => {
    const { html } = await page(`/news/${inspection.slug}`)
    expect(html.one('h1')?.text).toBe(inspection.title)
    const time = html.one('time')!
    expect(time.text).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/)
    expect(time.attrs.datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
    expect(html.text).toContain(inspection.summary)
    expect(html.find('h2').map((h) => h.text)).toContain('What the inspectors found')
    expect(html.find('li').map((li) => li.text)).toContain(
      'The force’s approach to recording vetting decisions is being taken up by neighbouring forces.',
    )
  })

  it('shows the hero picture with a srcset of the WebP sizes', async () => {
    const { html } = await page(`/news/${inspection.slug}`)
    const hero = html.one('img', (img) => img.attrs.fetchpriority === 'high')!
    expect(hero.attrs.alt).toContain('headquarters')
    expect(hero.attrs.srcset).toMatch(/640x360\.webp 640w/)
    expect(hero.attrs.srcset).toMatch(/1280x720\.webp 1280w/)
    expect(hero.attrs.srcset).toMatch(/1920x1080\.webp 1920w/)
    expect(hero.attrs.sizes).toBeTruthy()
    expect(hero.attrs.src).toMatch(/^\/api\/media\/file\//)
    const image = await fetch(server.url + hero.attrs.src!)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/webp')
  })

  it('shows each quote as a figure: the words in a blockquote, the speaker, role and organisation in the caption', async () => {
    const { html } = await page(`/news/${inspection.slug}`)
    const figures = html.find('figure').filter((f) => f.attrs.class === 'quote')
    expect(figures).toHaveLength(2)
    const caption = (figures[0]!.node.childNodes ?? []).find((n) => n.nodeName === 'figcaption')
    expect(caption).toBeTruthy()
    expect(figures[0]!.text).toContain('Helen Okafor, Deputy Chief Constable, Northmoor Police')
    expect((figures[0]!.node.childNodes ?? []).some((n) => n.nodeName === 'blockquote')).toBe(true)
  })

  it('shows the report link as a card with its findings and grades', async () => {
    const { html } = await page(`/news/${inspection.slug}`)
    const card = html.one('section', (s) => s.attrs.class === 'report')!
    expect(card.text).toContain('Read the full report on the HMICFRS website')
    const rows = html.find('tr').map((tr) => tr.text)
    expect(rows).toContain('VettingGood')
    expect(rows).toContain('Counter-corruptionAdequate')
    expect(html.one('a', (a) => a.attrs.class === 'report__link')?.attrs.href).toBe(
      'https://hmicfrs.justiceinspectorates.gov.uk/publications/',
    )
  })

  it('shows its own recruitment call to action, or the site default while that is running', async () => {
    const own = await page('/news/special-constables-recruitment-opens')
    expect(own.html.one('aside', (a) => a.attrs.class === 'cta')?.text).toContain(
      'Become a special constable',
    )
    const fallback = await page('/news/appeal-after-fatal-collision-a614')
    expect(fallback.html.one('aside', (a) => a.attrs.class === 'cta')?.text).toContain(
      'Could you police Northmoor?',
    )
  })

  it('has a head with title, description, canonical, Open Graph and Twitter tags, and NewsArticle JSON-LD', async () => {
    const { html } = await page(`/news/${inspection.slug}`)
    expect(html.one('title')?.text).toBe(`${inspection.title} · Northmoor Police`)
    expect(html.meta('description')).toBe(inspection.summary)
    const canonical = `${server.url}/news/${inspection.slug}`
    expect(html.one('link', (l) => l.attrs.rel === 'canonical')?.attrs.href).toBe(canonical)
    expect(html.meta('og:url')).toBe(canonical)
    expect(html.meta('og:type')).toBe('article')
    expect(html.meta('og:title')).toBe(inspection.title)
    expect(html.meta('og:image')).toMatch(/1200x630\.webp$/)
    expect([html.meta('og:image:width'), html.meta('og:image:height')]).toEqual(['1200', '630'])
    expect(html.meta('twitter:card')).toBe('summary_large_image')
    expect(html.meta('twitter:image')).toBe(html.meta('og:image'))
    const jsonLd = JSON.parse(
      html.one('script', (s) => s.attrs.type === 'application/ld+json')!.text,
    )
    expect(jsonLd['@type']).toBe('NewsArticle')
    expect(jsonLd.headline).toBe(inspection.title)
    expect(jsonLd.datePublished).toMatch(/[+-]\d{2}:\d{2}$/)
    expect(jsonLd.dateModified).toBe(jsonLd.datePublished)
    expect(jsonLd.image).toEqual([html.meta('og:image')])
    expect(jsonLd.author[0].name).toBe('Northmoor Police')
    expect(jsonLd.publisher.name).toBe('Northmoor Police')
    expect((await fetch(jsonLd.publisher.logo.url)).headers.get('content-type')).toBe('image/png')
  })

  it('shows "Updated" with the time and note of a major change after publication, and moves dateModified', async () => {
    const { body } = await admin.get(`/api/news?where[slug][equals]=${inspection.slug}&depth=0`)
    const release = body.docs[0]
    expect(
      (
        await admin.patch(`/api/news/${release.id}?draft=true`, {
          summary: `${inspection.summary} HM Inspector Martin Cole has also commented.`,
        })
      ).status,
    ).toBe(200)
    const amended = await transition(admin, release.id, 'amend', {
      change: 'major',
      note: 'Quote from HM Inspector added.',
    })
    expect(amended.status).toBe(200)
    const at = amended.body.doc.amendments.at(-1).at as string
    const { html } = await page(`/news/${inspection.slug}`)
    const updated = html.one('p', (p) => p.attrs.class === 'article__updated')!
    expect(updated.text).toMatch(
      /^Updated \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}: Quote from HM Inspector added\.$/,
    )
    expect(
      Date.parse(
        updated.node
          .childNodes!.find((n) => n.nodeName === 'time')!
          .attrs!.find((a) => a.name === 'datetime')!.value,
      ),
    ).toBe(Date.parse(at))
    const jsonLd = JSON.parse(
      html.one('script', (s) => s.attrs.type === 'application/ld+json')!.text,
    )
    expect(Date.parse(jsonLd.dateModified)).toBe(Date.parse(at))
    expect(Date.parse(jsonLd.datePublished)).toBeLessThan(Date.parse(at))
    expect(html.text).toContain('HM Inspector Martin Cole has also commented.')
  })

  it('moves neither the "Updated" line nor dateModified for a minor change', async () => {
    const { body } = await admin.get(
      `/api/news?where[slug][equals]=appeal-after-fatal-collision-a614&depth=0`,
    )
    const release = body.docs[0]
    await admin.patch(`/api/news/${release.id}?draft=true`, { title: `${release.title}.` })
    expect((await transition(admin, release.id, 'amend', { change: 'minor' })).status).toBe(200)
    const { html } = await page('/news/appeal-after-fatal-collision-a614')
    expect(html.one('h1')?.text).toBe(`${release.title}.`)
    expect(html.one('p', (p) => p.attrs.class === 'article__updated')).toBeUndefined()
    const jsonLd = JSON.parse(
      html.one('script', (s) => s.attrs.type === 'application/ld+json')!.text,
    )
    expect(jsonLd.dateModified).toBe(jsonLd.datePublished)
  })

  it('answers 404 for a release under embargo, a draft, and a slug that does not exist', async () => {
    for (const slug of [scheduled.slug, draft.slug, 'no-such-release']) {
      const { body } = await page(`/news/${slug}`, 404)
      expect(body).not.toContain(scheduled.title)
    }
  })

  it('shows the time of a summer release in BST and a winter one in GMT', async () => {
    for (const [iso, shown, offset] of [
      ['2025-06-19T11:45:00.000Z', '12:45 19/06/2025', '+01:00'],
      ['2025-12-19T12:45:00.000Z', '12:45 19/12/2025', '+00:00'],
    ] as const) {
      const created = await publishRelease(
        admin,
        { title: `Release at ${iso}`, summary: 'Timing check.' },
        { publishAt: iso },
      )
      const { html } = await page(`/news/${created.slug}`)
      const time = html.one('time')!
      expect(time.text).toBe(shown)
      expect(time.attrs.datetime).toBe(`${iso.slice(0, 11)}${shown.slice(0, 5)}:00${offset}`)
    }
  })
})

describe('search', () => {
  it('finds public releases by words in the title, summary or body, best first, highlighted, with a count', async () => {
    const { html } = await page('/search?q=vetting')
    const count = html.one('h2', (h) => h.attrs.class === 'search-count')!
    expect(count.text).toMatch(/^\d+ results? for “vetting”$/)
    const titles = html
      .find('h3')
      .filter((h) => h.attrs.class === 'release__title')
      .map((h) => h.text)
    expect(titles[0]).toBe(inspection.title)
    expect(html.find('mark').map((m) => m.text.toLowerCase())).toContain('vetting')
  })

  it('finds words that are only in the body', async () => {
    const { html } = await page('/search?q=doorbell+fingerprint')
    const titles = html
      .find('h3')
      .filter((h) => h.attrs.class === 'release__title')
      .map((h) => h.text)
    expect(titles).toEqual(['Man who broke into nine homes in Eastfield jailed for six years'])
    expect(
      html
        .find('mark')
        .map((m) => m.text.toLowerCase())
        .sort(),
    ).toEqual(['doorbell', 'fingerprint'])
  })

  it('never finds a release under embargo', async () => {
    const { html, body } = await page('/search?q=stop+search+panel')
    expect(body).not.toContain(scheduled.title)
    expect(html.one('h2', (h) => h.attrs.class === 'search-count')?.text).toMatch(
      /^No releases match/,
    )
  })

  it('shows the form alone for an empty search, and refuses an over-long one with a clear 400', async () => {
    const empty = await page('/search')
    expect(empty.html.one('input', (i) => i.attrs.name === 'q')).toBeTruthy()
    expect(empty.html.one('h2', (h) => h.attrs.class === 'search-count')).toBeUndefined()
    const long = await page(`/search?q=${'a'.repeat(300)}`, 400)
    expect(long.body).toContain('Enter 200 characters or fewer.')
  })
})

describe('feeds and sitemaps', () => {
  const parser = new Parser()

  it('/feed.xml is RSS 2.0 that a feed parser reads, with the public releases only', async () => {
    const response = await get(`${server.url}/feed.xml`)
    expect(response.headers.get('content-type')).toContain('application/rss+xml')
    expect(response.body).toContain('<rss version="2.0"')
    const feed = await parser.parseString(response.body)
    expect(feed.title).toBe('Northmoor Police news')
    const titles = feed.items.map((item) => item.title)
    expect(titles).toContain(inspection.title)
    expect(titles).not.toContain(scheduled.title)
    expect(titles).not.toContain(draft.title)
    const item = feed.items.find((i) => i.title === inspection.title)!
    expect(item.link).toBe(`${server.url}/news/${inspection.slug}`)
    expect(item['content:encoded']).toContain('<blockquote>')
  })

  it('/feed.atom is Atom that a feed parser reads', async () => {
    const response = await get(`${server.url}/feed.atom`)
    expect(response.headers.get('content-type')).toContain('application/atom+xml')
    const feed = await parser.parseString(response.body)
    expect(feed.items.map((item) => item.title)).toContain(inspection.title)
    expect(feed.items.map((item) => item.title)).not.toContain(scheduled.title)
  })

  it('/feed.json is JSON Feed 1.1', async () => {
    const response = await get(`${server.url}/feed.json`)
    expect(response.headers.get('content-type')).toContain('application/feed+json')
    const feed = JSON.parse(response.body)
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.language).toBe('en-GB')
    expect(feed.authors[0].name).toBe('Northmoor Police')
    const item = feed.items.find((i: { title: string }) => i.title === inspection.title)
    expect(item.url).toBe(`${server.url}/news/${inspection.slug}`)
    expect(item.date_published).toBeTruthy()
    expect(item.content_html).toContain('What the inspectors found')
    expect(feed.items.map((i: { title: string }) => i.title)).not.toContain(scheduled.title)
  })

  it('/sitemap.xml lists every public release and listing, and nothing under embargo', async () => {
    const { body } = await get(`${server.url}/sitemap.xml`)
    const { html } = { html: parseHtml(body) }
    const urls = html.find('loc').map((l) => l.text)
    for (const release of published) expect(urls).toContain(`${server.url}/news/${release.slug}`)
    expect(urls).toContain(`${server.url}/news/category/appeals`)
    expect(urls).not.toContain(`${server.url}/news/${scheduled.slug}`)
    expect(urls).not.toContain(`${server.url}/news/${draft.slug}`)
  })

  it('/news-sitemap.xml is a Google News sitemap of the last two days', async () => {
    const { body } = await get(`${server.url}/news-sitemap.xml`)
    expect(body).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"')
    const html = parseHtml(body)
    const urls = html.find('loc').map((l) => l.text)
    const recent = published.filter((r) => hoursAgo(r) < 48)
    const older = published.filter((r) => hoursAgo(r) >= 48)
    expect(urls.sort()).toEqual(recent.map((r) => `${server.url}/news/${r.slug}`).sort())
    for (const release of older) expect(urls).not.toContain(`${server.url}/news/${release.slug}`)
    expect(html.find('news:name').map((n) => n.text)[0]).toBe('Northmoor Police')
    expect(html.find('news:publication_date')[0]?.text).toMatch(/[+-]\d{2}:\d{2}$/)
  })

  it('/robots.txt points at both sitemaps and keeps crawlers out of the admin', async () => {
    const { body } = await get(`${server.url}/robots.txt`)
    expect(body).toContain(`Sitemap: ${server.url}/sitemap.xml`)
    expect(body).toContain(`Sitemap: ${server.url}/news-sitemap.xml`)
    expect(body).toContain('Disallow: /admin')
  })
})

describe('other pages', () => {
  it('answers an unknown address with a 404 page that helps: a search box and the latest news', async () => {
    const { html } = await page('/this/does/not/exist', 404)
    expect(html.one('h1')?.text).toBe('Page not found')
    expect(html.one('form', (f) => f.attrs.action === '/search')).toBeTruthy()
    expect(
      html.find('h3').filter((h) => h.attrs.class === 'release__title').length,
    ).toBeGreaterThan(0)
  })

  it('has an accessibility statement', async () => {
    const { html } = await page('/accessibility')
    expect(html.one('h1')?.text).toBe('Accessibility statement')
    expect(html.text).toContain('WCAG')
  })

  it('tells shared caches to check back before reusing a page', async () => {
    const { headers } = await get(`${server.url}/`)
    expect(headers.get('cache-control')).toBe('no-cache')
    expect(headers.get('etag')).toBeTruthy()
    // As a CDN revalidates (fetch() would add "Cache-Control: no-cache", which asks for a full answer).
    const status = await new Promise<number>((resolve, reject) =>
      http
        .get(
          `${server.url}/`,
          { headers: { 'If-None-Match': headers.get('etag')!, 'Accept-Encoding': 'gzip' } },
          (res) => {
            res.resume()
            resolve(res.statusCode!)
          },
        )
        .on('error', reject),
    )
    expect(status).toBe(304)
  })

  it('lets caches keep the stylesheet and script for a year (their address changes with them), and nothing from the API', async () => {
    const html = parseHtml((await get(`${server.url}/`)).body)
    const css = html.one('link', (l) => l.attrs.rel === 'stylesheet')!.attrs.href!
    expect((await get(server.url + css)).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    )
    expect((await get(`${server.url}/api/news`)).headers.get('cache-control')).toBe('no-store')
  })

  it('lets caches keep a public picture for a minute, and never keep a refusal, which does not say the file exists', async () => {
    const { body } = await admin.get(`/api/news?where[slug][equals]=${inspection.slug}&depth=1`)
    const picture = await fetch(body.docs[0].heroImage.sizes.card.url)
    expect([picture.status, picture.headers.get('cache-control')]).toEqual([
      200,
      'public, max-age=60',
    ])
    const hidden = await admin.get(
      `/api/news?where[slug][equals]=${scheduled.slug}&depth=1&draft=true`,
    )
    const refused = await fetch(hidden.body.docs[0].heroImage.sizes.card.url)
    expect([refused.status, refused.headers.get('cache-control')]).toEqual([404, 'no-store'])
  })
})

describe('full-text search', () => {
  it('finds other forms of a word and words written with accents', async () => {
    const burglary = await page('/search?q=burglary')
    expect(burglary.html.find('h3').map((h) => h.text)).toContain(
      'Man who broke into nine homes in Eastfield jailed for six years',
    )
    const accents = await publishRelease(admin, {
      title: 'New café opens at Fenwick police station',
      summary: 'A community café for visitors.',
    })
    const { html } = await page('/search?q=cafe')
    expect(
      html
        .find('h3')
        .filter((h) => h.attrs.class === 'release__title')
        .map((h) => h.text),
    ).toContain(accents.title)
  })

  it('treats search operators as words', async () => {
    for (const q of ['"unclosed', 'NEAR(a b)', 'title:vetting', '-vetting OR *', 'AND']) {
      const response = await get(`${server.url}/search?q=${encodeURIComponent(q)}`)
      expect(response.status, q).toBe(200)
    }
  })
})

describe('police releases in the demo content', () => {
  const ofKind = (kind: string) => demoReleases.find((r) => r.police?.kind === kind)!
  const block = (html: ReturnType<typeof parseHtml>) =>
    html.one('section', (s) => s.attrs.class?.startsWith('kind-block ') ?? false)!

  it('each kind has its block on its page: an appeal its ways to answer, a wanted man his photo, a court result its custody image', async () => {
    const appeal = block((await page(`/news/${ofKind('appeal').slug}`)).html)
    expect(appeal.text).toContain('Crime reference')
    expect(appeal.text).toContain('Call 101 quoting NM/41207/26.')
    const wanted = (await page(`/news/${ofKind('wanted').slug}`)).html
    expect(block(wanted).text).toContain('Do not approach them; call 999 quoting NM/39984/26.')
    const photo = wanted.one('img', (img) => img.attrs.alt?.startsWith('Dean Marsh') ?? false)!
    expect(photo.attrs.src).toMatch(/^\/api\/media\/file\//)
    expect((await fetch(server.url + photo.attrs.src!)).status).toBe(200)
    const court = block((await page(`/news/${ofKind('court-result').slug}`)).html)
    expect(court.text).toContain('Kieran Doyle')
    expect(court.text).toContain('Custody image')
  })

  it('/news?kind= lists one kind, /news links to each kind there is, and a kind that is not one is a 400', async () => {
    const all = await page('/news')
    const nav = all.html.one('nav', (n) => n.attrs['aria-labelledby'] === 'kinds-heading')!
    expect(nav.text).toBe('News by typeNewsAppeals for informationWanted peopleCourt results')
    const wanted = await page('/news?kind=wanted')
    expect(wanted.html.one('h1')?.text).toBe('Wanted people')
    expect(
      wanted.html
        .find('h2')
        .filter((h) => h.attrs.class === 'release__title')
        .map((h) => h.text),
    ).toEqual([ofKind('wanted').title])
    expect(wanted.html.one('a', (a) => a.attrs['aria-current'] === 'page')?.text).toBe(
      'Wanted people',
    )
    expect(wanted.html.one('link', (l) => l.attrs.rel === 'canonical')?.attrs.href).toBe(
      `${server.url}/news?kind=wanted`,
    )
    const bad = await page('/news?kind=suspects', 400)
    expect(bad.body).toContain('The kind of release in the address must be one of')
    await page('/news?kind=wanted&kind=appeal', 400)
    await page('/news?kind=wanted&page=2', 404)
  })

  it('keeps each kind of the listing in the page cache under its own key', async () => {
    await get(`${server.url}/news?kind=appeal`)
    const again = await get(`${server.url}/news?kind=appeal&utm_source=x`)
    expect(again.headers.get('x-page-cache')).toBe('hit')
    expect(parseHtml(again.body).one('h1')?.text).toBe('Appeals for information')
    const other = await get(`${server.url}/news?kind=court-result`)
    expect(parseHtml(other.body).one('h1')?.text).toBe('Court results')
  })

  it('a missing person found keeps the address with the notice alone: no picture, no JSON-LD, not indexed, not listed', async () => {
    const { html, body } = await page(`/news/${found.slug}`)
    expect(html.one('h1')?.text).toBe(FOUND_TITLE)
    expect(html.one('main')?.text).toContain(FOUND_NOTICE)
    expect(html.one('main')?.text.toLowerCase()).not.toContain('withdrawn')
    expect(html.find('img').filter((img) => img.attrs.src?.startsWith('/api/media/'))).toEqual([])
    expect(html.one('script', (s) => s.attrs.type === 'application/ld+json')).toBeUndefined()
    expect(html.meta('robots')).toContain('noindex')
    expect(body).not.toContain('og:image')
    expect((await page('/news?kind=missing-person')).html.text).not.toContain(FOUND_TITLE)
  })

  it('the notice answers 410 Gone once the days the site settings give have passed', async () => {
    expect((await admin.post('/api/globals/site-settings', { foundNoticeDays: 1 })).status).toBe(
      200,
    )
    try {
      const { html } = await page(`/news/${found.slug}`, 410)
      expect(html.one('h1')?.text).toBe('This page has been removed')
    } finally {
      await admin.post('/api/globals/site-settings', { foundNoticeDays: 28 })
    }
    await page(`/news/${found.slug}`, 200)
  })
})

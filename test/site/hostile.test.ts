/**
 * Hostile text in every field an editor (or an attacker with an editor's password) can
 * fill, rendered on every public page, feed and sitemap: none of it may become markup,
 * script or a dangerous link, and every page must still parse.
 */
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signIn, type Api } from '../helpers/api'
import { get } from '../helpers/fetch'
import { parseHtml } from '../helpers/html'
import {
  all,
  HOSTILE_HREFS,
  plantHostileContent,
  SAFE_HREF_WITH_MARKUP,
  X,
} from '../helpers/hostileContent'
import { ADMIN, startServer, type TestServer } from '../helpers/server'

let server: TestServer
let admin: Api
let releaseSlug = ''
let categorySlug = ''

beforeAll(async () => {
  server = await startServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  ;({ releaseSlug, categorySlug } = await plantHostileContent(admin))
})

afterAll(async () => {
  await server?.stop()
})

const htmlPages = () => [
  '/',
  '/news',
  `/news/${releaseSlug}`,
  `/news/category/${categorySlug}`,
  `/search?q=${encodeURIComponent('title script')}`,
  `/search?q=${encodeURIComponent(X.attribute)}`,
  '/accessibility',
  '/no-such-page',
]

/** What a browser would run, load or follow from this markup, as a parser sees it. */
const expectInert = (body: string, where: string) => {
  const html = parseHtml(body)
  for (const element of html.all) {
    for (const name of Object.keys(element.attrs)) {
      expect(name.startsWith('on'), `${where}: <${element.tag} ${name}> is an event handler`).toBe(
        false,
      )
    }
    expect(
      ['svg', 'iframe', 'object', 'embed', 'base', 'form'].includes(element.tag) &&
        !(element.tag === 'form' && element.attrs.action === '/search'),
      `${where}: injected <${element.tag}>`,
    ).toBe(false)
    for (const attr of ['href', 'src', 'action', 'srcset']) {
      // Browsers ignore whitespace and control characters in a URL's scheme ("java\tscript:").
      // eslint-disable-next-line no-control-regex
      const value = (element.attrs[attr] ?? '').replace(/[\s\u0000-\u001f]/g, '').toLowerCase()
      expect(
        /^(javascript|data|vbscript):/.test(value),
        `${where}: <${element.tag} ${attr}="${element.attrs[attr]}">`,
      ).toBe(false)
    }
  }
  const scripts = html.find('script')
  for (const script of scripts) {
    if (script.attrs.src) expect(script.attrs.src.split('?')[0], where).toBe('/quick-exit.js')
    else {
      expect(script.attrs.type, `${where}: an inline script that is not data`).toBe(
        'application/ld+json',
      )
      expect(() => JSON.parse(script.text), `${where}: JSON-LD no longer parses`).not.toThrow()
    }
  }
  expect(
    html.find('img').every((img) => img.attrs.src?.startsWith(`/api/media/file/`)),
    `${where}: an image from elsewhere`,
  ).toBe(true)
  return html
}

describe('hostile text renders inert', () => {
  it('on every HTML page, and the words are still shown, as text', async () => {
    for (const path of htmlPages()) {
      const { body, status } = await get(server.url + path)
      expect(status, path).toBeLessThan(500)
      expectInert(body, path)
    }
  })

  it('as the words the editor typed on the release page', async () => {
    const { body } = await get(`${server.url}/news/${releaseSlug}`)
    const html = expectInert(body, 'release')
    expect(html.one('h1')?.text).toBe(`Title ${X.title} ${X.attribute}`)
    expect(html.one('title')?.text).toBe(`Meta ${X.title} · Force ${X.title}`)
    expect(html.meta('description')).toBe(`Description ${X.attribute}`)
    expect(html.one('a', (a) => 'data-quick-exit' in a.attrs)?.text).toBe(
      `Go ${X.single}`.slice(0, 40),
    )
    expect(html.text).toContain(`Paragraph ${all}`)
    expect(html.text).toContain(`Name ${X.script}, Role ${X.attribute}, Org ${X.single}`)
    const jsonLd = JSON.parse(
      html.one('script', (s) => s.attrs.type === 'application/ld+json')!.text,
    )
    expect(jsonLd.headline).toBe(`Title ${X.title} ${X.attribute}`)
  })

  it('refuses a dangerous link, or an element the editor does not offer, before it is stored', async () => {
    // (What the page does with such a link, had one been stored, is test/unit/richText.test.tsx.)
    const before = (await admin.get('/api/news?limit=1&draft=true')).body.totalDocs
    for (const url of HOSTILE_HREFS) {
      const response = await admin.post('/api/news?draft=true', {
        title: 'Link',
        _status: 'draft',
        body: [
          { children: [{ type: 'link', linkType: 'custom', url, children: [{ text: 'here' }] }] },
        ],
      })
      expect(response.status, url).toBe(400)
      expect(JSON.stringify(response.body), url).toContain('links may go to web addresses')
    }
    const frame = await admin.post('/api/news?draft=true', {
      title: 'Frame',
      _status: 'draft',
      body: [{ type: 'iframe', children: [{ text: 'x' }] }],
    })
    expect(frame.status).toBe(400)
    expect((await admin.get('/api/news?limit=1&draft=true')).body.totalDocs).toBe(before)
  })

  it('keeps a safe link whose address carries markup, escaped in one attribute', async () => {
    const html = parseHtml((await get(`${server.url}/news/${releaseSlug}`)).body)
    const link = html.one('a', (a) => a.text === `link ${X.attribute}`)
    expect(link?.attrs.href).toBe(new URL(SAFE_HREF_WITH_MARKUP).href)
  })

  it('escapes a link address that carries markup, keeping it one attribute', async () => {
    const { body } = await get(`${server.url}/news/${releaseSlug}`)
    const html = parseHtml(body)
    expect(html.one('a', (a) => a.attrs.class === 'report__link')?.attrs.href).toBe(
      'https://example.gov.uk/report?a=%22%3E%3Cscript%3Ealert(1)%3C/script%3E',
    )
    expect(html.one('a', (a) => a.text === `Footer ${X.script}`)?.attrs.href).toBe(
      '/accessibility"onmouseover="alert(1)',
    )
  })

  it('in the RSS and Atom feeds, which still parse and give back the exact words', async () => {
    const parser = new Parser()
    for (const path of ['/feed.xml', '/feed.atom']) {
      const { body } = await get(server.url + path)
      expect(body).not.toMatch(/<script>alert/i)
      const feed = await parser.parseString(body)
      const item = feed.items.find((i) => i.link?.endsWith(releaseSlug))!
      // Readers take these titles as HTML: escaped, they show the exact words.
      expect(parseHtml(`<p>${item.title}</p>`).one('p')?.text).toBe(`Meta ${X.title}`)
      expect(parseHtml(`<p>${feed.title}</p>`).one('p')?.text).toBe(`Force ${X.title} news`)
      const content = (item['content:encoded'] ?? item.content ?? '') as string
      expectInert(`<!DOCTYPE html><html><body>${content}</body></html>`, `${path} content`)
    }
  })

  it('in the JSON feed, whose HTML content is inert', async () => {
    const { body } = await get(`${server.url}/feed.json`)
    const feed = JSON.parse(body)
    expect(feed.title).toBe(`Force ${X.title} news`)
    const item = feed.items.find((i: { url: string }) => i.url.endsWith(releaseSlug))
    expectInert(
      `<!DOCTYPE html><html><body>${item.content_html}</body></html>`,
      'feed.json content',
    )
  })

  it('in the sitemaps, which still parse', async () => {
    for (const path of ['/sitemap.xml', '/news-sitemap.xml']) {
      const { body, status } = await get(server.url + path)
      expect(status).toBe(200)
      expect(body).not.toMatch(/<script>alert/i)
      const html = parseHtml(body)
      expect(
        html.find('loc').some((l) => l.text.endsWith(`/news/${releaseSlug}`)),
        path,
      ).toBe(true)
    }
    const news = parseHtml((await get(`${server.url}/news-sitemap.xml`)).body)
    expect(news.find('news:title').map((t) => t.text)).toContain(`Title ${X.title} ${X.attribute}`)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signIn, type Api } from '../helpers/api'
import { get } from '../helpers/fetch'
import { parseHtml } from '../helpers/html'
import { ADMIN, startServer, type TestServer } from '../helpers/server'

let server: TestServer
let admin: Api

beforeAll(async () => {
  server = await startServer({ seed: true })
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
})
afterAll(async () => {
  await server?.stop()
})

const page = async (path: string) => {
  const response = await get(server.url + path)
  expect(response.status, path).toBe(200)
  return parseHtml(response.body)
}

describe('the accessibility statement', () => {
  it('says what the accessibility regulations ask a public body to say', async () => {
    const html = await page('/accessibility')
    const headings = html.find('h2').map((h) => h.text)
    for (const heading of [
      'Compliance status',
      'Non-accessible content',
      'How we tested this website',
      'Feedback and contact information',
      'Enforcement procedure',
      'Preparation of this accessibility statement',
    ]) {
      expect(headings).toContain(heading)
    }
    expect(html.text).toMatch(
      /This website is (fully|partially) compliant with the Web Content Accessibility Guidelines version 2\.2 AA standard/,
    )
    expect(html.text).toMatch(
      /This statement was prepared on \d{1,2} \w+ \d{4}\. It was last reviewed on \d{1,2} \w+ \d{4}\./,
    )
    const links = html.find('a').map((a) => a.attrs.href)
    expect(links).toContain('https://www.equalityhumanrights.com/')
    expect(links).toContain('https://www.equalityni.org/')
  })

  it('says plainly what the quick exit does, and what it cannot do without JavaScript', async () => {
    const html = await page('/accessibility')
    expect(html.text).toContain('press the Escape key, or press the Shift key 3 times')
    expect(html.text).toMatch(/Without JavaScript, .*Back button/)
  })

  it('gives a way to get in touch that does not depend on the beta banner', async () => {
    const before = (await admin.get('/api/globals/site-settings?depth=0')).body
    await admin.post('/api/globals/site-settings', {
      betaBanner: { ...before.betaBanner, enabled: false },
    })
    try {
      const html = await page('/accessibility')
      expect(html.one('div', (d) => d.attrs.class === 'beta-banner')).toBeUndefined()
      const contact = html.one('a', (a) => a.attrs.href === before.betaBanner.feedbackUrl)
      expect(contact?.text).toBe('Tell us about an accessibility problem')
      expect(html.text).toContain('call 101')
      expect(html.text).toContain('18001 101')
    } finally {
      await admin.post('/api/globals/site-settings', { betaBanner: before.betaBanner })
    }
  })
})

describe('times and results as they are read out', () => {
  it('labels the time of every release "Published", in lists and on the release', async () => {
    const home = await page('/')
    const metas = home.find('p').filter((p) => p.attrs.class === 'release__meta')
    expect(metas.length).toBeGreaterThan(0)
    for (const meta of metas)
      expect(meta.text).toMatch(/^Published \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/)
    const article = await page('/news/inspectors-rate-force-good-at-vetting')
    expect(article.one('p', (p) => p.attrs.class === 'article__time')?.text).toMatch(
      /^Published \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/,
    )
  })

  it('a search with no results says so, and leaves no empty list behind', async () => {
    const html = await page('/search?q=zyzzogeton')
    expect(html.one('h2', (h) => h.attrs.class === 'search-count')?.text).toBe(
      'No releases match “zyzzogeton”',
    )
    expect(html.find('ul').filter((ul) => ul.attrs.class === 'releases')).toEqual([])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signIn, type Api } from '../helpers/api'
import { get, rawRequest } from '../helpers/fetch'
import { ADMIN, startServer, type TestServer } from '../helpers/server'
import { publishRelease, transition } from '../helpers/releases'

let server: TestServer
let admin: Api

beforeAll(async () => {
  server = await startServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
})
afterAll(async () => {
  await server?.stop()
})

const sleepUntil = (time: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())))

describe('the page cache', () => {
  it('serves the same page again, and a fresh one as soon as content changes', async () => {
    await publishRelease(admin, { title: 'Cached release one', summary: 'One.' })
    const first = await get(`${server.url}/`)
    const second = await get(`${server.url}/`)
    expect(second.body).toBe(first.body)
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    await publishRelease(admin, { title: 'Cached release two', summary: 'Two.' })
    expect((await get(`${server.url}/`)).body).toContain('Cached release two')
  })

  it('drops pages when the site settings change', async () => {
    expect((await get(`${server.url}/`)).body).toContain('Northmoor Police')
    await admin.post('/api/globals/site-settings', { forceName: 'Southmoor Constabulary' })
    expect((await get(`${server.url}/`)).body).toContain('Southmoor Constabulary')
  })

  it('drops pages when a quote on a release is corrected', async () => {
    const quote = (
      await admin.post('/api/quotes', {
        speakerName: 'Sam Reed',
        text: 'We are appealing for help.',
      })
    ).body.doc
    const release = await publishRelease(admin, {
      title: 'Quote release',
      summary: 'Quote.',
      quotes: [quote.id],
    })
    expect((await get(`${server.url}/news/${release.slug}`)).body).toContain(
      'We are appealing for help.',
    )
    await admin.patch(`/api/quotes/${quote.id}`, { text: 'We are grateful for the help.' })
    const page = (await get(`${server.url}/news/${release.slug}`)).body
    expect(page).toContain('We are grateful for the help.')
    expect(page).not.toContain('We are appealing for help.')
  })

  it('never serves a page past the moment an embargo lifts: the release is there within a second', async () => {
    const liftAt = Date.now() + 4000
    const created = await publishRelease(
      admin,
      { title: 'Embargoed until a few seconds from now', summary: 'Scheduled.' },
      { publishAt: new Date(liftAt).toISOString() },
    )
    const slug = created.slug
    // Warm the cache with pages that must not show it yet.
    for (const path of ['/', '/news', `/news/${slug}`, '/feed.xml', '/sitemap.xml']) {
      const { body, status } = await get(server.url + path)
      expect(body).not.toContain('Embargoed until a few seconds from now')
      if (path === `/news/${slug}`) expect(status).toBe(404)
    }
    await sleepUntil(liftAt - 1000)
    expect((await get(`${server.url}/`)).body).not.toContain(
      'Embargoed until a few seconds from now',
    )
    await sleepUntil(liftAt + 1000)
    for (const path of ['/', '/news', `/news/${slug}`, '/feed.xml', '/sitemap.xml']) {
      const { body, status } = await get(server.url + path)
      expect(status, path).toBe(200)
      expect(body, path).toContain(
        path === '/sitemap.xml' ? `/news/${slug}` : 'Embargoed until a few seconds from now',
      )
    }
  })

  it('keeps a release’s pages while a correction waits as a draft, and drops them when it is published', async () => {
    const release = await publishRelease(admin, {
      title: 'Correction on its way',
      summary: 'The first words.',
    })
    const path = `/news/${release.slug}`
    // Cached, and kept past the moment the server sees the publication committed (it reads the
    // database's record of changes a few times a second, and drops the page once more then).
    let kept = false
    for (let attempt = 0; attempt < 20 && !kept; attempt++) {
      await get(server.url + path)
      await new Promise((resolve) => setTimeout(resolve, 500))
      kept = (await get(server.url + path)).headers.get('x-page-cache') === 'hit'
    }
    expect(kept).toBe(true)
    expect(
      (await admin.patch(`/api/news/${release.id}?draft=true`, { summary: 'The corrected words.' }))
        .status,
    ).toBe(200)
    // Long enough for the server to have seen a change committed, had there been one.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const waiting = await get(server.url + path)
    expect(waiting.headers.get('x-page-cache')).toBe('hit')
    expect(waiting.body).toContain('The first words.')
    expect((await transition(admin, release.id, 'amend', { change: 'minor' })).status).toBe(200)
    const published = await get(server.url + path)
    expect(published.body).toContain('The corrected words.')
    expect(published.headers.get('x-page-cache')).toBe('miss')
  })

  it('drops a release from every page as soon as it is unpublished', async () => {
    const release = await publishRelease(admin, { title: 'Published in error', summary: 'Oops.' })
    expect((await get(`${server.url}/`)).body).toContain('Published in error')
    expect((await get(`${server.url}/news/${release.slug}`)).status).toBe(200)
    expect(
      (
        await transition(admin, release.id, 'unpublish', {
          note: 'Named the wrong town.',
          retirement: { mode: 'gone' },
        })
      ).status,
    ).toBe(200)
    expect((await get(`${server.url}/`)).body).not.toContain('Published in error')
    expect((await get(`${server.url}/news/${release.slug}`)).status).toBe(410)
  })
})

describe('a change drops only the pages it affects (src/site/cacheTags.ts)', () => {
  const cacheOf = async (path: string) => {
    const response = await get(server.url + path)
    expect(response.status).toBe(200)
    return { cache: response.headers.get('x-page-cache'), body: response.body }
  }
  /** Until the server has seen the change committed (its change watcher reads 4 times a second). */
  const seen = () => new Promise((resolve) => setTimeout(resolve, 750))

  it('a correction to one release: its page, the listings and its category’s pages are made again; the rest stay', async () => {
    const category = async (name: string) =>
      (await admin.post('/api/categories', { name })).body.doc as { id: number }
    const mine = await category('Tagged roads')
    const other = await category('Tagged courts')
    const corrected = await publishRelease(admin, {
      title: 'Tagged release to correct',
      summary: 'Words before.',
      category: mine.id,
    })
    const sameCategory = await publishRelease(admin, {
      title: 'Tagged release beside it',
      summary: 'Beside.',
      category: mine.id,
    })
    const elsewhere = await publishRelease(admin, {
      title: 'Tagged release elsewhere',
      summary: 'Elsewhere.',
      category: other.id,
    })
    await seen()
    const pages = [
      '/',
      '/news',
      `/news/${corrected.slug}`,
      `/news/${sameCategory.slug}`,
      `/news/${elsewhere.slug}`,
    ]
    for (const path of pages) await cacheOf(path)
    for (const path of pages) expect((await cacheOf(path)).cache, path).toBe('hit')

    expect(
      (await admin.patch(`/api/news/${corrected.id}?draft=true`, { summary: 'Words after.' }))
        .status,
    ).toBe(200)
    expect((await transition(admin, corrected.id, 'amend', { change: 'minor' })).status).toBe(200)
    await seen()

    const page = await cacheOf(`/news/${corrected.slug}`)
    expect(page.cache).toBe('miss')
    expect(page.body).toContain('Words after.')
    const listing = await cacheOf('/news')
    expect(listing.cache).toBe('miss')
    expect(listing.body).toContain('Words after.')
    expect((await cacheOf('/')).cache).toBe('miss')
    // Its "more" section may list the corrected release: made again.
    expect((await cacheOf(`/news/${sameCategory.slug}`)).cache).toBe('miss')
    // A release of another category shows nothing of it: still the page kept.
    expect((await cacheOf(`/news/${elsewhere.slug}`)).cache).toBe('hit')

    // An embargo lifting drops what it affects, not the rest.
    const liftAt = Date.now() + 3000
    const lifted = await publishRelease(
      admin,
      { title: 'Tagged release lifting', summary: 'Lifting.', category: mine.id },
      { publishAt: new Date(liftAt).toISOString() },
    )
    await seen()
    const around = ['/news', `/news/${sameCategory.slug}`, `/news/${elsewhere.slug}`]
    for (const path of around) await cacheOf(path)
    for (const path of around) expect((await cacheOf(path)).cache, path).toBe('hit')
    expect((await get(`${server.url}/news/${lifted.slug}`)).status).toBe(404)
    await sleepUntil(liftAt + 100)
    expect((await cacheOf(`/news/${lifted.slug}`)).body).toContain('Lifting.')
    const listed = await cacheOf('/news')
    expect(listed.cache).toBe('miss')
    expect(listed.body).toContain('Tagged release lifting')
    expect((await cacheOf(`/news/${sameCategory.slug}`)).cache).toBe('miss')
    expect((await cacheOf(`/news/${elsewhere.slug}`)).cache).toBe('hit')

    // A change that may show anywhere (the settings) drops that one too.
    await admin.post('/api/globals/site-settings', { forceName: 'Northmoor Police' })
    await seen()
    expect((await cacheOf(`/news/${elsewhere.slug}`)).cache).toBe('miss')
  })
})

const raw = (base: string, path: string, headers: Record<string, string> = {}, method = 'GET') =>
  rawRequest(base, path, { method, headers })

describe('cached pages answered before express (src/site/cachedAnswers.ts)', () => {
  it("send the same status, headers and bytes as the page's route sends from the cache", async () => {
    const release = await publishRelease(admin, {
      title: 'Answered the same either way',
      summary: 'Same.',
    })
    let answeredEarly = 0
    const addresses = [
      '/',
      '/?cb=42&utm_source=x',
      '/news',
      '/news?page=1',
      '/news?page=999',
      `/news/${release.slug}`,
      '/feed.xml',
      '/accessibility',
      '/search?q=answered',
    ]
    for (const path of addresses) {
      // The first makes the page, the second is answered from the cache.
      await raw(server.url, path)
      for (const encoding of ['br', 'gzip', 'identity']) {
        for (const method of ['GET', 'HEAD']) {
          const early = await raw(server.url, path, { 'Accept-Encoding': encoding }, method)
          // A condition that never matches: express answers it, in full.
          const throughExpress = await raw(
            server.url,
            path,
            { 'Accept-Encoding': encoding, 'If-None-Match': 'W/"never"' },
            method,
          )
          // A change may empty the cache in between (the lift job of the release just
          // published): then express makes the page again, the same bytes, as a miss.
          const { date: _a, 'x-page-cache': _c, ...earlyHeaders } = early.headers
          const { date: _b, 'x-page-cache': _d, ...expressHeaders } = throughExpress.headers
          expect(early.status, `${method} ${path} (${encoding})`).toBe(throughExpress.status)
          expect(earlyHeaders, `${method} ${path} (${encoding})`).toEqual(expressHeaders)
          expect(early.body.equals(throughExpress.body), `${method} ${path} (${encoding})`).toBe(
            true,
          )
          if (early.headers['x-page-cache'] === 'hit') answeredEarly += 1
        }
      }
    }
    expect(answeredEarly).toBeGreaterThan((addresses.length * 6) / 2)
  })

  it('never answer a page of the cache past a change: a correction shows at once', async () => {
    const release = await publishRelease(admin, {
      title: 'Before the correction',
      summary: 'First words.',
    })
    for (let i = 0; i < 3; i++)
      expect((await get(`${server.url}/news/${release.slug}`)).body).toContain('First words.')
    expect(
      (await admin.patch(`/api/news/${release.id}?draft=true`, { summary: 'Corrected words.' }))
        .status,
    ).toBe(200)
    expect((await transition(admin, release.id, 'amend', { change: 'minor' })).status).toBe(200)
    expect((await get(`${server.url}/news/${release.slug}`)).body).toContain('Corrected words.')
    expect((await get(`${server.url}/?cb=1`)).body).toContain('Corrected words.')
  })
})

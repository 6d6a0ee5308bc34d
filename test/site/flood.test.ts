/**
 * A flood of addresses nobody asked for before must not stall the site: junk parameters share
 * the page's one cache entry, pages past the last of a listing share one 404, and pages made
 * afresh are bounded, so the health check and cached pages still answer. (How fast they
 * answer is measured by `npm run bench:flood`, not here.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signIn, type Api } from '../helpers/api'
import { get } from '../helpers/fetch'
import { publishRelease } from '../helpers/releases'
import { ADMIN, startServer, type TestServer } from '../helpers/server'

let server: TestServer
let admin: Api
let base = ''

beforeAll(async () => {
  server = await startServer({
    env: {
      RENDER_CONCURRENCY: '1',
      RENDER_QUEUE: '1',
      RENDER_PER_ADDRESS: '2',
      ALERTS_RATE_LIMIT: '3',
    },
  })
  base = server.url.replace('localhost', '127.0.0.1')
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  await publishRelease(admin, {
    title: 'The only release on the site',
    summary: 'One page of news.',
  })
})
afterAll(async () => {
  await server?.stop()
})

const cacheOf = async (path: string) => {
  const response = await get(base + path)
  return {
    status: response.status,
    cache: response.headers.get('x-page-cache'),
    body: response.body,
  }
}

/**
 * Until every release published so far has had its lift's side effects (which empty the cache
 * once more, a moment after the change) and the home page is cached again.
 */
const settled = async () => {
  for (let tries = 0; tries < 100; tries++) {
    const lifts = await admin.get('/api/embargo-lifts?limit=100&depth=0')
    const done = lifts.body.docs.every((lift: { status: string }) => lift.status === 'done')
    const published = await admin.get('/api/news?limit=1&depth=0&where[_status][equals]=published')
    if (done && lifts.body.totalDocs >= published.body.totalDocs) {
      await cacheOf('/')
      if ((await cacheOf('/')).cache === 'hit') return
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('The lifts of the releases published did not finish')
}

describe('the page cache key', () => {
  it('ignores parameters a page does not read: /?cb=1, /?cb=2… are the one cached home page', async () => {
    await settled()
    for (const path of ['/', '/?cb=1', '/?cb=2', '/?utm_source=newsletter&cb=3', '/?cb=4']) {
      expect(await cacheOf(path), path).toMatchObject({ status: 200, cache: 'hit' })
    }
  })

  it('keeps the parameters a page does read: each search', async () => {
    await settled()
    expect((await cacheOf('/search?q=release&cb=1')).cache).toBe('miss')
    expect((await cacheOf('/search?q=release&cb=2')).cache).toBe('hit')
    expect((await cacheOf('/search?q=only')).cache).toBe('miss')
  })

  it('answers every page past the last of a listing with one cached 404', async () => {
    await settled()
    const first = await cacheOf('/news?page=2')
    expect(first.status).toBe(404)
    for (const page of [3, 50, 999999])
      expect(await cacheOf(`/news?page=${page}`), `page ${page}`).toMatchObject({
        status: 404,
        cache: 'hit',
      })
    expect((await cacheOf('/news?page=0')).status).toBe(400)
  })

  it('finds the new last page as soon as there is one', async () => {
    expect((await cacheOf('/news?page=2')).status).toBe(404)
    for (let i = 0; i < 12; i++)
      await publishRelease(admin, { title: `Filling the first page ${i}`, summary: 'More news.' })
    const second = await cacheOf('/news?page=2')
    expect(second.status).toBe(200)
    expect(second.body).toContain('The only release on the site')
  })
})

describe('a flood of pages nobody asked for before', () => {
  it('is answered quickly with 503 and Retry-After past the render limit, while health and cached pages answer 200', async () => {
    await settled()
    const flood = Array.from({ length: 400 }, (_, i) =>
      fetch(`${base}/search?q=${encodeURIComponent(`distinct words ${i}`)}`).then(
        async (response) => {
          await response.arrayBuffer()
          return { status: response.status, retryAfter: response.headers.get('retry-after') }
        },
      ),
    )
    const during = await Promise.all([
      fetch(`${base}/healthz`),
      fetch(`${base}/`),
      fetch(`${base}/?cb=during-the-flood`),
    ])
    for (const response of during) expect(response.status, response.url).toBe(200)
    const answers = await Promise.all(flood)
    const busy = answers.filter((a) => a.status === 503)
    expect(busy.length).toBeGreaterThan(0)
    for (const answer of busy) expect(answer.retryAfter).toBe('5')
    expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true)
    // Afterwards, everything is served as usual.
    expect((await cacheOf('/search?q=distinct')).status).toBe(200)
    expect((await get(`${base}/healthz`)).status).toBe(200)
  })
})

describe('requests for e-mail alerts', () => {
  it('are limited per client address: a script cannot sign strangers up by the hundred', async () => {
    const ask = (i: number) =>
      fetch(`${base}/alerts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `email=stranger${i}%40readers.test&what=all&frequency=daily`,
      })
    for (let i = 0; i < 3; i++) expect((await ask(i)).status).toBe(200)
    const refused = await ask(3)
    expect(refused.status).toBe(429)
    const page = await refused.text()
    expect(page).toContain('Too many requests from your connection')
    expect(page).toContain('call 999')
    // The subscriber that would have been was not written.
    const made = await admin.get('/api/subscribers?where[email][equals]=stranger3@readers.test')
    expect(made.body.totalDocs).toBe(0)
  })
})

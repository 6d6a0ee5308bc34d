import http from 'node:http'
import type net from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PageCache, type Rendered } from '../../src/site/cache'
import { CachedAnswers } from '../../src/site/cachedAnswers'
import { RenderLimit } from '../../src/site/renderLimit'
import { rawRequest } from '../helpers/fetch'
import { everyPageAt } from '../helpers/scheduledChange'

/**
 * The answers given before express, on a real HTTP server: which requests they take, and
 * which they leave to the rest of the server (here a handler that counts what reaches it).
 */
const page = (body: string): Rendered => ({ status: 200, type: 'text/html; charset=utf-8', body })

let server: http.Server
let base: string
let reachedExpress: string[] = []
const cache = new PageCache(async () => everyPageAt(Date.now() + 60_000))
const noCdn = () => ({ cacheControl: 'no-cache', headers: {} })
const answers = new CachedAnswers(cache, noCdn)
const securityHeaders = {
  'Content-Security-Policy': "default-src 'none'",
  'X-Content-Type-Options': 'nosniff',
}
const asker = {
  securityHeaders,
  addressOf: (req: http.IncomingMessage) => req.socket.remoteAddress ?? '',
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (answers.answer(req, res, asker)) return
    reachedExpress.push(`${req.method} ${req.url}`)
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('the rest of the server')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`
  await cache.serve('/', async () => page('<h1>Latest news</h1>'.repeat(100)))
  await cache.serve('/search?q=burglary', async () => page('results'))
  answers.learn('/', () => '/')
  answers.learn('/search', (given) =>
    given.getAll('q').length ? `/search?q=${given.get('q')}` : undefined,
  )
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const ask = (path: string, options: Parameters<typeof rawRequest>[2] = {}) => {
  reachedExpress = []
  return rawRequest(base, path, options)
}

describe('cached pages answered before express', () => {
  it('answers a learnt address whose page is cached, with the security headers, its ETag and its own encoding', async () => {
    const plain = await ask('/?cb=123&utm_source=feed')
    expect(reachedExpress).toEqual([])
    expect(plain.status).toBe(200)
    expect(plain.body.toString()).toContain('<h1>Latest news</h1>')
    expect(plain.headers).toMatchObject({
      'content-security-policy': "default-src 'none'",
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
      'x-page-cache': 'hit',
      vary: 'Accept-Encoding',
    })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length)
    const brotli = await ask('/', { headers: { 'Accept-Encoding': 'br;q=1, gzip;q=0.5' } })
    expect(brotli.headers['content-encoding']).toBe('br')
    expect(brotli.headers.etag).not.toBe(plain.headers.etag)
    const head = await ask('/', { method: 'HEAD' })
    expect(reachedExpress).toEqual([])
    expect(head.body.length).toBe(0)
    expect(head.headers['content-length']).toBe(plain.headers['content-length'])
  })

  it('leaves to express what it cannot answer exactly as the route would', async () => {
    const cases: [string, Parameters<typeof ask>[1]][] = [
      ['/news', {}], // never answered by a route yet
      ['/search?q=arson', {}], // not in the cache
      ['/search', {}], // the route's key needs more than the address
      ['/', { headers: { 'If-None-Match': 'W/"x"' } }], // conditional: express answers 304 or 200
      ['/', { method: 'POST' }],
      ['/', { method: 'GET', headers: { 'Content-Length': '0' } }],
      ['/%2e/', {}], // not the spelling the route saw
    ]
    for (const [path, options] of cases) {
      await ask(path, options)
      expect(reachedExpress, path).toHaveLength(1)
    }
    await ask('/search?q=burglary')
    expect(reachedExpress).toEqual([])
  })

  it('answers nothing from a cache emptied by a change', async () => {
    cache.invalidate()
    await ask('/')
    expect(reachedExpress).toEqual(['GET /'])
  })

  it('gives the quick 503 itself when the page would have to be made and the render limit refuses it', async () => {
    const limit = new RenderLimit({ concurrency: 1, queue: 0, perAddress: 1 })
    const busyPage: Rendered = {
      status: 503,
      type: 'text/html; charset=utf-8',
      body: 'Sorry, this website is busy',
      headers: { 'Retry-After': '5' },
    }
    const busyCache = new PageCache(async () => everyPageAt(Date.now() + 60_000))
    const withLimit = new CachedAnswers(busyCache, noCdn, { limit, page: () => busyPage })
    withLimit.learn('/search', (given) => `/search?q=${given.get('q')}`, { first: false })
    const response = () => {
      const headers: Record<string, string> = {}
      let body = ''
      const res = {
        writeHead: (status: number, given: Record<string, string>) =>
          Object.assign(headers, given, { status: String(status) }),
        end: (chunk?: Buffer) => void (body = chunk?.toString() ?? ''),
      }
      return { res: res as unknown as http.ServerResponse, headers, body: () => body }
    }
    const req = {
      method: 'GET',
      url: '/search?q=arson',
      headers: {},
      socket: { remoteAddress: '192.0.2.1' },
    } as unknown as http.IncomingMessage
    // Nothing known of the cache yet: express decides.
    expect(withLimit.answer(req, response().res, asker)).toBe(false)
    await busyCache.serve('/search?q=burglary', async () => page('results'))
    // A place is free: the route makes the page.
    expect(withLimit.answer(req, response().res, asker)).toBe(false)
    let finish: () => void = () => {}
    const running = limit.run('192.0.2.1', () => new Promise<void>((resolve) => (finish = resolve)))
    const refused = response()
    expect(withLimit.answer(req, refused.res, asker)).toBe(true)
    expect(refused.headers).toMatchObject({
      status: '503',
      'Retry-After': '5',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'",
    })
    expect(refused.headers['X-Page-Cache']).toBeUndefined()
    expect(refused.body()).toBe('Sorry, this website is busy')
    // A page already being made is waited for, not refused: that is serve's business.
    void busyCache.serve('/search?q=arson', () => new Promise<Rendered>(() => {}))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(withLimit.answer(req, response().res, asker)).toBe(false)
    finish()
    await running
  })
})

/**
 * Bad input gets a clear 4xx, never a 500; nothing is stored; the server keeps serving.
 * And nothing Newsroom answers, good or bad, shows a stack trace, a file path or a library
 * version (the server runs with NODE_ENV=production here).
 */
import crypto from 'node:crypto'
import http from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signIn, type Api } from '../helpers/api'
import { allMessages } from '../helpers/errors'
import { imageForm, jpeg } from '../helpers/images'
import { publishRelease } from '../helpers/releases'
import { ADMIN, startServer, type TestServer } from '../helpers/server'

let server: TestServer
let admin: Api
let releaseId: number

/** Anything in an answer that would tell an attacker about the inside of the server. */
const LEAKS = [
  /\n\s+at [\w.<>]+ \(/,
  /\/work\/|\/home\/|\/tmp\/|node_modules/,
  /Next\.js|Payload \d|payload@|express\/?\d|x-powered-by/i,
  /\.tsx?:\d+/,
]

const expectNoLeak = (body: string, headers: Headers, what: string) => {
  for (const pattern of LEAKS)
    expect(pattern.test(body), `${what}: the answer matches ${pattern}`).toBe(false)
  expect(headers.get('x-powered-by'), `${what}: X-Powered-By`).toBeNull()
  expect(headers.get('server'), `${what}: Server`).toBeNull()
}

/** Raw HTTP, for what fetch() will not send (bad JSON, wrong lengths, odd methods). */
const raw = (
  method: string,
  path: string,
  body: string | Buffer = '',
  headers: Record<string, string> = {},
  as: 'admin' | 'anyone' = 'admin',
) =>
  new Promise<{ status: number; body: string; headers: Headers }>((resolve, reject) => {
    const url = new URL(server.url + path)
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: {
          ...(as === 'admin' && admin?.token ? { Authorization: `JWT ${admin.token}` } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            body: text,
            headers: new Headers(res.headers as Record<string, string>),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })

beforeAll(async () => {
  server = await startServer({
    env: { NODE_ENV: 'production', PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex') },
  })
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  releaseId = (await publishRelease(admin, { title: 'A release to poke at', summary: 'Steady.' }))
    .id
})
afterAll(async () => {
  await server?.stop()
})

const count = async () => (await admin.get('/api/news?limit=1&draft=true')).body.totalDocs as number

describe('bad input to the API is a 4xx with a message, stores nothing, and leaks nothing', () => {
  const cases: [string, () => Promise<{ status: number; body: string; headers: Headers }>][] = [
    [
      'malformed JSON',
      () => raw('POST', '/api/news', '{"title": "Broken', { 'Content-Type': 'application/json' }),
    ],
    [
      'JSON that is not an object',
      () => raw('POST', '/api/news', '[1,2,3]', { 'Content-Type': 'application/json' }),
    ],
    [
      'a number where text is expected',
      () =>
        raw('POST', '/api/news', JSON.stringify({ title: 12345, summary: ['x'] }), {
          'Content-Type': 'application/json',
        }),
    ],
    [
      'an object where a date is expected',
      () =>
        raw('POST', '/api/news', JSON.stringify({ title: 'Dates', publishAt: { $gt: '' } }), {
          'Content-Type': 'application/json',
        }),
    ],
    [
      'a relationship to something that does not exist',
      () =>
        raw('POST', '/api/news', JSON.stringify({ title: 'Ghost picture', heroImage: 999999 }), {
          'Content-Type': 'application/json',
        }),
    ],
    [
      'a title of a megabyte',
      () =>
        raw('POST', '/api/news', JSON.stringify({ title: 'x'.repeat(900_000) }), {
          'Content-Type': 'application/json',
        }),
    ],
    [
      'JSON over the 1 MB limit',
      () =>
        raw('POST', '/api/news', JSON.stringify({ title: 'x'.repeat(1_100_000) }), {
          'Content-Type': 'application/json',
        }),
    ],
    [
      'JSON nested ten thousand deep',
      () =>
        raw(
          'POST',
          '/api/news',
          '{"title":"Deep","body":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}',
          { 'Content-Type': 'application/json' },
        ),
    ],
    [
      'a field that does not exist',
      () =>
        raw('POST', '/api/news', JSON.stringify({ title: 'Unknown', nonsense: true }), {
          'Content-Type': 'application/json',
        }),
    ],
    [
      'a field that does not exist in a group',
      () =>
        raw(
          'POST',
          '/api/news',
          JSON.stringify({ title: 'Unknown', meta: { title: 'x', owner: 'me' } }),
          { 'Content-Type': 'application/json' },
        ),
    ],
    [
      'a list where text is expected',
      () =>
        raw('POST', '/api/quotes', JSON.stringify({ speakerName: ['a'], text: 'Words' }), {
          'Content-Type': 'application/json',
        }),
    ],
    [
      'a relationship given as an object with no id',
      () =>
        raw('POST', '/api/news', JSON.stringify({ title: 'Odd', category: { name: 'x' } }), {
          'Content-Type': 'application/json',
        }),
    ],
    [
      'a rich text link to javascript:',
      () =>
        raw(
          'POST',
          '/api/news',
          JSON.stringify({
            title: 'Link',
            body: [
              {
                children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ text: 'x' }] }],
              },
            ],
          }),
          { 'Content-Type': 'application/json' },
        ),
    ],
    [
      'a rich text element Newsroom does not have',
      () =>
        raw(
          'POST',
          '/api/news',
          JSON.stringify({ title: 'Frame', body: [{ type: 'iframe', children: [{ text: 'x' }] }] }),
          { 'Content-Type': 'application/json' },
        ),
    ],
    [
      'a site setting of the wrong type',
      () =>
        raw('POST', '/api/globals/site-settings', JSON.stringify({ forceName: { $set: 'x' } }), {
          'Content-Type': 'application/json',
        }),
    ],
    [
      'JSON sent in chunks with no length',
      () =>
        raw('POST', '/api/news', JSON.stringify({ title: 'Chunked' }), {
          'Content-Type': 'application/json',
          'Transfer-Encoding': 'chunked',
        }),
    ],
    [
      'a rich text body that is not rich text',
      () =>
        raw('POST', '/api/news', JSON.stringify({ title: 'Body', body: 'just a string' }), {
          'Content-Type': 'application/json',
        }),
    ],
    ['an id that is not a number', () => raw('GET', '/api/news/not-an-id')],
    ['an id far too large', () => raw('GET', '/api/news/99999999999999999999999999')],
    [
      'an id with SQL in it',
      () => raw('GET', `/api/news/${encodeURIComponent('1 OR 1=1; DROP TABLE news;--')}`),
    ],
    [
      'a where on a field that does not exist',
      () => raw('GET', '/api/news?where[nonsense][equals]=1'),
    ],
    ['a where with an unknown operator', () => raw('GET', '/api/news?where[title][regexp]=.*')],
    [
      'a where nested deep',
      () => raw('GET', `/api/news?${'where' + '[and][0]'.repeat(60)}[title][equals]=x`),
    ],
    ['a where on a password hash', () => raw('GET', '/api/users?where[hash][exists]=true')],
    ['a sort on a field that does not exist', () => raw('GET', '/api/news?sort=nonsense')],
    ['a limit that is not a number', () => raw('GET', '/api/news?limit=lots&page=-4')],
    ['a depth far too deep', () => raw('GET', '/api/news?depth=500')],
    [
      'a PATCH with no body',
      () =>
        raw('PATCH', `/api/news/${releaseId}?draft=true`, '', {
          'Content-Type': 'application/json',
        }),
    ],
    [
      'an update of a release that does not exist',
      () =>
        raw('PATCH', '/api/news/999999?draft=true', JSON.stringify({ title: 'Nope' }), {
          'Content-Type': 'application/json',
        }),
    ],
    [
      'a workflow step with the wrong types',
      () =>
        raw(
          'POST',
          `/api/news/${releaseId}/workflow/withdraw`,
          JSON.stringify({ note: { $ne: null } }),
          { 'Content-Type': 'application/json' },
        ),
    ],
    [
      'a GraphQL query that does not parse',
      () =>
        raw('POST', '/api/graphql', JSON.stringify({ query: '{ allNews { docs { ' }), {
          'Content-Type': 'application/json',
        }),
    ],
    [
      'a GraphQL query for a field that does not exist',
      () =>
        raw(
          'POST',
          '/api/graphql',
          JSON.stringify({ query: '{ allNews { docs { password } } }' }),
          { 'Content-Type': 'application/json' },
        ),
    ],
    [
      'a GraphQL query too costly to answer',
      () =>
        raw(
          'POST',
          '/api/graphql',
          JSON.stringify({
            query: `{ ${Array.from({ length: 1500 }, (_, i) => `a${i}: allNews { totalDocs }`).join(' ')} }`,
          }),
          { 'Content-Type': 'application/json' },
        ),
    ],
    [
      'a GraphQL mutation with the wrong types',
      () =>
        raw(
          'POST',
          '/api/graphql',
          JSON.stringify({
            query: 'mutation { createNews(data: { title: "G", body: "not rich text" }) { id } }',
          }),
          { 'Content-Type': 'application/json' },
        ),
    ],
    ['an unknown collection', () => raw('GET', '/api/secrets')],
    ['an unknown method', () => raw('PROPFIND', '/api/news')],
    [
      'a sign-in with no body',
      () => raw('POST', '/api/users/login', '', { 'Content-Type': 'application/json' }),
    ],
  ]

  for (const [name, send] of cases) {
    it(name, async () => {
      const before = await count()
      const response = await send()
      if (name.includes('GraphQL') && response.status === 200) {
        // GraphQL over HTTP answers a query it cannot run with 200 and its errors.
        const body = JSON.parse(response.body)
        expect(body.errors?.length, `${name}: ${response.body.slice(0, 300)}`).toBeGreaterThan(0)
        expect(body.data ?? null, name).toSatisfy(
          (data: unknown) =>
            data === null || Object.values(data as object).every((v) => v === null),
        )
      } else {
        expect(response.status, `${name}: ${response.body.slice(0, 300)}`).toBeGreaterThanOrEqual(
          400,
        )
      }
      expect(response.status, `${name}: ${response.body.slice(0, 300)}`).toBeLessThan(500)
      if (response.headers.get('content-type')?.includes('json'))
        expect(allMessages(JSON.parse(response.body)).length, name).toBeGreaterThan(0)
      expectNoLeak(response.body, response.headers, name)
      expect(await count()).toBe(before)
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    })
  }
})

describe('uploads', () => {
  it('refuses a file over 20 MB with a 413 that says so, and stores nothing', async () => {
    const before = (await admin.get('/api/media?limit=1')).body.totalDocs
    const big = Buffer.concat([await jpeg(200, 200), crypto.randomBytes(21 * 1024 * 1024)])
    const response = await admin.upload(
      '/api/media',
      imageForm(big, 'huge.jpg', 'image/jpeg', { alt: 'Too big' }),
    )
    expect(response.status).toBe(413)
    expect(allMessages(response.body)).toMatch(/20 MB/)
    expect((await admin.get('/api/media?limit=1')).body.totalDocs).toBe(before)
  })

  it('refuses a picture of more than 50 megapixels with a 413, by its content', async () => {
    // 8000 × 8000 = 64 megapixels of one colour: a small file that would take a lot of memory to open.
    const response = await admin.upload(
      '/api/media',
      imageForm(await jpeg(8000, 8000, '#ffffff'), 'wide.jpg', 'image/jpeg', {
        alt: 'Too many pixels',
      }),
    )
    expect(response.status).toBe(413)
    expect(allMessages(response.body)).toMatch(/50 megapixels/)
  })

  it('refuses SVG, even one that is a real picture', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    )
    const response = await admin.upload(
      '/api/media',
      imageForm(svg, 'logo.svg', 'image/svg+xml', { alt: 'A logo' }),
    )
    expect(response.status).toBe(400)
  })
})

describe('pages and errors never show the inside of the server to anyone', () => {
  for (const path of [
    '/',
    '/news/a-release-to-poke-at',
    '/no-such-page',
    '/news?page=-1',
    '/search?q=%00%ff',
    '/admin',
    '/admin/login',
    '/admin/no-such-view',
    '/api/news/abc',
    '/api/users/me',
    '/api/globals/site-settings',
    '/_next/no-such-file.js',
    '/feed.xml?x=<script>',
    '/healthz',
  ]) {
    it(path, async () => {
      const response = await raw('GET', path, '', {}, 'anyone')
      expect(response.status).toBeLessThan(500)
      expectNoLeak(response.body, response.headers, path)
    })
  }
})

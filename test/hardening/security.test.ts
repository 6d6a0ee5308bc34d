/**
 * Security headers on every kind of answer, sign-in defences (a limit per address, cookie
 * flags, CSRF) and the password rule, against a running server.
 */
import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, signIn, type Api } from '../helpers/api'
import { queryServerDatabase } from '../helpers/database'
import { allMessages, fieldErrors } from '../helpers/errors'
import { parseHtml } from '../helpers/html'
import { publishRelease } from '../helpers/releases'
import { ADMIN, runStartExpectingFailure, startServer, type TestServer } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

let server: SharedServer
let admin: Api

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  await publishRelease(admin, { title: 'Headers on a release page', summary: 'For the headers.' })
})
/** A CSP header as { directive: [values] }. */
const csp = (header: string | null) =>
  Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  ) as Record<string, string[]>

describe('security headers', () => {
  it('public pages: a strict policy, no referrer, no framing, no sniffing', async () => {
    for (const path of [
      '/',
      '/news/headers-on-a-release-page',
      '/search?q=x',
      '/no-such-page',
      '/feed.xml',
      '/healthz',
      '/quick-exit.js',
    ]) {
      const response = await fetch(server.url + path)
      const policy = csp(response.headers.get('content-security-policy'))
      expect(policy['default-src'], path).toEqual(["'none'"])
      expect(policy['script-src'], path).toEqual(["'self'"])
      expect(policy['style-src'], path).toEqual(["'self'"])
      expect(policy['frame-ancestors'], path).toEqual(["'none'"])
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer')
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(response.headers.get('x-frame-options'), path).toBe('DENY')
      // Served over http here: no HSTS (see the https server below).
      expect(response.headers.get('strict-transport-security'), path).toBeNull()
    }
  })

  it('public pages run no inline script: every script is a file of this site or a data block', async () => {
    const page = parseHtml(
      await (await fetch(server.url + '/news/headers-on-a-release-page')).text(),
    )
    const scripts = page.all.filter((element) => element.tag === 'script')
    expect(scripts.length).toBeGreaterThan(0)
    for (const script of scripts) {
      if (script.attrs.type === 'application/ld+json') continue
      expect(script.attrs.src, 'an inline script').toMatch(/^\/(?!\/)/)
    }
    for (const element of page.all)
      expect(
        Object.keys(element.attrs).filter((name) => name.startsWith('on') || name === 'style'),
      ).toEqual([])
  })

  it('the admin has its own policy, limited to this site, and may frame only itself', async () => {
    const response = await fetch(server.url + '/admin/login')
    expect(response.status).toBe(200)
    const policy = csp(response.headers.get('content-security-policy'))
    expect(policy['default-src']).toEqual(["'self'"])
    expect(policy['frame-ancestors']).toEqual(["'self'"])
    expect(policy['object-src']).toEqual(["'none'"])
    for (const values of Object.values(policy))
      for (const value of values)
        expect(value).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/)
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    // No "critical" client hint: a browser that had not sent it asked for each page twice, and
    // a "Create New" page asked for twice made two drafts. The hint is still asked for.
    expect(response.headers.get('critical-ch')).toBeNull()
    expect(response.headers.get('accept-ch')).toBe('Sec-CH-Prefers-Color-Scheme')
  })

  it('API answers can run nothing and be framed by nobody', async () => {
    for (const path of ['/api/news', '/api/news/999999', '/api/globals/site-settings']) {
      const response = await fetch(server.url + path)
      const policy = csp(response.headers.get('content-security-policy'))
      expect(policy['default-src'], path).toEqual(["'none'"])
      expect(policy['frame-ancestors'], path).toEqual(["'none'"])
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
    }
  })
})

describe('the server’s own records of changes (content-changes, content-version)', () => {
  it('are in no answer and take no writes, whoever asks (docs/access.md)', async () => {
    await publishRelease(admin, { title: 'A change on record', summary: 'Makes a row.' })
    for (const who of [api(server.url), admin]) {
      expect((await who.get('/api/content-changes')).status).toBe(403)
      expect((await who.post('/api/content-changes', { server: 'me', tags: null })).status).toBe(
        403,
      )
      expect((await who.get('/api/globals/content-version')).status).toBe(403)
      const graphql = await who.post('/api/graphql', {
        query: '{ ContentChanges { docs { server tags } } }',
      })
      expect(graphql.body.errors?.length, JSON.stringify(graphql.body)).toBeGreaterThan(0)
      expect(JSON.stringify(graphql.body)).not.toContain('release-')
    }
  })
})

describe('signing in', () => {
  // Wrong passwords, the throttle and unlocking: test/hardening/signIn.test.ts.

  it('sets the session cookie HttpOnly and SameSite=Lax (and Secure behind https: below)', async () => {
    const response = await fetch(server.url + '/api/users/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/Secure/i)
  })

  it('ignores the session cookie on a write from another site (CSRF), and honours it from this one', async () => {
    const response = await fetch(server.url + '/api/users/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    const cookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith('payload-token='))!
      .split(';')[0]!
    const write = (origin: string, title: string) =>
      fetch(server.url + '/api/categories', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: origin },
        body: JSON.stringify({ name: title }),
      })

    const forged = await write('https://evil.example', 'Made by a forged request')
    expect(forged.status).toBe(403)
    const found = await admin.get(
      `/api/categories?where[name][equals]=${encodeURIComponent('Made by a forged request')}`,
    )
    expect(found.body.totalDocs).toBe(0)

    const genuine = await write(server.url, 'Made from the admin')
    expect(genuine.status).toBe(201)
  })
})

describe('passwords', () => {
  const tryPassword = (password: string, name = 'Pat Password') =>
    admin.post('/api/users', {
      email: `pw-${crypto.randomUUID().slice(0, 8)}@northmoor.test`,
      password,
      name,
      roles: ['author'],
    })

  it('refuses a short password, saying how long it must be', async () => {
    const response = await tryPassword('Tr1cky!')
    expect(response.status).toBe(400)
    expect(fieldErrors(response.body).password).toMatch(/at least 12 characters/)
  })

  it('refuses the most common passwords however long', async () => {
    for (const password of ['password1234', 'qwertyuiop123', '123456789012', 'Password123!']) {
      const response = await tryPassword(password)
      expect(response.status, password).toBe(400)
      expect(fieldErrors(response.body).password, password).toMatch(/too easy to guess/)
    }
  })

  it('refuses a password made of the person’s own name or the force’s', async () => {
    const response = await tryPassword('priyanka-hartley-police', 'Priyanka Hartley')
    expect(response.status).toBe(400)
  })

  it('accepts a few unrelated words', async () => {
    expect((await tryPassword('velvet harbour quiz tangerine')).status).toBe(201)
  })

  it('applies the same rule when someone changes their own password', async () => {
    const email = `self-${crypto.randomUUID().slice(0, 8)}@northmoor.test`
    const created = await admin.post('/api/users', {
      email,
      password: 'copper meadow violin ember',
      name: 'Sam Self',
      roles: ['author'],
    })
    const self = await signIn(server.url, email, 'copper meadow violin ember')
    const weak = await self.patch(`/api/users/${created.body.doc.id}`, { password: 'letmein12345' })
    expect(weak.status).toBe(400)
    expect(fieldErrors(weak.body).password).toMatch(/too easy to guess/)
    // The old password still works: nothing was changed.
    await signIn(server.url, email, 'copper meadow violin ember')
  })

  it('applies the same rule to a password chosen from a reset link', async () => {
    const email = `reset-${crypto.randomUUID().slice(0, 8)}@northmoor.test`
    await admin.post('/api/users', {
      email,
      password: 'saffron glacier ladder mint',
      name: 'Robin Reset',
      roles: ['author'],
    })
    expect((await api(server.url).post('/api/users/forgot-password', { email })).status).toBe(200)
    // The link would go by email; no mail server here, so the token is read where it is kept.
    const [row] = await queryServerDatabase(
      server.dir,
      'SELECT reset_password_token AS token FROM users WHERE email = ?',
      [email],
    )
    const token = row?.token as string
    expect(token).toMatch(/^[a-f0-9]{40}$/)
    const weak = await api(server.url).post('/api/users/reset-password', {
      token,
      password: 'iloveyou1234',
    })
    expect(weak.status).toBe(400)
    expect(fieldErrors(weak.body).password).toMatch(/too easy to guess/)
    const strong = await api(server.url).post('/api/users/reset-password', {
      token,
      password: 'orbit walnut cedar trumpet',
    })
    expect(strong.status).toBe(200)
    await signIn(server.url, email, 'orbit walnut cedar trumpet')
  })

  it('will not start with a weak ADMIN_PASSWORD, and says why', async () => {
    const { code, output } = await runStartExpectingFailure({
      ADMIN_EMAIL: 'first@northmoor.test',
      ADMIN_PASSWORD: 'password',
    })
    expect(code).not.toBe(0)
    expect(output).toMatch(/ADMIN_PASSWORD is not accepted: Use at least 12 characters/)
  })
})

describe('behind https, with a low limit per address', () => {
  let secure: TestServer
  beforeAll(async () => {
    secure = await startServer({
      env: { SITE_URL: 'https://news.northmoor.example', SIGN_IN_RATE_LIMIT: '5' },
    })
  })
  afterAll(async () => {
    await secure?.stop()
  })

  it('sends HSTS and marks the session cookie Secure', async () => {
    const page = await fetch(secure.url + '/')
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=31536000/)
    expect(csp(page.headers.get('content-security-policy'))['upgrade-insecure-requests']).toEqual(
      [],
    )
    const login = await fetch(secure.url + '/api/users/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://news.northmoor.example' },
      body: JSON.stringify(ADMIN),
    })
    expect(login.status).toBe(200)
    expect(login.headers.getSetCookie().find((c) => c.startsWith('payload-token='))).toMatch(
      /;\s*Secure/i,
    )
  })

  it('limits sign-in attempts per address, and a forged X-Forwarded-For does not get round it', async () => {
    // One attempt was used above; four more are allowed.
    const attempt = (forwardedFor: string) =>
      fetch(secure.url + '/api/users/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
        body: JSON.stringify({
          email: 'nobody@northmoor.test',
          password: 'not the password at all',
        }),
      })
    for (let i = 0; i < 4; i++) expect((await attempt(`203.0.113.${i}`)).status).toBe(401)
    const limited = await attempt('198.51.100.7')
    expect(limited.status).toBe(429)
    expect(allMessages(await limited.json())).toMatch(/Too many sign-in attempts/)
    // The public site and reading the API are not limited.
    expect((await fetch(secure.url + '/')).status).toBe(200)
    expect((await fetch(secure.url + '/api/news')).status).toBe(200)
  })
})

import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoReleases } from '../../src/seed/content'
import { api, signIn } from '../helpers/api'
import { TEST_DATABASE } from '../helpers/database'
import { ADMIN, runStartExpectingFailure, startServer, type TestServer } from '../helpers/server'

describe('a fresh start with the embedded database and the demo content', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startServer({ seed: true })
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('answers the health check when the database answers', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it.skipIf(TEST_DATABASE !== 'sqlite')(
    'creates the SQLite database file under the data folder',
    () => {
      expect(fs.existsSync(path.join(server.dir, 'newsroom.db'))).toBe(true)
    },
  )

  it('serves the demo releases to an anonymous reader: published ones only', async () => {
    const { status, body } = await api(server.url).get('/api/news?limit=100&depth=0')
    expect(status).toBe(200)
    const live = demoReleases.filter((r) => 'publishedHoursAgo' in r.timing).map((r) => r.slug)
    expect(live.length).toBeGreaterThanOrEqual(6)
    expect(body.docs.map((d: { slug: string }) => d.slug).sort()).toEqual([...live].sort())
    for (const doc of body.docs) {
      expect(doc._status).toBe('published')
      expect(Date.parse(doc.publishAt)).toBeLessThanOrEqual(Date.now())
      expect(doc.authors).toBeUndefined()
    }
  })

  it('keeps the scheduled release and the draft from an anonymous reader, and shows them to staff', async () => {
    const hidden = demoReleases.filter((r) => !('publishedHoursAgo' in r.timing)).map((r) => r.slug)
    expect(hidden).toHaveLength(2)
    for (const slug of hidden) {
      const anonymous = await api(server.url).get(
        `/api/news?where[slug][equals]=${slug}&draft=true`,
      )
      expect(anonymous.body.docs).toEqual([])
    }
    const admin = await signIn(server.url, ADMIN.email, ADMIN.password)
    const { body } = await admin.get('/api/news?limit=100&depth=0&draft=true')
    expect(body.totalDocs).toBe(demoReleases.length)
  })

  it('serves the admin sign-in page, and signing in works for the admin made from ADMIN_EMAIL', async () => {
    const page = await fetch(`${server.url}/admin/login`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<html')
    const me = await (await signIn(server.url, ADMIN.email, ADMIN.password)).get('/api/users/me')
    expect(me.body.user).toMatchObject({ email: ADMIN.email, roles: ['admin'] })
  })

  it('serves files from public/', async () => {
    const response = await fetch(`${server.url}/robots-test-does-not-exist.txt`)
    expect(response.status).toBe(404)
    const favicon = await fetch(`${server.url}/favicon.svg`)
    expect(favicon.status).toBe(200)
    expect(favicon.headers.get('content-type')).toContain('image/svg+xml')
  })

  it('keeps the same generated secret across a restart, so sessions survive it', async () => {
    const secretFile = path.join(server.dir, '.payload-secret')
    expect(fs.readFileSync(secretFile, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/)
    const admin = await signIn(server.url, ADMIN.email, ADMIN.password)
    const dir = server.dir
    const before = fs.readFileSync(secretFile, 'utf8')
    await server.stop({ keepFiles: true })
    server = await startServer({ dir })
    expect(fs.readFileSync(secretFile, 'utf8')).toBe(before)
    const me = await api(server.url, admin.token).get('/api/users/me')
    expect(me.body.user?.email).toBe(ADMIN.email)
  })
})

describe('start-up refuses to run when it cannot run safely', () => {
  it('refuses to start in production without PAYLOAD_SECRET, and says what to set', async () => {
    const { code, output } = await runStartExpectingFailure({
      NODE_ENV: 'production',
      PAYLOAD_SECRET: undefined,
    })
    expect(code).toBe(1)
    expect(output).toContain('PAYLOAD_SECRET is not set')
    expect(output).not.toMatch(/\n\s+at /)
  })

  it('refuses a DATABASE_URL it does not understand, and says which ones it does', async () => {
    const { code, output } = await runStartExpectingFailure({
      DATABASE_URL: 'mysql://localhost/newsroom',
    })
    expect(code).toBe(1)
    expect(output).toContain('DATABASE_URL must start with file:, postgres:// or mongodb://')
  })
})

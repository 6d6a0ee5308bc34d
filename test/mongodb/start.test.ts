/**
 * MongoDB runs only where one is available: set MONGODB_TEST_URL to a replica set (or an
 * Atlas cluster) to run these. No MongoDB server can be installed on CI's machines, and a
 * mock would prove nothing, so there this file says it was skipped and why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, signIn } from '../helpers/api'
import { ADMIN, startServer, type TestServer } from '../helpers/server'
import { publishRelease } from '../helpers/releases'

const base = process.env.MONGODB_TEST_URL

if (!base) {
  console.log(
    'MongoDB tests skipped: MONGODB_TEST_URL is not set (no MongoDB server can run on this machine).',
  )
}

const databaseUrl = () => {
  if (!base) return ''
  const url = new URL(base)
  url.pathname = `/newsroom_test_${Date.now().toString(36)}`
  return url.toString()
}

describe.skipIf(!base)('Newsroom on MongoDB', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startServer({ databaseUrl: databaseUrl() })
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('starts, answers the health check and serves the API', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    const admin = await signIn(server.url, ADMIN.email, ADMIN.password)
    await publishRelease(admin, { title: 'On MongoDB', summary: 'It works.' })
    expect((await api(server.url).get('/api/news')).body.docs).toHaveLength(1)
  })

  it('keeps a scheduled release from an anonymous reader', async () => {
    const admin = await signIn(server.url, ADMIN.email, ADMIN.password)
    const future = new Date(Date.now() + 60 * 60 * 1000).toISOString()
    await publishRelease(
      admin,
      { title: 'Embargoed on MongoDB', summary: 'Not yet.' },
      { publishAt: future },
    )
    const titles = (await api(server.url).get('/api/news')).body.docs.map(
      (d: { title: string }) => d.title,
    )
    expect(titles).not.toContain('Embargoed on MongoDB')
  })
})

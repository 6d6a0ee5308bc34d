import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { schemaChangesWithoutMigration } from '../../src/db/schemaDrift'
import { api, signIn } from '../helpers/api'
import { startLocalPayload } from '../helpers/localPayload'
import { createTestDatabase, POSTGRES_SERVER } from '../helpers/postgres'
import { runCli } from '../helpers/run'
import {
  ADMIN,
  freePort,
  runStartExpectingFailure,
  startServer,
  type TestServer,
} from '../helpers/server'
import { makeTempDir } from '../helpers/tempDir'
import { publishRelease } from '../helpers/releases'

describe('Newsroom on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let server: TestServer | undefined
  const temp = makeTempDir()

  beforeAll(async () => {
    database = await createTestDatabase('start')
  })
  afterAll(async () => {
    await server?.stop()
    await database?.drop()
    temp.remove()
  })

  it('refuses to start on a database that has not been migrated, and names the command to run', async () => {
    const { code, output } = await runStartExpectingFailure({ DATABASE_URL: database.url })
    expect(code).toBe(1)
    expect(output).toContain('Run `npm run migrate`')
  })

  it('`npm run migrate` brings the database up to date, and says so the second time', async () => {
    const env = { DATABASE_URL: database.url, NEWSROOM_DATA_DIR: temp.dir }
    const first = await runCli('migrate', env)
    expect(first.code, first.output).toBe(0)
    expect(first.output).toMatch(/Applying \d+ migration/)
    const second = await runCli('migrate', env)
    expect(second.output).toContain('up to date')
  })

  it('then starts, and serves the API and the health check', async () => {
    server = await startServer({ databaseUrl: database.url })
    const health = await fetch(`${server.url}/healthz`)
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }])
    const admin = await signIn(server.url, ADMIN.email, ADMIN.password)
    const created = await publishRelease(admin, {
      title: 'Roadworks on the A12',
      summary: 'Overnight closures next week.',
    })
    expect(created.workflowState).toBe('approved')
    const anonymous = await api(server.url).get('/api/news')
    expect(anonymous.body.docs.map((d: { title: string }) => d.title)).toEqual([
      'Roadworks on the A12',
    ])
  })

  it('answers 503 from /healthz while the database is down, keeps serving, and recovers when it is back', async () => {
    await database.takeDown()
    try {
      const down = await fetch(`${server!.url}/healthz`)
      expect(down.status).toBe(503)
      expect(await down.json()).toMatchObject({ status: 'unavailable' })
      expect((await fetch(`${server!.url}/favicon.svg`)).status).toBe(200)
    } finally {
      await database.bringBack()
    }
    let status = 0
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await fetch(`${server!.url}/healthz`)).status
      if (status !== 200) await new Promise((r) => setTimeout(r, 250))
    }
    expect(status).toBe(200)
  })

  it('the committed PostgreSQL migrations describe the whole content model', async () => {
    const local = await startLocalPayload({ databaseUrl: database.url })
    try {
      expect(await schemaChangesWithoutMigration(local.payload)).toEqual([])
    } finally {
      await local.stop()
    }
  })
})

describe('a DATABASE_URL naming a PostgreSQL that cannot be used', () => {
  it('stops the server with one sentence that says what is wrong, and no stack trace', async () => {
    const port = await freePort() // nothing listens there
    const { code, output } = await runStartExpectingFailure({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/newsroom`,
    })
    expect(code).toBe(1)
    expect(output).toContain(
      `DATABASE_URL cannot be used: nothing answers at 127.0.0.1:${port}/newsroom. Is PostgreSQL running there?`,
    )
    expect(output).not.toMatch(/\n\s+at /)
  })

  it('stops `npm run migrate` the same way, naming the user refused and never the password', async () => {
    const url = new URL(POSTGRES_SERVER)
    url.username = `nobody_${Date.now()}`
    url.password = 'not-a-secret-to-print'
    const { code, output } = await runCli('migrate', { DATABASE_URL: url.toString() })
    expect(code).toBe(2)
    expect(output.trim()).toBe(
      `DATABASE_URL cannot be used: PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname} refused the user ${url.username}: check the user name and password.`,
    )
  })
})

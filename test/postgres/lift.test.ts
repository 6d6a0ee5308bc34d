/**
 * Two server processes on one PostgreSQL database, both polling the job queue: each
 * release's lift runs its side effects exactly once.
 */
import crypto from 'node:crypto'
import http from 'node:http'

import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'

import { createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { createTestDatabase } from '../helpers/postgres'
import { createDraft, transition } from '../helpers/releases'
import { runCli } from '../helpers/run'
import { ADMIN, startServer, type TestServer } from '../helpers/server'
import { makeTempDir } from '../helpers/tempDir'

const SECRET = 'webhook-secret-for-the-test'

describe('the embargo lift with two server processes on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let a: TestServer
  let b: TestServer
  let receiver: http.Server
  const deliveries: { id: string; event: string; signatureValid: boolean; body: any }[] = []

  beforeAll(async () => {
    database = await createTestDatabase('lift')
    const temp = makeTempDir()
    const migrated = await runCli('migrate', {
      DATABASE_URL: database.url,
      NEWSROOM_DATA_DIR: temp.dir,
    })
    temp.remove()
    expect(migrated.code, migrated.output).toBe(0)
    receiver = http.createServer((req, res) => {
      let raw = ''
      req.on('data', (chunk) => (raw += chunk))
      req.on('end', () => {
        const expected = `sha256=${crypto.createHmac('sha256', SECRET).update(raw).digest('hex')}`
        deliveries.push({
          id: String(req.headers['x-newsroom-delivery']),
          event: String(req.headers['x-newsroom-event']),
          signatureValid: req.headers['x-newsroom-signature'] === expected,
          body: JSON.parse(raw),
        })
        res.end('ok')
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const port = (receiver.address() as { port: number }).port
    const env = { WEBHOOK_URLS: `http://127.0.0.1:${port}/hook`, WEBHOOK_SECRET: SECRET }
    ;[a, b] = await Promise.all([
      startServer({ databaseUrl: database.url, env }),
      startServer({ databaseUrl: database.url, env }),
    ])
  })

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await new Promise((resolve) => receiver?.close(resolve))
    await database?.drop()
  })

  it('runs the side effects of each lift exactly once: one webhook, one history entry, one claim', async () => {
    // A failure here has been a hang once under load: what the servers said is the clue.
    onTestFailed(() => {
      console.log(
        `Server A said:\n${a.output().slice(-4000)}\nServer B said:\n${b.output().slice(-4000)}`,
      )
    })
    const admin: Api = await signIn(a.url, ADMIN.email, ADMIN.password)
    const author = await createUserAndSignIn(a.url, admin, {
      email: 'author@northmoor.test',
      roles: ['author'],
    })
    const editor = await createUserAndSignIn(a.url, admin, {
      email: 'editor@northmoor.test',
      roles: ['editor'],
    })
    const releases = []
    for (let i = 1; i <= 3; i++) {
      const draft = await createDraft(author, {
        title: `Simultaneous release ${i}`,
        summary: 'Three at once.',
      })
      await transition(author, draft.id, 'submit')
      releases.push(draft)
    }
    // The time is set once the three are ready for it: on a loaded machine writing them has
    // taken longer than the margin, and a time already past is refused.
    const liftAt = Date.now() + 8000
    for (const draft of releases) {
      const scheduled = await transition(editor, draft.id, 'schedule', {
        publishAt: new Date(liftAt).toISOString(),
      })
      expect(scheduled.status).toBe(200)
    }
    // Both processes poll every second; give them time to race, and to retry if anything failed.
    await new Promise((resolve) => setTimeout(resolve, liftAt - Date.now() + 6000))

    for (const release of releases) {
      const mine = deliveries.filter((d) => d.body.data.id === release.id)
      expect(mine, `webhooks for release ${release.id}`).toHaveLength(1)
      expect(mine[0]).toMatchObject({ event: 'release.published', signatureValid: true })
      expect(mine[0]!.body.data.url).toMatch(new RegExp(`/news/${release.slug}$`))
      const lifted = await admin.get(
        `/api/audit-log?where[releaseRef][equals]=${release.id}&where[action][equals]=lifted&limit=1`,
      )
      expect(lifted.body.totalDocs).toBe(1)
    }
    const claims = await admin.get('/api/embargo-lifts?limit=100')
    expect(claims.body.docs.map((c: { status: string }) => c.status)).toEqual([
      'done',
      'done',
      'done',
    ])
    expect(new Set(deliveries.map((d) => d.id)).size).toBe(deliveries.length)
  })
})

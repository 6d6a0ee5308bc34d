/**
 * An alert to hundreds of subscribers from two server processes on one PostgreSQL database,
 * with one of them killed (kill -9) in the middle of the send and started again: every
 * subscriber gets the alert, nobody before the embargo lifts, and the only e-mails sent twice
 * are ones the killed server had in flight, each with the same Message-ID as the first.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signIn, type Api } from '../helpers/api'
import { databaseFor } from '../helpers/database'
import { publishRelease } from '../helpers/releases'
import { ADMIN, startServer, type TestServer } from '../helpers/server'
import { startSmtp, type TestSmtp } from '../helpers/smtp'
import { makeTempDir } from '../helpers/tempDir'

const READERS = 600
/** What the killed server may have claimed and not yet marked: one batch (src/alerts/sender.ts). */
const IN_FLIGHT_AT_MOST = 25

describe('public alerts from two servers on one PostgreSQL database', () => {
  let smtp: TestSmtp
  let a: TestServer
  let b: TestServer
  let admin: Api
  let databaseUrl: string
  let drop: () => Promise<void>
  const temp = makeTempDir()

  beforeAll(async () => {
    smtp = await startSmtp()
    const database = await databaseFor(temp.dir)
    databaseUrl = database.url
    drop = database.drop
    // A steady pace, so that the send lasts long enough to be interrupted.
    const env = { SMTP_URL: smtp.url, EMAIL_RATE_PER_SECOND: '60' }
    a = await startServer({ databaseUrl, env })
    b = await startServer({ databaseUrl, env })
    admin = await signIn(a.url, ADMIN.email, ADMIN.password)
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    await client.query(
      `INSERT INTO subscribers (email, status, all_news, frequency, confirmed_at, link_key)
       SELECT 'reader' || g || '@bulk.test', 'confirmed', true, 'immediately', now() - interval '1 day', 'key' || g
       FROM generate_series(1, $1::int) g`,
      [READERS],
    )
    await client.end()
  })
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await drop?.()
    temp.remove()
    await smtp?.close()
  })

  it('reaches everyone once but for what was in flight at the kill, never before the embargo, across the kill and restart', async () => {
    const publishAt = new Date(Math.ceil((Date.now() + 6000) / 1000) * 1000)
    const title = 'Alert to every reader'
    await publishRelease(
      admin,
      { title, summary: 'Sent from two servers.' },
      { publishAt: publishAt.toISOString() },
    )
    const alerts = () => smtp.received.filter((m) => m.subject === title)

    // Part way through the send, server A dies at once, with whatever it had claimed.
    const deadline = Date.now() + 60_000
    while (alerts().length < 120 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20))
    expect(alerts().length).toBeGreaterThanOrEqual(120)
    await a.kill()
    const atKill = alerts().length
    expect(atKill).toBeLessThan(READERS)
    a = await startServer({
      databaseUrl,
      dir: a.dir,
      env: { SMTP_URL: smtp.url, EMAIL_RATE_PER_SECOND: '60' },
    })

    // Everyone, in the end: what A had claimed is handed on once its claims lapse.
    const readers = () => new Set(alerts().flatMap((m) => m.envelopeTo))
    const end = Date.now() + 90_000
    while (readers().size < READERS && Date.now() < end)
      await new Promise((resolve) => setTimeout(resolve, 200))
    expect(readers().size).toBe(READERS)
    // A moment more for anything still on its way.
    await new Promise((resolve) => setTimeout(resolve, 2000))

    const all = alerts()
    const first = new Map<string, string>()
    let twice = 0
    for (const message of all) {
      const to = message.envelopeTo[0]!
      const seen = first.get(to)
      if (seen === undefined) first.set(to, message.messageId!)
      else {
        twice += 1
        expect(message.messageId, `the second e-mail to ${to}`).toBe(seen)
      }
      expect(message.date!.getTime()).toBeGreaterThanOrEqual(publishAt.getTime() - 1000)
    }
    expect(twice).toBeLessThanOrEqual(IN_FLIGHT_AT_MOST)
  })
})

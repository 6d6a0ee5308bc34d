/**
 * `npm run bench:email`: an alert to 10 000 confirmed subscribers when a release lifts.
 *
 * Production servers, an SMTP server in this process that accepts everything and notes, for
 * each message, its recipient, its Message-ID and when it was accepted. Four scenarios:
 *
 * 1. SQLite, one server.
 * 2. PostgreSQL, two servers on one database.
 * 3. SQLite, the server killed (SIGKILL) part way through the send, and started again.
 * 4. PostgreSQL, two servers, one killed part way through and started again.
 *
 * Goal: every e-mail accepted within 60 seconds of publishAt, none twice and none before it (1
 * and 2); after a kill, the rest goes out after the restart and the only repeats are messages
 * in flight at the kill, with the same Message-ID (3 and 4). Recorded in docs/benchmarks.md.
 *
 *   BENCH_SUBSCRIBERS=10000   BENCH_SCENARIOS=1,2,3,4   EMAIL_RATE_PER_SECOND (the servers' own)
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import pg from 'pg'
import { SMTPServer } from 'smtp-server'

import { ensureBuilt } from '../src/cli/build'
import { signIn } from '../test/helpers/api'
import { createTestDatabase } from '../test/helpers/postgres'
import { publishRelease } from '../test/helpers/releases'
import { freePort } from '../test/helpers/server'
import { machine, record, runCommandBundle, startProductionServer, type RunningServer } from './lib'

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000)
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? '1,2,3,4').split(',').map(Number)
const GOAL_SECONDS = 60
const ADMIN = { email: 'bench-admin@northmoor.test', password: 'bench email admin passphrase 2026' }

type Accepted = { to: string; messageId: string; at: number }

/** An SMTP server that takes everything, as fast as it can, noting what it took and when. */
const startSink = async () => {
  const accepted: Accepted[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let head = ''
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('utf8')
      })
      stream.on('end', () => {
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? ''
        const at = Date.now()
        // Only the readers' alerts: the newsroom's own e-mail (the author told of the lift) is not counted.
        for (const rcpt of session.envelope.rcptTo)
          if (rcpt.address.toLowerCase().endsWith('@bench.test'))
            accepted.push({ to: rcpt.address.toLowerCase(), messageId, at })
        done()
      })
    },
  })
  server.on('error', () => undefined)
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const subscriberRows = (n: number) =>
  Array.from({ length: n }, (_, i) => [
    `reader${i + 1}@bench.test`,
    crypto.randomBytes(8).toString('hex'),
  ])

const insertSubscribers = async (databaseUrl: string, n: number) => {
  const confirmedAt = new Date(Date.now() - 86_400_000).toISOString()
  if (databaseUrl.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    await client.query(
      `INSERT INTO subscribers (email, status, all_news, frequency, confirmed_at, link_key)
       SELECT 'reader' || g || '@bench.test', 'confirmed', true, 'immediately', $2::timestamptz, md5(g::text)
       FROM generate_series(1, $1::int) g`,
      [n, confirmedAt],
    )
    await client.end()
    return
  }
  const client = createClient({ url: databaseUrl })
  const rows = subscriberRows(n)
  for (let i = 0; i < rows.length; i += 500) {
    await client.batch(
      rows.slice(i, i + 500).map(([email, key]) => ({
        sql: `INSERT INTO subscribers (email, status, all_news, frequency, confirmed_at, link_key) VALUES (?, 'confirmed', 1, 'immediately', ?, ?)`,
        args: [email!, confirmedAt, key!],
      })),
      'write',
    )
  }
  client.close()
}

type Result = {
  scenario: string
  servers: number
  killed: boolean
  firstAfterMs: number
  allAfterMs: number | null
  perSecond: number
  reached: number
  repeats: number
  repeatsWithOtherId: number
  before: number
}

const runScenario = async (
  label: string,
  database: 'sqlite' | 'postgres',
  servers: number,
  kill: boolean,
): Promise<Result> => {
  console.log(`\n${label}`)
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-email-'))
  let databaseUrl = `file:${path.join(temp, 'newsroom.db')}`
  let drop = async () => {}
  if (database === 'postgres') {
    const created = await createTestDatabase('email')
    databaseUrl = created.url
    drop = async () => void (await created.drop())
  }
  const sink = await startSink()
  const { NODE_ENV: _n, ...inherited } = process.env
  const env = {
    ...inherited,
    NEWSROOM_DATA_DIR: temp,
    MEDIA_DIR: path.join(temp, 'media'),
    DATABASE_URL: databaseUrl,
    SMTP_URL: sink.url,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    NEXT_TELEMETRY_DISABLED: '1',
  } as unknown as NodeJS.ProcessEnv
  const running: RunningServer[] = []
  try {
    await runCommandBundle('migrate', env)
    const ports: number[] = []
    for (let i = 0; i < servers; i++) {
      ports.push(await freePort())
      running.push(await startProductionServer(env, ports[i]!))
    }
    await insertSubscribers(databaseUrl, SUBSCRIBERS)
    const admin = await signIn(running[0]!.base, ADMIN.email, ADMIN.password)
    const publishAt = Math.ceil((Date.now() + 8000) / 1000) * 1000
    await publishRelease(
      admin,
      { title: 'Major incident: roads closed', summary: 'Avoid the town centre.' },
      { publishAt: new Date(publishAt).toISOString() },
    )
    const reached = () => new Set(sink.accepted.map((a) => a.to)).size
    if (kill) {
      // A third of the way through, the first server dies at once, and is started again.
      while (reached() < SUBSCRIBERS / 3) await new Promise((resolve) => setTimeout(resolve, 20))
      running[0]!.child.kill('SIGKILL')
      await new Promise((resolve) => running[0]!.child.once('exit', resolve))
      console.log(`  killed server 1 with ${reached()} reached; starting it again`)
      running[0] = await startProductionServer(env, ports[0]!)
    }
    const deadline = publishAt + (kill ? 240_000 : 180_000)
    while (reached() < SUBSCRIBERS && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100))
    await new Promise((resolve) => setTimeout(resolve, 2000))

    const firstId = new Map<string, string>()
    let repeats = 0
    let repeatsWithOtherId = 0
    for (const { to, messageId } of sink.accepted) {
      const seen = firstId.get(to)
      if (seen === undefined) firstId.set(to, messageId)
      else {
        repeats += 1
        if (seen !== messageId) repeatsWithOtherId += 1
      }
    }
    const times = sink.accepted.map((a) => a.at).sort((x, y) => x - y)
    const all = firstId.size === SUBSCRIBERS
    const lastFirst = all ? Math.max(...[...firstAt(sink.accepted).values()]) : null
    const result: Result = {
      scenario: label,
      servers,
      killed: kill,
      firstAfterMs: times[0]! - publishAt,
      allAfterMs: lastFirst === null ? null : lastFirst - publishAt,
      perSecond:
        lastFirst === null ? 0 : Math.round(SUBSCRIBERS / ((lastFirst - times[0]!) / 1000)),
      reached: firstId.size,
      repeats,
      repeatsWithOtherId,
      before: sink.accepted.filter((a) => a.at < publishAt).length,
    }
    console.log(result)
    return result
  } finally {
    await Promise.all(running.map((server) => server.stop().catch(() => undefined)))
    await sink.close()
    await drop()
    fs.rmSync(temp, { recursive: true, force: true })
  }
}

/** When each recipient's first copy was accepted. */
const firstAt = (accepted: Accepted[]) => {
  const first = new Map<string, number>()
  for (const { to, at } of accepted) if (!first.has(to)) first.set(to, at)
  return first
}

const seconds = (ms: number | null) => (ms === null ? 'not all' : `${(ms / 1000).toFixed(1)} s`)

const main = async () => {
  await ensureBuilt()
  const plan: [number, string, 'sqlite' | 'postgres', number, boolean][] = [
    [1, 'SQLite, one server', 'sqlite', 1, false],
    [2, 'PostgreSQL, two servers', 'postgres', 2, false],
    [3, 'SQLite, one server, killed and restarted', 'sqlite', 1, true],
    [4, 'PostgreSQL, two servers, one killed and restarted', 'postgres', 2, true],
  ]
  const results: Result[] = []
  for (const [n, label, database, servers, kill] of plan)
    if (SCENARIOS.includes(n)) results.push(await runScenario(label, database, servers, kill))

  const rate = process.env.EMAIL_RATE_PER_SECOND ?? '200 (the default)'
  const rows = results.map(
    (r) =>
      `| ${r.scenario} | ${r.reached.toLocaleString('en-GB')} of ${SUBSCRIBERS.toLocaleString('en-GB')} | ${seconds(r.firstAfterMs)} | ${seconds(r.allAfterMs)} | ${r.perSecond} | ${r.repeats}${r.repeats ? ` (${r.repeatsWithOtherId} with another Message-ID)` : ''} | ${r.before} |`,
  )
  const met = results
    .filter((r) => !r.killed)
    .every(
      (r) =>
        r.allAfterMs !== null &&
        r.allAfterMs <= GOAL_SECONDS * 1000 &&
        r.repeats === 0 &&
        r.before === 0,
    )
  const killedOk = results
    .filter((r) => r.killed)
    .every((r) => r.reached === SUBSCRIBERS && r.repeatsWithOtherId === 0 && r.before === 0)
  const section = [
    `Run on ${new Date().toISOString().slice(0, 10)}: ${machine()}. Production servers, ${SUBSCRIBERS.toLocaleString('en-GB')} confirmed subscribers wanting every release at once, a release scheduled a few seconds ahead; an SMTP server in the benchmark's process on the same machine accepts everything. EMAIL_RATE_PER_SECOND per server: ${rate}.`,
    '',
    '| Scenario | Reached | First accepted after publishAt | All accepted after publishAt | E-mails a second | Sent twice | Before publishAt |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Goal: every e-mail accepted within ${GOAL_SECONDS} s of publishAt, none twice, none before: **${met ? 'met' : 'not met'}**. After a kill: everyone reached, repeats only with the same Message-ID, none before: **${killedOk ? 'met' : 'not met'}**.`,
  ].join('\n')
  await record('email', section)
}

await main()

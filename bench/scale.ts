/**
 * `npm run bench:scale`: how Newsroom copes as releases pile up.
 *
 * For SQLite and for PostgreSQL, loads 1 000, then 10 000, then 100 000 releases (through
 * Payload's Local API, in batches, with a progress line and a rate), and at each size
 * measures with autocannon the p50 and p99 latency of the news listing, a release page, the
 * RSS feed and a search, on a production server with its page cache switched off (so the
 * database does the work each time). Writes the table into docs/benchmarks.md.
 *
 *   BENCH_SIZES=1000,10000   fewer sizes     BENCH_DATABASES=sqlite   one database
 *   BENCH_SECONDS=5          per measurement
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'
import type { Payload } from 'payload'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { ensureBuilt } from '../src/cli/build'
import { projectRoot } from '../src/config/paths'
import { createTestDatabase } from '../test/helpers/postgres'
import { freePort } from '../test/helpers/server'
import { machine, record, startProductionServer } from './lib'

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as (
  'sqlite' | 'postgres'
)[]
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const SEARCH = 'burglary eastfield'

type Row = {
  database: string
  size: number
  loadRate: number
  results: Record<string, { p50: number; p99: number; rps: number }>
}

// ---------------------------------------------------------------- content that reads like news

const PLACES = [
  'Eastfield',
  'Fenwick',
  'Brackley Cross',
  'Northmoor',
  'Hallam Bridge',
  'Westbury',
  'Calder Vale',
  'Ashby Green',
  'Redmarsh',
  'Oakworth',
]
const SUBJECTS = [
  ['burglary', 'A house was broken into overnight and jewellery was taken.'],
  ['collision', 'Two cars collided on the main road and the driver was taken to hospital.'],
  ['fraud', 'Residents have been warned about callers pretending to be from their bank.'],
  ['drugs', 'Officers executed a warrant and seized a quantity of cannabis.'],
  [
    'missing person',
    'Officers are concerned for the welfare of a man who has not been seen since Friday.',
  ],
  ['assault', 'A man was injured in an assault outside a pub in the town centre.'],
  ['theft', 'Tools were stolen from a van parked on a residential street.'],
  ['speeding', 'Roads policing officers caught drivers at more than twice the limit.'],
  ['knife crime', 'A knife amnesty bin has been placed outside the police station.'],
  ['vandalism', 'Bus shelters were damaged in a series of incidents.'],
  ['anti-social behaviour', 'Extra patrols will run in the park after complaints from residents.'],
  ['court result', 'A man was sentenced at Northmoor Crown Court.'],
]
const OUTCOMES = [
  'appeal for witnesses',
  'man arrested',
  'woman charged',
  'officers seek information',
  'update',
  'two arrested',
  'warning to residents',
  'man jailed',
]

const release = (n: number) => {
  const [subject, sentence] = SUBJECTS[n % SUBJECTS.length]!
  const place = PLACES[Math.floor(n / SUBJECTS.length) % PLACES.length]!
  const outcome = OUTCOMES[n % OUTCOMES.length]!
  const title = `${subject!.charAt(0).toUpperCase()}${subject!.slice(1)} in ${place}: ${outcome} (${n})`
  return {
    title,
    slug: `release-${n}`,
    generateSlug: false,
    summary: `${sentence} Officers in ${place} are asking anyone with information to call 101, quoting incident ${1000 + (n % 9000)}.`,
    body: [
      {
        children: [
          {
            text: `${sentence} It happened in ${place} on ${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'][n % 5]}.`,
          },
        ],
      },
      {
        children: [
          {
            text: `Anyone who saw what happened, or has doorbell or dashcam footage, should contact Northmoor Police on 101 or online.`,
          },
        ],
      },
      {
        children: [
          { text: `Information can also be given anonymously to Crimestoppers on 0800 555 111.` },
        ],
      },
    ],
    _status: 'published' as const,
    workflowState: 'approved' as const,
    // Spread over the last five years, newest last.
    publishAt: new Date(Date.now() - (200_000 - n) * 790_000).toISOString(),
  }
}

// ---------------------------------------------------------------- one database, in a process of its own

const BATCH = 200

/** Loads releases `from`…`to` in batches, each batch one transaction, several batches at once where the database allows. */
const load = async (
  payload: Payload,
  from: number,
  to: number,
  categories: number[],
  concurrency: number,
) => {
  const started = Date.now()
  let done = 0
  let next = from
  const worker = async () => {
    while (next < to) {
      const first = next
      const last = Math.min(to, first + BATCH)
      next = last
      const req = await createLocalReq({ context: { workflow: 'bench' } }, payload)
      await initTransaction(req)
      try {
        for (let n = first; n < last; n++) {
          await payload.create({
            collection: 'news',
            data: { ...release(n), category: categories[n % categories.length] } as never,
            overrideAccess: true,
            req,
          })
        }
        await commitTransaction(req)
      } catch (error) {
        await killTransaction(req)
        throw error
      }
      done += last - first
      const rate = done / ((Date.now() - started) / 1000)
      process.stdout.write(
        `\r  loaded ${(from + done).toLocaleString('en-GB')} of ${to.toLocaleString('en-GB')} releases (${Math.round(rate)} a second)   `,
      )
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  process.stdout.write('\n')
  return done / ((Date.now() - started) / 1000)
}

const measure = (url: string) =>
  new Promise<{ p50: number; p99: number; rps: number }>((resolve, reject) => {
    autocannon({ url, connections: 4, duration: SECONDS }, (error, result) => {
      if (error) return reject(error)
      if (result.non2xx || result.errors)
        return reject(new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`))
      resolve({
        p50: result.latency.p50,
        p99: result.latency.p99,
        rps: Math.round(result.requests.average),
      })
    })
  })

const runOne = async (database: 'sqlite' | 'postgres') => {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-scale-'))
  let drop: (() => Promise<unknown>) | undefined
  let url = `file:${path.join(temp, 'newsroom.db')}`
  if (database === 'postgres') {
    const created = await createTestDatabase('scale')
    url = created.url
    drop = created.drop
  }
  Object.assign(process.env, {
    NEWSROOM_DATA_DIR: temp,
    MEDIA_DIR: path.join(temp, 'media'),
    DATABASE_URL: url,
  })
  const { bootPayload } = await import('../src/boot')
  const { migrate } = await import('../src/db/migrate')
  const { getPayload } = await import('payload')
  if (database === 'postgres') {
    const payload = await getPayload({ config: (await import('../payload.config')).default })
    await migrate(payload)
  }
  const payload = await bootPayload({ runJobs: false, log: () => {} })
  const categories: number[] = []
  for (const name of ['Appeals', 'Court results', 'Community', 'Roads', 'Arrests', 'Warnings']) {
    categories.push(
      (
        await payload.create({
          collection: 'categories',
          data: { name } as never,
          overrideAccess: true,
        })
      ).id as number,
    )
  }

  // A long-running server refreshes the statistics every ten minutes (SQLite always; PostgreSQL
  // when its autovacuum is off, as on these machines); the releases here arrive within minutes,
  // so the bench's server does it every five seconds to measure the plans a server that has
  // been running for a while would use.
  const server = await startProductionServer(
    { ...process.env, PAGE_CACHE: 'off', ANALYZE_EVERY_MS: '5000' },
    await freePort(),
  )
  const { base } = server

  const rows: Row[] = []
  let loaded = 0
  try {
    for (const size of SIZES) {
      console.log(`${database}: ${size.toLocaleString('en-GB')} releases`)
      const loadRate = await load(
        payload,
        loaded,
        size,
        categories,
        database === 'postgres' ? 8 : 1,
      )
      loaded = size
      await new Promise((resolve) => setTimeout(resolve, 6000))
      const targets = {
        listing: '/news?page=2',
        article: `/news/release-${Math.floor(size / 2)}`,
        feed: '/feed.xml',
        search: `/search?q=${encodeURIComponent(SEARCH)}`,
      }
      const results: Row['results'] = {}
      for (const [name, target] of Object.entries(targets)) {
        await fetch(base + target) // warm up
        results[name] = await measure(base + target)
        console.log(
          `  ${name}: p50 ${results[name]!.p50} ms, p99 ${results[name]!.p99} ms (${results[name]!.rps} a second)`,
        )
      }
      rows.push({ database, size, loadRate, results })
    }
  } finally {
    await server.stop()
    const { closePayload } = await import('../src/db/close')
    await closePayload(payload)
    await drop?.()
    fs.rmSync(temp, { recursive: true, force: true })
  }
  console.log(`RESULT ${JSON.stringify(rows)}`)
}

// ---------------------------------------------------------------- the whole run

const table = (rows: Row[]) =>
  [
    '| Database | Releases | Loading (a second) | Listing p50 / p99 | Release page p50 / p99 | Feed p50 / p99 | Search p50 / p99 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => {
      const cell = (name: string) => `${r.results[name]!.p50} / ${r.results[name]!.p99} ms`
      return `| ${r.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${r.size.toLocaleString('en-GB')} | ${Math.round(r.loadRate)} | ${cell('listing')} | ${cell('article')} | ${cell('feed')} | ${cell('search')} |`
    }),
  ].join('\n')

const main = async () => {
  const which = process.argv.indexOf('--run')
  if (which !== -1) return runOne(process.argv[which + 1] as 'sqlite' | 'postgres')

  await ensureBuilt()
  const rows: Row[] = []
  for (const database of DATABASES) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/scale.ts', '--run', database],
      { cwd: projectRoot, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      process.stdout.write(String(chunk).replace(/^RESULT .*$/m, ''))
    })
    const code = await new Promise((resolve) => child.once('exit', resolve))
    if (code !== 0) throw new Error(`The ${database} run failed`)
    rows.push(...JSON.parse(/^RESULT (.*)$/m.exec(output)![1]!))
  }
  const section = [
    `Run on ${new Date().toISOString().slice(0, 10)}: ${machine()}. Production server, page cache off (PAGE_CACHE=off), 4 connections for ${SECONDS} s per measurement; autocannon on the same machine. The search is "${SEARCH}".`,
    '',
    table(rows),
  ].join('\n')
  console.log(`\n${section}\n`)
  await record('scale', section)
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)

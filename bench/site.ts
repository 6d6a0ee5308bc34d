/**
 * `npm run bench`: the public site's speed and page weight.
 *
 * Starts a production build of Newsroom on a fresh SQLite database with the demo content,
 * then measures with autocannon the home page, a release page and the RSS feed, and in the
 * same run the ceiling: Debian's nginx (one worker) serving the release page's very bytes
 * (bench/nginx.ts). Also the same bytes from express.static, the release page made afresh
 * for every request (`PAGE_CACHE=off`, the database's cost), and the cached release page with
 * two server processes (`WEB_CONCURRENCY=2`). Then issue 16's big day (./bigDay.ts), against
 * Newsroom alone and through Varnish (`apt-get install nginx-light varnish` first). Prints each
 * ratio to nginx against issue 16's goals, checks the release page's weight budget, and records
 * the results in docs/benchmarks.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import autocannon from 'autocannon'

import { ensureBuilt } from '../src/cli/build'
import { projectRoot } from '../src/config/paths'
import { demoReleases } from '../src/seed/content'
import { freePort } from '../test/helpers/server'
import {
  freshEmbeddedDatabase,
  machine,
  record,
  residentMb,
  runCommandBundle,
  startProductionServer,
  type RunningServer,
} from './lib'
import { signIn } from '../test/helpers/api'
import { hasVarnish, startVarnish, type Varnish } from '../test/helpers/varnish'
import { bigDay, type BigDayResult } from './bigDay'
import { startNginx } from './nginx'

const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const CEILING_FILE = 'bench-ceiling.html'
// Issue 16's goals, as ratios to nginx serving the same bytes in the same run.
const CACHED_GOAL = 0.5
const COLD_GOAL = 0.05
// The big day (issue 16): 500 readers on the five most-read pages for two minutes, while the
// incident's release is amended every 10 seconds.
const BIG_DAY_CONNECTIONS = Number(process.env.BENCH_BIG_DAY_CONNECTIONS ?? 500)
const BIG_DAY_SECONDS = Number(process.env.BENCH_BIG_DAY_SECONDS ?? 120)
const BIG_DAY_EVERY_MS = 10_000
const ADMIN = { email: 'bench-admin@northmoor.test', password: 'bench site admin passphrase 2026' }
/** Issue 16's own table (requests/s and ratio to nginx), by row of this one, to print beside it. */
const WHEN_FILED: (string | undefined)[] = [
  '11 235 (1.000)',
  '1 432 (0.127)',
  undefined,
  '2 213 (0.197)',
  undefined,
  '41 (0.004), p99 6.6 s',
]
const BUDGET_TOTAL = 60 * 1024
const BUDGET_JS = 3 * 1024

const measure = (url: string) =>
  new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION }, (error, result) =>
      error ? reject(error) : resolve(result),
    )
  })

/** What a browser downloads for a page: the HTML and its own CSS and JS, compressed as browsers accept. */
const pageWeight = async (base: string, pagePath: string) => {
  const fetchBytes = async (url: string) => {
    const response = await fetch(url, { headers: { 'Accept-Encoding': 'br, gzip' } })
    const raw = Buffer.from(await response.arrayBuffer())
    // fetch decodes the body; measure what went over the wire by encoding it the same way.
    const encoding = response.headers.get('content-encoding')
    const wire =
      encoding === 'br'
        ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
        : encoding === 'gzip'
          ? zlib.gzipSync(raw, { level: 9 })
          : raw
    return {
      raw: raw.length,
      wire: wire.length,
      text: raw.toString(),
      encoding: encoding ?? 'identity',
    }
  }
  const html = await fetchBytes(base + pagePath)
  const css = [...html.text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&'),
  )
  const js = [...html.text.matchAll(/<script src="([^"]+)"/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&'),
  )
  const cssBytes = await Promise.all(css.map((href) => fetchBytes(base + href)))
  const jsBytes = await Promise.all(js.map((src) => fetchBytes(base + src)))
  const sum = (list: { raw: number; wire: number }[], key: 'raw' | 'wire') =>
    list.reduce((n, x) => n + x[key], 0)
  return {
    html: { raw: html.raw, wire: html.wire, encoding: html.encoding },
    css: { raw: sum(cssBytes, 'raw'), wire: sum(cssBytes, 'wire') },
    js: { raw: sum(jsBytes, 'raw'), wire: sum(jsBytes, 'wire') },
    body: html.text,
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

type Result = { name: string; rps: number; p50: number; p99: number }

const measureTarget = async (name: string, url: string): Promise<Result> => {
  // Warm up: fill the page cache and let the JIT settle, so the order of measuring does not matter.
  await new Promise((resolve) =>
    autocannon({ url, connections: CONNECTIONS, duration: 2 }, resolve),
  )
  process.stdout.write(`Measuring ${name} for ${DURATION} s… `)
  const result = await measure(url)
  if (result.non2xx || result.errors)
    throw new Error(`${name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`)
  console.log(`${Math.round(result.requests.average)} requests/s`)
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  }
}

const main = async () => {
  // The crowd comes from one address here (autocannon on 127.0.0.1), where real readers come
  // from many: the per-address render limit would turn much of the big day's crowd away.
  const { env, remove } = freshEmbeddedDatabase('newsroom-bench-', {
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RENDER_PER_ADDRESS: '1000',
  })
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const ceilingPath = path.join(projectRoot, 'public', CEILING_FILE)
  if (!hasVarnish())
    throw new Error('The big day runs through Varnish too: apt-get install varnish first.')
  let server: RunningServer | undefined
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined
  let varnish: Varnish | undefined
  try {
    await ensureBuilt()
    console.log('Loading the demo content…')
    await runCommandBundle('seed', env)
    console.log('Starting Newsroom in production mode…')
    server = await startProductionServer(env, port)

    const article = `/news/${demoReleases[0]!.slug}`
    const weight = await pageWeight(base, article)
    fs.writeFileSync(ceilingPath, weight.body)
    // The very bytes Newsroom sends for the release page to a client asking for no compression.
    const bytes = Buffer.from(await (await fetch(base + article)).arrayBuffer())
    nginx = await startNginx(
      await freePort(),
      { [article]: { body: bytes, type: 'text/html' } },
      article,
    )

    const results: Result[] = []
    results.push(
      await measureTarget(`nginx, the same ${kb(bytes.length)} (one worker)`, nginx.base + article),
    )
    results.push(
      await measureTarget('Newsroom, express.static, the same bytes', `${base}/${CEILING_FILE}`),
    )
    results.push(await measureTarget('home page /, from the cache', `${base}/`))
    results.push(await measureTarget(`release page ${article}, from the cache`, base + article))
    results.push(await measureTarget('RSS feed /feed.xml, from the cache', `${base}/feed.xml`))
    await server.stop()
    server = undefined

    console.log('Starting Newsroom again with PAGE_CACHE=off…')
    // Every request from this one address: the per-address and queue limits, which would
    // answer most of them with the busy page, are raised so that each page is made.
    server = await startProductionServer(
      { ...env, PAGE_CACHE: 'off', RENDER_PER_ADDRESS: '1000', RENDER_QUEUE: '1000' },
      port,
    )
    results.push(
      await measureTarget('release page, made afresh (`PAGE_CACHE=off`)', base + article),
    )
    await server.stop()
    server = undefined

    console.log('Starting Newsroom again with WEB_CONCURRENCY=2…')
    server = await startProductionServer({ ...env, WEB_CONCURRENCY: '2' }, port)
    results.push(
      await measureTarget(
        'release page, from the cache, two processes (`WEB_CONCURRENCY=2`)',
        base + article,
      ),
    )
    const memory = residentMb(server.child.pid!)
    await server.stop()
    server = undefined

    // The big day: one process again, with Varnish in front of it for the second run.
    const varnishPort = await freePort()
    console.log('Starting Newsroom again, and Varnish in front of it, for the big day…')
    server = await startProductionServer(
      { ...env, CDN: 'varnish', VARNISH_URLS: `http://127.0.0.1:${varnishPort}` },
      port,
    )
    varnish = await startVarnish(varnishPort, port)
    const admin = await signIn(base, ADMIN.email, ADMIN.password)
    const incident = (
      await admin.get(`/api/news?depth=0&where[slug][equals]=${demoReleases[0]!.slug}`)
    ).body.docs[0] as { id: number }
    const mostRead = ['/', '/news', article, `/news/${demoReleases[1]!.slug}`, '/feed.xml']
    const days: [string, BigDayResult][] = []
    for (const [name, at] of [
      ['Newsroom alone', base],
      ['through Varnish (deploy/varnish/default.vcl)', varnish.url],
    ] as const) {
      console.log(
        `Big day, ${name}: ${BIG_DAY_CONNECTIONS} connections on the five most-read pages for ${BIG_DAY_SECONDS} s, the release amended every ${BIG_DAY_EVERY_MS / 1000} s…`,
      )
      for (const path of mostRead) await fetch(at + path)
      const day = await bigDay({
        base: at,
        paths: mostRead,
        editor: admin,
        id: incident.id,
        connections: BIG_DAY_CONNECTIONS,
        seconds: BIG_DAY_SECONDS,
        everyMs: BIG_DAY_EVERY_MS,
      })
      console.log(day)
      days.push([name, day])
    }
    const ceiling = results[0]!.rps
    const ratio = (r: Result) => r.rps / ceiling
    const table = [
      '| Served by | Requests/s | p50 latency | p99 latency | Ratio to nginx | When issue 16 was filed |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...results.map(
        (r, i) =>
          `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} ms | ${r.p99} ms | ${r === results[0] ? '1.000 (ceiling)' : ratio(r).toFixed(3)} | ${WHEN_FILED[i] ?? '–'} |`,
      ),
    ].join('\n')
    const cached = ratio(results[3]!)
    const cold = ratio(results[5]!)
    const total = weight.html.wire + weight.css.wire + weight.js.wire
    const budget = [
      '| Part of the release page | Size | Transferred |',
      '| --- | ---: | ---: |',
      `| HTML | ${kb(weight.html.raw)} | ${kb(weight.html.wire)} (${weight.html.encoding}) |`,
      `| CSS | ${kb(weight.css.raw)} | ${kb(weight.css.wire)} |`,
      `| JavaScript | ${kb(weight.js.raw)} | ${kb(weight.js.wire)} |`,
      `| **All of it** | ${kb(weight.html.raw + weight.css.raw + weight.js.raw)} | **${kb(total)}** (budget ${kb(BUDGET_TOTAL)}) |`,
    ].join('\n')
    const bigDayTable = [
      '| Big day | Requests | Requests/s | p50 | p99 | Failed | Amendments | Pages made afresh | Made afresh per amendment | Reached Newsroom |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...days.map(
        ([name, day]) =>
          `| ${name} | ${day.requests} | ${Math.round(day.rps)} | ${day.p50} ms | ${day.p99} ms | ${day.failed} | ${day.amendments} | ${day.coldRenders} | ${(day.coldRenders / Math.max(1, day.amendments)).toFixed(1)} | ${day.reachedNewsroom === undefined ? 'all' : `${day.reachedNewsroom} (${((100 * day.reachedNewsroom) / day.requests).toFixed(2)}%)`} |`,
      ),
    ].join('\n')
    const section = [
      `Run on ${new Date().toISOString().slice(0, 10)}: ${machine()}. ${CONNECTIONS} connections for ${DURATION} s each, autocannon and Newsroom (production build, SQLite, demo content) on the same machine.`,
      '',
      table,
      '',
      `The cached release page runs at **${cached.toFixed(3)}** of nginx's rate (goal: ${CACHED_GOAL} or more); made afresh, at **${cold.toFixed(3)}** (goal: ${COLD_GOAL} or more, with p99 under 500 ms: ${results[5]!.p99} ms). Memory of the primary after the last run: ${memory} MB resident.`,
      '',
      budget,
      '',
      `JavaScript transferred: ${kb(weight.js.wire)} (budget ${kb(BUDGET_JS)}).`,
      '',
      `The big day: ${BIG_DAY_CONNECTIONS} connections going round the five most-read pages (${mostRead.join(', ')}) for ${BIG_DAY_SECONDS} s while an editor amends the release every ${BIG_DAY_EVERY_MS / 1000} s through the workflow API; one Newsroom process. "Pages made afresh" counts the answers Newsroom rendered (X-Page-Cache: miss) rather than took from its cache; "Reached Newsroom", the answers Varnish did not have (X-Cache: MISS).`,
      '',
      bigDayTable,
    ].join('\n')
    console.log(`\n${section}\n`)

    await record('site', section)

    const failures = [
      cached < CACHED_GOAL &&
        `the cached release page ran at ${cached.toFixed(3)} of nginx, under the ${CACHED_GOAL} goal`,
      (cold < COLD_GOAL || results[5]!.p99 >= 500) &&
        `the release page made afresh ran at ${cold.toFixed(3)} of nginx (p99 ${results[5]!.p99} ms), under the ${COLD_GOAL} goal`,
      total > BUDGET_TOTAL &&
        `the release page transfers ${kb(total)}, over the ${kb(BUDGET_TOTAL)} budget`,
      ...days.map(
        ([name, day]) =>
          (day.failed > 0 || day.editorFailures.length > 0) &&
          `the big day ${name} had ${day.failed} failed requests and ${day.editorFailures.length} failed amendments (${day.editorFailures.slice(0, 3).join('; ')})`,
      ),
      weight.js.wire > BUDGET_JS &&
        `the release page transfers ${kb(weight.js.wire)} of JavaScript, over the ${kb(BUDGET_JS)} budget`,
    ].filter(Boolean)
    if (failures.length) {
      console.error(`Missed: ${failures.join('; ')}.`)
      process.exitCode = 1
    }
  } finally {
    await varnish?.stop()
    await server?.stop()
    await nginx?.stop()
    fs.rmSync(ceilingPath, { force: true })
    remove()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

/**
 * `npm run bench`: the public site's speed and page weight.
 *
 * Starts a production build of Newsroom on a fresh SQLite database with the demo content,
 * then measures with autocannon the home page, a release page and the RSS feed, and in the
 * same run a static file of the same size as the release page served from public/: the
 * ceiling no page can beat. Prints each page's ratio to the ceiling, checks the release
 * page's weight budget, and records the results in docs/benchmarks.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import autocannon from 'autocannon'

import { ensureAdminBuild } from '../src/cli/build'
import { projectRoot } from '../src/config/paths'
import { demoReleases } from '../src/seed/content'
import { freePort } from '../test/helpers/server'
import {
  freshEmbeddedDatabase,
  machine,
  record,
  residentMb,
  runTsx,
  startProductionServer,
  type RunningServer,
} from './lib'

const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const CEILING_FILE = 'bench-ceiling.html'
const TARGET_RATIO = 0.7
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

const main = async () => {
  const { env, remove } = freshEmbeddedDatabase('newsroom-bench-')
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const ceilingPath = path.join(projectRoot, 'public', CEILING_FILE)
  let server: RunningServer | undefined
  try {
    await ensureAdminBuild()
    console.log('Loading the demo content…')
    await runTsx(['src/cli/seed.ts'], env)
    console.log('Starting Newsroom in production mode…')
    server = await startProductionServer(env, port)

    const article = `/news/${demoReleases[0]!.slug}`
    const weight = await pageWeight(base, article)
    fs.writeFileSync(ceilingPath, weight.body)

    const targets = [
      { name: `static file (${kb(weight.html.raw)}, the ceiling)`, path: `/${CEILING_FILE}` },
      { name: 'home page /', path: '/' },
      { name: `release page ${article}`, path: article },
      { name: 'RSS feed /feed.xml', path: '/feed.xml' },
    ]
    // Warm up: fill the page cache and let the JIT settle, so the order of measuring does not matter.
    for (const target of targets)
      await new Promise((resolve) =>
        autocannon({ url: base + target.path, connections: CONNECTIONS, duration: 2 }, resolve),
      )
    const results: { name: string; rps: number; p50: number; p99: number }[] = []
    for (const target of targets) {
      process.stdout.write(`Measuring ${target.name} for ${DURATION} s… `)
      const result = await measure(base + target.path)
      if (result.non2xx || result.errors)
        throw new Error(
          `${target.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`,
        )
      results.push({
        name: target.name,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
      })
      console.log(`${Math.round(result.requests.average)} requests/s`)
    }
    const memory = residentMb(server.child.pid!)
    const ceiling = results[0]!.rps
    const table = [
      '| What | Requests/s | p50 latency | p99 latency | Ratio to the static file |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...results.map(
        (r) =>
          `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} ms | ${r.p99} ms | ${r === results[0] ? '1.00 (ceiling)' : (r.rps / ceiling).toFixed(2)} |`,
      ),
    ].join('\n')
    const articleRatio = results[2]!.rps / ceiling
    const total = weight.html.wire + weight.css.wire + weight.js.wire
    const budget = [
      '| Part of the release page | Size | Transferred |',
      '| --- | ---: | ---: |',
      `| HTML | ${kb(weight.html.raw)} | ${kb(weight.html.wire)} (${weight.html.encoding}) |`,
      `| CSS | ${kb(weight.css.raw)} | ${kb(weight.css.wire)} |`,
      `| JavaScript | ${kb(weight.js.raw)} | ${kb(weight.js.wire)} |`,
      `| **All of it** | ${kb(weight.html.raw + weight.css.raw + weight.js.raw)} | **${kb(total)}** (budget ${kb(BUDGET_TOTAL)}) |`,
    ].join('\n')
    const section = [
      `Run on ${new Date().toISOString().slice(0, 10)}: ${machine()}. ${CONNECTIONS} connections for ${DURATION} s each, autocannon and Newsroom (production build, SQLite, demo content) on the same machine.`,
      '',
      table,
      '',
      `The release page runs at **${(articleRatio * 100).toFixed(0)}%** of the static-file rate (target: ${TARGET_RATIO * 100}% or more). Server memory after the run: ${memory} MB resident.`,
      '',
      budget,
      '',
      `JavaScript transferred: ${kb(weight.js.wire)} (budget ${kb(BUDGET_JS)}).`,
    ].join('\n')
    console.log(`\n${section}\n`)

    await record('site', section)

    const failures = [
      articleRatio < TARGET_RATIO &&
        `the release page ran at ${(articleRatio * 100).toFixed(0)}% of the static rate, under the ${TARGET_RATIO * 100}% target`,
      total > BUDGET_TOTAL &&
        `the release page transfers ${kb(total)}, over the ${kb(BUDGET_TOTAL)} budget`,
      weight.js.wire > BUDGET_JS &&
        `the release page transfers ${kb(weight.js.wire)} of JavaScript, over the ${kb(BUDGET_JS)} budget`,
    ].filter(Boolean)
    if (failures.length) {
      console.error(`Missed: ${failures.join('; ')}.`)
      process.exitCode = 1
    }
  } finally {
    await server?.stop()
    fs.rmSync(ceilingPath, { force: true })
    remove()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

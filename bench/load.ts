/**
 * `npm run bench:load`: the public site under a crowd while the newsroom works.
 *
 * A production build on a fresh SQLite database with the demo content. 200 readers (open
 * connections) go round the public pages (home, listings, every release, categories,
 * search, feeds, sitemaps) for 60 seconds while an editor publishes new releases and
 * amends published ones through the API, which empties the page cache each time. Three
 * runs in a row on the same server: every request must succeed, and the server's live heap
 * (after a full garbage collection, read through the inspector) after the third run must be
 * within 10% of after the first. Records p50/p99 and memory in docs/benchmarks.md.
 *
 *   BENCH_CONNECTIONS=200   BENCH_SECONDS=60   BENCH_RUNS=3   BENCH_EDIT_EVERY_MS=2000
 */

import autocannon from 'autocannon'

import { ensureBuilt } from '../src/cli/build'
import { demoCategories, demoReleases } from '../src/seed/content'
import { signIn, type Api } from '../test/helpers/api'
import { freePort } from '../test/helpers/server'
import {
  amendRelease,
  expectOk,
  freshEmbeddedDatabase,
  liveHeapMb,
  machine,
  record,
  residentMb,
  runCommandBundle,
  startProductionServer,
  type RunningServer,
} from './lib'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const EDIT_EVERY_MS = Number(process.env.BENCH_EDIT_EVERY_MS ?? 2000)
/** The live heap after the last run may be at most this much above after the first. */
const MEMORY_TOLERANCE = 0.1

const ADMIN = { email: 'bench-admin@northmoor.test', password: 'bench load admin passphrase 2026' }
const EDITOR = {
  email: 'bench-editor@northmoor.test',
  password: 'bench load editor passphrase 2026',
}

/** The public pages a reader might ask for, round and round. */
const readerPaths = () => {
  const published = demoReleases.filter((release) => 'publishedHoursAgo' in release.timing)
  return [
    '/',
    '/news',
    '/news?page=1',
    ...published.map((release) => `/news/${release.slug}`),
    ...demoCategories.map((category) => `/news/category/${category.slug}`),
    '/search?q=burglary',
    '/search?q=road+closed',
    '/feed.xml',
    '/feed.atom',
    '/feed.json',
    '/sitemap.xml',
    '/news-sitemap.xml',
    '/accessibility',
  ]
}

/**
 * The editor at work until `stop()`: publish a new release, then amend a recent one, one
 * thing every EDIT_EVERY_MS. Each action goes through the workflow as in the admin.
 */
const editorAtWork = (editor: Api) => {
  let running = true
  let published = 0
  let amended = 0
  const failures: string[] = []
  const recent: number[] = []
  const loop = (async () => {
    let n = 0
    while (running) {
      const started = Date.now()
      n += 1
      try {
        if (n % 2 === 1 || recent.length === 0) {
          const draft = expectOk(
            await editor.post('/api/news?draft=true', {
              title: `Road closure on the A${600 + n} while repairs are made (${Date.now().toString(36)})`,
              summary: 'Drivers are asked to use the signed diversion.',
              _status: 'draft',
            }),
            'create',
          )!
          expectOk(await editor.post(`/api/news/${draft.id}/workflow/submit`, {}), 'submit')
          expectOk(
            await editor.post(`/api/news/${draft.id}/workflow/approve`, {
              force: true,
              forceReason: 'Load test: one person on duty.',
            }),
            'approve',
          )
          recent.push(draft.id)
          published += 1
        } else {
          const id = recent[n % recent.length]!
          await amendRelease(
            editor,
            id,
            `Drivers are asked to use the signed diversion (update ${n}).`,
            { change: n % 4 === 0 ? 'major' : 'minor', note: 'The diversion route has changed.' },
          )
          amended += 1
        }
      } catch (error) {
        failures.push((error as Error).message)
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, EDIT_EVERY_MS - (Date.now() - started))),
      )
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
      return { published, amended, failures }
    },
  }
}

const crowd = (base: string) =>
  new Promise<autocannon.Result>((resolve, reject) => {
    const requests = readerPaths().map((p) => ({ method: 'GET' as const, path: p }))
    autocannon(
      { url: base, connections: CONNECTIONS, duration: SECONDS, requests, timeout: 10 },
      (error, result) => (error ? reject(error) : resolve(result)),
    )
  })

type RunResult = {
  run: number
  requests: number
  rps: number
  p50: number
  p99: number
  max: number
  failed: number
  published: number
  amended: number
  editorFailures: string[]
  memoryMb: number
  heapMb: number
}

const main = async () => {
  // The crowd comes from one address here (autocannon on 127.0.0.1), where real readers come
  // from many: the per-address render limit would turn most of it away after each change.
  const { env, remove } = freshEmbeddedDatabase('newsroom-load-', {
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RENDER_PER_ADDRESS: '1000',
  })
  let server: RunningServer | undefined
  try {
    await ensureBuilt()
    console.log('Loading the demo content…')
    await runCommandBundle('seed', env)
    console.log('Starting Newsroom in production mode…')
    server = await startProductionServer(env, await freePort(), { inspect: true })
    const admin = await signIn(server.base, ADMIN.email, ADMIN.password)
    expectOk(
      await admin.post('/api/users', { ...EDITOR, name: 'Bench Editor', roles: ['editor'] }),
      'editor account',
    )
    const editor = await signIn(server.base, EDITOR.email, EDITOR.password)
    // Everyone reads the pages once, so the first run does not measure the first renders alone.
    for (const p of readerPaths()) await fetch(server.base + p)
    const startMemory = residentMb(server.child.pid!)
    const startHeap = await liveHeapMb(server)

    const results: RunResult[] = []
    for (let run = 1; run <= RUNS; run++) {
      console.log(
        `Run ${run} of ${RUNS}: ${CONNECTIONS} readers for ${SECONDS} s while an editor publishes and amends…`,
      )
      const work = editorAtWork(editor)
      const result = await crowd(server.base)
      const edits = await work.stop()
      // Let the server finish what it was doing before reading its memory.
      await new Promise((resolve) => setTimeout(resolve, 3000))
      const row: RunResult = {
        run,
        requests: result.requests.total,
        rps: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        max: result.latency.max,
        failed: result.errors + result.timeouts + result.non2xx,
        published: edits.published,
        amended: edits.amended,
        editorFailures: edits.failures,
        heapMb: await liveHeapMb(server),
        memoryMb: residentMb(server.child.pid!),
      }
      results.push(row)
      if (row.failed)
        console.log(
          `  answers by status: ${JSON.stringify(result.statusCodeStats)}; errors ${result.errors}, timeouts ${result.timeouts}`,
        )
      console.log(
        `  ${row.requests} requests (${row.rps}/s), p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.failed} failed; ${row.published} published, ${row.amended} amended, ${row.editorFailures.length} editor failures; live heap ${row.heapMb} MB, ${row.memoryMb} MB resident`,
      )
    }

    const first = results[0]!.heapMb
    const last = results.at(-1)!.heapMb
    const growth = (last - first) / first
    const failed = results.reduce((n, r) => n + r.failed, 0)
    const editorFailures = results.flatMap((r) => r.editorFailures)
    const section = [
      `Run on ${new Date().toISOString().slice(0, 10)}: ${machine()}. ${CONNECTIONS} connections for ${SECONDS} s a run, ${RUNS} runs in a row on one production server (SQLite, demo content), autocannon on the same machine going round ${readerPaths().length} public addresses; an editor publishes or amends a release every ${EDIT_EVERY_MS / 1000} s through the workflow API. Before the first run: live heap ${startHeap} MB, ${startMemory} MB resident.`,
      '',
      '| Run | Requests | Requests/s | p50 | p99 | Slowest | Failed | Published / amended | Live heap after | Resident after |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...results.map(
        (r) =>
          `| ${r.run} | ${r.requests} | ${r.rps} | ${r.p50} ms | ${r.p99} ms | ${r.max} ms | ${r.failed} | ${r.published} / ${r.amended} | ${r.heapMb} MB | ${r.memoryMb} MB |`,
      ),
      '',
      `Failed requests: **${failed}** (target 0: any error, timeout or answer other than 2xx counts). Editor actions refused: ${editorFailures.length}. The live heap (after a full garbage collection, read through the inspector) after the last run is ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}% on the first (flat means within ${MEMORY_TOLERANCE * 100}%); resident memory is shown too, but V8 keeps memory it has grown into, so it is not a measure of leaks.`,
    ].join('\n')
    console.log(`\n${section}\n`)
    await record('load', section)

    const problems = [
      failed > 0 && `${failed} requests failed`,
      editorFailures.length > 0 &&
        `the editor was refused ${editorFailures.length} times: ${editorFailures.slice(0, 3).join('; ')}`,
      growth > MEMORY_TOLERANCE &&
        `the live heap grew ${(growth * 100).toFixed(1)}% from the first run to the last`,
    ].filter(Boolean)
    if (problems.length) {
      console.error(`Missed: ${problems.join('; ')}.`)
      process.exitCode = 1
    }
  } catch (error) {
    if (server) console.error(server.output().slice(-3000))
    throw error
  } finally {
    await server?.stop()
    remove()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

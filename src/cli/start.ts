/**
 * Runs Newsroom: WEB_CONCURRENCY server processes on one port, one per core unless set
 * (./processes.ts). With an empty database (and outside production) it loads the demo content
 * first.
 *
 * `npm start` builds first (./build.ts: the admin when its sources changed, and this file
 * bundled as dist/server/start.mjs), then runs the bundle with node. `npm run dev` runs this
 * file from the sources through tsx.
 *
 *   --dev       Next.js in development mode (compiles on demand, reloads on change)
 *   --no-seed   never load the demo content
 */
import cluster from 'node:cluster'

import { ConfigurationError, isProduction, port } from '../config/env'
import { startServer } from '../server'
import { processCount, runProcesses, sayListening, SEED_VARIABLE } from './processes'

process.env.NEXT_TELEMETRY_DISABLED ??= '1'

const flags = new Set(process.argv.slice(2))
const dev = flags.has('--dev')

const banner = (url: string) => {
  console.log(`\nNewsroom is running at ${url}`)
  console.log(`  Public site: ${url}/`)
  console.log(`  Admin:       ${url}/admin`)
  console.log(`  API:         ${url}/api/news`)
  console.log(`  Health:      ${url}/healthz\n`)
}

const main = async () => {
  const seed = !flags.has('--no-seed') && !isProduction()
  if (cluster.isPrimary) {
    // Next's development mode watches and rebuilds in its one process.
    const count = dev ? 1 : processCount()
    if (count > 1) return runProcesses({ count, seed, banner })
  }
  const server = await startServer({
    dev,
    port: port(),
    host: process.env.HOST,
    seedWhenEmpty: cluster.isWorker ? process.env[SEED_VARIABLE] === '1' : seed,
  })
  if (cluster.isWorker) sayListening(server.url)
  else banner(server.url)

  let stopping = false
  const stop = (signal: string) => {
    // Ctrl-C reaches every process of the group, and the primary sends SIGTERM too: once is enough.
    if (stopping) return
    stopping = true
    if (!cluster.isWorker)
      console.log(`${signal} received: finishing requests in flight, then stopping.`)
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError || (error as Error)?.name === 'ConfigurationError') {
    console.error(`\nNewsroom cannot start: ${(error as Error).message}\n`)
  } else {
    console.error('\nNewsroom could not start:', error)
  }
  process.exit(1)
})

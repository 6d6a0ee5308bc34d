/**
 * `npm start` on every core: WEB_CONCURRENCY server processes (default: the machine's cores)
 * sharing one port through Node's cluster module, which hands each new connection to the next
 * process in turn. This process, the primary, serves nothing itself: it starts them, starts
 * another when one dies, and stops them all on SIGTERM or SIGINT.
 *
 * What several processes share goes through the database, as for several servers (docs/deploy.md):
 * the page caches follow the rows of content-changes, lifts and e-mail are claimed once, the
 * alert sender shares its work. The first process prepares the database alone (migrations,
 * the first admin, the demo content) and the others start once it is listening, so nothing
 * is migrated or seeded twice.
 */
import cluster, { type Worker } from 'node:cluster'
import os from 'node:os'

import { limitFrom } from '../http/limitFrom'

/** How many server processes `npm start` runs: WEB_CONCURRENCY, or one per core. */
export const processCount = (): number => limitFrom('WEB_CONCURRENCY', os.availableParallelism(), 1)

/** What a server process tells the primary once it listens. */
type Listening = { newsroom: 'listening'; url: string }

const isListening = (message: unknown): message is Listening =>
  (message as Listening)?.newsroom === 'listening'

/** In a server process: tells the primary it is listening at `url`. */
export const sayListening = (url: string) => {
  const message: Listening = { newsroom: 'listening', url }
  process.send?.(message)
}

/** The environment variable that tells a server process whether it may load the demo content. */
export const SEED_VARIABLE = 'NEWSROOM_PROCESS_SEEDS'

const listening = (worker: Worker) =>
  new Promise<string>((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (!isListening(message)) return
      worker.off('exit', onExit)
      worker.off('message', onMessage)
      resolve(message.url)
    }
    const onExit = (code: number | null, signal: string | null) =>
      reject(new Error(`a server process stopped before it started (${signal ?? `exit ${code}`})`))
    worker.on('message', onMessage)
    worker.once('exit', onExit)
  })

/** A process that dies this soon after starting has a fault restarting will not mend. */
const TOO_SOON_MS = 30_000
const MOST_QUICK_DEATHS = 5

/**
 * The primary: starts `count` server processes, prints where Newsroom is once all listen,
 * and looks after them until it is told to stop.
 */
export const runProcesses = async ({
  count,
  seed,
  banner,
}: {
  count: number
  seed: boolean
  banner: (url: string) => void
}) => {
  const started = new Map<Worker, number>()
  const fork = (seeds: boolean) => {
    const worker = cluster.fork({ [SEED_VARIABLE]: seeds ? '1' : '0' })
    started.set(worker, Date.now())
    return worker
  }
  let stopping = false
  let exitCode = 0

  try {
    const url = await listening(fork(seed))
    await Promise.all(Array.from({ length: count - 1 }, () => listening(fork(false))))
    banner(url)
    console.log(`  ${count} server processes (WEB_CONCURRENCY), one port.\n`)
  } catch (error) {
    // The process said why, in its own output.
    console.error(`\nNewsroom could not start: ${(error as Error).message}.\n`)
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL')
    process.exit(1)
  }

  let quickDeaths = 0
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? 0)
    started.delete(worker)
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode)
      return
    }
    quickDeaths = lived < TOO_SOON_MS ? quickDeaths + 1 : 0
    if (quickDeaths >= MOST_QUICK_DEATHS) {
      console.error(
        `Newsroom is stopping: server processes keep stopping within ${TOO_SOON_MS / 1000} s of starting.`,
      )
      stop('a fault', 1)
      return
    }
    console.error(
      `A server process (pid ${worker.process.pid}) stopped (${signal ?? `exit ${code}`}); starting another.`,
    )
    fork(false)
  })

  const stop = (why: string, code = 0) => {
    if (stopping) return
    stopping = true
    exitCode = code
    console.log(`${why}: each server process finishes its requests in flight, then stops.`)
    const workers = Object.values(cluster.workers ?? {})
    if (workers.length === 0) process.exit(code)
    for (const worker of workers) worker?.process.kill('SIGTERM')
  }
  process.once('SIGTERM', () => stop('SIGTERM received'))
  process.once('SIGINT', () => stop('SIGINT received'))
}

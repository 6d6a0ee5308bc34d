import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { SERVER_BUNDLE } from '../../src/cli/build'
import { projectRoot } from '../../src/config/paths'
import { databaseFor } from './database'
import { makeTempDir } from './tempDir'

export type TestServer = {
  url: string
  dir: string
  pid: number
  /** Everything the process has printed so far. */
  output: () => string
  /** SIGTERM, as a process manager stops it; resolves with the exit code. Keeps the files when asked (for a restart). */
  stop: (options?: { keepFiles?: boolean }) => Promise<number | null>
  /** SIGKILL: the process dies at once, mid-write if it was writing. */
  kill: () => Promise<void>
}

export type ServerOptions = {
  env?: Record<string, string | undefined>
  seed?: boolean
  databaseUrl?: string
  /** Reuse a folder (database, media, secret) from an earlier server, as a restart does. */
  dir?: string
  /** How long the boot may take; under the hooks' 180 s, as a 2-core machine running other suites needs (a seeded boot took over 90 s at a load of 20). */
  timeoutMs?: number
  /**
   * The server outlives the test process that starts it (test/helpers/sharedServer.ts): its
   * output goes to server.log in its folder rather than down a pipe that closes with the process.
   */
  detached?: boolean
}

export const ADMIN = { email: 'admin@northmoor.test', password: 'correct-horse-battery-staple' }

/** The environment for a child process: inherited, with test settings laid over it; undefined removes a variable. */
const childEnv = (overrides: Record<string, string | undefined>): NodeJS.ProcessEnv => {
  const {
    NODE_ENV: _nodeEnv,
    DATABASE_URL: _db,
    PAYLOAD_SECRET: _secret,
    ...inherited
  } = process.env
  const env: Record<string, string> = {}
  // One process per test server (npm start runs one per core): the suite already keeps both
  // cores busy; test/foundation/processes.test.ts asks for more. Outside production Payload
  // also reads the package.json of each of its packages at every start, to warn of mismatched
  // versions (0.2 s of CPU a start): package.json pins them all to one, and npm ci installs
  // exactly those.
  const testDefaults = { WEB_CONCURRENCY: '1', PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true' }
  for (const [key, value] of Object.entries({ ...inherited, ...testDefaults, ...overrides }))
    if (value !== undefined) env[key] = value
  return env as NodeJS.ProcessEnv
}

/** A port nobody is listening on now. The server needs its own address before it listens (for links). */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })

const waitForExit = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })

/**
 * Runs Newsroom as its own process, as `npm start` does (the bundle, without the build, which the
 * global setup has done), on a fresh SQLite file unless told otherwise, on a free port.
 */
export const startServer = async ({
  env = {},
  seed = false,
  databaseUrl,
  dir,
  timeoutMs = 170_000,
  detached = false,
}: ServerOptions = {}): Promise<TestServer> => {
  const temp = dir ? { dir, remove: () => {} } : makeTempDir()
  const database = databaseUrl
    ? { url: databaseUrl, drop: async () => {} }
    : await databaseFor(temp.dir)
  const port = String(await freePort())
  const logFile = path.join(temp.dir, 'server.log')
  const log = detached ? fs.openSync(logFile, 'a') : undefined
  const child = spawn(process.execPath, [SERVER_BUNDLE, ...(seed ? [] : ['--no-seed'])], {
    cwd: projectRoot,
    env: childEnv({
      PORT: port,
      NEWSROOM_DATA_DIR: temp.dir,
      MEDIA_DIR: path.join(temp.dir, 'media'),
      DATABASE_URL: database.url,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ADMIN_NAME: 'Alex Admin',
      NEXT_TELEMETRY_DISABLED: '1',
      // Tests stop servers often; the shutdown test sets its own delay.
      SHUTDOWN_DELAY_MS: '0',
      // Suites sign in dozens of people from one address; the rate-limit tests set their own.
      SIGN_IN_RATE_LIMIT: '10000',
      ALERTS_RATE_LIMIT: '10000',
      GRAPHQL_RATE_LIMIT: '10000',
      ...env,
    }),
    stdio: ['ignore', log ?? 'pipe', log ?? 'pipe'],
    detached,
  })
  let piped = ''
  child.stdout?.on('data', (chunk) => (piped += chunk))
  child.stderr?.on('data', (chunk) => (piped += chunk))
  const output = () => (log === undefined ? piped : fs.readFileSync(logFile, 'utf8'))

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`The server did not start within ${timeoutMs} ms:\n${output()}`)),
      timeoutMs,
    )
    const poll = log === undefined ? undefined : setInterval(() => check(), 100)
    const done = (error: Error | null, url?: string) => {
      clearTimeout(timer)
      clearInterval(poll)
      if (error) {
        // A server that did not start in time must not go on booting, unowned, under the next tests.
        child.kill('SIGKILL')
        reject(error)
      } else resolve(url!)
    }
    const check = () => {
      const match = /Newsroom is running at (http:\/\/\S+)/.exec(output())
      if (match) done(null, match[1]!)
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) =>
      done(new Error(`The server exited with code ${code} before it started:\n${output()}`)),
    )
  })
  if (log !== undefined) {
    fs.closeSync(log)
    child.unref()
  }

  return {
    url,
    dir: temp.dir,
    pid: child.pid!,
    output,
    stop: async ({ keepFiles = false } = {}) => {
      const exited = waitForExit(child)
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      const code = await exited
      clearTimeout(timer)
      if (!dir && !keepFiles) {
        temp.remove()
        await database.drop()
      }
      return code
    },
    kill: async () => {
      const exited = waitForExit(child)
      child.kill('SIGKILL')
      await exited
    },
  }
}

/** Runs `npm start`'s entry point expecting it to refuse to start; resolves with its exit code and output. */
export const runStartExpectingFailure = async (env: Record<string, string | undefined>) => {
  const temp = makeTempDir()
  const child = spawn(process.execPath, [SERVER_BUNDLE, '--no-seed'], {
    cwd: projectRoot,
    env: childEnv({
      PORT: '0',
      NEWSROOM_DATA_DIR: temp.dir,
      MEDIA_DIR: path.join(temp.dir, 'media'),
      DATABASE_URL: `file:${path.join(temp.dir, 'newsroom.db')}`,
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
  const code = await waitForExit(child)
  clearTimeout(timer)
  temp.remove()
  return { code, output }
}

/** What the benchmarks share: a production server to measure, the machine, and docs/benchmarks.md. */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import * as prettier from 'prettier'
import WebSocket from 'ws'

import { bundleOf, type Command, NODE_FLAGS, SERVER_BUNDLE } from '../src/cli/build'
import { projectRoot } from '../src/config/paths'
import type { Api } from '../test/helpers/api'

/**
 * A fresh embedded database and media folder in a temporary folder, and the environment that
 * points Newsroom at them (NODE_ENV left for the server to set).
 */
export const freshEmbeddedDatabase = (prefix: string, extra: Record<string, string> = {}) => {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  const { NODE_ENV: _n, ...inherited } = process.env
  const env = {
    ...inherited,
    NEWSROOM_DATA_DIR: temp,
    MEDIA_DIR: path.join(temp, 'media'),
    DATABASE_URL: `file:${path.join(temp, 'newsroom.db')}`,
    NEXT_TELEMETRY_DISABLED: '1',
    ...extra,
  } as unknown as NodeJS.ProcessEnv
  return { temp, env, remove: () => fs.rmSync(temp, { recursive: true, force: true }) }
}

/** Runs one of Newsroom's commands to its end, as its npm script does (its bundle), with its output shown. */
export const runCommandBundle = (command: Command, env: NodeJS.ProcessEnv) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, bundleOf(command)], {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`)),
    )
  })

export type RunningServer = {
  child: ChildProcess
  base: string
  output: () => string
  stop: () => Promise<void>
}

/**
 * Newsroom's production server (already built) on `port`, with a fresh secret; resolves once
 * it answers. `inspect` opens Node's inspector on a free local port, for `liveHeapMb`.
 */
export const startProductionServer = async (
  env: NodeJS.ProcessEnv,
  port: number,
  { inspect = false } = {},
): Promise<RunningServer> => {
  const base = `http://127.0.0.1:${port}`
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, ...(inspect ? ['--inspect=127.0.0.1:0'] : []), SERVER_BUNDLE, '--no-seed'],
    {
      cwd: projectRoot,
      env: {
        // The benchmarks as measured so far: one process (set WEB_CONCURRENCY in `env` for more).
        WEB_CONCURRENCY: '1',
        ...env,
        NODE_ENV: 'production',
        PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
        PORT: String(port),
        SITE_URL: base,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Newsroom did not start:\n${output}`)), 120_000)
    child.stdout!.on('data', () => {
      if (output.includes('Newsroom is running at')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Newsroom exited with ${code}:\n${output.slice(-3000)}`))
    })
  })
  const stop = async () => {
    if (child.exitCode !== null) return
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
  return { child, base, output: () => output, stop }
}

/**
 * The server's live JavaScript heap in MB, after a full garbage collection, through the
 * inspector (started with `inspect: true`). Unlike resident memory, which V8 keeps once it
 * has grown, this only grows when something is kept that should not be: a leak.
 */
export const liveHeapMb = async (server: RunningServer): Promise<number> => {
  const address = /Debugger listening on (ws:\/\/\S+)/.exec(server.output())?.[1]
  if (!address) throw new Error('The server was not started with inspect: true')
  const socket = new WebSocket(address)
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  let lastId = 0
  const call = (method: string) =>
    new Promise<Record<string, number>>((resolve, reject) => {
      const id = ++lastId
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as {
          id?: number
          result?: Record<string, number>
          error?: { message: string }
        }
        if (message.id !== id) return
        socket.off('message', onMessage)
        if (message.error) reject(new Error(`${method}: ${message.error.message}`))
        else resolve(message.result ?? {})
      }
      socket.on('message', onMessage)
      socket.send(JSON.stringify({ id, method }))
    })
  try {
    await call('HeapProfiler.collectGarbage')
    const { usedSize } = await call('Runtime.getHeapUsage')
    return Math.round(usedSize! / 1024 / 1024)
  } finally {
    socket.close()
  }
}

/** Resident memory of a process, in MB. */
export const residentMb = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
}

export const machine = () => {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB memory, Node.js ${process.version}, ${os.platform()} ${os.release()}`
}

/** Replaces the text between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` in docs/benchmarks.md. */
export const record = async (name: string, section: string) => {
  const doc = path.join(projectRoot, 'docs/benchmarks.md')
  const start = `<!-- bench:${name}:start -->`
  const end = `<!-- bench:${name}:end -->`
  const current = fs.readFileSync(doc, 'utf8')
  const from = current.indexOf(start)
  const to = current.indexOf(end)
  if (from === -1 || to === -1)
    throw new Error(`docs/benchmarks.md has no ${start} … ${end} section to write into`)
  const text = current.slice(0, from + start.length) + '\n' + section + '\n' + current.slice(to)
  // Formatted as the rest of the project is, so that `npm run lint` (Prettier) passes after a run.
  fs.writeFileSync(
    doc,
    await prettier.format(text, { ...(await prettier.resolveConfig(doc)), filepath: doc }),
  )
  console.log('Recorded in docs/benchmarks.md.')
}

/** The body's document of an answer that succeeded; an error naming `what` and the answer otherwise. */
export const expectOk = (response: { status: number; body: unknown }, what: string) => {
  if (response.status >= 300)
    throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`)
  return (response.body as { doc?: { id: number } }).doc
}

/**
 * A correction to a published release, as the press office makes one in the admin: the new
 * summary saved as a draft, then put out through the workflow's amend.
 */
export const amendRelease = async (
  editor: Api,
  id: number,
  summary: string,
  amend: { change: 'minor' | 'major'; note?: string },
) => {
  expectOk(await editor.patch(`/api/news/${id}?draft=true`, { summary }), 'change')
  expectOk(await editor.post(`/api/news/${id}/workflow/amend`, amend), 'amend')
}

/**
 * `npm start` with WEB_CONCURRENCY=2: two server processes on one port (src/cli/processes.ts),
 * on SQLite and, in its pass, on PostgreSQL. The demo content is loaded once; a change made
 * through either reaches every process's page cache within a second; a process that dies is
 * replaced while the other serves; SIGTERM stops them all.
 */
import fs from 'node:fs'
import http from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signIn, type Api } from '../helpers/api'
import { get } from '../helpers/fetch'
import { publishRelease } from '../helpers/releases'
import { ADMIN, startServer, type TestServer } from '../helpers/server'

/** The server processes the primary has started: its children running Newsroom's start. */
const workersOf = (primary: number): number[] =>
  fs
    .readFileSync(`/proc/${primary}/task/${primary}/children`, 'utf8')
    .split(' ')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('dist/server/start.mjs')
      } catch {
        return false // it has just gone
      }
    })

/** A status over a connection of its own, as a new reader's: a kept-alive one may have been to the process killed. */
const statusOnNewConnection = (url: string) =>
  new Promise<number>((resolve, reject) =>
    http
      .get(url, { agent: false, timeout: 10_000 }, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      .on('timeout', () => reject(new Error(`No answer from ${url} within 10 s`)))
      .on('error', reject),
  )

const within = async (ms: number, check: () => Promise<boolean>) => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return check()
}

describe('npm start with WEB_CONCURRENCY=2', () => {
  let server: TestServer
  let admin: Api

  beforeAll(async () => {
    server = await startServer({ seed: true, env: { WEB_CONCURRENCY: '2' } })
    admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('runs two server processes on one port, and loads the demo content once', async () => {
    expect(server.output()).toContain('2 server processes (WEB_CONCURRENCY), one port.')
    expect(workersOf(server.pid)).toHaveLength(2)
    expect(server.output().match(/Demo content loaded/g)).toHaveLength(1)
    const { body } = await admin.get('/api/news?limit=500&depth=0&draft=true')
    const titles = body.docs.map((release: { title: string }) => release.title)
    expect(titles.length).toBeGreaterThan(5)
    expect(new Set(titles).size).toBe(titles.length)
  })

  it('a release published through one process is on every process’s home page within a second', async () => {
    // Each process keeps its own copy of the home page: connections are handed out in turn.
    for (let i = 0; i < 6; i++) expect((await get(`${server.url}/`)).status).toBe(200)
    const title = `Out on every process ${Date.now()}`
    await publishRelease(admin, { title, summary: 'Seen whichever process answers.' })
    const everyAnswerShowsIt = async () => {
      for (let i = 0; i < 6; i++) {
        const answer = await get(`${server.url}/`)
        if (answer.status !== 200 || !answer.body.includes(title)) return false
      }
      return true
    }
    expect(await within(1000, everyAnswerShowsIt)).toBe(true)
  })

  it('a process that dies is replaced, and the other serves meanwhile', async () => {
    const [victim, survivor] = workersOf(server.pid)
    process.kill(victim!, 'SIGKILL')
    // Once the primary knows (it hands connections out), the other process takes them all.
    expect(
      await within(10_000, async () =>
        server.output().includes(`A server process (pid ${victim}) stopped (SIGKILL)`),
      ),
    ).toBe(true)
    for (let i = 0; i < 6; i++)
      expect(await statusOnNewConnection(`${server.url}/healthz`)).toBe(200)
    expect(
      await within(120_000, async () => {
        const now = workersOf(server.pid)
        return now.length === 2 && now.includes(survivor!) && !now.includes(victim!)
      }),
    ).toBe(true)
  })

  it('stops every process on SIGTERM, and exits cleanly', async () => {
    const workers = workersOf(server.pid)
    expect(await server.stop({ keepFiles: true })).toBe(0)
    for (const pid of workers) expect(fs.existsSync(`/proc/${pid}`), `process ${pid}`).toBe(false)
  })
})

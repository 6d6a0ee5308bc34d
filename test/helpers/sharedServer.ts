import fs from 'node:fs'
import path from 'node:path'

import { mailSinkUrl } from './mailSink'
import { dropDatabase } from './postgres'
import { startServer } from './server'
import { makeTempDir } from './tempDir'

/**
 * One server per vitest worker, shared by the files that need no server of their own: a boot
 * (Payload, the migrations check, Next's prepare) costs seconds of CPU, and most files only
 * make releases and people and look at them. A worker runs one file at a time, so a shared
 * server is used by one file at a time; the files that use one make their own data under
 * names of their own (people's email addresses, categories, search words), never count
 * "all releases", and leave the site settings as they found them.
 *
 * Files that restart, kill or reconfigure their server (environment, rate limits), change
 * the site settings (test/site/hostile.test.ts, test/site/cache.test.ts, the force logo,
 * the access table), or start from the demo content, keep their own: startServer in ./server.ts.
 *
 * A shared server sends its e-mail to the run's one SMTP server (test/helpers/mailSink.ts):
 * read it with sharedMailbox(), by the addresses the file made.
 *
 * The global setup makes the folder where each worker's server is written down
 * (NEWSROOM_SHARED_SERVERS) and stops them all at the end of the run.
 */
export type SharedServer = { url: string; dir: string }

type Entry = SharedServer & { pid: number; databaseUrl: string }

const REGISTRY = 'NEWSROOM_SHARED_SERVERS'

const answers = async (url: string) => {
  try {
    return (await fetch(`${url}/healthz`)).status === 200
  } catch {
    return false
  }
}

export const sharedServer = async (): Promise<SharedServer> => {
  const registry = process.env[REGISTRY]
  if (!registry)
    throw new Error(
      `sharedServer needs the global setup (test/helpers/globalSetup.ts) to have set ${REGISTRY}`,
    )
  const entry = path.join(registry, `worker-${process.env.VITEST_POOL_ID ?? '1'}.json`)
  if (fs.existsSync(entry)) {
    const known = JSON.parse(fs.readFileSync(entry, 'utf8')) as Entry
    if (await answers(known.url)) return { url: known.url, dir: known.dir }
    throw new Error(
      `This worker's shared server (pid ${known.pid}) stopped answering:\n${fs.readFileSync(path.join(known.dir, 'server.log'), 'utf8').slice(-4000)}`,
    )
  }
  // Its e-mail goes to the run's one SMTP server; files read it with sharedMailbox().
  const server = await startServer({ detached: true, env: { SMTP_URL: mailSinkUrl() } })
  const databaseUrl = fs.readFileSync(path.join(server.dir, '.test-database-url'), 'utf8')
  fs.writeFileSync(
    entry,
    JSON.stringify({
      url: server.url,
      dir: server.dir,
      pid: server.pid,
      databaseUrl,
    } satisfies Entry),
  )
  return { url: server.url, dir: server.dir }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** For the global setup: the folder the workers write their servers in, and a function that stops them. */
export const sharedServers = () => {
  const registry = makeTempDir('newsroom-shared-')
  process.env[REGISTRY] = registry.dir
  return async () => {
    const entries = fs
      .readdirSync(registry.dir)
      .map((name) => JSON.parse(fs.readFileSync(path.join(registry.dir, name), 'utf8')) as Entry)
    await Promise.all(
      entries.map(async ({ pid, dir, databaseUrl }) => {
        if (alive(pid)) process.kill(pid, 'SIGTERM')
        for (let waited = 0; alive(pid) && waited < 20_000; waited += 100)
          await new Promise((resolve) => setTimeout(resolve, 100))
        if (alive(pid)) process.kill(pid, 'SIGKILL')
        fs.rmSync(dir, { recursive: true, force: true })
        if (databaseUrl.startsWith('postgres'))
          await dropDatabase(new URL(databaseUrl).pathname.slice(1))
      }),
    )
    registry.remove()
  }
}

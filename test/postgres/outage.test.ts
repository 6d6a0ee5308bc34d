/**
 * The database goes away under a running server (PostgreSQL refuses connections and ends the
 * open ones): /healthz says 503, pages already rendered are still served from the cache,
 * anything else gets a clear 503 page or message and never a stack trace, and everything
 * works again, without a restart, once the database is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, signIn, type Api } from '../helpers/api'
import { allMessages } from '../helpers/errors'
import { createTestDatabase } from '../helpers/postgres'
import { publishRelease } from '../helpers/releases'
import { runCli } from '../helpers/run'
import { ADMIN, startServer, type TestServer } from '../helpers/server'
import { makeTempDir } from '../helpers/tempDir'

const LEAKS = [
  /\n\s+at [\w.<>]+ \(/,
  /node_modules|\/work\/|\/tmp\//,
  /ECONNREFUSED|pg_|postgres|drizzle|sqlstate/i,
]

const waitFor = async (what: string, check: () => Promise<boolean>) => {
  for (let attempt = 0; attempt < 80; attempt++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

describe('when the database goes down', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let server: TestServer
  let admin: Api
  let slug: string

  beforeAll(async () => {
    database = await createTestDatabase('outage')
    const temp = makeTempDir()
    const migrated = await runCli('migrate', {
      DATABASE_URL: database.url,
      NEWSROOM_DATA_DIR: temp.dir,
    })
    temp.remove()
    expect(migrated.code, migrated.output).toBe(0)
    server = await startServer({
      databaseUrl: database.url,
      env: { NODE_ENV: 'production', PAYLOAD_SECRET: 'a'.repeat(40) },
    })
    admin = await signIn(server.url, ADMIN.email, ADMIN.password)
    slug = (
      await publishRelease(admin, {
        title: 'Road closed after a collision',
        summary: 'Diversions are in place.',
      })
    ).slug
  })

  afterAll(async () => {
    await database?.bringBack()
    await server?.stop()
    await database?.drop()
  })

  it('serves what it can, says 503 for the rest, and recovers by itself', async () => {
    // Pages read before the outage are in the cache. The server drops them once more when it
    // sees its own change committed (it reads the stamp a few times a second, src/site/
    // changeWatcher.ts), however busy the machine: read until the pages stay kept.
    const paths = ['/', `/news/${slug}`]
    await waitFor('the pages to stay in the cache', async () => {
      for (const path of paths) expect((await fetch(server.url + path)).status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 500))
      const again = await Promise.all(paths.map((path) => fetch(server.url + path)))
      return again.every((response) => response.headers.get('x-page-cache') === 'hit')
    })
    const cachedArticle = await (await fetch(`${server.url}/news/${slug}`)).text()

    await database.takeDown()
    try {
      const health = await fetch(`${server.url}/healthz`)
      expect(health.status).toBe(503)

      const article = await fetch(`${server.url}/news/${slug}`)
      expect(article.status).toBe(200)
      expect(await article.text()).toBe(cachedArticle)
      expect((await fetch(`${server.url}/`)).status).toBe(200)

      // Not in the cache: a page that says what to do, with the quick exit, and no details.
      const uncached = await fetch(`${server.url}/news?page=1&nothing-cached-here`)
      const search = await fetch(`${server.url}/search?q=collision`)
      for (const response of [uncached, search]) {
        expect(response.status).toBe(503)
        expect(response.headers.get('retry-after')).toBe('30')
        expect(response.headers.get('cache-control')).toBe('no-store')
        const body = await response.text()
        expect(body).toContain('not available at the moment')
        expect(body).toContain('call 999')
        expect(body).toContain('quick-exit')
        for (const leak of LEAKS) expect(leak.test(body), `${leak}`).toBe(false)
      }

      // The API: a 503 with a message, not "something went wrong".
      const read = await api(server.url).get('/api/news')
      expect(read.status).toBe(503)
      expect(allMessages(read.body)).toMatch(/database is not answering/)
      for (const leak of LEAKS) expect(leak.test(JSON.stringify(read.body)), `${leak}`).toBe(false)
      const write = await admin.post('/api/categories', { name: 'Written during the outage' })
      expect(write.status).toBe(503)

      // Static files need no database.
      expect((await fetch(`${server.url}/favicon.svg`)).status).toBe(200)
    } finally {
      await database.bringBack()
    }

    await waitFor(
      '/healthz to say 200',
      async () => (await fetch(`${server.url}/healthz`)).status === 200,
    )
    expect((await fetch(`${server.url}/news?page=1&nothing-cached-here`)).status).toBe(200)
    const after = await publishRelease(admin, {
      title: 'Road reopened',
      summary: 'The diversions have ended.',
    })
    await waitFor('the new release on the home page', async () =>
      (await (await fetch(`${server.url}/`)).text()).includes('Road reopened'),
    )
    expect((await fetch(`${server.url}/news/${after.slug}`)).status).toBe(200)
    // What was attempted during the outage did not happen.
    expect(
      (
        await admin.get(
          `/api/categories?where[name][equals]=${encodeURIComponent('Written during the outage')}`,
        )
      ).body.totalDocs,
    ).toBe(0)
    // Connections ended by the database were noticed, not left to end the process.
    const uncaught = server
      .output()
      .split('\n')
      .filter((line, i, lines) =>
        /uncaughtException|unhandledRejection/i.test(lines.slice(i, i + 3).join(' ')),
      )
    expect(uncaught, server.output().slice(-4000)).toEqual([])
  })
})

/**
 * Two server processes on one PostgreSQL database, each with its own page cache: a change
 * made through one reaches the other's cache within a second, through the database. And
 * both run the background tasks (e-mail, lifts) from one queue: each task runs once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signIn, type Api } from '../helpers/api'
import { get } from '../helpers/fetch'
import { mailSinkUrl, sharedMailbox } from '../helpers/mailSink'
import { createTestDatabase } from '../helpers/postgres'
import { publishRelease, transition } from '../helpers/releases'
import { runCli } from '../helpers/run'
import { ADMIN, startServer, type TestServer } from '../helpers/server'
import { makeTempDir } from '../helpers/tempDir'

const within = async (ms: number, check: () => Promise<boolean>) => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return check()
}

describe('page caches across two server processes on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let a: TestServer
  let b: TestServer
  let admin: Api

  beforeAll(async () => {
    database = await createTestDatabase('caches')
    const temp = makeTempDir()
    const migrated = await runCli('migrate', {
      DATABASE_URL: database.url,
      NEWSROOM_DATA_DIR: temp.dir,
    })
    temp.remove()
    expect(migrated.code, migrated.output).toBe(0)
    // Both send their e-mail to the run's SMTP server (test/helpers/mailSink.ts).
    const env = { SMTP_URL: mailSinkUrl()! }
    a = await startServer({ databaseUrl: database.url, env })
    b = await startServer({ databaseUrl: database.url, env })
    admin = await signIn(a.url, ADMIN.email, ADMIN.password)
  })
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await database?.drop()
  })

  /** A page on B; a busy or failing answer is not a page, and never counts as "not shown". */
  const onB = async (path: string) => {
    const answer = await get(b.url + path)
    expect(answer.status, `${path} on B: ${answer.body.slice(0, 300)}`).toBe(200)
    return answer
  }
  /** Whether B's page at `path` shows `text`: only a 200 answer is asked (a 503 says nothing). */
  const bShows = async (path: string, text: string) => {
    const answer = await get(b.url + path)
    return answer.status === 200 ? answer.body.includes(text) : undefined
  }

  it('a release published on A is on B’s home page within a second, though B had the page cached', async () => {
    expect((await onB('/')).body).not.toContain('Published on server A')
    expect((await onB('/')).body).not.toContain('Published on server A') // now cached on B
    await publishRelease(admin, {
      title: 'Published on server A',
      summary: 'First version of the summary.',
    })
    expect(
      await within(1000, async () => (await bShows('/', 'Published on server A')) === true),
    ).toBe(true)
  })

  it('an amendment made on A is on B’s release page within a second', async () => {
    const { body } = await admin.get('/api/news?where[title][equals]=Published on server A&depth=0')
    const release = body.docs[0]
    expect((await onB(`/news/${release.slug}`)).body).toContain('First version of the summary.')
    await admin.patch(`/api/news/${release.id}?draft=true`, {
      summary: 'Corrected summary, amended on A.',
    })
    expect(
      (
        await transition(admin, release.id, 'amend', {
          change: 'major',
          note: 'Summary corrected.',
        })
      ).status,
    ).toBe(200)
    expect(
      await within(
        1000,
        async () =>
          (await bShows(`/news/${release.slug}`, 'Corrected summary, amended on A.')) === true,
      ),
    ).toBe(true)
    expect((await onB(`/news/${release.slug}`)).body).toContain('Summary corrected.')
  })

  it('a release withdrawn on A leaves B’s listings and feed within a second, and B shows the notice', async () => {
    const release = await publishRelease(admin, {
      title: 'To be withdrawn on A',
      summary: 'Soon withdrawn.',
    })
    expect(
      await within(1000, async () => (await bShows('/feed.xml', 'To be withdrawn on A')) === true),
    ).toBe(true)
    expect((await onB(`/news/${release.slug}`)).status).toBe(200)
    expect((await transition(admin, release.id, 'withdraw', { note: 'Court order.' })).status).toBe(
      200,
    )
    // Each page within a second of the withdrawal: B learns of it from the database a few times
    // a second, so a page B had cached may still be served for a moment; one it had not cached
    // (the feed, say) is made afresh at once, and says nothing of when B's cache is emptied.
    const withdrawnAt = Date.now()
    expect(
      await within(1000, async () => (await bShows('/feed.xml', 'To be withdrawn on A')) === false),
    ).toBe(true)
    expect(
      await within(
        Math.max(0, withdrawnAt + 1000 - Date.now()),
        async () => (await bShows('/', 'To be withdrawn on A')) === false,
      ),
    ).toBe(true)
    expect(
      await within(
        Math.max(0, withdrawnAt + 1000 - Date.now()),
        async () =>
          (await bShows(`/news/${release.slug}`, 'This release has been withdrawn')) === true,
      ),
    ).toBe(true)
  })

  it('changes made at the same moment on A and on B each reach the other server', async () => {
    const adminOnB = await signIn(b.url, ADMIN.email, ADMIN.password)
    const one = await publishRelease(admin, { title: 'At once, one', summary: 'One, round 0.' })
    const two = await publishRelease(admin, { title: 'At once, two', summary: 'Two, round 0.' })
    // In another category, not followed up: no amendment below affects its page.
    const category = (await admin.post('/api/categories', { name: 'Roads' })).body.doc
    const other = await publishRelease(admin, {
      title: 'Untouched by the rounds',
      summary: 'Never amended.',
      category: category.id,
    })
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const amend = async (api: Api, id: number, summary: string) => {
      expect((await api.patch(`/api/news/${id}?draft=true`, { summary })).status).toBe(200)
      expect((await transition(api, id, 'amend', { change: 'minor' })).status).toBe(200)
    }
    const onServer = (server: TestServer, path: string) => get(server.url + path)
    // Each round: both pages cached on both servers, then one amended through A and the other
    // through B at the same moment. If either change were lost from the database's rows of
    // changes, the server that did not make it would keep the old page.
    for (const server of [a, b]) await onServer(server, `/news/${other.slug}`)
    for (let round = 1; round <= 3; round++) {
      for (const server of [a, b])
        for (const release of [one, two]) await onServer(server, `/news/${release.slug}`)
      await Promise.all([
        amend(admin, one.id, `One, round ${round}.`),
        amend(adminOnB, two.id, `Two, round ${round}.`),
      ])
      const shows = async (server: TestServer, slug: string, text: string) =>
        (await onServer(server, `/news/${slug}`)).body.includes(text)
      expect(
        await within(1000, async () => shows(b, one.slug, `One, round ${round}.`)),
        `round ${round}: B, amended on A`,
      ).toBe(true)
      expect(
        await within(1000, async () => shows(a, two.slug, `Two, round ${round}.`)),
        `round ${round}: A, amended on B`,
      ).toBe(true)
    }
    // Each server dropped only the pages the changes affect, its own and the other's: the page
    // of the release no round touched was made once on each, and kept since.
    for (const server of [a, b])
      expect(
        (await onServer(server, `/news/${other.slug}`)).headers.get('x-page-cache'),
        `${server === a ? 'A' : 'B'} kept the untouched release's page`,
      ).toBe('hit')
  })

  it('a settings change on A reaches B', async () => {
    await admin.post('/api/globals/site-settings', { forceName: 'Eastmoor Constabulary' })
    expect(
      await within(1000, async () => (await bShows('/', 'Eastmoor Constabulary')) === true),
    ).toBe(true)
  })

  it('sends each queued e-mail once, though both servers poll the one queue every second', async () => {
    // Payload's job runner takes due tasks by reading them and then marking them as taken, two
    // steps, and both servers poll at the start of each second: without an atomic claim
    // (src/db/jobClaims.ts) both took the same task and each invitation went out twice.
    const addresses = Array.from(
      { length: 12 },
      (_, i) => `twice-${i}-${Date.now()}@northmoor.test`,
    )
    for (const email of addresses) {
      const created = await admin.post('/api/users', {
        name: 'Once Only',
        email,
        roles: ['author'],
      })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
    }
    const mailbox = sharedMailbox()
    for (const email of addresses) await mailbox.waitFor(email)
    // Time for a second copy to arrive, were one sent: each server polls every second.
    await new Promise((resolve) => setTimeout(resolve, 3000))
    for (const email of addresses) expect(await mailbox.to(email), email).toHaveLength(1)
  })
})

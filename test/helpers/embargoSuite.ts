/**
 * The embargo, on every public surface, on one database: a release scheduled a few seconds
 * ahead is on no surface one second before its publishAt, and on all of them within one
 * second after, with the page cache warm, and again with a restart in between.
 * Run by test/workflow/embargo.test.ts (SQLite) and test/postgres/embargo.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, createUserAndSignIn, signIn, type Api } from './api'
import { databaseFor } from './database'
import { get } from './fetch'
import { imageForm, jpeg } from './images'
import { startLocalPayload } from './localPayload'
import { createDraft, publishRelease, transition } from './releases'
import { ADMIN, startServer, type TestServer } from './server'
import { startSmtp, type TestSmtp } from './smtp'

type Database = {
  url?: (dir: string) => string
  before?: () => Promise<{ url: string; drop: () => Promise<void> }>
}

/**
 * Each check asks a dozen pages at once from one address, more than the render limit lets one
 * client have made at a time (src/site/renderLimit.ts); the rest would be told "busy". That
 * limit is tested in test/site/flood.test.ts; here every page must be made.
 */
const SERVER_ENV = { RENDER_PER_ADDRESS: '32' }

/** A reader who asked for every release by e-mail as it goes out: their inbox is a surface too. */
const READER = 'every.release@readers.test'

/** One surface's answer: whether it showed the release, and when the answer came back. */
type Answer = { shown: boolean; at: number }

const sleepUntil = (time: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())))

export const embargoSuite = (name: string, database: Database) => {
  describe(`the embargo on every public surface (${name})`, () => {
    let server: TestServer
    let admin: Api
    let editor: Api
    let author: Api
    let databaseUrl: string | undefined
    let dropDatabase: (() => Promise<void>) | undefined
    let local: Awaited<ReturnType<typeof startLocalPayload>> | undefined
    let categoryId: number
    let categorySlug: string
    let neighbour: { slug: string }
    let n = 0
    /** How long this machine took to start the server: a loaded one needs longer before a lift. */
    let bootMs = 0
    /** The site's last answer for each address asked (src/site/), for the failure messages. */
    let answers: Record<string, string> = {}
    let smtp: TestSmtp
    let env: Record<string, string>

    beforeAll(async () => {
      smtp = await startSmtp()
      env = { ...SERVER_ENV, SMTP_URL: smtp.url }
      if (database.before) {
        const created = await database.before()
        databaseUrl = created.url
        dropDatabase = created.drop
      }
      const booting = performance.now()
      server = await startServer({ databaseUrl, env })
      bootMs = performance.now() - booting
      databaseUrl ??= (await databaseFor(server.dir)).url
      admin = await signIn(server.url, ADMIN.email, ADMIN.password)
      editor = await createUserAndSignIn(server.url, admin, {
        email: 'editor@northmoor.test',
        roles: ['editor'],
      })
      author = await createUserAndSignIn(server.url, admin, {
        email: 'author@northmoor.test',
        roles: ['author'],
      })
      const category = (await admin.post('/api/categories', { name: 'Operations' })).body.doc
      categoryId = category.id
      categorySlug = category.slug
      neighbour = await publishRelease(admin, {
        title: 'Earlier operation in Fenwick',
        summary: 'An earlier release in the same category.',
        category: categoryId,
      })
      // The Local API called without a user, in this process, on the same database.
      local = await startLocalPayload({ databaseUrl, runJobs: false })
      // Confirmed long ago (as if through /alerts, which test/alerts/ covers).
      await local.payload.create({
        collection: 'subscribers',
        data: {
          email: READER,
          status: 'confirmed',
          allNews: true,
          frequency: 'immediately',
          confirmedAt: new Date(Date.now() - 86_400_000).toISOString(),
          linkKey: 'embargo-suite',
        },
        overrideAccess: true,
      })
    })

    afterAll(async () => {
      await local?.stop()
      await server?.stop()
      await dropDatabase?.()
      await smtp?.close()
    })

    const alerted = (release: { title: string }) =>
      smtp.to(READER).filter((message) => message.subject === release.title)

    /**
     * A release scheduled `seconds` ahead, with a picture and words of its own. A missing or
     * wanted person's picture is their photo, not the hero image: it is under the same embargo.
     */
    const schedule = async (
      seconds: number,
      kind: 'news' | 'appeal' | 'missing-person' | 'wanted' = 'news',
    ) => {
      const word = `zephyrine${++n}${Date.now().toString(36)}`
      const upload = await admin.upload(
        '/api/media',
        imageForm(await jpeg(1600, 900, '#3d405b'), `${word}.jpg`, 'image/jpeg', {
          alt: `Picture for ${word}`,
        }),
      )
      const media = upload.body.doc
      const draft = await createDraft(author, {
        title: `Operation ${word} ends with arrests`,
        summary: `Officers searched ${word} homes.`,
        category: categoryId,
        kind,
        ...(kind === 'missing-person'
          ? { missingPerson: { name: `Ann ${word}`, reference: '26000001', photo: media.id } }
          : kind === 'wanted'
            ? { wanted: { name: `Sam ${word}`, wantedFor: 'Burglary', photo: media.id } }
            : { heroImage: media.id }),
        ...(kind === 'appeal' ? { appeal: { reference: '26000002' } } : {}),
      })
      expect((await transition(author, draft.id, 'submit')).status).toBe(200)
      const publishAt = new Date(
        Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000,
      ).toISOString()
      const scheduled = await transition(editor, draft.id, 'schedule', { publishAt })
      expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200)
      return {
        id: draft.id as number,
        slug: draft.slug as string,
        title: draft.title as string,
        word,
        media,
        publishAt: Date.parse(publishAt),
      }
    }

    /** Whether each public surface shows the release now. */
    const surfaces = async (release: Awaited<ReturnType<typeof schedule>>, url: string) => {
      const anonymous = api(url)
      answers = {}
      /** The site's answer, noted (status, cache, when) so that a failure says what came back. */
      const site = (path: string) =>
        get(url + path).then((r) => {
          answers[path] =
            `${r.status} ${r.headers.get('x-page-cache') ?? '-'} at publishAt${Date.now() - release.publishAt >= 0 ? '+' : ''}${Date.now() - release.publishAt} ms`
          // "Busy" or "unavailable" says nothing about the embargo, either way.
          if (r.status >= 500) throw new Error(`${path} answered ${r.status}: ${answers[path]}`)
          return r
        })
      const html = (path: string) =>
        site(path).then(
          (r) =>
            r.status === 200 &&
            (r.body.includes(release.title) || r.body.includes(`href="/news/${release.slug}"`)),
        )
      const graphql = (query: string) =>
        fetch(`${url}/api/graphql`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query }),
        }).then(async (r) => JSON.stringify(await r.json()).includes(release.title))
      const checks: Record<string, Promise<boolean>> = {
        'release page': html(`/news/${release.slug}`),
        'home page': html('/'),
        'news listing': html('/news'),
        'category page': html(`/news/category/${categorySlug}`),
        'related list on another release': html(`/news/${neighbour.slug}`),
        search: html(`/search?q=${release.word}`),
        'RSS feed': html('/feed.xml'),
        'Atom feed': html('/feed.atom'),
        'JSON feed': site('/feed.json').then((r) => r.body.includes(release.slug)),
        sitemap: site('/sitemap.xml').then((r) => r.body.includes(`/news/${release.slug}`)),
        'news sitemap': site('/news-sitemap.xml').then((r) =>
          r.body.includes(`/news/${release.slug}`),
        ),
        'REST list': anonymous
          .get('/api/news?limit=100')
          .then((r) => r.body.docs?.some((d: { id: number }) => d.id === release.id)),
        'REST by id': anonymous.get(`/api/news/${release.id}`).then((r) => r.status === 200),
        'REST by where': anonymous
          .get(`/api/news?where[slug][equals]=${release.slug}`)
          .then((r) => r.body.docs?.length === 1),
        'REST drafts': anonymous
          .get(`/api/news?draft=true&where[title][like]=${release.word}`)
          .then((r) => r.body.docs?.length === 1),
        'GraphQL list': graphql(
          `{ allNews(where: { slug: { equals: "${release.slug}" } }) { docs { id title } } }`,
        ),
        'GraphQL by id': graphql(`{ News(id: ${release.id}) { id title } }`),
        'its picture': fetch(`${url}/api/media/file/${release.media.filename}`).then(
          (r) => r.status === 200,
        ),
        'its picture (a WebP size)': fetch(
          `${url}/api/media/file/${release.media.sizes.card.filename}`,
        ).then((r) => r.status === 200),
        'its picture (REST)': anonymous
          .get(`/api/media/${release.media.id}`)
          .then((r) => r.status === 200),
        'Local API with no user': local!.payload
          .find({
            collection: 'news',
            where: { slug: { equals: release.slug } },
            overrideAccess: false,
          })
          .then((r) => r.docs.length === 1),
        // What the SMTP server has accepted so far (an alert takes a moment more: see expectAlerted).
        'e-mail alert': Promise.resolve(alerted(release).length > 0),
      }
      // When each answer came back: before the lift, only an answer back before publishAt counts.
      const answered = await Promise.all(
        Object.entries(checks).map(([name, check]) =>
          check.then((shown): [string, Answer] => [
            name,
            { shown: Boolean(shown), at: Date.now() },
          ]),
        ),
      )
      return Object.fromEntries(answered)
    }

    /**
     * Nothing shows the release before its publishAt. An answer that came back after publishAt
     * may show it (the embargo had lifted by then), so it is not counted: on a loaded machine
     * the last of the checks made one second before can come back late. With `allInTime`, every
     * answer must have come back before (the check made seconds ahead, with time to spare).
     */
    const expectNoneBefore = async (
      release: Awaited<ReturnType<typeof schedule>>,
      { allInTime = false } = {},
    ) => {
      const seen = await surfaces(release, server.url)
      const inTime = Object.entries(seen).filter(([, answer]) => answer.at < release.publishAt)
      const late = Object.keys(seen).filter((name) => seen[name]!.at >= release.publishAt)
      if (allInTime) {
        expect(late, 'the checks took so long that the embargo lifted while they ran').toEqual([])
      } else {
        // The e-mail check reads the SMTP server's inbox at once: it proves nothing on its own.
        expect(
          inTime.filter(([name]) => name !== 'e-mail alert').length,
          `no public surface answered before publishAt (late: ${late.join(', ')})`,
        ).toBeGreaterThan(0)
      }
      expectAll(Object.fromEntries(inTime), false)
    }

    const expectAll = (results: Record<string, Answer>, visible: boolean) => {
      const seen = Object.fromEntries(
        Object.entries(results).map(([name, answer]) => [name, answer.shown]),
      )
      // The e-mail goes out from the lift job, polled every second: it is checked on its own after.
      if (visible) delete seen['e-mail alert']
      const wrong = Object.entries(seen)
        .filter(([, shown]) => shown !== visible)
        .map(([surface]) => surface)
      expect(
        wrong,
        `${
          visible
            ? 'not yet showing the release after the lift'
            : 'showing the release before the lift'
        }; the site's answers: ${JSON.stringify(answers, null, 1)}`,
      ).toEqual([])
    }

    /** The reader's alert arrives after the lift, once, and was accepted no earlier than publishAt. */
    const expectAlerted = async (release: Awaited<ReturnType<typeof schedule>>) => {
      const alert = await smtp.waitFor(READER, (m) => m.subject === release.title, 30_000)
      expect(alert.date!.getTime()).toBeGreaterThanOrEqual(release.publishAt - 1000)
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(alerted(release)).toHaveLength(1)
    }

    it('a scheduled release is on no surface one second before its publishAt, and on all of them within a second after', async () => {
      // A missing person's appeal, their photo with it: the kinds of release share the one rule.
      const release = await schedule(10, 'missing-person')
      await expectNoneBefore(release, { allInTime: true }) // and now every cache is warm
      await sleepUntil(release.publishAt - 1000)
      await expectNoneBefore(release)
      await sleepUntil(release.publishAt + 1000)
      expectAll(await surfaces(release, server.url), true)
      await expectAlerted(release)
      const versions = await api(server.url).get('/api/news/versions')
      expect(versions.status).toBe(403)
    })

    it('the same with the server restarted between scheduling and the lift, and the lift recorded once', async () => {
      // Time for a restart and two rounds of checks before the lift, however loaded the machine.
      const release = await schedule(Math.max(25, Math.ceil((3 * bootMs) / 1000) + 10), 'wanted')
      await expectNoneBefore(release, { allInTime: true })
      await server.stop({ keepFiles: true })
      server = await startServer({ databaseUrl, dir: server.dir, env })
      // The same people, still signed in (the secret is kept), at the new address.
      ;[admin, editor, author] = [admin, editor, author].map((person) =>
        api(server.url, person.token),
      ) as [Api, Api, Api]
      // The new process's first answers (GraphQL builds its schema) are slow: warm it up first.
      await expectNoneBefore(release, { allInTime: true })
      expect(Date.now()).toBeLessThan(release.publishAt - 1500)
      await sleepUntil(release.publishAt - 1000)
      await expectNoneBefore(release)
      await sleepUntil(release.publishAt + 1000)
      expectAll(await surfaces(release, server.url), true)
      await expectAlerted(release)
      // The lift's side effects ran after the restart, from the job queue.
      let lifted = 0
      for (let attempt = 0; attempt < 20 && lifted === 0; attempt++) {
        lifted = (
          await admin.get(
            `/api/audit-log?where[releaseRef][equals]=${release.id}&where[action][equals]=lifted&limit=1`,
          )
        ).body.totalDocs
        if (!lifted) await new Promise((r) => setTimeout(r, 250))
      }
      expect(lifted).toBe(1)
    })

    it('a scheduled release that is pulled before the lift never appears', async () => {
      const release = await schedule(6, 'appeal')
      expect(
        (await transition(editor, release.id, 'unschedule', { note: 'Postponed by the court.' }))
          .status,
      ).toBe(200)
      await sleepUntil(release.publishAt + 1000)
      expectAll(await surfaces(release, server.url), false)
    })

    it('handles 01:30 on the Sundays the clocks change: refused when it does not exist, asked about when it happens twice', async () => {
      const draft = await createDraft(author, {
        title: 'Clock change release',
        summary: 'Scheduled for the small hours.',
      })
      await transition(author, draft.id, 'submit')
      const spring = await transition(editor, draft.id, 'schedule', {
        publishAtLocal: '2027-03-28T01:30',
      })
      expect(spring.status).toBe(400)
      expect(JSON.stringify(spring.body)).toContain(
        'does not exist in the UK on Sunday 28 March 2027',
      )
      const autumn = await transition(editor, draft.id, 'schedule', {
        publishAtLocal: '2027-10-31T01:30',
      })
      expect(autumn.status).toBe(400)
      expect(JSON.stringify(autumn.body)).toContain('happens twice')
      const bst = await transition(editor, draft.id, 'schedule', {
        publishAtLocal: '2027-10-31T01:30',
        ukZone: 'BST',
      })
      expect(bst.status).toBe(200)
      expect(bst.body.doc.publishAt).toBe('2027-10-31T00:30:00.000Z')
      const gmt = await transition(editor, draft.id, 'reschedule', {
        publishAtLocal: '2027-10-31T01:30',
        ukZone: 'GMT',
        note: 'The later 01:30.',
      })
      expect(gmt.body.doc.publishAt).toBe('2027-10-31T01:30:00.000Z')
      const link = await editor.post(`/api/news/${draft.id}/preview-links`, {})
      const preview = await get(link.body.url)
      expect(preview.body).toContain(
        'EMBARGOED: not for publication until 01:30 on Sunday 31 October 2027 (UK time, GMT)',
      )
      const state = await editor.get(`/api/news/${draft.id}/workflow`)
      expect(state.body.state).toBe('scheduled')
    })
  })
}

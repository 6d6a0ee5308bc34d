/**
 * Every transition of the editorial workflow, taken by every role: the allowed ones
 * succeed, the others are refused with a clear 403 and change nothing. The expected table
 * is written out here, apart from src/workflow/machine.ts, so that a change to who may do
 * what has to be made in both places.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { api, createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { allMessages } from '../helpers/errors'
import { get } from '../helpers/fetch'
import { createDraft, ok, transition } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

type Who = 'anonymous' | 'author' | 'editor' | 'admin'
type State = 'draft' | 'in-review' | 'scheduled' | 'published' | 'withdrawn'

const DAY = 24 * 3600_000
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString()

/** Who may take each transition, from which state, with what. */
const EXPECTED: Record<
  string,
  { from: State; allowed: Who[]; body: () => Record<string, unknown>; to: State }
> = {
  submit: {
    from: 'draft',
    allowed: ['author', 'editor', 'admin'],
    body: () => ({}),
    to: 'in-review',
  },
  recall: {
    from: 'in-review',
    allowed: ['author', 'editor', 'admin'],
    body: () => ({}),
    to: 'draft',
  },
  return: {
    from: 'in-review',
    allowed: ['editor', 'admin'],
    body: () => ({ note: 'Please add the officer’s rank.' }),
    to: 'draft',
  },
  approve: { from: 'in-review', allowed: ['editor', 'admin'], body: () => ({}), to: 'published' },
  schedule: {
    from: 'in-review',
    allowed: ['editor', 'admin'],
    body: () => ({ publishAt: inDays(2) }),
    to: 'scheduled',
  },
  reschedule: {
    from: 'scheduled',
    allowed: ['editor', 'admin'],
    body: () => ({ publishAt: inDays(3), note: 'The court hearing moved.' }),
    to: 'scheduled',
  },
  liftEmbargoNow: {
    from: 'scheduled',
    allowed: ['editor', 'admin'],
    body: () => ({ note: 'Embargo broken by a national outlet.' }),
    to: 'published',
  },
  unschedule: {
    from: 'scheduled',
    allowed: ['editor', 'admin'],
    body: () => ({ note: 'The announcement is postponed.' }),
    to: 'draft',
  },
  amend: {
    from: 'published',
    allowed: ['editor', 'admin'],
    body: () => ({ change: 'minor' }),
    to: 'published',
  },
  withdraw: {
    from: 'published',
    allowed: ['editor', 'admin'],
    body: () => ({ note: 'Legal advice: proceedings are active.' }),
    to: 'withdrawn',
  },
  reinstate: {
    from: 'withdrawn',
    allowed: ['editor', 'admin'],
    body: () => ({ note: 'Cleared by legal services.' }),
    to: 'published',
  },
  unpublish: {
    from: 'published',
    allowed: ['editor', 'admin'],
    body: () => ({ note: 'Sent out by mistake.', retirement: { mode: 'gone' } }),
    to: 'draft',
  },
}

let server: SharedServer
const as = {} as Record<Who | 'editor2', Api>
let n = 0

beforeAll(async () => {
  server = await sharedServer()
  as.anonymous = api(server.url)
  as.admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  as.editor = await createUserAndSignIn(server.url, as.admin, {
    email: 'transitions.editor@northmoor.test',
    roles: ['editor'],
    name: 'Erin Editor',
  })
  as.author = await createUserAndSignIn(server.url, as.admin, {
    email: 'transitions.author@northmoor.test',
    roles: ['author'],
    name: 'Aled Author',
  })
  // A second editor, so that the releases the others approve were submitted by someone else.
  as.editor2 = await createUserAndSignIn(server.url, as.admin, {
    email: 'transitions.editor2@northmoor.test',
    roles: ['editor'],
    name: 'Eve Editor',
  })
})
/** A release by the author, brought to `state` by the second editor. */
const releaseIn = async (state: State) => {
  const release = await createDraft(as.author, {
    title: `Release ${++n}`,
    summary: 'A summary that tells the story.',
  })
  if (state === 'draft') return release
  await ok(transition(as.author, release.id, 'submit'), 'submit')
  if (state === 'in-review') return release
  const editor = as.editor2
  if (state === 'scheduled') {
    await ok(transition(editor, release.id, 'schedule', { publishAt: inDays(1) }), 'schedule')
    return release
  }
  await ok(transition(editor, release.id, 'approve'), 'approve')
  if (state === 'published') return release
  await ok(
    transition(editor, release.id, 'withdraw', { note: 'Withdrawn for the test.' }),
    'withdraw',
  )
  return release
}

const snapshot = async (id: number) => {
  const [live, latest, history] = await Promise.all([
    as.admin.get(`/api/news/${id}?depth=0`),
    as.admin.get(`/api/news/${id}?depth=0&draft=true`),
    as.admin.get(`/api/audit-log?where[releaseRef][equals]=${id}&limit=1`),
  ])
  return {
    live: [live.body._status, live.body.workflowState, live.body.publishAt, live.body.title],
    latest: [
      latest.body._status,
      latest.body.workflowState,
      latest.body.publishAt,
      latest.body.title,
    ],
    history: history.body.totalDocs,
  }
}

const stateOf = async (id: number) =>
  (await as.admin.get(`/api/news/${id}/workflow`)).body.state as State

describe('the role matrix: every transition by every role', () => {
  for (const [action, expected] of Object.entries(EXPECTED)) {
    for (const who of ['anonymous', 'author', 'editor', 'admin'] as Who[]) {
      const allowed = expected.allowed.includes(who)
      it(`${action} from ${expected.from} by ${who}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const release = await releaseIn(expected.from)
        if (action === 'amend')
          await ok(
            as.admin.patch(`/api/news/${release.id}?draft=true`, {
              title: `Amended ${release.title}`,
            }),
            'draft change',
          )
        const before = await snapshot(release.id)
        const response = await transition(as[who], release.id, action, expected.body())
        if (allowed) {
          expect(response.status, JSON.stringify(response.body)).toBe(200)
          expect(response.body.state).toBe(expected.to)
          expect(await stateOf(release.id)).toBe(expected.to)
          expect((await snapshot(release.id)).history).toBe(before.history + 1)
        } else {
          expect(response.status).toBe(who === 'anonymous' ? 401 : 403)
          expect(allMessages(response.body)).toMatch(
            who === 'anonymous' ? /Sign in/ : /needs an editor or admin/,
          )
          expect(await snapshot(release.id)).toEqual(before)
        }
      })
    }
  }
})

describe('a second pair of eyes', () => {
  it('refuses an editor approving their own submission, and changes nothing', async () => {
    const release = await createDraft(as.editor, {
      title: 'Own release',
      summary: 'Written and submitted by the editor.',
    })
    await ok(transition(as.editor, release.id, 'submit'), 'submit')
    const before = await snapshot(release.id)
    for (const action of ['approve', 'schedule']) {
      const response = await transition(as.editor, release.id, action, { publishAt: inDays(1) })
      expect(response.status).toBe(403)
      expect(allMessages(response.body)).toContain('You submitted this release')
    }
    expect(await snapshot(release.id)).toEqual(before)
  })

  it('refuses forcing it without a written reason', async () => {
    const release = await createDraft(as.editor, {
      title: 'Own release two',
      summary: 'Written and submitted by the editor.',
    })
    await ok(transition(as.editor, release.id, 'submit'), 'submit')
    const response = await transition(as.editor, release.id, 'approve', {
      force: true,
      forceReason: ' ',
    })
    expect(response.status).toBe(400)
    expect(allMessages(response.body)).toContain('Give a reason')
    expect(await stateOf(release.id)).toBe('in-review')
  })

  it('lets them force it with a reason, which is recorded in the history', async () => {
    const release = await createDraft(as.editor, {
      title: 'Urgent appeal',
      summary: 'A missing person appeal.',
    })
    await ok(transition(as.editor, release.id, 'submit'), 'submit')
    const reason = 'Missing child: no other editor on duty at 3am.'
    const response = await transition(as.editor, release.id, 'approve', {
      force: true,
      forceReason: reason,
    })
    expect(response.status).toBe(200)
    const history = await as.admin.get(
      `/api/audit-log?where[releaseRef][equals]=${release.id}&where[action][equals]=approve`,
    )
    expect(history.body.docs[0]).toMatchObject({
      forced: true,
      forceReason: reason,
      actorName: 'Erin Editor',
      from: 'in-review',
      to: 'published',
    })
  })

  it('lets another editor approve without forcing', async () => {
    const release = await releaseIn('in-review')
    const response = await transition(as.editor, release.id, 'approve')
    expect(response.status).toBe(200)
    const history = await as.admin.get(
      `/api/audit-log?where[releaseRef][equals]=${release.id}&where[action][equals]=approve`,
    )
    expect(history.body.docs[0].forced).toBe(false)
  })
})

describe('transitions from the wrong state, and what each one needs', () => {
  it('refuses approving a draft that was never submitted, with a 409 that says why', async () => {
    const release = await releaseIn('draft')
    const response = await transition(as.editor, release.id, 'approve')
    expect(response.status).toBe(409)
    expect(allMessages(response.body)).toContain('This release is a draft')
  })

  it('refuses returning, withdrawing or lifting early without a note', async () => {
    for (const [state, action] of [
      ['in-review', 'return'],
      ['published', 'withdraw'],
      ['scheduled', 'liftEmbargoNow'],
    ] as const) {
      const release = await releaseIn(state)
      const before = await snapshot(release.id)
      const response = await transition(as.editor, release.id, action, {})
      expect(response.status).toBe(400)
      expect(allMessages(response.body)).toMatch(/Add a note/)
      expect(await snapshot(release.id)).toEqual(before)
    }
  })

  it('refuses scheduling for a time that has passed, or one that is not a time', async () => {
    const release = await releaseIn('in-review')
    expect(
      (
        await transition(as.editor, release.id, 'schedule', {
          publishAt: new Date(Date.now() - 60_000).toISOString(),
        })
      ).status,
    ).toBe(400)
    expect(
      (await transition(as.editor, release.id, 'schedule', { publishAt: 'tomorrow morning' }))
        .status,
    ).toBe(400)
    expect((await transition(as.editor, release.id, 'schedule', { publishAt: 12 })).status).toBe(
      400,
    )
    expect(await stateOf(release.id)).toBe('in-review')
  })

  it('refuses an action that does not exist, and an unknown release', async () => {
    const release = await releaseIn('draft')
    expect((await transition(as.editor, release.id, 'teleport')).status).toBe(404)
    expect((await transition(as.editor, 999999, 'submit')).status).toBe(404)
  })

  it('refuses writing the status directly, for everyone: a release goes out only through the workflow', async () => {
    const draft = await releaseIn('in-review')
    for (const who of ['author', 'editor', 'admin'] as Who[]) {
      const response = await as[who].patch(`/api/news/${draft.id}`, { _status: 'published' })
      expect(response.status).toBe(403)
      expect(allMessages(response.body)).toContain('only through the workflow')
    }
    const live = await releaseIn('published')
    const unpublish = await as.admin.patch(`/api/news/${live.id}`, { _status: 'draft' })
    expect(unpublish.status).toBe(403)
    const edit = await as.admin.patch(`/api/news/${live.id}`, {
      title: 'Changed without the workflow',
    })
    expect(edit.status).toBe(403)
    expect((await as.admin.get(`/api/news/${live.id}?depth=0`)).body._status).toBe('published')
    const created = await as.admin.post('/api/news', {
      title: 'Straight out',
      summary: 'No review.',
      _status: 'published',
    })
    expect(created.status).toBe(403)
  })
})

describe('the history', () => {
  it('records every transition: who, when, from, to and the note', async () => {
    const release = await releaseIn('draft')
    await ok(transition(as.author, release.id, 'submit'), 'submit')
    await ok(
      transition(as.editor, release.id, 'return', { note: 'Add the incident number.' }),
      'return',
    )
    await ok(transition(as.author, release.id, 'submit'), 'submit again')
    await ok(transition(as.editor, release.id, 'approve'), 'approve')
    const { body } = await as.admin.get(
      `/api/audit-log?where[releaseRef][equals]=${release.id}&sort=at&limit=10`,
    )
    expect(body.docs.map((d: any) => [d.action, d.from, d.to, d.actorName])).toEqual([
      ['submit', 'draft', 'in-review', 'Aled Author'],
      ['return', 'in-review', 'draft', 'Erin Editor'],
      ['submit', 'draft', 'in-review', 'Aled Author'],
      ['approve', 'in-review', 'published', 'Erin Editor'],
    ])
    expect(body.docs[1].note).toBe('Add the incident number.')
    for (const entry of body.docs) expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('is shown with the release in the admin, and kept when the release is deleted', async () => {
    const release = await releaseIn('published')
    const withHistory = await as.admin.get(
      `/api/news/${release.id}?depth=0&joins[history][limit]=10`,
    )
    expect(withHistory.body.history.docs.length).toBeGreaterThanOrEqual(2)
    expect((await as.admin.delete(`/api/news/${release.id}`)).status).toBe(200)
    const { body } = await as.admin.get(
      `/api/audit-log?where[releaseRef][equals]=${release.id}&sort=at`,
    )
    expect(body.docs.map((d: any) => d.action)).toEqual(['submit', 'approve', 'deleted'])
    expect(body.docs.every((d: any) => d.releaseTitle === release.title)).toBe(true)
  })

  it('cannot be written or changed through the API, by anyone', async () => {
    const entry = (await as.admin.get('/api/audit-log?limit=1')).body.docs[0]
    expect(
      (await as.admin.post('/api/audit-log', { action: 'approve', at: new Date().toISOString() }))
        .status,
    ).toBe(403)
    expect((await as.admin.patch(`/api/audit-log/${entry.id}`, { note: 'Rewritten' })).status).toBe(
      403,
    )
    expect((await as.admin.delete(`/api/audit-log/${entry.id}`)).status).toBe(403)
    expect((await as.anonymous.get('/api/audit-log')).status).toBe(403)
  })
})

describe('withdrawing, reinstating and unpublishing', () => {
  it('keeps a withdrawn release at its address with the notice and the reason, and takes it off every list', async () => {
    const release = await releaseIn('published')
    const page = `${server.url}/news/${release.slug}`
    expect((await get(`${server.url}/`)).body).toContain(release.title)
    await ok(
      transition(as.editor, release.id, 'withdraw', {
        note: 'Legal advice: proceedings are now active.',
      }),
      'withdraw',
    )
    const withdrawn = await get(page)
    expect(withdrawn.status).toBe(200)
    expect(withdrawn.body).toContain('This release has been withdrawn')
    expect(withdrawn.body).toContain('Legal advice: proceedings are now active.')
    expect(withdrawn.body).not.toContain('A summary that tells the story.')
    for (const path of [
      '/',
      '/news',
      '/feed.xml',
      '/feed.atom',
      '/feed.json',
      '/sitemap.xml',
      '/news-sitemap.xml',
      `/search?q=${encodeURIComponent(release.title)}`,
    ]) {
      expect((await get(server.url + path)).body, path).not.toContain(`/news/${release.slug}"`)
    }
    const viaApi = await as.anonymous.get(`/api/news/${release.id}`)
    expect(viaApi.body.title).toBe(release.title)
    expect(viaApi.body.withdrawal.reason).toBe('Legal advice: proceedings are now active.')
    expect(viaApi.body.summary).toBeUndefined()
    expect(viaApi.body.body).toBeUndefined()
    await ok(
      transition(as.editor, release.id, 'reinstate', { note: 'Proceedings concluded.' }),
      'reinstate',
    )
    expect((await get(`${server.url}/`)).body).toContain(release.title)
    expect((await get(page)).body).not.toContain('This release has been withdrawn')
  })

  it('answers 410 Gone for a release unpublished in error, or redirects to the given address', async () => {
    const gone = await releaseIn('published')
    await ok(
      transition(as.editor, gone.id, 'unpublish', {
        note: 'Named a witness.',
        retirement: { mode: 'gone' },
      }),
      'unpublish',
    )
    const goneResponse = await get(`${server.url}/news/${gone.slug}`)
    expect(goneResponse.status).toBe(410)
    expect(goneResponse.body).not.toContain('Named a witness.')
    const moved = await releaseIn('published')
    const corrected = await releaseIn('published')
    const redirect = await transition(as.editor, moved.id, 'unpublish', {
      note: 'Duplicate of another release.',
      retirement: { mode: 'redirect', redirectTo: `/news/${corrected.slug}` },
    })
    expect(redirect.status).toBe(200)
    const response = await get(`${server.url}/news/${moved.slug}`)
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe(`/news/${corrected.slug}`)
    expect((await as.anonymous.get(`/api/news/${moved.id}`)).status).toBe(404)
  })

  it('refuses a redirect to a dangerous address', async () => {
    const release = await releaseIn('published')
    const response = await transition(as.editor, release.id, 'unpublish', {
      note: 'Mistake.',
      retirement: { mode: 'redirect', redirectTo: 'javascript:alert(1)' },
    })
    expect(response.status).toBe(400)
    expect(await stateOf(release.id)).toBe('published')
  })

  it('gives the address back when a release unpublished in error is published again', async () => {
    const release = await releaseIn('published')
    await ok(
      transition(as.editor, release.id, 'unpublish', {
        note: 'Too early.',
        retirement: { mode: 'gone' },
      }),
      'unpublish',
    )
    expect((await get(`${server.url}/news/${release.slug}`)).status).toBe(410)
    await ok(transition(as.author, release.id, 'submit'), 'submit')
    await ok(transition(as.editor, release.id, 'approve'), 'approve')
    expect((await get(`${server.url}/news/${release.slug}`)).status).toBe(200)
  })
})

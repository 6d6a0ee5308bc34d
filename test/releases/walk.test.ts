/**
 * One release walked through every transition of the workflow, against a real server. After
 * each step, every surface that shows where a release stands must agree with the state
 * module (src/releases/state.ts) for that release at that moment: the workflow's own answer,
 * the press desk (the admin's dashboard, as rendered), the admin list's state filters (their
 * Where, run over REST) and state column, the public page, the feeds, the next-change query
 * the lift job and the page cache rely on, and the copy for the media.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { News } from '../../src/payload-types'
import {
  isListedNow,
  isPublicNow,
  nextScheduledChangeWhere,
  releaseState,
  stateLabel,
  stateQuery,
  whereToQuery,
} from '../../src/releases/state'
import { STATE_LABELS, type ReleaseState, type TransitionName } from '../../src/workflow/machine'
import { api, createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { parseHtml } from '../helpers/html'
import { createDraft, ok, transition } from '../helpers/releases'
import { ADMIN, startServer, type TestServer } from '../helpers/server'

const DAY = 24 * 3600_000
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString()
const STATES: ReleaseState[] = ['draft', 'in-review', 'scheduled', 'published', 'withdrawn']

let server: TestServer
let admin: Api
let author: Api
let editor: Api
let anyone: Api
let release: News

beforeAll(async () => {
  server = await startServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  author = await createUserAndSignIn(server.url, admin, {
    email: 'walk.author@northmoor.test',
    roles: ['author'],
    name: 'Wyn Author',
  })
  editor = await createUserAndSignIn(server.url, admin, {
    email: 'walk.editor@northmoor.test',
    roles: ['editor'],
    name: 'Wren Editor',
  })
  anyone = api(server.url)
  release = await createDraft(author, {
    title: 'Walked through every transition',
    summary: 'A release that goes everywhere.',
  })
})

afterAll(async () => {
  await server?.stop()
})

/** Which of the desk's sections list the release (the author's desk: their drafts are only on their own). */
const deskSections = async (title: string) => {
  const response = await fetch(`${server.url}/admin`, {
    headers: { Authorization: `JWT ${author.token}`, Cookie: `payload-token=${author.token}` },
  })
  expect(response.status).toBe(200)
  const page = parseHtml(await response.text())
  return page
    .find('section')
    .filter((section) => section.attrs.class === 'desk__section' && section.text.includes(title))
    .map((section) => section.attrs['aria-labelledby'])
}

const DESK_SECTION: Record<ReleaseState, string[]> = {
  draft: ['desk-drafts', 'desk-returned'],
  'in-review': ['desk-review'],
  scheduled: ['desk-upcoming'],
  published: ['desk-recent'],
  withdrawn: ['desk-withdrawn'],
}

/** Every surface, asked now, and what the state module says they must show. */
const checkEverySurface = async (expected: ReleaseState) => {
  const id = release.id
  const [live, latest, workflow] = await Promise.all([
    ok(admin.get(`/api/news/${id}?depth=0`), 'live'),
    ok(admin.get(`/api/news/${id}?depth=0&draft=true`), 'latest'),
    ok(admin.get(`/api/news/${id}/workflow`), 'workflow'),
  ])
  const now = new Date()
  // The state module, on the stored fields: where the workflow stands is the latest version's.
  const state = releaseState({ ...live, workflowState: latest.workflowState }, now)
  expect({ module: state, workflow: workflow.state }).toEqual({
    module: expected,
    workflow: expected,
  })

  // The admin list's filters (it reads the latest versions) find it under its state and no other.
  const filtered: Record<string, number> = {}
  for (const word of STATES) {
    const found = ok(
      await admin.get(
        `/api/news?draft=true&depth=0&limit=1&${stateQuery(word, now)}&where[id][equals]=${id}`,
      ),
      `filter ${word}`,
    )
    filtered[word] = found.totalDocs
  }
  expect(filtered).toEqual(
    Object.fromEntries(STATES.map((word) => [word, word === expected ? 1 : 0])),
  )

  // The state column and field: the same words, from the row the list gives them.
  expect(stateLabel(latest, now).startsWith(STATE_LABELS[expected])).toBe(true)

  // The press desk.
  const sections = await deskSections(latest.title)
  expect(sections).toHaveLength(1)
  expect(DESK_SECTION[expected]).toContain(sections[0])

  // The next scheduled change (the lift job's and the page cache's question) counts it only while scheduled.
  const next = ok(
    await admin.get(
      `/api/news?depth=0&limit=1&${whereToQuery(nextScheduledChangeWhere(now)).join('&')}&where[id][equals]=${id}`,
    ),
    'next change',
  )
  expect(next.totalDocs).toBe(expected === 'scheduled' ? 1 : 0)

  // The public page: readable exactly while public (a withdrawn one with its notice).
  const page = await fetch(`${server.url}/news/${live.slug}`, { redirect: 'manual' })
  const html = await page.text()
  expect(page.status === 200).toBe(isPublicNow(live, now))
  if (page.status === 200) expect(html.includes('Withdrawn')).toBe(expected === 'withdrawn')
  // The public API agrees with the page.
  const publicRead = await anyone.get(`/api/news/${id}?depth=0`)
  expect(publicRead.status === 200).toBe(isPublicNow(live, now))

  // The feeds list it exactly while listed.
  const address = `${server.url}/news/${live.slug}`
  const listed = isListedNow(live, now)
  const json = await (await fetch(`${server.url}/feed.json`)).json()
  expect(json.items.some((item: { url: string }) => item.url === address)).toBe(listed)
  for (const feed of ['/feed.xml', '/feed.atom'])
    expect((await (await fetch(server.url + feed)).text()).includes(address)).toBe(listed)

  // The copy for the media says what the state module says, at the top.
  const copy = await fetch(`${server.url}/api/news/${id}/copy/txt`, {
    headers: { Authorization: `JWT ${editor.token}` },
  })
  expect(copy.status).toBe(200)
  const firstLine = (await copy.text()).split('\n')[0]!
  const LINE: Record<ReleaseState, RegExp> = {
    draft: /^DRAFT: not approved for issue/,
    'in-review': /^DRAFT: not approved for issue/,
    scheduled: /^EMBARGOED: not for publication until .+ \(UK time\)$/,
    published: new RegExp(`^${live.title.toUpperCase()}$`),
    withdrawn: /^WITHDRAWN on /,
  }
  expect(firstLine).toMatch(LINE[expected])
}

const take = async (who: Api, action: TransitionName, body: Record<string, unknown> = {}) => {
  const result = ok(await transition(who, release.id, action, body), action)
  return result.state as ReleaseState
}

/** The walk: every transition at least once, each followed by the check of every surface. */
const WALK: [string, () => Promise<ReleaseState>, ReleaseState][] = [
  ['submit', () => take(author, 'submit'), 'in-review'],
  ['recall', () => take(author, 'recall'), 'draft'],
  ['submit again', () => take(author, 'submit'), 'in-review'],
  ['return', () => take(editor, 'return', { note: 'Add the officer’s rank.' }), 'draft'],
  ['submit a third time', () => take(author, 'submit'), 'in-review'],
  ['approve', () => take(editor, 'approve'), 'published'],
  [
    'amend',
    async () => {
      ok(
        await editor.patch(`/api/news/${release.id}?draft=true`, {
          summary: 'A release that goes everywhere, corrected.',
        }),
        'save a change',
      )
      return take(editor, 'amend', { change: 'minor' })
    },
    'published',
  ],
  [
    'withdraw',
    () => take(editor, 'withdraw', { note: 'Proceedings are now active.' }),
    'withdrawn',
  ],
  [
    'reinstate',
    () => take(editor, 'reinstate', { note: 'Cleared by legal services.' }),
    'published',
  ],
  [
    'unpublish',
    () => take(editor, 'unpublish', { note: 'Sent out in error.', retirement: { mode: 'gone' } }),
    'draft',
  ],
  ['submit once more', () => take(author, 'submit'), 'in-review'],
  ['schedule', () => take(editor, 'schedule', { publishAt: inDays(2) }), 'scheduled'],
  [
    'reschedule',
    () => take(editor, 'reschedule', { publishAt: inDays(3), note: 'The hearing moved.' }),
    'scheduled',
  ],
  [
    'unschedule',
    () => take(editor, 'unschedule', { note: 'The announcement is postponed.' }),
    'draft',
  ],
  ['submit for the last time', () => take(author, 'submit'), 'in-review'],
  ['schedule again', () => take(editor, 'schedule', { publishAt: inDays(1) }), 'scheduled'],
  [
    'liftEmbargoNow',
    () => take(editor, 'liftEmbargoNow', { note: 'Broken by a national outlet.' }),
    'published',
  ],
]

describe('one release through every transition: every surface agrees with the state module', () => {
  it('starts as a draft', async () => {
    await checkEverySurface('draft')
  })

  it('takes every transition in the table', () => {
    const taken = new Set(WALK.map(([step]) => step.split(' ')[0]))
    expect([...taken].sort()).toEqual([
      'amend',
      'approve',
      'liftEmbargoNow',
      'recall',
      'reinstate',
      'reschedule',
      'return',
      'schedule',
      'submit',
      'unpublish',
      'unschedule',
      'withdraw',
    ])
  })

  for (const [step, act, expected] of WALK) {
    it(`${step} → ${expected}`, async () => {
      expect(await act()).toBe(expected)
      await checkEverySurface(expected)
    })
  }
})

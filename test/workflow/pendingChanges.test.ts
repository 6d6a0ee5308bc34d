/**
 * Changes saved to a release that is out (or scheduled) wait in a draft until an editor publishes
 * them ("Publish changes"). Every other step taken meanwhile (withdraw, a new embargo time, an
 * early lift, a charge, closing an appeal) leaves the public the approved words, keeps the
 * release on the site, and keeps the changes waiting.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { get } from '../helpers/fetch'
import { createDraft, ok, transition } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

let server: SharedServer
let editor: Api
let author: Api
let n = 0

const APPROVED = 'The approved words.'
const WAITING = 'Words nobody has approved yet.'

/** A release out (or scheduled), with a change saved after it went out. */
const withChangesWaiting = async (data: Record<string, unknown> = {}, publishAt?: string) => {
  const draft = await createDraft(author, {
    title: `Release with changes waiting ${++n} ${Date.now()}`,
    summary: APPROVED,
    ...data,
  })
  ok(await transition(author, draft.id, 'submit'), 'submit')
  ok(
    await transition(editor, draft.id, publishAt ? 'schedule' : 'approve', {
      ...(publishAt ? { publishAt } : {}),
    }),
    'approve',
  )
  ok(await editor.patch(`/api/news/${draft.id}?draft=true`, { summary: WAITING }), 'change')
  return draft as { id: number; slug: string }
}

const live = async (id: number) => (await editor.get(`/api/news/${id}?depth=0`)).body
const latest = async (id: number) => (await editor.get(`/api/news/${id}?depth=0&draft=true`)).body

beforeAll(async () => {
  server = await sharedServer()
  const admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  editor = await createUserAndSignIn(server.url, admin, {
    email: 'pending.editor@northmoor.test',
    roles: ['editor'],
  })
  author = await createUserAndSignIn(server.url, admin, {
    email: 'pending.author@northmoor.test',
    roles: ['author'],
  })
})

describe('a step taken while changes wait', () => {
  it('withdraw: the page says it is withdrawn, and the waiting changes were never published', async () => {
    const release = await withChangesWaiting()
    ok(await transition(editor, release.id, 'withdraw', { note: 'Legal advice.' }), 'withdraw')
    const page = await get(`${server.url}/news/${release.slug}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('This release has been withdrawn')
    expect(await live(release.id)).toMatchObject({ _status: 'published', summary: APPROVED })
    expect((await latest(release.id)).summary).toBe(WAITING)
  })

  it('a new embargo time, then an early lift: the approved words go out, not the waiting ones', async () => {
    const release = await withChangesWaiting({}, new Date(Date.now() + 3600_000).toISOString())
    ok(
      await transition(editor, release.id, 'reschedule', {
        publishAt: new Date(Date.now() + 7200_000).toISOString(),
        note: 'Later.',
      }),
      'reschedule',
    )
    expect(await live(release.id)).toMatchObject({ _status: 'published', summary: APPROVED })
    ok(
      await transition(editor, release.id, 'liftEmbargoNow', { note: 'Broken elsewhere.' }),
      'lift',
    )
    const page = await get(`${server.url}/news/${release.slug}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain(APPROVED)
    expect(page.body).not.toContain(WAITING)
    expect((await latest(release.id)).summary).toBe(WAITING)
  })

  it('charged, and an appeal closed: the release stays out with its approved words', async () => {
    const release = await withChangesWaiting({ kind: 'appeal', appeal: { reference: '26000321' } })
    ok(await transition(editor, release.id, 'charged', { note: 'A man is charged.' }), 'charged')
    ok(await transition(editor, release.id, 'closeAppeal'), 'close')
    const page = await get(`${server.url}/news/${release.slug}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain(APPROVED)
    expect(page.body).not.toContain(WAITING)
    expect((await latest(release.id)).summary).toBe(WAITING)
  })
})

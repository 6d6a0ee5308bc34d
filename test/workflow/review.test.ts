/**
 * What the second pair of eyes approves is what was submitted; the author can take a
 * submission back; notes reach the author; the address follows the headline until the
 * release goes out; preview links die with a cancelled schedule; and what the server owns
 * (timestamps, authors, the redirects' list, a link's lifetime) is not the client's to set.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { api, createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { allMessages } from '../helpers/errors'
import { get } from '../helpers/fetch'
import { createDraft, ok, transition } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

let server: SharedServer
let admin: Api
let editor: Api
let author: Api
let otherAuthor: Api
let anonymous: Api
let n = 0

const HOUR = 3600_000
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString()

beforeAll(async () => {
  server = await sharedServer()
  anonymous = api(server.url)
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  editor = await createUserAndSignIn(server.url, admin, {
    email: 'review.editor@northmoor.test',
    roles: ['editor'],
    name: 'Erin Editor',
  })
  author = await createUserAndSignIn(server.url, admin, {
    email: 'review.author@northmoor.test',
    roles: ['author'],
    name: 'Aled Author',
  })
  otherAuthor = await createUserAndSignIn(server.url, admin, {
    email: 'review.author2@northmoor.test',
    roles: ['author'],
    name: 'Bea Author',
  })
})
const submitted = async (title = `Appeal after Eastfield burglary ${++n}`) => {
  const draft = await createDraft(author, { title, summary: 'The words the editor reviews.' })
  await ok(transition(author, draft.id, 'submit'), 'submit')
  return draft
}

const history = async (id: number) =>
  (await admin.get(`/api/audit-log?where[releaseRef][equals]=${id}&sort=at&limit=50&depth=0`)).body
    .docs as any[]

const stateOf = async (id: number) => (await admin.get(`/api/news/${id}/workflow`)).body.state

describe('approval is tied to what was reviewed', () => {
  it('sends a release changed by its author while in review back to draft, with a history entry, and refuses approving it', async () => {
    const release = await submitted()
    await ok(
      author.patch(`/api/news/${release.id}?draft=true`, { summary: 'Words nobody reviewed.' }),
      'edit in review',
    )
    expect(await stateOf(release.id)).toBe('draft')
    const entries = await history(release.id)
    expect(entries.at(-1)).toMatchObject({
      action: 'changedInReview',
      from: 'in-review',
      to: 'draft',
      actorName: 'Aled Author',
    })
    for (const action of ['approve', 'schedule']) {
      const refused = await transition(editor, release.id, action, { publishAt: inHours(2) })
      expect(refused.status).toBe(409)
      expect(allMessages(refused.body)).toContain(
        'A change saved while it was in review sends it back to draft',
      )
    }
    expect((await anonymous.get(`/api/news/${release.id}`)).status).toBe(404)
  })

  it('does the same for an editor’s change, autosave included', async () => {
    const release = await submitted()
    await ok(
      editor.patch(`/api/news/${release.id}?draft=true&autosave=true`, {
        title: `${release.title} (edited)`,
      }),
      'autosave in review',
    )
    expect(await stateOf(release.id)).toBe('draft')
    expect((await history(release.id)).at(-1).action).toBe('changedInReview')
  })

  it('keeps a release in review when a save changes none of its words', async () => {
    const release = await submitted()
    await ok(
      author.patch(`/api/news/${release.id}?draft=true`, {
        title: release.title,
        summary: 'The words the editor reviews.',
      }),
      'same words',
    )
    expect(await stateOf(release.id)).toBe('in-review')
  })

  it('publishes exactly the submitted version and records its id, at submission and at approval', async () => {
    const release = await submitted()
    const submit = (await history(release.id)).find((entry) => entry.action === 'submit')
    expect(submit.version).toBeTruthy()
    const version = await admin.get(`/api/news/versions/${submit.version}?depth=0`)
    expect(version.status).toBe(200)
    expect(version.body.parent).toBe(release.id)
    await ok(transition(editor, release.id, 'schedule', { publishAt: inHours(2) }), 'schedule')
    const scheduled = (await history(release.id)).find((entry) => entry.action === 'schedule')
    expect(scheduled.version).toBe(submit.version)
    const live = (await admin.get(`/api/news/${release.id}?depth=0`)).body
    expect(live.summary).toBe('The words the editor reviews.')
  })
})

describe('recalling a submission', () => {
  it('lets the author take their own submission back to draft without an editor, recorded in the history', async () => {
    const release = await submitted()
    const offered = (await author.get(`/api/news/${release.id}/workflow`)).body.actions.map(
      (a: any) => a.action,
    )
    expect(offered).toContain('recall')
    const response = await transition(author, release.id, 'recall')
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.state).toBe('draft')
    expect((await history(release.id)).at(-1)).toMatchObject({
      action: 'recall',
      from: 'in-review',
      to: 'draft',
      actorName: 'Aled Author',
    })
  })

  it('refuses another author recalling it, and lets an editor', async () => {
    const release = await submitted()
    expect(
      (await otherAuthor.get(`/api/news/${release.id}/workflow`)).body.actions.map(
        (a: any) => a.action,
      ),
    ).not.toContain('recall')
    const refused = await transition(otherAuthor, release.id, 'recall')
    expect(refused.status).toBe(403)
    expect(allMessages(refused.body)).toContain('Only whoever submitted this release')
    expect(await stateOf(release.id)).toBe('in-review')
    expect((await transition(editor, release.id, 'recall')).status).toBe(200)
  })

  it('refuses recalling a draft', async () => {
    const draft = await createDraft(author, { title: `Never submitted ${++n}` })
    expect((await transition(author, draft.id, 'recall')).status).toBe(409)
  })
})

describe('the editor’s note to the author', () => {
  const note = `Please add the officer’s rank and collar number, the incident number (CAD 1234 of 1 December), and the 101 appeal line. ${'Check every name against the custody record. '.repeat(4)}`

  it('is kept in full and given with the draft until it is submitted again', async () => {
    const release = await submitted()
    await ok(transition(editor, release.id, 'return', { note }), 'return')
    expect((await history(release.id)).at(-1).note).toBe(note.trim())
    const workflow = (await author.get(`/api/news/${release.id}/workflow`)).body
    expect(workflow.returned).toMatchObject({ note: note.trim(), by: 'Erin Editor' })
    await ok(transition(author, release.id, 'submit'), 'submit again')
    await ok(transition(author, release.id, 'recall'), 'recall')
    expect((await author.get(`/api/news/${release.id}/workflow`)).body.returned).toBeNull()
  })
})

describe('the address follows the headline until the release goes out', () => {
  it('changes the slug of an unpublished draft when its title changes, on every autosave', async () => {
    const draft = await createDraft(author, { title: `Road closed after crash ${++n}` })
    expect(draft.slug).toBe(`road-closed-after-crash-${n}`)
    for (const title of [`Road closed after crash on A12 ${n}`, `A12 reopens after crash ${n}`]) {
      const saved = await ok(
        author.patch(`/api/news/${draft.id}?draft=true&autosave=true`, { title }),
        'autosave',
      )
      expect(saved.doc.slug).toBe(title.toLowerCase().replace(/ /g, '-'))
    }
  })

  it('keeps a slug edited by hand', async () => {
    const draft = await createDraft(author, { title: `Witness appeal ${++n}` })
    await ok(
      author.patch(`/api/news/${draft.id}?draft=true`, { slug: `my-own-address-${n}` }),
      'hand-made slug',
    )
    const saved = await ok(
      author.patch(`/api/news/${draft.id}?draft=true`, { title: `Witness appeal renamed ${n}` }),
      'rename',
    )
    expect(saved.doc.slug).toBe(`my-own-address-${n}`)
  })

  it('keeps the address of a published release when its title changes', async () => {
    const release = await submitted(`Published headline ${++n}`)
    await ok(transition(editor, release.id, 'approve'), 'approve')
    const saved = await ok(
      editor.patch(`/api/news/${release.id}?draft=true`, {
        title: `Published headline rewritten ${n}`,
      }),
      'edit',
    )
    expect(saved.doc.slug).toBe(`published-headline-${n}`)
  })
})

describe('preview links and a cancelled schedule', () => {
  const scheduledWithLink = async () => {
    const release = await submitted()
    await ok(transition(editor, release.id, 'schedule', { publishAt: inHours(3) }), 'schedule')
    const link = await ok(
      editor.post(`/api/news/${release.id}/preview-links`, { label: 'BBC Look East' }),
      'link',
    )
    expect((await get(link.url)).status).toBe(200)
    return { release, link }
  }

  it('revokes every preview link when the schedule is cancelled, so a new schedule does not bring them back', async () => {
    const { release, link } = await scheduledWithLink()
    await ok(
      transition(editor, release.id, 'unschedule', { note: 'The court hearing was adjourned.' }),
      'unschedule',
    )
    await ok(
      author.patch(`/api/news/${release.id}?draft=true`, {
        summary: 'Rewritten after the adjournment.',
      }),
      'rewrite',
    )
    await ok(transition(author, release.id, 'submit'), 'submit')
    await ok(
      transition(editor, release.id, 'schedule', { publishAt: inHours(5) }),
      'schedule again',
    )
    const opened = await get(link.url)
    expect(opened.status).toBe(410)
    expect(opened.body).not.toContain('Rewritten after the adjournment.')
    const links = (await editor.get(`/api/news/${release.id}/preview-links`)).body.docs
    expect(links.map((l: any) => l.status)).toEqual(['revoked'])
  })

  it('keeps the links on a change of embargo time unless told not to', async () => {
    const kept = await scheduledWithLink()
    await ok(
      transition(editor, kept.release.id, 'reschedule', {
        publishAt: inHours(6),
        note: 'The minister’s visit moved.',
      }),
      'reschedule',
    )
    expect((await get(kept.link.url)).status).toBe(200)
    const dropped = await scheduledWithLink()
    const body = {
      publishAt: inHours(6),
      note: 'Moved, and the list changes.',
      keepPreviewLinks: false,
    }
    await ok(transition(editor, dropped.release.id, 'reschedule', body), 'reschedule without links')
    expect((await get(dropped.link.url)).status).toBe(410)
    expect(
      (
        await transition(editor, dropped.release.id, 'reschedule', {
          ...body,
          keepPreviewLinks: 'no',
        })
      ).status,
    ).toBe(400)
  })

  it('takes a whole number of hours from 1 to 336 for a link’s lifetime', async () => {
    const { release } = await scheduledWithLink()
    for (const expiresInHours of [1e-9, 0.5, 0, -1, 337, 1.5, '72']) {
      const response = await editor.post(`/api/news/${release.id}/preview-links`, {
        expiresInHours,
      })
      expect(response.status, String(expiresInHours)).toBe(400)
      expect(allMessages(response.body)).toContain('whole number of hours from 1 to 336')
    }
    expect(
      (await editor.post(`/api/news/${release.id}/preview-links`, { expiresInHours: 1 })).status,
    ).toBe(201)
  })
})

describe('the embargo time in UK format', () => {
  it('takes dd/MM/yyyy HH:mm as UK wall time, and refuses anything else with an example', async () => {
    const release = await submitted()
    const bad = await transition(editor, release.id, 'schedule', {
      publishAtLocal: '06/19/2030 9:00 AM',
    })
    expect(bad.status).toBe(400)
    expect(allMessages(bad.body)).toContain('dd/mm/yyyy hh:mm')
    const invalid = await transition(editor, release.id, 'schedule', {
      publishAtLocal: '31/02/2030 09:00',
    })
    expect(invalid.status).toBe(400)
    const response = await transition(editor, release.id, 'schedule', {
      publishAtLocal: '19/06/2030 09:00',
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.doc.publishAt).toBe('2030-06-19T08:00:00.000Z')
  })
})

describe('what the server owns', () => {
  it('does not let the public list or read the retired addresses, and still redirects them', async () => {
    const release = await submitted(`Named a witness ${++n}`)
    await ok(transition(editor, release.id, 'approve'), 'approve')
    await ok(
      transition(editor, release.id, 'unpublish', {
        note: 'Named a witness.',
        retirement: { mode: 'redirect', redirectTo: '/news' },
      }),
      'unpublish',
    )
    const listed = await anonymous.get('/api/redirects')
    expect(listed.status).toBe(403)
    expect(JSON.stringify(listed.body)).not.toContain(release.slug)
    const graphql = await anonymous.post('/api/graphql', {
      query: '{ Redirects { docs { from to } } }',
    })
    expect(JSON.stringify(graphql.body)).not.toContain(release.slug)
    const redirected = await get(`${server.url}/news/${release.slug}`)
    expect(redirected.status).toBe(301)
    expect(redirected.headers.get('location')).toBe('/news')
    expect((await editor.get('/api/redirects')).body.docs.map((d: any) => d.from)).toContain(
      `/news/${release.slug}`,
    )
  })

  it('sets createdAt, updatedAt and the authors itself, whatever an author sends', async () => {
    const otherId = (await otherAuthor.get('/api/users/me')).body.user.id
    const authorId = (await author.get('/api/users/me')).body.user.id
    const past = '2001-01-01T00:00:00.000Z'
    const created = await ok(
      author.post('/api/news?draft=true', {
        title: `Backdated ${++n}`,
        summary: 'S.',
        createdAt: past,
        updatedAt: past,
        authors: [otherId],
      }),
      'create',
    )
    expect(created.doc.createdAt).not.toBe(past)
    expect(Date.parse(created.doc.createdAt)).toBeGreaterThan(Date.now() - 60_000)
    expect(created.doc.updatedAt).not.toBe(past)
    expect(created.doc.authors.map((a: any) => a.id ?? a)).toEqual([authorId])
    const updated = await ok(
      author.patch(`/api/news/${created.doc.id}?draft=true`, {
        createdAt: past,
        authors: [otherId],
      }),
      'update',
    )
    expect(updated.doc.createdAt).toBe(created.doc.createdAt)
    expect(updated.doc.authors.map((a: any) => a.id ?? a)).toEqual([authorId])
    const byEditor = await ok(
      editor.patch(`/api/news/${created.doc.id}?draft=true`, { authors: [authorId, otherId] }),
      'editor credits',
    )
    expect(byEditor.doc.authors.map((a: any) => a.id ?? a)).toEqual([authorId, otherId])
  })
})

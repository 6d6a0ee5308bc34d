import { beforeAll, describe, expect, it } from 'vitest'

import { api, createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { queryServerDatabase } from '../helpers/database'
import { allMessages } from '../helpers/errors'
import { get } from '../helpers/fetch'
import { parseHtml } from '../helpers/html'
import { imageForm, jpeg } from '../helpers/images'
import { createDraft, publishRelease, transition } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

let server: SharedServer
let admin: Api
let editor: Api
let author: Api
let n = 0

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  editor = await createUserAndSignIn(server.url, admin, {
    email: 'links.editor@northmoor.test',
    roles: ['editor'],
  })
  author = await createUserAndSignIn(server.url, admin, {
    email: 'links.author@northmoor.test',
    roles: ['author'],
  })
})
const scheduled = async (secondsAhead = 3600) => {
  const image = (
    await admin.upload(
      '/api/media',
      imageForm(await jpeg(1600, 900), `embargo-${++n}.jpg`, 'image/jpeg', {
        alt: 'Officers at the scene',
      }),
    )
  ).body.doc
  const draft = await createDraft(author, {
    title: `Embargoed release ${n}`,
    summary: 'Under embargo until the announcement.',
    heroImage: image.id,
  })
  await transition(author, draft.id, 'submit')
  const publishAt = new Date(Date.now() + secondsAhead * 1000).toISOString()
  const response = await transition(editor, draft.id, 'schedule', { publishAt })
  expect(response.status).toBe(200)
  return { ...response.body.doc, image }
}

/**
 * A link's expiry moved into the past where it is stored: a link lasts at least an hour, and
 * the test does not wait that long.
 */
const expireInDatabase = (linkId: number) =>
  queryServerDatabase(server.dir, 'UPDATE preview_links SET expires_at = ? WHERE id = ?', [
    new Date(Date.now() - 1000).toISOString(),
    linkId,
  ])

const createLink = (who: Api, id: number, body: Record<string, unknown> = {}) =>
  who.post(`/api/news/${id}/preview-links`, body)

describe('making preview links', () => {
  it('gives an editor a link with an unguessable token that expires after 72 hours by default', async () => {
    const release = await scheduled()
    const { status, body } = await createLink(editor, release.id, { label: 'BBC Look East' })
    expect(status).toBe(201)
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'id', 'label', 'url'])
    const token = body.url.split('/preview/')[1]
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/) // 32 random bytes
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(71.9 * 3600_000)
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThanOrEqual(72 * 3600_000)
  })

  it('keeps only a hash of the token: neither the list nor the API gives it back', async () => {
    const release = await scheduled()
    const { body } = await createLink(editor, release.id)
    const token = body.url.split('/preview/')[1]
    const list = await editor.get(`/api/news/${release.id}/preview-links`)
    expect(JSON.stringify(list.body)).not.toContain(token)
    const raw = await admin.get('/api/preview-links?limit=100')
    expect(JSON.stringify(raw.body)).not.toContain(token)
    expect(raw.body.docs[0].tokenHash).toBeUndefined()
  })

  it('refuses a lifetime over 14 days, or that is not a number of hours', async () => {
    const release = await scheduled()
    for (const expiresInHours of [24 * 14 + 1, 0, -5, 'a week']) {
      const { status, body } = await createLink(editor, release.id, { expiresInHours })
      expect(status).toBe(400)
      expect(allMessages(body)).toContain('14 days')
    }
    expect((await createLink(editor, release.id, { expiresInHours: 24 * 14 })).status).toBe(201)
  })

  it('is for editors and admins, and for scheduled releases only', async () => {
    const release = await scheduled()
    expect((await createLink(author, release.id)).status).toBe(403)
    expect((await createLink(api(server.url), release.id)).status).toBe(401)
    expect((await createLink(admin, release.id)).status).toBe(201)
    const draft = await createDraft(author, { title: 'Not scheduled', summary: 'Draft.' })
    expect((await createLink(editor, draft.id)).status).toBe(409)
    const live = await publishRelease(admin, { title: 'Already out', summary: 'Public.' })
    const liveLink = await createLink(editor, live.id)
    expect(liveLink.status).toBe(409)
    expect(allMessages(liveLink.body)).toContain('already public')
  })

  it('cannot be made or changed through the preview-links collection directly', async () => {
    const release = await scheduled()
    expect(
      (
        await admin.post('/api/preview-links', {
          release: release.id,
          tokenHash: 'x'.repeat(64),
          expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        })
      ).status,
    ).toBe(403)
    const { body } = await createLink(editor, release.id)
    expect(
      (
        await admin.patch(`/api/preview-links/${body.id}`, {
          expiresAt: new Date(Date.now() + 999 * 3600_000).toISOString(),
        })
      ).status,
    ).toBe(403)
  })
})

describe('opening a preview link', () => {
  it('valid: shows the release under the embargo banner, not indexed, not cached, and records the use', async () => {
    const release = await scheduled()
    const { body } = await createLink(editor, release.id, { label: 'Northmoor Gazette' })
    const response = await get(body.url)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    const html = parseHtml(response.body)
    expect(html.one('p', (p) => p.attrs.class === 'embargo-banner__line')?.text).toMatch(
      /^EMBARGOED: not for publication until \d{2}:\d{2} on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4} \(UK time\)$/,
    )
    expect(html.one('h1')?.text).toBe(release.title)
    expect(html.meta('robots')).toBe('noindex, nofollow')
    // Its picture comes through the link, while the public one is still refused.
    const img = html.one('img', (i) => i.attrs.fetchpriority === 'high')!
    expect(img.attrs.src).toContain(`/preview/${body.url.split('/preview/')[1]}/media/`)
    expect((await fetch(server.url + img.attrs.src)).status).toBe(200)
    expect([403, 404]).toContain(
      (await fetch(`${server.url}/api/media/file/${release.image.filename}`)).status,
    )
    // The public page is still not there, and the preview did not enter the page cache.
    expect((await get(`${server.url}/news/${release.slug}`)).status).toBe(404)
    await get(body.url)
    const list = await editor.get(`/api/news/${release.id}/preview-links`)
    const link = list.body.docs.find((l: { id: number }) => l.id === body.id)
    expect(link.useCount).toBe(2)
    expect(Date.parse(link.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('expired: answers 410 and shows nothing of the release', async () => {
    const release = await scheduled()
    const { body } = await createLink(editor, release.id, { expiresInHours: 1 })
    expect((await get(body.url)).status).toBe(200)
    await expireInDatabase(body.id)
    const response = await get(body.url)
    expect(response.status).toBe(410)
    expect(response.body).toContain('This preview link has expired')
    expect(response.body).not.toContain(release.title)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('revoked: answers 410 once an editor revokes it', async () => {
    const release = await scheduled()
    const { body } = await createLink(editor, release.id)
    expect((await get(body.url)).status).toBe(200)
    const revoked = await editor.delete(`/api/news/${release.id}/preview-links/${body.id}`)
    expect(revoked.status).toBe(200)
    expect(revoked.body.status).toBe('revoked')
    const response = await get(body.url)
    expect(response.status).toBe(410)
    expect(response.body).not.toContain(release.title)
    expect((await author.delete(`/api/news/${release.id}/preview-links/${body.id}`)).status).toBe(
      403,
    )
  })

  it('after the lift: sends the reader to the public page', async () => {
    const release = await scheduled(3)
    const { body } = await createLink(editor, release.id)
    expect((await get(body.url)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 3500))
    const response = await get(body.url)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/news/${release.slug}`)
    expect((await get(`${server.url}/news/${release.slug}`)).status).toBe(200)
  })

  it('wrong token: a 404 that says nothing about the release, whether the token is malformed or well-formed', async () => {
    const release = await scheduled()
    const { body } = await createLink(editor, release.id)
    const token: string = body.url.split('/preview/')[1]
    const oneCharacterOff = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
    for (const wrong of [
      oneCharacterOff,
      'x'.repeat(43),
      'short',
      `${token}extra`,
      '../../api/users',
    ]) {
      const response = await get(`${server.url}/preview/${encodeURIComponent(wrong)}`)
      expect(response.status, wrong).toBe(404)
      expect(response.body).not.toContain(release.title)
    }
  })

  it('withdrawn from the schedule: the link is revoked and shows nothing', async () => {
    const release = await scheduled()
    const { body } = await createLink(editor, release.id)
    await transition(editor, release.id, 'unschedule', { note: 'Postponed.' })
    const response = await get(body.url)
    expect(response.status).toBe(410)
    expect(response.body).toContain('This preview link has been withdrawn')
    expect(response.body).not.toContain(release.title)
  })
})

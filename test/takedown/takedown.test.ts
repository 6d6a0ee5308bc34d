/**
 * The duty to take down, on a real server (SQLite, and PostgreSQL in its pass): a missing
 * person found leaves their name and picture on no surface at all, within a second; a wanted
 * person arrested loses their photo everywhere; a custody image comes down at its review date;
 * and a release naming someone under active proceedings goes out only with a recorded legal
 * check.
 */
import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it, onTestFailed } from 'vitest'

import { api, createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { queryServerDatabase } from '../helpers/database'
import { get } from '../helpers/fetch'
import { imageForm, jpeg } from '../helpers/images'
import { createDraft, ok, transition } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

let server: SharedServer
let admin: Api
let editor: Api
let author: Api
let categorySlug: string
let categoryId: number

/** A word nobody else's release has, to find this file's people by. */
const unique = () => `Zeph${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

const picture = async (alt: string) =>
  ok(
    await editor.upload(
      '/api/media',
      imageForm(await jpeg(900, 1200, '#5b4636'), `${unique().toLowerCase()}.jpg`, 'image/jpeg', {
        alt,
      }),
    ),
    'upload',
  ).doc as { id: number; filename: string; sizes: Record<string, { filename?: string | null }> }

/** Every address a picture is served at: the original and each size. */
const fileAddresses = (media: Awaited<ReturnType<typeof picture>>) => [
  `/api/media/file/${media.filename}`,
  ...Object.values(media.sizes)
    .map((size) => size.filename)
    .filter((name): name is string => Boolean(name))
    .map((name) => `/api/media/file/${name}`),
]

/** Written by the author, approved by an editor, out now. */
const publish = async (data: Record<string, unknown>) => {
  const draft = await createDraft(author, { category: categoryId, ...data })
  ok(await transition(author, draft.id, 'submit'), 'submit')
  ok(await transition(editor, draft.id, 'approve'), 'approve')
  return draft as { id: number; slug: string }
}

/** What the public can find of `word` right now, surface by surface. */
const publicSurfaces = async (word: string, release: { id: number; slug: string }) => {
  const anonymous = api(server.url)
  const page = (path: string) => get(server.url + path).then((r) => r.body)
  const graphql = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      query: `{ News(id: ${release.id}) { title summary missingPerson { name description } } allNews(limit: 100) { docs { title summary } } }`,
    }),
  }).then((r) => r.text())
  const seen: Record<string, string> = {
    'the release page': await page(`/news/${release.slug}`),
    'the home page': await page('/'),
    'the news listing': await page('/news'),
    'the category page': await page(`/news/category/${categorySlug}`),
    // The search page repeats what was typed: what counts is whether the release is found.
    search: (await page(`/search?q=${word}`)).includes(`href="/news/${release.slug}"`) ? word : '',
    'RSS feed': await page('/feed.xml'),
    'Atom feed': await page('/feed.atom'),
    'JSON feed': await page('/feed.json'),
    sitemap: await page('/sitemap.xml'),
    'news sitemap': await page('/news-sitemap.xml'),
    'REST by id': JSON.stringify((await anonymous.get(`/api/news/${release.id}`)).body),
    'REST list': JSON.stringify((await anonymous.get('/api/news?limit=100')).body),
    'REST search by where': JSON.stringify(
      (await anonymous.get(`/api/news?where[title][like]=${word}`)).body,
    ),
    GraphQL: graphql,
  }
  return Object.entries(seen)
    .filter(([, text]) => text.toLowerCase().includes(word.toLowerCase()))
    .map(([surface]) => surface)
}

// What the server said, when a takedown fails: the clue to what it could not do.
const showServerLog = () =>
  onTestFailed(() => {
    console.log(fs.readFileSync(path.join(server.dir, 'server.log'), 'utf8').slice(-6000))
  })

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  editor = await createUserAndSignIn(server.url, admin, {
    email: 'takedown.editor@northmoor.test',
    roles: ['editor'],
    name: 'Tara Takedown',
  })
  author = await createUserAndSignIn(server.url, admin, {
    email: 'takedown.author@northmoor.test',
    roles: ['author'],
    name: 'Aled Takedown',
  })
  const category = ok(
    await admin.post('/api/categories', { name: `Missing people ${unique()}` }),
    'category',
  ).doc
  categorySlug = category.slug
  categoryId = category.id
})

describe('a missing person found', () => {
  it('leaves their name, description and photo on no surface, public or staff, within a second, and the address says only that they were found', async () => {
    const name = unique()
    const photo = await picture(`Photo of ${name}`)
    const release = await publish({
      kind: 'missing-person',
      title: `Concern for missing ${name}, 15, from Eastfield`,
      summary: `${name} was last seen on Tuesday evening.`,
      missingPerson: {
        name,
        age: 15,
        description: `${name} is slim, with short dark hair.`,
        lastSeenWhere: 'Eastfield bus station',
        reference: '26000123456',
        photo: photo.id,
      },
      heroImage: photo.id,
    })
    // The address names nobody, from the start.
    expect(release.slug).toMatch(/^missing-person-appeal(-\d+)?$/)
    // Out: the name is on the public surfaces, and the picture is served.
    expect(await publicSurfaces(name, release)).toEqual(
      expect.arrayContaining(['the release page', 'the news listing', 'search', 'RSS feed']),
    )
    for (const address of fileAddresses(photo))
      expect((await get(server.url + address)).status).toBe(200)
    // A staff copy, and a draft of a later change, to be sure they go too.
    ok(
      await editor.patch(`/api/news/${release.id}?draft=true`, {
        summary: `${name} may be in Westbrook.`,
      }),
      'a later draft',
    )

    const found = await transition(editor, release.id, 'found', {})
    expect(found.status, JSON.stringify(found.body)).toBe(200)

    // At once: nothing public names them, and the picture's files are gone, every size.
    expect(await publicSurfaces(name, release)).toEqual([])
    for (const address of fileAddresses(photo)) {
      const answer = await get(server.url + address)
      expect([404, 410], address).toContain(answer.status)
    }
    const pageNow = await get(`${server.url}/news/${release.slug}`)
    expect(pageNow.status).toBe(200)
    expect(pageNow.body).toContain(
      'The person we appealed for has been found. Thank you for sharing our appeal.',
    )
    expect(pageNow.body).not.toMatch(/<img/)
    // Nothing the staff can read keeps them either: the release, its drafts, its versions,
    // its history, the copy for the media, the picture's record.
    const staffSees = JSON.stringify([
      (await editor.get(`/api/news/${release.id}?draft=true&depth=1`)).body,
      (await editor.get(`/api/news/versions?where[parent][equals]=${release.id}&limit=200`)).body,
      (await editor.get(`/api/audit-log?where[releaseRef][equals]=${release.id}&limit=100`)).body,
      (await editor.get(`/api/news/${release.id}/copy/txt`)).body,
    ])
    expect(staffSees.toLowerCase()).not.toContain(name.toLowerCase())
    expect((await editor.get(`/api/media/${photo.id}`)).status).toBe(404)
    // The search's own index has forgotten the words too.
    expect((await get(`${server.url}/search?q=${name}`)).body).not.toContain('Missing person found')
    // The copy for the media says they were found, and asks nobody to look out for them.
    const copy = (await editor.get(`/api/news/${release.id}/copy/txt`)).body as string
    expect(copy).toContain('Missing person found')
    expect(copy).not.toContain('If you see them')
    // It cannot be brought back.
    expect(
      (await transition(editor, release.id, 'reinstate', { note: 'By mistake.' })).status,
    ).toBe(409)
    // An editor's tab left open from before saves the old words: refused, nothing stored.
    const stale = await editor.patch(`/api/news/${release.id}?draft=true&autosave=true`, {
      title: `Concern for missing ${name}, 15, from Eastfield`,
      missingPerson: { name, description: `${name} is slim.` },
    })
    expect(stale.status).toBe(409)
    expect(JSON.stringify(stale.body)).toContain('has been found')
    const afterStale = JSON.stringify([
      (await editor.get(`/api/news/${release.id}?draft=true&depth=0`)).body,
      (await editor.get(`/api/news/versions?where[parent][equals]=${release.id}&limit=200`)).body,
    ])
    expect(afterStale.toLowerCase()).not.toContain(name.toLowerCase())
    // Its notice may be taken down, and then it can never be published again.
    const offered = (await editor.get(`/api/news/${release.id}/workflow`)).body.actions.map(
      (a: { action: string }) => a.action,
    )
    expect(offered).toEqual(['unpublish'])
    ok(
      await transition(editor, release.id, 'unpublish', {
        note: 'The family asked for the page to go.',
        retirement: { mode: 'gone' },
      }),
      'unpublish',
    )
    expect((await get(`${server.url}/news/${release.slug}`)).status).toBe(410)
    for (const action of ['submit', 'approve', 'found'])
      expect((await transition(admin, release.id, action, {})).status, action).toBe(409)
  })

  it('answers 410 Gone once the notice has been up for the days the settings say', async () => {
    const release = await publish({
      kind: 'missing-person',
      title: `Missing ${unique()}`,
      summary: 'Last seen yesterday.',
      missingPerson: { name: unique(), reference: '26000999' },
    })
    ok(await transition(editor, release.id, 'found', {}), 'found')
    expect((await get(`${server.url}/news/${release.slug}`)).status).toBe(200)
    // As if found 60 days ago (the notice stays 28 unless the settings say otherwise).
    const longAgo = new Date(Date.now() - 60 * 86_400_000).toISOString()
    await queryServerDatabase(server.dir, 'UPDATE news SET after_found_at = ? WHERE id = ?', [
      longAgo,
      release.id,
    ])
    // A change, so that the page cache forgets the page it had.
    await editor.patch(`/api/categories/${categoryId}`, { name: `Missing people ${unique()}` })
    const gone = await get(`${server.url}/news/${release.slug}`)
    expect(gone.status).toBe(410)
  })
})

describe('a wanted person arrested', () => {
  it('takes their photo down at once, every size, and says they were arrested', async () => {
    showServerLog()
    const name = unique()
    const photo = await picture(`Photo of ${name}`)
    const release = await publish({
      kind: 'wanted',
      title: 'Police want to trace a man after a burglary in Fenwick',
      summary: `Officers want to speak to ${name}.`,
      wanted: {
        name,
        age: 34,
        area: 'Fenwick',
        wantedFor: 'Burglary',
        reference: '26000777',
        photo: photo.id,
      },
    })
    ok(await transition(editor, release.id, 'arrested', {}), 'arrested')
    for (const address of fileAddresses(photo))
      expect([404, 410], address).toContain((await get(server.url + address)).status)
    const page = await get(`${server.url}/news/${release.slug}`)
    expect(page.body).toContain('has been arrested')
    expect(page.body).not.toContain(photo.filename)
    expect((await editor.get(`/api/news/${release.id}?depth=0`)).body.wanted.photo).toBeNull()
    // Only editors and admins take it down.
    expect((await transition(author, release.id, 'arrested', {})).status).toBe(403)
    // Once: a second would move the date the public reads.
    const again = await transition(editor, release.id, 'arrested', {})
    expect(again.status).toBe(409)
    expect(JSON.stringify(again.body)).toContain('done already')
  })

  it('is refused for a release of another kind', async () => {
    const release = await publish({
      title: `Ordinary news ${unique()}`,
      summary: 'Nothing to take down.',
    })
    const refused = await transition(editor, release.id, 'arrested', {})
    expect(refused.status).toBe(409)
    expect(JSON.stringify(refused.body)).toContain('wanted')
  })
})

describe('active proceedings', () => {
  it('needs a recorded legal check to publish a release that names someone charged, and records who confirmed it and why', async () => {
    const name = unique()
    const wanted = await publish({
      kind: 'wanted',
      title: 'Man wanted after assault in Westbrook',
      summary: 'Officers want to speak to a man.',
      wanted: { name, wantedFor: 'Assault', reference: '26000555' },
    })
    ok(
      await transition(editor, wanted.id, 'charged', {
        note: 'Charged with assault; appears at Northmoor Magistrates on 12 January.',
      }),
      'charged',
    )
    const naming = await createDraft(author, {
      title: 'Court date set',
      summary: `${name} will appear in court next month.`,
    })
    ok(await transition(author, naming.id, 'submit'), 'submit')
    const workflow = (await editor.get(`/api/news/${naming.id}/workflow`)).body
    expect(workflow.proceedings.map((p: { id: number }) => p.id)).toContain(wanted.id)
    expect(
      workflow.actions.find((a: { action: string }) => a.action === 'approve').needsLegalCheck,
    ).toBe(true)

    const refused = await transition(editor, naming.id, 'approve')
    expect(refused.status).toBe(409)
    expect(JSON.stringify(refused.body)).toContain('contempt of court')
    // Too short to be a check: the answer says how much more is needed.
    const tooShort = await transition(editor, naming.id, 'approve', {
      legalCheck: { confirmedBy: 'PS', reason: 'ok' },
    })
    expect(tooShort.status).toBe(400)
    expect(JSON.stringify(tooShort.body)).toContain('3 characters or more')
    const approved = await transition(editor, naming.id, 'approve', {
      legalCheck: {
        confirmedBy: 'Sam Solicitor, force legal services',
        reason: 'States only the court date, which is public.',
      },
    })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    const history = (
      await editor.get(
        `/api/audit-log?where[releaseRef][equals]=${naming.id}&where[action][equals]=approve`,
      )
    ).body.docs[0]
    expect(history).toMatchObject({
      legalCheckBy: 'Sam Solicitor, force legal services',
      legalCheckReason: 'States only the court date, which is public.',
    })
    // A release that names nobody under proceedings needs no check.
    const other = await publish({ title: `Unrelated ${unique()}`, summary: 'Nobody named.' })
    expect(other.id).toBeGreaterThan(0)
  })
})

describe('the review of custody images', () => {
  it('takes a court result’s custody image down at its review date, and keeps another an editor kept, with the reason recorded', async () => {
    showServerLog()
    const due = await picture('Custody image')
    const kept = await picture('Custody image')
    const first = await publish({
      kind: 'court-result',
      title: `Burglar jailed ${unique()}`,
      summary: 'Jailed for three years.',
      courtResult: {
        defendantName: unique(),
        court: 'Northmoor Crown Court',
        sentence: 'Three years',
        custodyImage: due.id,
      },
    })
    const second = await publish({
      kind: 'court-result',
      title: `Robber jailed ${unique()}`,
      summary: 'Jailed for five years.',
      courtResult: {
        defendantName: unique(),
        court: 'Northmoor Crown Court',
        sentence: 'Five years',
        custodyImage: kept.id,
      },
    })
    // Published now, they are due for review in the months the settings say.
    const reviewAt = (await editor.get(`/api/news/${first.id}`)).body.after.reviewAt
    expect(Date.parse(reviewAt)).toBeGreaterThan(Date.now() + 300 * 86_400_000)
    ok(
      await transition(editor, second.id, 'keepPictures', {
        note: 'The defendant is still at large: the image is needed.',
      }),
      'keep',
    )
    // As if both had been due yesterday; the second was kept before its date came.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString()
    await queryServerDatabase(server.dir, 'UPDATE news SET after_review_at = ? WHERE id = ?', [
      yesterday,
      first.id,
    ])
    // The review's last step is the line in the history (after the files and the release), so
    // wait for that: waiting for the files alone once read the history a moment too soon.
    const reviewed = async () =>
      (
        await editor.get(
          `/api/audit-log?where[releaseRef][equals]=${first.id}&where[action][equals]=picturesReviewed`,
        )
      ).body
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline && (await reviewed()).totalDocs === 0)
      await new Promise((resolve) => setTimeout(resolve, 250))
    expect((await reviewed()).totalDocs).toBe(1)
    for (const address of fileAddresses(due))
      expect([404, 410], address).toContain((await get(server.url + address)).status)
    for (const address of fileAddresses(kept))
      expect((await get(server.url + address)).status).toBe(200)
    const keptHistory = (
      await editor.get(
        `/api/audit-log?where[releaseRef][equals]=${second.id}&where[action][equals]=keepPictures`,
      )
    ).body.docs[0]
    expect(keptHistory.note).toBe('The defendant is still at large: the image is needed.')
  })
})

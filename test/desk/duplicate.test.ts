/**
 * Duplicating a release: a new draft with the same words, picture, category, quotes and
 * report links (reused, not copied), and none of the original's schedule, approval,
 * withdrawal, updates or address.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { SLUG_PATTERN } from '../../src/fields/slug'
import { api, createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { publishRelease, transition } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

let server: SharedServer
let admin: Api
let author: Api
let quoteId: number
let reportId: number
let categoryId: number

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  author = await createUserAndSignIn(server.url, admin, {
    email: 'dup.author@northmoor.test',
    roles: ['author'],
  })
  quoteId = (
    await admin.post('/api/quotes', {
      speakerName: 'Sam Reid',
      speakerRole: 'Chief Inspector',
      text: 'Thank you for your patience.',
    })
  ).body.doc.id
  reportId = (
    await admin.post('/api/report-links', {
      title: 'Crime data integrity',
      publisher: 'HMICFRS',
      url: 'https://hmicfrs.example.gov.uk/cdi',
    })
  ).body.doc.id
  categoryId = (await admin.post('/api/categories', { name: 'Roads' })).body.doc.id
})

const content = {
  title: 'Week of action on speeding',
  summary: 'Officers will be checking speeds across the county.',
  body: [{ children: [{ text: 'Speed checks will run all week.' }] }],
}

describe('duplicating a release', () => {
  it('makes a new draft with the same content, reusing its quotes and report links, and nothing of its schedule or approval', async () => {
    const original = await publishRelease(admin, {
      ...content,
      quotes: [quoteId],
      reportLinks: [reportId],
      category: categoryId,
    })
    expect(
      (
        await admin.patch(`/api/news/${original.id}?draft=true`, {
          summary: 'Officers will be checking speeds across the whole county.',
        })
      ).status,
    ).toBe(200)
    expect(
      (await transition(admin, original.id, 'amend', { change: 'major', note: 'Times corrected.' }))
        .status,
    ).toBe(200)

    const response = await author.post(`/api/news/${original.id}/duplicate`, {})
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const copy = (await admin.get(`/api/news/${response.body.doc.id}?draft=true&depth=0`)).body
    expect(copy.id).not.toBe(original.id)
    const authorId = (await author.get('/api/users/me')).body.user.id
    expect(copy.authors).toEqual([authorId])
    expect([copy._status, copy.workflowState]).toEqual(['draft', 'draft'])
    expect(copy.title).toBe(content.title)
    expect(copy.summary).toBe('Officers will be checking speeds across the whole county.')
    expect(copy.body).toEqual(content.body)
    expect(copy.quotes).toEqual([quoteId])
    expect(copy.reportLinks).toEqual([reportId])
    expect(copy.category).toBe(categoryId)
    expect(copy.publishAt ?? null).toBeNull()
    expect(copy.amendments ?? []).toEqual([])
    expect(copy.approval?.approvedAt ?? null).toBeNull()
    expect(copy.review?.submittedAt ?? null).toBeNull()
    expect(copy.slug).not.toBe(original.slug)
    expect(SLUG_PATTERN.test(copy.slug)).toBe(true)

    // The original is as it was, and the public sees only the original.
    const after = (await admin.get(`/api/news/${original.id}?depth=0`)).body
    expect([after.slug, after._status, after.publishAt, after.workflowState]).toEqual([
      original.slug,
      'published',
      original.publishAt,
      'approved',
    ])
    expect(after.amendments).toHaveLength(1)
    expect((await api(server.url).get(`/api/news/${copy.id}`)).status).toBe(404)
    expect((await fetch(`${server.url}/news/${copy.slug}`)).status).toBe(404)
  })

  it('copies a withdrawn or scheduled release as a plain draft', async () => {
    const withdrawn = await publishRelease(admin, { ...content, title: 'Withdrawn appeal' })
    expect(
      (await transition(admin, withdrawn.id, 'withdraw', { note: 'Found safe.' })).status,
    ).toBe(200)
    const scheduled = await publishRelease(
      admin,
      { ...content, title: 'Scheduled appeal' },
      { publishAt: new Date(Date.now() + 86400_000).toISOString() },
    )
    for (const source of [withdrawn, scheduled]) {
      const response = await admin.post(`/api/news/${source.id}/duplicate`, {})
      expect(response.status, JSON.stringify(response.body)).toBe(200)
      const copy = (await admin.get(`/api/news/${response.body.doc.id}?draft=true&depth=0`)).body
      expect([
        copy._status,
        copy.workflowState,
        copy.publishAt ?? null,
        copy.withdrawal?.withdrawnAt ?? null,
      ]).toEqual(['draft', 'draft', null, null])
    }
  })

  it('is refused to the public', async () => {
    const original = await publishRelease(admin, { ...content, title: 'Public release' })
    const before = (await admin.get('/api/news?limit=1&draft=true')).body.totalDocs
    expect([401, 403]).toContain(
      (await api(server.url).post(`/api/news/${original.id}/duplicate`, {})).status,
    )
    expect((await admin.get('/api/news?limit=1&draft=true')).body.totalDocs).toBe(before)
  })
})

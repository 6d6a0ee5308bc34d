/**
 * Quotes and report links placed in a release's body as blocks: rendered where the editor
 * put them, kept under the release's embargo like the ones in its fields, and nothing but
 * quotes and report links may be embedded.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { api, signIn, type Api } from '../helpers/api'
import { parseHtml } from '../helpers/html'
import { publishRelease } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

let server: SharedServer
let admin: Api

const quote = async (speakerName: string) =>
  (
    await admin.post('/api/quotes', {
      speakerName,
      speakerRole: 'Superintendent',
      organisation: 'Northmoor Police',
      text: `${speakerName} said the road would stay closed overnight.`,
    })
  ).body.doc.id as number
const report = async (title: string) =>
  (
    await admin.post('/api/report-links', {
      title,
      publisher: 'HMICFRS',
      url: 'https://hmicfrs.example.gov.uk/report',
      findings: [{ area: 'Roads policing', grade: 'Adequate' }],
    })
  ).body.doc.id as number

const bodyWith = (quoteId: number, reportId: number) => [
  { children: [{ text: 'The first paragraph.' }] },
  { type: 'relationship', relationTo: 'quotes', value: { id: quoteId }, children: [{ text: '' }] },
  { children: [{ text: 'The paragraph between.' }] },
  {
    type: 'relationship',
    relationTo: 'report-links',
    value: { id: reportId },
    children: [{ text: '' }],
  },
  { children: [{ text: 'The last paragraph.' }] },
]

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
})

describe('quotes and report links in the body', () => {
  it('are shown where the editor put them on the public page, and in the copy for the media', async () => {
    const quoteId = await quote('Priya Shah')
    const reportId = await report('Roads policing inspection')
    const release = await publishRelease(admin, {
      title: 'Lorry fire closes the A1',
      summary: 'The road is closed.',
      body: bodyWith(quoteId, reportId),
    })
    const page = parseHtml(await (await fetch(`${server.url}/news/${release.slug}`)).text())
    const order = page.all
      .filter(
        (e) =>
          (e.tag === 'p' && /paragraph/.test(e.text)) ||
          e.tag === 'figure' ||
          (e.tag === 'section' && e.attrs.class === 'report'),
      )
      .map((e) => (e.tag === 'p' ? e.text : e.tag))
    expect(order).toEqual([
      'The first paragraph.',
      'figure',
      'The paragraph between.',
      'section',
      'The last paragraph.',
    ])
    expect(page.one('figcaption')?.text).toBe('Priya Shah, Superintendent, Northmoor Police')
    expect(page.one('a', (a) => a.attrs.class === 'report__link')?.attrs.href).toBe(
      'https://hmicfrs.example.gov.uk/report',
    )

    const text = await (
      await fetch(`${server.url}/api/news/${release.id}/copy/txt`, {
        headers: { Authorization: `JWT ${admin.token}` },
      })
    ).text()
    expect(text).toContain(
      'The first paragraph.\n\n“Priya Shah said the road would stay closed overnight.”\n— Priya Shah, Superintendent, Northmoor Police\n\nThe paragraph between.',
    )
    expect(text).toContain('- Roads policing: Adequate')
  })

  it('stay under the embargo of the release that embeds them', async () => {
    const quoteId = await quote('Tom Avery')
    const reportId = await report('Embargoed inspection')
    const publishAt = new Date(Date.now() + 86400_000).toISOString()
    await publishRelease(
      admin,
      { title: 'Under embargo', summary: 'Not yet.', body: bodyWith(quoteId, reportId) },
      { publishAt },
    )
    const anonymous = api(server.url)
    expect((await anonymous.get(`/api/quotes/${quoteId}`)).status).toBe(404)
    expect((await anonymous.get(`/api/report-links/${reportId}`)).status).toBe(404)
    expect(
      (await anonymous.get('/api/quotes?limit=100')).body.docs.map((d: { id: number }) => d.id),
    ).not.toContain(quoteId)

    // Used by a public release too: now the public may see them.
    await publishRelease(admin, {
      title: 'Public one',
      summary: 'Out now.',
      body: bodyWith(quoteId, reportId),
    })
    expect((await anonymous.get(`/api/quotes/${quoteId}`)).status).toBe(200)
    expect((await anonymous.get(`/api/report-links/${reportId}`)).status).toBe(200)
  })

  it('refuses anything else embedded, or an embed without its id, with a clear 400', async () => {
    const before = (await admin.get('/api/news?limit=1&draft=true')).body.totalDocs
    for (const [element, message] of [
      [
        { type: 'relationship', relationTo: 'users', value: { id: 1 }, children: [{ text: '' }] },
        'may be a quote',
      ],
      [
        { type: 'relationship', relationTo: 'quotes', value: 'nope', children: [{ text: '' }] },
        'needs the id',
      ],
    ] as const) {
      const response = await admin.post('/api/news?draft=true', {
        title: 'Embeds',
        _status: 'draft',
        body: [element],
      })
      expect(response.status).toBe(400)
      expect(JSON.stringify(response.body)).toContain(message)
    }
    expect((await admin.get('/api/news?limit=1&draft=true')).body.totalDocs).toBe(before)
  })
})

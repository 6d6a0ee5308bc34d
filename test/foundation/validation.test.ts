import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { signIn, type Api } from '../helpers/api'
import { allMessages, fieldErrors } from '../helpers/errors'
import { imageForm, jpeg } from '../helpers/images'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'
import { publishRelease, transition } from '../helpers/releases'

let server: SharedServer
let admin: Api

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
})
const count = async (collection: string) =>
  (await admin.get(`/api/${collection}?limit=1&draft=true`)).body.totalDocs as number

describe('releases', () => {
  it('refuses a release without a title with a 400 that names the field, and stores nothing', async () => {
    const before = await count('news')
    const { status, body } = await admin.post('/api/news', { summary: 'No title here' })
    expect(status).toBe(400)
    expect(fieldErrors(body)).toHaveProperty('title')
    expect(await count('news')).toBe(before)
  })

  it('saves a draft without a summary, but will not publish one', async () => {
    const draft = await admin.post('/api/news?draft=true', {
      title: 'Road closed for resurfacing',
      _status: 'draft',
    })
    expect(draft.status).toBe(201)
    const submit = await transition(admin, draft.body.doc.id, 'submit')
    expect(submit.status).toBe(400)
    expect(allMessages(submit.body)).toMatch(/summary/i)
    const stored = await admin.get(`/api/news/${draft.body.doc.id}?draft=true`)
    expect(stored.body._status).toBe('draft')
  })

  it('makes a URL-safe slug from the title, and a unique one when the title repeats', async () => {
    const first = await publishRelease(admin, {
      title: 'Appeal: Café owner’s £2.5m fraud — can you help?',
      summary: 'x',
    })
    expect(first.slug).toBe('appeal-cafe-owners-2-5m-fraud-can-you-help')
    const second = await publishRelease(admin, {
      title: 'Appeal: Café owner’s £2.5m fraud — can you help?',
      summary: 'x',
    })
    expect(second.slug).toBe('appeal-cafe-owners-2-5m-fraud-can-you-help-2')
  })

  it('refuses a typed slug that another release already has, with a 400 and nothing stored', async () => {
    const taken = await publishRelease(admin, {
      title: 'Bridge inspection',
      slug: 'bridge-inspection',
      summary: 'x',
    })
    expect(taken.slug).toBe('bridge-inspection')
    const before = await count('news')
    const clash = await admin.post('/api/news', {
      title: 'Something else',
      slug: 'bridge-inspection',
      generateSlug: false,
      summary: 'x',
    })
    expect(clash.status).toBe(400)
    expect(fieldErrors(clash.body)).toHaveProperty('slug')
    expect(await count('news')).toBe(before)
  })

  it('turns a typed slug into a URL-safe one', async () => {
    const { status, body } = await admin.post('/api/news', {
      title: 'Typed',
      slug: 'Road Closure: A12 <b>now</b>',
      generateSlug: false,
      summary: 'x',
    })
    expect(status).toBe(201)
    expect(body.doc.slug).toBe('road-closure-a12-b-now-b')
  })
})

describe('links where https is required', () => {
  const hostile = [
    ['javascript:alert(document.cookie)', /https/],
    ['http://hmicfrs.justiceinspectorates.gov.uk/report', /https/],
    ['data:text/html,<script>alert(1)</script>', /https/],
    ['not a url at all', /web address/],
  ] as const

  for (const [url, message] of hostile) {
    it(`refuses ${url.slice(0, 24)}… as a report link address, with a 400 and nothing stored`, async () => {
      const before = await count('report-links')
      const { status, body } = await admin.post('/api/report-links', {
        title: 'Inspection',
        publisher: 'HMICFRS',
        url,
      })
      expect(status).toBe(400)
      expect(fieldErrors(body).url).toMatch(message)
      expect(await count('report-links')).toBe(before)
    })
  }

  it('refuses an http address for a recruitment link', async () => {
    const { status, body } = await admin.post('/api/recruitment-ctas', {
      heading: 'Join us',
      body: 'Be a special constable.',
      linkLabel: 'Apply',
      linkUrl: 'http://careers.example.police.uk',
      audience: ['special-constable'],
    })
    expect(status).toBe(400)
    expect(fieldErrors(body).linkUrl).toMatch(/https/)
  })

  it('refuses a javascript: quick-exit destination and keeps the one that was there', async () => {
    const before = (await admin.get('/api/globals/site-settings')).body.quickExit.url
    const { status, body } = await admin.post('/api/globals/site-settings', {
      quickExit: { label: 'Leave', url: 'javascript:history.back()' },
    })
    expect(status).toBe(400)
    expect(allMessages(body)).toMatch(/https/)
    expect((await admin.get('/api/globals/site-settings')).body.quickExit.url).toBe(before)
    expect(before).toBe('https://www.bbc.co.uk/weather')
  })

  it('accepts a proper https address', async () => {
    const { status } = await admin.post('/api/report-links', {
      title: 'PEEL inspection',
      publisher: 'HMICFRS',
      url: 'https://hmicfrs.justiceinspectorates.gov.uk/publications/peel',
      findings: [{ area: 'Vetting', grade: 'Good' }],
    })
    expect(status).toBe(201)
  })

  it('refuses a finding graded outside the inspectorate scale', async () => {
    const { status, body } = await admin.post('/api/report-links', {
      title: 'PEEL',
      publisher: 'HMICFRS',
      url: 'https://example.gov.uk/r',
      findings: [{ area: 'Vetting', grade: 'Brilliant' }],
    })
    expect(status).toBe(400)
    expect(Object.keys(fieldErrors(body))[0]).toMatch(/findings\.0\.grade/)
  })
})

describe('images', () => {
  const mediaFiles = () =>
    fs.existsSync(path.join(server.dir, 'media'))
      ? fs.readdirSync(path.join(server.dir, 'media'))
      : []

  it('stores an image with WebP card, hero and 1200×630 Open Graph sizes', async () => {
    const { status, body } = await admin.upload(
      '/api/media',
      imageForm(await jpeg(2400, 1600), 'hq.jpg', 'image/jpeg', {
        alt: 'Police headquarters',
        credit: 'Northmoor Police',
      }),
    )
    expect(status).toBe(201)
    const { sizes } = body.doc
    for (const name of ['card', 'hero', 'heroLarge', 'og']) {
      expect(sizes[name].mimeType).toBe('image/webp')
      const file = path.join(server.dir, 'media', sizes[name].filename)
      expect((await sharp(file).metadata()).format).toBe('webp')
    }
    expect([sizes.og.width, sizes.og.height]).toEqual([1200, 630])
    expect([sizes.card.width, sizes.card.height]).toEqual([640, 360])
  })

  it('refuses a text file dressed up as a JPEG, by its content, with a clear 400 and no file kept', async () => {
    const before = { docs: await count('media'), files: mediaFiles().length }
    const text = Buffer.from('This is not a picture, whatever its name says.\n'.repeat(20))
    const { status, body } = await admin.upload(
      '/api/media',
      imageForm(text, 'holiday.jpg', 'image/jpeg', { alt: 'A picture' }),
    )
    expect(status).toBe(400)
    expect(allMessages(body)).toMatch(/not a picture|JPEG, PNG/i)
    expect(await count('media')).toBe(before.docs)
    expect(mediaFiles().length).toBe(before.files)
  })

  it('refuses a PDF with a clear 400', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    )
    const { status, body } = await admin.upload(
      '/api/media',
      imageForm(pdf, 'report.pdf', 'application/pdf', { alt: 'Report' }),
    )
    expect(status).toBe(400)
    expect(allMessages(body)).toMatch(/not a picture|not allowed|Invalid MIME/i)
  })

  it('refuses an image without alternative text', async () => {
    const before = await count('media')
    const { status, body } = await admin.upload(
      '/api/media',
      imageForm(await jpeg(800, 600), 'no-alt.jpg', 'image/jpeg', {}),
    )
    expect(status).toBe(400)
    expect(fieldErrors(body)).toHaveProperty('alt')
    expect(await count('media')).toBe(before)
  })
})

describe('quotes, categories and recruitment calls to action', () => {
  it('refuses a quote with no words or no speaker', async () => {
    const { status, body } = await admin.post('/api/quotes', { speakerRole: 'Chief Constable' })
    expect(status).toBe(400)
    expect(Object.keys(fieldErrors(body)).sort()).toEqual(['speakerName', 'text'])
  })

  it('refuses a second category with the same name', async () => {
    expect((await admin.post('/api/categories', { name: 'Appeals' })).status).toBe(201)
    const { status, body } = await admin.post('/api/categories', { name: 'Appeals' })
    expect(status).toBe(400)
    expect(fieldErrors(body)).toHaveProperty('name')
  })

  it('refuses a call to action that ends before it starts', async () => {
    const { status, body } = await admin.post('/api/recruitment-ctas', {
      heading: 'Join us',
      body: 'Apply now.',
      linkLabel: 'Apply',
      linkUrl: 'https://careers.example.police.uk',
      audience: ['volunteer'],
      activeFrom: '2026-06-01T00:00:00.000Z',
      activeUntil: '2026-05-01T00:00:00.000Z',
    })
    expect(status).toBe(400)
    expect(fieldErrors(body).activeUntil).toMatch(/after the start/)
  })
})

import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { FOUND_NOTICE, FOUND_TITLE } from '../../src/releases/kinds'
import { isDatabaseEmpty, seedDemoContent } from '../../src/seed'
import { demoReleases } from '../../src/seed/content'
import { startLocalPayload } from '../helpers/localPayload'

let local: Awaited<ReturnType<typeof startLocalPayload>>

const counts = async () => {
  const out: Record<string, number> = {}
  for (const collection of [
    'news',
    'quotes',
    'report-links',
    'recruitment-ctas',
    'media',
    'categories',
  ] as const) {
    out[collection] = (await local.payload.count({ collection, overrideAccess: true })).totalDocs
  }
  return out
}

beforeAll(async () => {
  local = await startLocalPayload()
})
afterAll(async () => {
  await local?.stop()
})

describe('npm run seed', () => {
  it('loads realistic demo content into an empty database', async () => {
    expect(await isDatabaseEmpty(local.payload)).toBe(true)
    await seedDemoContent(local.payload)
    expect(await isDatabaseEmpty(local.payload)).toBe(false)
    const n = await counts()
    expect(n.news).toBeGreaterThanOrEqual(8)
    expect(n.quotes).toBeGreaterThanOrEqual(5)
    expect(n['report-links']).toBeGreaterThanOrEqual(1)
    expect(n['recruitment-ctas']).toBeGreaterThanOrEqual(1)
    expect(n.categories).toBeGreaterThanOrEqual(4)
  })

  it('includes one release scheduled for the future, one draft, and at least six published', async () => {
    const { docs } = await local.payload.find({
      collection: 'news',
      draft: true,
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
    const now = Date.now()
    const published = docs.filter(
      (d) => d._status === 'published' && Date.parse(d.publishAt!) <= now,
    )
    const scheduled = docs.filter(
      (d) => d._status === 'published' && Date.parse(d.publishAt!) > now,
    )
    const drafts = docs.filter((d) => d._status === 'draft')
    expect(published.length).toBeGreaterThanOrEqual(6)
    expect(scheduled).toHaveLength(1)
    expect(drafts).toHaveLength(1)
  })

  it('gives releases quotes, a report link with graded findings, and a recruitment call to action', async () => {
    const { docs } = await local.payload.find({
      collection: 'news',
      where: { slug: { equals: demoReleases[0]!.slug } },
      depth: 1,
      overrideAccess: true,
    })
    const release = docs[0]!
    expect(release.quotes?.length).toBeGreaterThanOrEqual(2)
    const report = release.reportLinks![0] as {
      findings: { area: string; grade: string }[]
      url: string
    }
    expect(report.url).toMatch(/^https:\/\//)
    expect(report.findings.length).toBeGreaterThan(0)
    expect(report.findings[0]!.grade).toBe('Good')
    expect(release.recruitmentCta).toBeTruthy()
  })

  it('includes one release of each kind: an open appeal, a wanted man with a photo, a court result with a custody image, and a missing person already found', async () => {
    const { docs } = await local.payload.find({
      collection: 'news',
      where: { kind: { not_equals: 'news' } },
      pagination: false,
      overrideAccess: true,
      depth: 1,
    })
    const byKind = Object.fromEntries(docs.map((doc) => [doc.kind, doc]))
    expect(Object.keys(byKind).sort()).toEqual([
      'appeal',
      'court-result',
      'missing-person',
      'wanted',
    ])
    expect(byKind.appeal!.appeal?.reference).toBeTruthy()
    expect(byKind.appeal!.after?.appealClosedAt ?? null).toBeNull()
    expect((byKind.wanted!.wanted?.photo as { filename?: string }).filename).toMatch(/\.jpg$/)
    expect(byKind.wanted!.slug).not.toContain('marsh')
    expect(byKind['court-result']!.courtResult?.custodyImage).toBeTruthy()
    expect(byKind['court-result']!.after?.reviewAt).toBeTruthy()
    // What "Found" leaves: the notice at the same address, withdrawn, nobody named, no picture.
    const found = byKind['missing-person']!
    expect(found.withdrawal?.reason).toBe(FOUND_NOTICE)
    expect(found.after?.foundAt).toBeTruthy()
    expect(found.title).toBe(FOUND_TITLE)
    expect(found.missingPerson?.name ?? null).toBeNull()
    expect(found.missingPerson?.photo ?? null).toBeNull()
    expect(found.heroImage ?? null).toBeNull()
  })

  it('makes its hero images with sharp, with every size on disk', async () => {
    const { docs } = await local.payload.find({
      collection: 'media',
      pagination: false,
      overrideAccess: true,
    })
    expect(docs.length).toBeGreaterThanOrEqual(6)
    for (const image of docs) {
      expect(image.alt).toBeTruthy()
      const original = await sharp(path.join(local.mediaDir!, image.filename!)).metadata()
      expect(original.format).toBe('jpeg')
      for (const size of Object.values(image.sizes ?? {})) {
        expect(fs.existsSync(path.join(local.mediaDir!, size!.filename!))).toBe(true)
      }
    }
  })

  it('adds nothing when run again', async () => {
    const before = await counts()
    expect(await seedDemoContent(local.payload)).toMatch(/nothing new/)
    expect(await counts()).toEqual(before)
  })

  it('sets up the site settings: force name, beta banner, quick exit and a default call to action', async () => {
    const settings = await local.payload.findGlobal({
      slug: 'site-settings',
      overrideAccess: true,
      depth: 0,
    })
    expect(settings.forceName).toBe('Northmoor Police')
    expect(settings.betaBanner?.enabled).toBe(true)
    expect(settings.quickExit?.url).toBe('https://www.bbc.co.uk/weather')
    expect(settings.defaultRecruitmentCta).toBeTruthy()
  })
})

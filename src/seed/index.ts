import type { CollectionSlug, Payload, Where } from 'payload'

import { newLinkKey } from '../alerts/tokens'

import {
  demoCategories,
  demoCtas,
  demoSubscribers,
  demoImages,
  demoMediaContacts,
  demoMediaLists,
  demoQuotes,
  demoReleases,
  demoReportLinks,
  demoSiteSettings,
  type DemoRelease,
  type ImageKey,
} from './content'
import { queueLift } from '../embargo/liftJob'
import { DEFAULT_RETENTION_MONTHS, FOUND_NOTICE } from '../releases/kinds'
import { demoPicture, demoPortrait } from './images'

type Id = number | string

const HOUR = 60 * 60 * 1000

/** Whole minutes, as an editor would enter them. */
const minute = (at: number) => new Date(Math.floor(at / 60000) * 60000).toISOString()

/** True when nothing has been written yet: no releases and no categories. */
export const isDatabaseEmpty = async (payload: Payload): Promise<boolean> => {
  const [news, categories] = await Promise.all([
    payload.count({ collection: 'news', overrideAccess: true }),
    payload.count({ collection: 'categories', overrideAccess: true }),
  ])
  return news.totalDocs === 0 && categories.totalDocs === 0
}

/** Finds the document that `where` identifies, or creates it: running the seed twice adds nothing. */
const ensure = async (
  payload: Payload,
  collection: CollectionSlug,
  where: Where,
  create: () => Promise<{ id: Id }>,
): Promise<{ id: Id; created: boolean }> => {
  const { docs } = await payload.find({
    collection,
    where,
    limit: 1,
    depth: 0,
    draft: true,
    overrideAccess: true,
  })
  if (docs[0]) return { id: docs[0].id, created: false }
  return { id: (await create()).id, created: true }
}

const timingFields = (release: DemoRelease, now: number) => {
  const { timing } = release
  if ('draft' in timing) return { _status: 'draft' as const }
  const at =
    'publishedHoursAgo' in timing
      ? now - timing.publishedHoursAgo * HOUR
      : now + timing.scheduledInHours * HOUR
  return { _status: 'published' as const, publishAt: minute(at) }
}

/**
 * The fields of a police release's kind (src/releases/kinds.ts), and what the workflow would
 * have written after it went out: a court result's review date, a missing person found (the
 * release withdrawn with the notice, as "Found" leaves it).
 */
const policeFields = (
  release: DemoRelease,
  publishAt: string | undefined,
  now: number,
  imageIds: Map<ImageKey, Id>,
) => {
  const police = release.police
  if (!police) return {}
  const ago = ({ hoursAgo }: { hoursAgo: number }) => minute(now - hoursAgo * HOUR)
  switch (police.kind) {
    case 'appeal': {
      const { happened, ...appeal } = police.appeal
      return { kind: police.kind, appeal: { ...appeal, happenedAt: ago(happened) } }
    }
    case 'wanted':
      return { kind: police.kind, wanted: { ...police.wanted, photo: imageIds.get(police.photo) } }
    case 'court-result': {
      const { sentenced, ...result } = police.courtResult
      const reviewAt = new Date(publishAt ?? now)
      reviewAt.setUTCMonth(reviewAt.getUTCMonth() + DEFAULT_RETENTION_MONTHS)
      return {
        kind: police.kind,
        courtResult: {
          ...result,
          sentencedOn: ago(sentenced),
          custodyImage: imageIds.get(police.photo),
        },
        after: { reviewAt: reviewAt.toISOString() },
      }
    }
    case 'missing-person': {
      const foundAt = ago(police.found)
      return {
        kind: police.kind,
        workflowState: 'withdrawn',
        withdrawal: { withdrawnAt: foundAt, reason: FOUND_NOTICE },
        after: { foundAt, picturesTakenDownAt: foundAt },
      }
    }
  }
}

/**
 * Loads the Northmoor Police demo content. Idempotent: each item is looked up by a natural
 * key (slug, name, address, file name) and only created when missing.
 */
export const seedDemoContent = async (
  payload: Payload,
  now: number = Date.now(),
): Promise<string> => {
  let created = 0
  const count = <T extends { created: boolean }>(result: T) => {
    if (result.created) created += 1
    return result
  }

  const categoryIds = new Map<string, Id>()
  for (const category of demoCategories) {
    const { id } = count(
      await ensure(payload, 'categories', { slug: { equals: category.slug } }, () =>
        payload.create({
          collection: 'categories',
          data: { ...category, generateSlug: false },
          overrideAccess: true,
        }),
      ),
    )
    categoryIds.set(category.slug, id)
  }

  const imageIds = new Map<ImageKey, Id>()
  for (const [key, image] of Object.entries(demoImages) as [
    ImageKey,
    (typeof demoImages)[ImageKey],
  ][]) {
    const filename = `demo-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.jpg`
    const { id } = count(
      await ensure(payload, 'media', { filename: { equals: filename } }, async () => {
        const data =
          'portrait' in image
            ? await demoPortrait(key, image.palette)
            : await demoPicture(key, image.palette)
        return payload.create({
          collection: 'media',
          data: { alt: image.alt, credit: image.credit },
          file: { data, mimetype: 'image/jpeg', name: filename, size: data.length },
          overrideAccess: true,
        })
      }),
    )
    imageIds.set(key, id)
  }

  const quoteIds = new Map<string, Id>()
  for (const [key, quote] of Object.entries(demoQuotes)) {
    const { id } = count(
      await ensure(
        payload,
        'quotes',
        { and: [{ speakerName: { equals: quote.speakerName } }, { text: { equals: quote.text } }] },
        () => payload.create({ collection: 'quotes', data: { ...quote }, overrideAccess: true }),
      ),
    )
    quoteIds.set(key, id)
  }

  const reportLinkIds = new Map<string, Id>()
  for (const [key, { publishedOnDaysAgo, findings, ...report }] of Object.entries(
    demoReportLinks,
  )) {
    const { id } = count(
      await ensure(payload, 'report-links', { url: { equals: report.url } }, () =>
        payload.create({
          collection: 'report-links',
          data: {
            ...report,
            findings: findings.map((finding) => ({ ...finding })),
            publishedOn: new Date(now - publishedOnDaysAgo * 24 * HOUR).toISOString(),
          },
          overrideAccess: true,
        }),
      ),
    )
    reportLinkIds.set(key, id)
  }

  const ctaIds = new Map<string, Id>()
  for (const [key, cta] of Object.entries(demoCtas)) {
    const { id } = count(
      await ensure(payload, 'recruitment-ctas', { heading: { equals: cta.heading } }, () =>
        payload.create({
          collection: 'recruitment-ctas',
          data: { ...cta, audience: [...cta.audience] },
          overrideAccess: true,
        }),
      ),
    )
    ctaIds.set(key, id)
  }

  for (const release of demoReleases) {
    const timing = timingFields(release, now)
    const created = count(
      await ensure(payload, 'news', { slug: { equals: release.slug } }, () =>
        payload.create({
          collection: 'news',
          draft: timing._status === 'draft',
          overrideAccess: true,
          // Demo content arrives already approved, as if it had been through the workflow.
          context: { workflow: 'seed' },
          data: {
            ...timing,
            workflowState: timing._status === 'published' ? 'approved' : 'draft',
            title: release.title,
            slug: release.slug,
            generateSlug: false,
            summary: release.summary,
            body: release.body,
            category: categoryIds.get(release.category),
            heroImage: release.image ? imageIds.get(release.image) : undefined,
            quotes: (release.quotes ?? []).map((key) => quoteIds.get(key)!),
            reportLinks: (release.reportLinks ?? []).map((key) => reportLinkIds.get(key)!),
            recruitmentCta: release.recruitmentCta ? ctaIds.get(release.recruitmentCta) : undefined,
            ...policeFields(release, timing.publishAt, now, imageIds),
          } as never,
        }),
      ),
    )
    // The scheduled demo release lifts like any other.
    if (created.created && timing.publishAt && Date.parse(timing.publishAt) > now)
      await queueLift(payload, { id: created.id as never, publishAt: timing.publishAt })
  }

  // Two readers who subscribed to the news by e-mail and confirmed, so that a release going out
  // (the scheduled one lifting) fills the outbox with alerts. Addresses nobody can receive at.
  for (const reader of demoSubscribers) {
    count(
      await ensure(payload, 'subscribers', { email: { equals: reader.email } }, () =>
        payload.create({
          collection: 'subscribers',
          data: {
            ...reader,
            categories: reader.categories.map((slug) => categoryIds.get(slug)!),
            status: 'confirmed',
            confirmedAt: new Date(now - 30 * 24 * HOUR).toISOString(),
            linkKey: newLinkKey(),
          } as never,
          overrideAccess: true,
        }),
      ),
    )
  }

  const listIds = new Map<string, Id>()
  for (const list of demoMediaLists) {
    const { id } = count(
      await ensure(payload, 'media-lists', { name: { equals: list.name } }, () =>
        payload.create({ collection: 'media-lists', data: { ...list }, overrideAccess: true }),
      ),
    )
    listIds.set(list.name, id)
  }
  for (const { lists, beats, ...contact } of demoMediaContacts) {
    count(
      await ensure(payload, 'media-contacts', { email: { equals: contact.email } }, () =>
        payload.create({
          collection: 'media-contacts',
          data: {
            ...contact,
            lists: lists.map((name) => listIds.get(name)!),
            beats: beats.map((slug) => categoryIds.get(slug)!),
          } as never,
          overrideAccess: true,
        }),
      ),
    )
  }

  const settings = await payload.findGlobal({
    slug: 'site-settings',
    depth: 0,
    overrideAccess: true,
  })
  if (!settings.defaultRecruitmentCta) {
    await payload.updateGlobal({
      slug: 'site-settings',
      data: { ...demoSiteSettings, defaultRecruitmentCta: ctaIds.get('joinUs') } as never,
      overrideAccess: true,
    })
    created += 1
  }

  return created === 0 ? 'nothing new (it was all there already)' : `${created} items created`
}

import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  Field,
  PayloadRequest,
  Where,
} from 'payload'

import { liveWhere, notWithdrawnWhere } from '../releases/state'

/**
 * Quotes, report links and pictures carry no embargo of their own: the public may see one
 * exactly when a public release (published, not withdrawn, publishAt passed) uses it.
 *
 * Asking "which public releases use this?" on every read would cost a scan of every
 * release, so each of them keeps `publicFrom`: the earliest publishAt among the published,
 * not-withdrawn releases that use it. The clock is still read at read time
 * (`publicFrom <= now`), so an embargo lifts for its pictures and quotes on the same second
 * as for the release. `publicFrom` is recomputed in the same transaction as any change to a
 * release that uses (or used) the document.
 */
export const SHARED = ['media', 'quotes', 'report-links'] as const
export type SharedCollection = (typeof SHARED)[number]

type Id = number | string
type Release = {
  heroImage?: unknown
  meta?: { image?: unknown } | null
  missingPerson?: { photo?: unknown } | null
  wanted?: { photo?: unknown } | null
  courtResult?: { custodyImage?: unknown } | null
  quotes?: unknown
  reportLinks?: unknown
  inlineQuotes?: unknown
  inlineReportLinks?: unknown
  _status?: string | null
}

const idsOf = (value: unknown): Id[] => {
  if (value == null) return []
  if (Array.isArray(value)) return value.flatMap(idsOf)
  if (typeof value === 'object') return idsOf((value as { id?: unknown }).id)
  return typeof value === 'string' || typeof value === 'number' ? [value] : []
}

/** The shared documents a release points at, in its fields or as blocks in its body. */
const referencesOf = (release: Release | null | undefined): Record<SharedCollection, Id[]> => ({
  media: release
    ? [
        ...idsOf(release.heroImage),
        ...idsOf(release.meta?.image),
        // The pictures of people the kinds of release carry (src/releases/kinds.ts).
        ...idsOf(release.missingPerson?.photo),
        ...idsOf(release.wanted?.photo),
        ...idsOf(release.courtResult?.custodyImage),
      ]
    : [],
  quotes: release ? [...idsOf(release.quotes), ...idsOf(release.inlineQuotes)] : [],
  'report-links': release
    ? [...idsOf(release.reportLinks), ...idsOf(release.inlineReportLinks)]
    : [],
})

/** Releases that point at this document. */
const usedBy = (collection: SharedCollection, id: Id): Where =>
  collection === 'media'
    ? {
        or: [
          { heroImage: { equals: id } },
          { 'meta.image': { equals: id } },
          { 'missingPerson.photo': { equals: id } },
          { 'wanted.photo': { equals: id } },
          { 'courtResult.custodyImage': { equals: id } },
        ],
      }
    : collection === 'quotes'
      ? { or: [{ quotes: { in: [id] } }, { inlineQuotes: { in: [id] } }] }
      : { or: [{ reportLinks: { in: [id] } }, { inlineReportLinks: { in: [id] } }] }

const PUBLIC_ALWAYS = new Date(0).toISOString()

/** The force's logo (site settings) is public whatever uses it: the sign-in page shows it to anyone. */
const isTheForceLogo = async (req: PayloadRequest, collection: SharedCollection, id: Id) => {
  if (collection !== 'media') return false
  const settings = await req.payload.findGlobal({
    slug: 'site-settings',
    depth: 0,
    select: { logo: true },
    overrideAccess: true,
    req,
  })
  return idsOf(settings.logo).map(String).includes(String(id))
}

/** Works out `publicFrom` again for one document, from the releases as they are now. */
export const syncPublicFrom = async (req: PayloadRequest, collection: SharedCollection, id: Id) => {
  const { docs } = await req.payload.find({
    collection: 'news',
    where: {
      and: [
        usedBy(collection, id),
        liveWhere(),
        notWithdrawnWhere(),
        { publishAt: { exists: true } },
      ],
    },
    sort: 'publishAt',
    limit: 1,
    pagination: false,
    depth: 0,
    select: { publishAt: true },
    overrideAccess: true,
    req,
  })
  const publicFrom = (await isTheForceLogo(req, collection, id))
    ? PUBLIC_ALWAYS
    : ((docs[0] as { publishAt?: string } | undefined)?.publishAt ?? null)
  const current = await req.payload.findByID({
    collection,
    id,
    depth: 0,
    select: { publicFrom: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!current || (current as { publicFrom?: string | null }).publicFrom === publicFrom) return
  await req.payload.update({
    collection,
    id,
    data: { publicFrom } as never,
    overrideAccess: true,
    req,
    depth: 0,
  })
}

const syncAll = async (req: PayloadRequest, ...releases: (Release | null | undefined)[]) => {
  for (const collection of SHARED) {
    const ids = new Set(
      releases.flatMap((release) => referencesOf(release)[collection]).map(String),
    )
    for (const id of ids) await syncPublicFrom(req, collection, id)
  }
}

/** After a release changes (or one of its versions is saved), the documents it uses, or used, are brought up to date. */
export const syncPublicFromAfterChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
}) => {
  // Saving a draft that was never public changes nothing the public can see.
  if (doc?._status === 'draft' && previousDoc?._status === 'draft') return doc
  await syncAll(req, doc, previousDoc)
  return doc
}

export const syncPublicFromAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await syncAll(req, doc)
  return doc
}

/** The `publicFrom` field of a shared collection: written only by the sync above. */
export const publicFromField = (): Field => ({
  name: 'publicFrom',
  label: 'Public from',
  type: 'date',
  index: true,
  access: { create: () => false, update: () => false },
  admin: {
    position: 'sidebar',
    readOnly: true,
    date: { pickerAppearance: 'dayAndTime' },
    description:
      'When the first release using this went (or goes) public. Until then, the public cannot see it.',
    components: { Field: '/src/admin/PublicFromField#PublicFromField' },
  },
})

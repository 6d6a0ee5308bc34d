import crypto from 'node:crypto'

import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  CollectionSlug,
  Config,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { releaseChangeTags, type ReleaseLinks } from '../site/cacheTags'
import { announceContentChange, thisProcess, type ContentChange } from './contentChanged'

/**
 * Collections the public never sees anything of. A change to one must not empty the page
 * caches: a member of the public subscribing to alerts would otherwise make every page cold.
 */
const INTERNAL = new Set([
  'users',
  'audit-log',
  'preview-links',
  'embargo-lifts',
  'payload-jobs',
  'subscribers',
  'alert-runs',
  'alert-deliveries',
  'media-contacts',
  'media-lists',
  'media-sends',
  'takedowns',
  'content-changes',
])
const CONTENT_VERSION = 'content-version'
const CONTENT_CHANGES = 'content-changes'

/**
 * Tells this process at once, and every server process through the database: a row saying
 * which pages the change affects (collections/ContentChanges), and a new content-version stamp
 * that tells the servers to read it (src/site/changeWatcher.ts), both in the same transaction as
 * the change. The row first: wherever the stamp is seen, the row is there to read.
 */
const changed = async (req: PayloadRequest, change: ContentChange) => {
  const stamp = crypto.randomUUID()
  await req.payload.create({
    collection: CONTENT_CHANGES,
    data: { server: thisProcess, stamp, tags: change.tags ? [...change.tags] : null },
    overrideAccess: true,
    depth: 0,
    req,
  })
  await req.payload.updateGlobal({
    slug: CONTENT_VERSION,
    data: { stamp, changedAt: new Date().toISOString() },
    overrideAccess: true,
    depth: 0,
    req,
  })
  announceContentChange(change)
}

/** The public pages a change to a document affects (src/site/cacheTags.ts): all of them unless it is a release. */
const tagsFor = (collection: string, doc: unknown, previous?: unknown) =>
  collection === 'news'
    ? releaseChangeTags(doc as ReleaseLinks | null, previous as ReleaseLinks | null)
    : undefined

/**
 * Whether a save left what the public reads as it was. The public reads a document's own row;
 * Payload keeps drafts as versions beside it. A draft saved over a published or scheduled release
 * (a correction on its way to review), or over a draft that was never public, writes only a
 * version: the row keeps the updatedAt it had. A save that came back as a draft but did write
 * the row (unpublishing, unscheduling) changed what the public may see. This is read from the
 * row rather than guessed from the hook's arguments, which do not say whether the save was a
 * draft; any doubt counts as a change.
 */
const leftThePublicRowAsItWas = async (
  collection: CollectionConfig,
  doc: { id?: number | string; _status?: string; updatedAt?: string } | undefined,
  req: PayloadRequest,
) => {
  if (!collection.versions || typeof collection.versions !== 'object') return false
  if (!collection.versions.drafts || doc?._status !== 'draft' || doc.id === undefined) return false
  const row = (await req.payload.db.findOne({
    collection: collection.slug as CollectionSlug,
    where: { id: { equals: doc.id } },
    req,
  })) as { updatedAt?: string | Date } | null
  // A Date or a string, by adapter: compared to the millisecond either way.
  const written = row?.updatedAt ? new Date(row.updatedAt).getTime() : NaN
  const saved = doc.updatedAt ? new Date(doc.updatedAt).getTime() : NaN
  if (Number.isNaN(written) || Number.isNaN(saved)) return false
  return written !== saved
}

const afterChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  if (operation === 'update' && (await leftThePublicRowAsItWas(collection, doc, req))) return doc
  await changed(req, {
    collection: collection.slug,
    id: doc?.id,
    tags: tagsFor(collection.slug, doc, previousDoc),
  })
  return doc
}

const afterDelete: CollectionAfterDeleteHook = async ({ collection, id, doc, req }) => {
  await changed(req, { collection: collection.slug, id, tags: tagsFor(collection.slug, doc) })
  return doc
}

const afterGlobalChange: GlobalAfterChangeHook = async ({ global, doc, req }) => {
  await changed(req, { global: global.slug })
  return doc
}

/** Announces every change to content or settings, so that caches of public pages can be dropped. */
export const contentEvents = (config: Config): Config => ({
  ...config,
  collections: config.collections?.map((collection) =>
    INTERNAL.has(collection.slug)
      ? collection
      : {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
            afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
          },
        },
  ),
  globals: config.globals?.map((global) =>
    global.slug === CONTENT_VERSION
      ? global
      : {
          ...global,
          hooks: {
            ...global.hooks,
            afterChange: [...(global.hooks?.afterChange ?? []), afterGlobalChange],
          },
        },
  ),
})

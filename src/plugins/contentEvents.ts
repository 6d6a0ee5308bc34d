import crypto from 'node:crypto'

import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  Config,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { CHANGES_KEPT, type RecordedChange } from '../globals/ContentVersion'
import { releaseChangeTags, type ReleaseLinks } from '../site/cacheTags'
import { announceContentChange, type ContentChange } from './contentChanged'

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
])
const CONTENT_VERSION = 'content-version'

/**
 * Tells this process at once, and the other server processes through the database (a new
 * stamp and the list of the latest changes, in the same transaction as the change; see
 * src/globals/ContentVersion.ts).
 */
const changed = async (req: PayloadRequest, change: ContentChange) => {
  const stamp = crypto.randomUUID()
  const changedAt = new Date().toISOString()
  const write = (data: Record<string, unknown>) =>
    req.payload.updateGlobal({
      slug: CONTENT_VERSION,
      data,
      overrideAccess: true,
      depth: 0,
      req,
    })
  // The row is written first, which holds it to the end of this transaction, so that the list
  // read next is the latest committed: two changes at once must not each write the list without
  // the other's entry (a server would then never drop the pages of the one lost).
  await write({ changedAt })
  const { changes } = (await req.payload.findGlobal({
    slug: CONTENT_VERSION,
    overrideAccess: true,
    depth: 0,
    req,
  })) as { changes?: unknown }
  const recorded: RecordedChange[] = [
    ...(Array.isArray(changes) ? (changes as RecordedChange[]) : []).slice(1 - CHANGES_KEPT),
    { stamp, tags: change.tags ? [...change.tags] : null },
  ]
  await write({ stamp, changedAt, changes: recorded })
  announceContentChange({ ...change, stamp })
}

/** The public pages a change to a document affects (src/site/cacheTags.ts): all of them unless it is a release. */
const tagsFor = (collection: string, doc: unknown, previous?: unknown) =>
  collection === 'news'
    ? releaseChangeTags(doc as ReleaseLinks | null, previous as ReleaseLinks | null)
    : undefined

const afterChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, req }) => {
  // Autosaving a draft that has never been public changes nothing the public can see.
  const draftToDraft = doc?._status === 'draft' && previousDoc?._status === 'draft'
  if (!draftToDraft)
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

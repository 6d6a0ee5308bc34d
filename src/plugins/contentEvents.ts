import crypto from 'node:crypto'

import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
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
  await req.payload.create({
    collection: CONTENT_CHANGES,
    data: { server: thisProcess, tags: change.tags ? [...change.tags] : null },
    overrideAccess: true,
    depth: 0,
    req,
  })
  await req.payload.updateGlobal({
    slug: CONTENT_VERSION,
    data: { stamp: crypto.randomUUID(), changedAt: new Date().toISOString() },
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

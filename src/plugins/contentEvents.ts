import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config, GlobalAfterChangeHook } from 'payload'

import { announceContentChange } from '../events/contentChanged'

const afterChange: CollectionAfterChangeHook = ({ collection, doc, previousDoc }) => {
  // Autosaving a draft that has never been public changes nothing the public can see.
  const draftToDraft = doc?._status === 'draft' && previousDoc?._status === 'draft'
  if (!draftToDraft) announceContentChange({ collection: collection.slug, id: doc?.id })
  return doc
}

const afterDelete: CollectionAfterDeleteHook = ({ collection, id, doc }) => {
  announceContentChange({ collection: collection.slug, id })
  return doc
}

const afterGlobalChange: GlobalAfterChangeHook = ({ global, doc }) => {
  announceContentChange({ global: global.slug })
  return doc
}

/** Collections the public never sees anything of. */
const INTERNAL = new Set(['users', 'audit-log', 'preview-links', 'embargo-lifts', 'payload-jobs'])

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
  globals: config.globals?.map((global) => ({
    ...global,
    hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), afterGlobalChange] },
  })),
})

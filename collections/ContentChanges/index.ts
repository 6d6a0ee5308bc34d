import type { CollectionConfig } from 'payload'

import { nobody } from '../../src/access/nobody'

/**
 * One row for each change to what the public may see, written in the same transaction as the
 * change (src/plugins/contentEvents.ts): which server process made it, and which public pages it
 * affects. Every server reads the rows it has not seen when the content-version stamp moves
 * (src/site/changeWatcher.ts), drops only those pages from its cache, and purges the shared
 * cache of its own. Rows are only ever added, never rewritten, so two changes at once on two
 * servers cannot lose each other's; rows older than a few minutes are deleted.
 */
export const ContentChanges: CollectionConfig = {
  slug: 'content-changes',
  labels: { singular: 'Content change', plural: 'Content changes' },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'server', type: 'text', required: true },
    /** The content-version stamp written with it: a stamp no row names came from elsewhere. */
    { name: 'stamp', type: 'text', required: true },
    /** The tags of the pages it affects (src/site/cacheTags.ts); none: every page. */
    { name: 'tags', type: 'json' },
  ],
}

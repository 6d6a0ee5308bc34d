import type { GlobalConfig } from 'payload'

import { nobody } from '../access/nobody'

/**
 * A stamp that changes with every change to what the public may see, written in the same
 * transaction as the change and its row in content-changes (collections/ContentChanges). Each
 * server process reads it a few times a second and, when it differs from the last one seen,
 * reads the rows it has not seen and drops the pages they affect (src/site/changeWatcher.ts): a
 * change made through one server reaches the others' caches through the database, with no broker.
 */
export const ContentVersion: GlobalConfig = {
  slug: 'content-version',
  admin: { hidden: true },
  access: { read: nobody, update: nobody },
  fields: [
    { name: 'stamp', type: 'text' },
    { name: 'changedAt', type: 'date' },
  ],
}

import type { GlobalConfig } from 'payload'

import { nobody } from '../access/nobody'

/** How many of the latest changes `changes` keeps: far more than come between two readings. */
export const CHANGES_KEPT = 50

/** One change, as `changes` keeps it: its stamp, and the tags of the pages it affects (null: all). */
export type RecordedChange = { stamp: string; tags: string[] | null }

/**
 * A stamp that changes with every change to what the public may see, written in the same
 * transaction as the change, with the latest changes (their stamps, and the tags of the pages
 * each affects: src/site/cacheTags.ts). Each server process reads it a few times a second and,
 * when it differs from the last one seen, drops the pages the changes since then affect (or all
 * of them, when it cannot tell): a change made through one server reaches the others' caches
 * through the database, with no broker (src/site/changeWatcher.ts).
 */
export const ContentVersion: GlobalConfig = {
  slug: 'content-version',
  admin: { hidden: true },
  access: { read: nobody, update: nobody },
  fields: [
    { name: 'stamp', type: 'text' },
    { name: 'changedAt', type: 'date' },
    { name: 'changes', type: 'json' },
  ],
}

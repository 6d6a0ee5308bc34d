import type { CollectionConfig } from 'payload'

import { admins } from '../../src/access/admins'
import { nobody } from '../../src/access/nobody'

/**
 * One row per release publication, claimed by the first job to reach it: the unique key
 * makes the lift's side effects (webhooks, cache notices) run once even when several
 * server processes share the database.
 */
export const EmbargoLifts: CollectionConfig = {
  slug: 'embargo-lifts',
  labels: { singular: 'Embargo lift', plural: 'Embargo lifts' },
  admin: { hidden: true },
  access: { read: admins, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'release', type: 'relationship', relationTo: 'news' },
    { name: 'publishAt', type: 'date', required: true },
    { name: 'job', type: 'text' },
    { name: 'attempt', type: 'number' },
    { name: 'status', type: 'select', options: ['claimed', 'done'], defaultValue: 'claimed' },
    { name: 'doneAt', type: 'date' },
  ],
}

import type { CollectionConfig } from 'payload'

import { admins } from '../../src/access/admins'
import { nobody } from '../../src/access/nobody'

/**
 * One alert to one subscriber: the unit of work of the alert sender (src/alerts/sender.ts),
 * claimed by one server at a time, so that each person gets each alert once. Written and
 * claimed in bulk by src/alerts/deliveries.ts; Payload owns the table (its migrations).
 */
export const AlertDeliveries: CollectionConfig = {
  slug: 'alert-deliveries',
  labels: { singular: 'Alert delivery', plural: 'Alert deliveries' },
  admin: { hidden: true },
  access: { read: admins, create: nobody, update: nobody, delete: nobody },
  indexes: [
    { fields: ['run', 'subscriber'], unique: true },
    { fields: ['status', 'nextAttemptAt'] },
  ],
  fields: [
    { name: 'run', type: 'relationship', relationTo: 'alert-runs' },
    { name: 'subscriber', type: 'relationship', relationTo: 'subscribers' },
    // pending → sending (claimed) → sent; or failed, refused (by the mail server), cancelled, skipped.
    { name: 'status', type: 'text', required: true, defaultValue: 'pending' },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'nextAttemptAt', type: 'date' },
    { name: 'claimedAt', type: 'date' },
    { name: 'sentAt', type: 'date' },
    { name: 'error', type: 'text' },
  ],
}

import type { CollectionConfig } from 'payload'

import { admins } from '../../src/access/admins'
import { nobody } from '../../src/access/nobody'
import { exportSubscriber } from '../../src/alerts/privacy'
import { forgetDeliveries } from './hooks/forgetDeliveries'

/**
 * Members of the public who asked for news by e-mail (/alerts). Their addresses are personal
 * data: only admins see them, one can be exported (GET /api/subscribers/:id/export) or deleted,
 * and nothing about what they read is kept. Unsubscribing deletes the subscriber. Subscribing, confirming and leaving happen on the
 * public site (src/alerts/routes.tsx), never through this API.
 */
export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  labels: { singular: 'Subscriber', plural: 'Subscribers' },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'status', 'frequency', 'allNews', 'confirmedAt'],
    group: 'Public alerts',
    description:
      'People who asked for news by e-mail on the public site (/alerts): those who confirmed, and those still waiting to (forgotten after 8 days unconfirmed). Personal data: admins only. Use "Export what is held" to give someone what is held about them, and delete them when they ask.',
    hidden: ({ user }) => !(user as { roles?: string[] } | null)?.roles?.includes('admin'),
    components: {
      edit: { beforeDocumentControls: ['/src/admin/SubscriberExport#SubscriberExport'] },
    },
  },
  access: { read: admins, create: nobody, update: admins, delete: admins },
  hooks: { beforeDelete: [forgetDeliveries] },
  endpoints: [{ path: '/:id/export', method: 'get', handler: exportSubscriber }],
  fields: [
    { name: 'email', type: 'email', required: true, unique: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: [
        { label: 'Waiting for confirmation', value: 'pending' },
        { label: 'Confirmed', value: 'confirmed' },
        { label: 'Refused by their mail server', value: 'bounced' },
      ],
    },
    {
      name: 'allNews',
      label: 'All news',
      type: 'checkbox',
      defaultValue: true,
      admin: {
        description: 'Every release; otherwise only those in the categories below.',
        components: { Cell: '/src/admin/YesNoCell#YesNoCell' },
      },
    },
    { name: 'categories', type: 'relationship', relationTo: 'categories', hasMany: true },
    {
      name: 'frequency',
      type: 'select',
      required: true,
      defaultValue: 'immediately',
      options: [
        { label: 'As soon as it is published', value: 'immediately' },
        { label: 'Once a day, at 8am', value: 'daily' },
      ],
    },
    { name: 'confirmedAt', type: 'date', admin: { readOnly: true } },
    { name: 'bouncedAt', type: 'date', admin: { readOnly: true } },
    { name: 'bounce', label: 'What the mail server said', type: 'text', admin: { readOnly: true } },
    // The one-time confirmation link (its hash, and until when it works).
    { name: 'confirmTokenHash', type: 'text', index: true, hidden: true },
    { name: 'confirmExpiresAt', type: 'date', hidden: true },
    // The mailbox the address reaches, whatever its +tag: the daily allowance is per mailbox.
    { name: 'mailbox', type: 'text', index: true, hidden: true },
    // The confirmation link once used: following it again says so, rather than "does not work".
    { name: 'confirmedTokenHash', type: 'text', index: true, hidden: true },
    // How many confirmation e-mails went to this address in the day that began then.
    { name: 'requestsSince', type: 'date', hidden: true },
    { name: 'requests', type: 'number', hidden: true },
    // Signs this person's manage and unsubscribe links; a new one ends the old links.
    { name: 'linkKey', type: 'text', hidden: true },
  ],
}

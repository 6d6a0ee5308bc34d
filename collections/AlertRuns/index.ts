import type { CollectionConfig } from 'payload'

import { admins } from '../../src/access/admins'
import { nobody } from '../../src/access/nobody'

/**
 * One e-mail alert to the public: a release that went out, an update the editor chose to send,
 * or a day's digest. The unique key makes each happen once, whichever server gets there first;
 * its deliveries (collections/AlertDeliveries) are one per subscriber (src/alerts/).
 */
export const AlertRuns: CollectionConfig = {
  slug: 'alert-runs',
  labels: { singular: 'Alert sent', plural: 'Alerts sent' },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['kind', 'release', 'status', 'recipients', 'createdAt'],
    group: 'Public alerts',
    description:
      'E-mail alerts to the public: one for each release that went out, each update sent, each daily digest.',
    hidden: ({ user }) => !(user as { roles?: string[] } | null)?.roles?.includes('admin'),
  },
  access: { read: admins, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { label: 'A release went out', value: 'release' },
        { label: 'A release was updated', value: 'update' },
        { label: 'Daily digest', value: 'digest' },
      ],
    },
    { name: 'release', type: 'relationship', relationTo: 'news', index: true },
    // A digest's releases are those that went out in this period. Every run goes to those who
    // had confirmed by periodEnd (src/alerts/runs.ts).
    { name: 'periodStart', type: 'date' },
    { name: 'periodEnd', type: 'date' },
    // queued → fanning (its deliveries being written) → sending → done, or cancelled.
    {
      name: 'status',
      type: 'text',
      required: true,
      defaultValue: 'queued',
      index: true,
      admin: { components: { Cell: '/src/admin/AlertRunStatusCell#AlertRunStatusCell' } },
    },
    { name: 'claimedAt', type: 'date' },
    { name: 'recipients', type: 'number' },
    { name: 'note', type: 'text' },
  ],
}

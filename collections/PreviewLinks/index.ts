import type { CollectionConfig } from 'payload'

import { editors } from '../../src/access/editors'
import { nobody } from '../../src/access/nobody'
import { ukDateTime } from '../../src/fields/ukDateTime'

/**
 * Secret links that let a journalist read a scheduled release before its embargo lifts.
 * Only a hash of each token is kept. Made, listed and revoked through
 * /api/news/:id/preview-links (see src/embargo/previewLinks.ts).
 */
export const PreviewLinks: CollectionConfig = {
  slug: 'preview-links',
  labels: { singular: 'Preview link', plural: 'Preview links' },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'release', 'expiresAt', 'lastUsedAt', 'useCount', 'revokedAt'],
    group: 'Releases',
    description:
      'Links that show a scheduled release to journalists under embargo. Make and revoke them from the release.',
  },
  access: { read: editors, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'label', label: 'For', type: 'text', maxLength: 120 },
    { name: 'release', type: 'relationship', relationTo: 'news', required: true, index: true },
    {
      name: 'tokenHash',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { hidden: true },
      access: { read: nobody },
    },
    ukDateTime({ name: 'expiresAt', required: true }),
    { name: 'createdBy', type: 'relationship', relationTo: 'users' },
    ukDateTime({ name: 'revokedAt' }),
    { name: 'revokedBy', type: 'relationship', relationTo: 'users' },
    ukDateTime({ name: 'lastUsedAt', label: 'Last used' }),
    { name: 'useCount', label: 'Uses', type: 'number', defaultValue: 0 },
  ],
}

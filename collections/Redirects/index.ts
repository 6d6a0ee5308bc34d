import type { CollectionConfig } from 'payload'

import { editors } from '../../src/access/editors'
import { staff, staffField } from '../../src/access/staff'
import { validateLinkUrl } from '../../src/fields/validators'

/**
 * Addresses that no longer show a page: with a destination they redirect there (301),
 * without one they answer 410 Gone. Made when a release is unpublished in error or its
 * address changes after publication.
 *
 * Only staff may list or read them: the old addresses can name people. The site answers a
 * request for one address without this rule (src/site/content.ts, redirectFor), which is all
 * the public needs.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: { singular: 'Redirect', plural: 'Redirects' },
  admin: {
    useAsTitle: 'from',
    defaultColumns: ['from', 'to', 'updatedAt'],
    group: 'Administration',
    description:
      'Old addresses: sent on to a new one, or answered "gone" when no destination is given.',
  },
  access: { read: staff, create: editors, update: editors, delete: editors },
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: (value: unknown) =>
        typeof value === 'string' && /^\/[^\s?#]*$/.test(value)
          ? true
          : 'Give a path on this site, such as /news/old-address.',
    },
    {
      name: 'to',
      type: 'text',
      validate: validateLinkUrl,
      admin: { description: 'Leave empty to answer 410 Gone: the page was removed on purpose.' },
    },
    { name: 'reason', type: 'textarea', access: { read: staffField } },
    { name: 'release', type: 'relationship', relationTo: 'news', access: { read: staffField } },
  ],
}

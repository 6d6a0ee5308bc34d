import type { CollectionConfig } from 'payload'

import { editors } from '../../src/access/editors'

/** Named groups of media contacts ("Regional TV and radio", "Court reporters"), sent to as one. */
export const MediaLists: CollectionConfig = {
  slug: 'media-lists',
  labels: { singular: 'Media list', plural: 'Media lists' },
  graphQL: { singularName: 'MediaList', pluralName: 'MediaLists' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'description'],
    group: 'Media list',
    description:
      'Groups of media contacts to send a release to together, such as “Regional TV and radio”.',
  },
  defaultSort: 'name',
  access: { read: editors, create: editors, update: editors, delete: editors },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 80 },
    { name: 'description', type: 'textarea', maxLength: 500 },
    {
      name: 'contacts',
      label: 'Contacts on this list',
      type: 'join',
      collection: 'media-contacts',
      on: 'lists',
      defaultSort: 'name',
      admin: { defaultColumns: ['name', 'outlet', 'email', 'receiving'], allowCreate: false },
    },
  ],
}

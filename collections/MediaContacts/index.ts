import type { CollectionConfig } from 'payload'

import { editors } from '../../src/access/editors'
import { clearStopReason } from './hooks/clearStopReason'
import { normaliseEmail } from './hooks/normaliseEmail'

const YES_NO_CELL = '/src/admin/YesNoCell#YesNoCell'

/**
 * The journalists and newsdesks a release is sent to from the Workflow dialog ("Send to the
 * media list", src/mediaList/). Names and addresses of people outside the force: for editors
 * and admins only, whatever is asked.
 */
export const MediaContacts: CollectionConfig = {
  slug: 'media-contacts',
  labels: { singular: 'Media contact', plural: 'Media contacts' },
  graphQL: { singularName: 'MediaContact', pluralName: 'MediaContacts' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'outlet', 'email', 'lists', 'receiving'],
    listSearchableFields: ['name', 'outlet', 'email'],
    group: 'Media list',
    description:
      'Journalists and newsdesks who receive releases from “Send to the media list” in the Workflow dialog.',
  },
  defaultSort: 'name',
  access: { read: editors, create: editors, update: editors, delete: editors },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'outlet',
      label: 'Outlet',
      type: 'text',
      required: true,
      maxLength: 120,
      admin: {
        description: 'The paper, station, programme or agency; “Freelance” for a freelance.',
      },
    },
    {
      name: 'email',
      label: 'E-mail',
      type: 'email',
      required: true,
      unique: true,
      index: true,
      hooks: { beforeValidate: [normaliseEmail] },
    },
    {
      name: 'lists',
      label: 'Lists',
      type: 'relationship',
      relationTo: 'media-lists',
      hasMany: true,
      admin: { description: 'Sending to a list sends to everyone on it.' },
    },
    {
      name: 'beats',
      label: 'Beats',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      admin: { description: 'The kinds of news they cover.' },
    },
    { name: 'notes', type: 'textarea', maxLength: 2000 },
    {
      name: 'receiving',
      label: 'Receives releases',
      type: 'checkbox',
      defaultValue: true,
      admin: {
        position: 'sidebar',
        components: { Cell: YES_NO_CELL },
        description:
          'Untick to stop sending to them. Newsroom unticks it itself when their mail server refuses the address, and says why below.',
      },
    },
    {
      name: 'stoppedReason',
      label: 'Why not',
      type: 'textarea',
      maxLength: 1000,
      hooks: { beforeChange: [clearStopReason] },
      admin: { position: 'sidebar', condition: (data) => data?.receiving === false },
    },
  ],
}

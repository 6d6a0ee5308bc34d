import type { CollectionConfig } from 'payload'

import { editors } from '../../src/access/editors'
import { nobody } from '../../src/access/nobody'
import { ukDateTime } from '../../src/fields/ukDateTime'

/** What became of each e-mail, in the press office's words. */
export const SEND_STATUSES = [
  { label: 'Waiting to go', value: 'queued' },
  // By a mail server, or by the outbox when none is set: the answer below says which.
  { label: 'Accepted', value: 'accepted' },
  { label: 'Refused by their mail server', value: 'refused' },
  { label: 'Not sent (failed)', value: 'failed' },
  { label: 'Not sent (cancelled)', value: 'cancelled' },
] as const

export type SendStatus = (typeof SEND_STATUSES)[number]['value']

/**
 * The send log: one row for each release sent to each media contact, written only by the send
 * (src/mediaList/send.ts) and by the e-mail job that carries it out (src/mediaList/message.ts):
 * who it went to, who sent it and when, which approved version, and what the mail server said.
 * Who it went to, and the release's title, are copied in: the log is kept when either is deleted.
 */
export const MediaSends: CollectionConfig = {
  slug: 'media-sends',
  labels: { singular: 'Release sent to the media', plural: 'Sent to the media' },
  graphQL: { singularName: 'MediaSend', pluralName: 'MediaSends' },
  admin: {
    useAsTitle: 'contactName',
    defaultColumns: [
      'at',
      'releaseTitle',
      'contactName',
      'outlet',
      'version',
      'status',
      'sentByName',
    ],
    group: 'Media list',
    description:
      'Every release sent to the media list: to whom, by whom, when, which version, and what their mail server said. Send from a release’s Workflow dialog.',
  },
  defaultSort: '-at',
  access: { read: editors, create: nobody, update: nobody, delete: nobody },
  fields: [
    ukDateTime({
      name: 'at',
      label: 'Sent',
      required: true,
      index: true,
      admin: { date: { displayFormat: 'd MMM yyyy, HH:mm:ss' } },
    }),
    { name: 'release', type: 'relationship', relationTo: 'news', index: true },
    {
      // The list's column; on the row itself, only once the release is deleted.
      name: 'releaseTitle',
      label: 'Release',
      type: 'text',
      admin: { condition: (data) => !data?.release },
    },
    { name: 'contact', type: 'relationship', relationTo: 'media-contacts', index: true },
    { name: 'contactName', label: 'To', type: 'text' },
    { name: 'outlet', type: 'text' },
    { name: 'email', label: 'E-mail', type: 'email' },
    {
      name: 'version',
      type: 'text',
      required: true,
      index: true,
      admin: { description: 'The approved version of the release that was sent.' },
    },
    {
      name: 'sending',
      label: 'Sending',
      type: 'number',
      defaultValue: 1,
      admin: { description: '1 the first time this version went to them, 2 the second…' },
    },
    {
      name: 'resend',
      label: 'Sent again on purpose',
      type: 'checkbox',
      defaultValue: false,
      admin: { components: { Cell: '/src/admin/YesNoCell#YesNoCell' } },
    },
    {
      name: 'status',
      label: 'Result',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      options: SEND_STATUSES.map((status) => ({ ...status })),
      index: true,
    },
    {
      name: 'response',
      label: 'What the mail server said',
      type: 'textarea',
      admin: { description: 'Or why it was not sent.' },
    },
    ukDateTime({ name: 'answeredAt', label: 'Answered' }),
    { name: 'messageId', label: 'Message-ID', type: 'text' },
    { name: 'sentBy', label: 'Sent by', type: 'relationship', relationTo: 'users' },
    {
      name: 'sentByName',
      label: 'Sent by',
      type: 'text',
      admin: { condition: (data) => !data?.sentBy },
    },
    {
      name: 'previewLink',
      label: 'Their preview link',
      type: 'relationship',
      relationTo: 'preview-links',
    },
    {
      // With the server's secret, makes the preview link's token again when the e-mail is made
      // (src/embargo/previewLinks.ts): the token itself is never stored.
      name: 'linkSeed',
      type: 'text',
      admin: { hidden: true },
      access: { read: nobody },
    },
  ],
}

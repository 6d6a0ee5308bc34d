import type { CollectionConfig } from 'payload'

import { nobody } from '../../src/access/nobody'
import { staff } from '../../src/access/staff'
import { ukDateTime } from '../../src/fields/ukDateTime'
import { actionLabel, OTHER_EVENTS } from '../../src/workflow/audit'
import { STATE_LABELS, TRANSITIONS, type ReleaseState } from '../../src/workflow/machine'

export const AUDIT_ACTIONS = [...Object.keys(TRANSITIONS), ...Object.keys(OTHER_EVENTS)] as (
  keyof typeof TRANSITIONS | keyof typeof OTHER_EVENTS
)[]

/**
 * The states are stored as the workflow names them, and shown as the press office says them.
 * Deletions recorded before the history used these names give the stored "approved".
 */
const STATE_OPTIONS = [
  ...(Object.keys(STATE_LABELS) as ReleaseState[]).map((value) => ({
    label: STATE_LABELS[value],
    value,
  })),
  { label: 'Approved (scheduled or published)', value: 'approved' },
]
const NOTE_CELL = '/src/admin/HistoryNote#HistoryNoteCell'

/**
 * Every change of a release's state: who, when, from what, to what, and why. Written only
 * by the workflow; kept when the release is deleted (the title and address are copied in).
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Workflow event', plural: 'Workflow history' },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: [
      'at',
      'releaseTitle',
      'action',
      'from',
      'to',
      'actorName',
      'note',
      'internalNote',
    ],
    group: 'Administration',
    description:
      'Every submission, return, approval, schedule, change, withdrawal and lift, with who did it and why.',
  },
  defaultSort: '-at',
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'summary', type: 'text', admin: { hidden: true } },
    ukDateTime({
      name: 'at',
      required: true,
      index: true,
      admin: { date: { displayFormat: 'd MMM yyyy, HH:mm:ss' } },
    }),
    { name: 'release', type: 'relationship', relationTo: 'news', index: true },
    {
      name: 'releaseRef',
      type: 'text',
      index: true,
      admin: { description: 'Kept if the release is deleted.' },
    },
    { name: 'releaseTitle', label: 'Release', type: 'text' },
    { name: 'releaseSlug', type: 'text' },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: AUDIT_ACTIONS.map((value) => ({ label: actionLabel(value), value })),
    },
    { name: 'from', type: 'select', options: STATE_OPTIONS },
    { name: 'to', type: 'select', options: STATE_OPTIONS },
    { name: 'actor', type: 'relationship', relationTo: 'users' },
    { name: 'actorName', label: 'By', type: 'text' },
    // Shown in full in every list, where Payload would cut a long note short.
    { name: 'note', type: 'textarea', admin: { components: { Cell: NOTE_CELL } } },
    {
      name: 'internalNote',
      label: 'Internal note',
      type: 'textarea',
      admin: { components: { Cell: NOTE_CELL } },
    },
    { name: 'forced', type: 'checkbox', defaultValue: false },
    { name: 'forceReason', type: 'textarea', admin: { components: { Cell: NOTE_CELL } } },
    ukDateTime({ name: 'publishAt' }),
    {
      name: 'legalCheckBy',
      label: 'Legal check: confirmed by',
      type: 'text',
      admin: {
        description:
          'With proceedings active, who confirmed the release may go out or change (contempt of court).',
      },
    },
    {
      name: 'legalCheckReason',
      label: 'Legal check: why',
      type: 'textarea',
      admin: { components: { Cell: NOTE_CELL } },
    },
    {
      name: 'version',
      label: 'Version',
      type: 'text',
      admin: { description: 'The version that was submitted for review, and approved.' },
    },
  ],
}

import type { CollectionConfig } from 'payload'

import { staff } from '../../src/access/staff'
import { TRANSITIONS } from '../../src/workflow/machine'
import { ukDateTime } from '../../src/fields/ukDateTime'

const nobody = () => false

export const AUDIT_ACTIONS = [...Object.keys(TRANSITIONS), 'created', 'deleted', 'lifted'] as const

/**
 * Every change of a release's state: who, when, from what, to what, and why. Written only
 * by the workflow; kept when the release is deleted (the title and address are copied in).
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Workflow event', plural: 'Workflow history' },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['at', 'releaseTitle', 'action', 'from', 'to', 'actorName', 'note'],
    group: 'Administration',
    description: 'Every submission, return, approval, schedule, change, withdrawal and lift, with who did it and why.',
  },
  defaultSort: '-at',
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'summary', type: 'text', admin: { hidden: true } },
    ukDateTime({ name: 'at', required: true, index: true, admin: { date: { displayFormat: 'd MMM yyyy, HH:mm:ss' } } }),
    { name: 'release', type: 'relationship', relationTo: 'news', index: true },
    { name: 'releaseRef', type: 'text', index: true, admin: { description: 'Kept if the release is deleted.' } },
    { name: 'releaseTitle', label: 'Release', type: 'text' },
    { name: 'releaseSlug', type: 'text' },
    { name: 'action', type: 'select', required: true, options: AUDIT_ACTIONS.map((value) => ({ label: value, value })) },
    { name: 'from', type: 'text' },
    { name: 'to', type: 'text' },
    { name: 'actor', type: 'relationship', relationTo: 'users' },
    { name: 'actorName', label: 'By', type: 'text' },
    { name: 'note', type: 'textarea' },
    { name: 'forced', type: 'checkbox', defaultValue: false },
    { name: 'forceReason', type: 'textarea' },
    ukDateTime({ name: 'publishAt' }),
  ],
}

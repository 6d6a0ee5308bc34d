import type { CollectionConfig, Where } from 'payload'

import { editors } from '../../src/access/editors'
import { isStaffUser } from '../../src/access/roles'
import { validateHttpsUrl } from '../../src/fields/validators'
import { ukDateTime } from '../../src/fields/ukDateTime'

export const AUDIENCES = [
  { label: 'Police officer', value: 'police-officer' },
  { label: 'Police staff', value: 'police-staff' },
  { label: 'Special constable', value: 'special-constable' },
  { label: 'Volunteer', value: 'volunteer' },
] as const

/** A call to action is public while it is running; staff see every one. */
export const activeCtaWhere = (now: Date = new Date()): Where => ({
  and: [
    {
      or: [
        { activeFrom: { exists: false } },
        { activeFrom: { less_than_equal: now.toISOString() } },
      ],
    },
    {
      or: [
        { activeUntil: { exists: false } },
        { activeUntil: { greater_than: now.toISOString() } },
      ],
    },
  ],
})

export const RecruitmentCtas: CollectionConfig = {
  slug: 'recruitment-ctas',
  labels: { singular: 'Recruitment call to action', plural: 'Recruitment calls to action' },
  admin: {
    useAsTitle: 'heading',
    defaultColumns: ['heading', 'audience', 'activeFrom', 'activeUntil'],
    group: 'Reusable content',
    description: '"Join us" panels shown at the foot of releases while they are running.',
  },
  access: {
    read: ({ req: { user } }) => (isStaffUser(user) ? true : activeCtaWhere()),
    create: editors,
    update: editors,
    delete: editors,
  },
  fields: [
    { name: 'heading', type: 'text', required: true, maxLength: 120 },
    { name: 'body', type: 'textarea', required: true, maxLength: 1000 },
    {
      type: 'row',
      fields: [
        {
          name: 'linkLabel',
          type: 'text',
          required: true,
          maxLength: 80,
          admin: { placeholder: 'Find out about careers with us' },
        },
        {
          name: 'linkUrl',
          label: 'Link address',
          type: 'text',
          required: true,
          maxLength: 2000,
          validate: validateHttpsUrl,
        },
      ],
    },
    {
      name: 'audience',
      type: 'select',
      hasMany: true,
      required: true,
      options: AUDIENCES.map((a) => ({ ...a })),
    },
    {
      type: 'row',
      fields: [
        ukDateTime({
          name: 'activeFrom',
          admin: { description: 'Blank: running now.' },
        }),
        ukDateTime({
          name: 'activeUntil',
          admin: { description: 'Blank: runs until taken down.' },
          validate: (
            value: unknown,
            { siblingData }: { siblingData: { activeFrom?: string | null } },
          ) => {
            if (!value || !siblingData.activeFrom) return true
            return new Date(value as string) > new Date(siblingData.activeFrom)
              ? true
              : 'The end must be after the start.'
          },
        }),
      ],
    },
  ],
}

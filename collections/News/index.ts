import type { CollectionConfig } from 'payload'

import { publicNewsOrStaff } from '../../src/access/publicNewsOrStaff'
import { staff, staffField } from '../../src/access/staff'
import { slug } from '../../src/fields/slug'
import { UK_TIME_ZONE } from '../../src/time/ukTime'
import { mayCreateRelease, mayDeleteRelease, mayUpdateRelease } from './access/publishing'
import { publishNowWhenNoTimeGiven } from './hooks/publishNowWhenNoTimeGiven'
import { searchText } from './hooks/searchText'
import { validateSummaryToPublish } from './validation/summaryToPublish'

export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: 'Release', plural: 'Releases' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', '_status', 'publishAt', 'category', 'updatedAt'],
    listSearchableFields: ['title', 'summary', 'slug'],
    group: 'Releases',
    description: 'Press releases and news articles.',
  },
  versions: {
    drafts: { autosave: { interval: 2000 } },
    maxPerDoc: 100,
  },
  access: {
    read: publicNewsOrStaff,
    readVersions: staff,
    create: mayCreateRelease,
    update: mayUpdateRelease,
    delete: mayDeleteRelease,
  },
  hooks: {
    beforeChange: [publishNowWhenNoTimeGiven],
  },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Release',
          fields: [
            { name: 'title', type: 'text', required: true, maxLength: 200 },
            {
              name: 'summary',
              label: 'Summary (standfirst)',
              type: 'textarea',
              maxLength: 600,
              validate: validateSummaryToPublish,
              admin: {
                rows: 3,
                description:
                  'One or two sentences that tell the whole story. Shown under the headline, in listings, feeds and search results. Needed to publish.',
              },
            },
            { name: 'heroImage', label: 'Hero image', type: 'upload', relationTo: 'media' },
            { name: 'body', type: 'richText' },
          ],
        },
        {
          label: 'Quotes and links',
          fields: [
            {
              name: 'quotes',
              type: 'relationship',
              relationTo: 'quotes',
              hasMany: true,
              admin: { description: 'Shown in this order, each with the speaker, role and organisation.' },
            },
            { name: 'reportLinks', label: 'Report links', type: 'relationship', relationTo: 'report-links', hasMany: true },
            {
              name: 'recruitmentCta',
              label: 'Recruitment call to action',
              type: 'relationship',
              relationTo: 'recruitment-ctas',
              admin: { description: 'Leave blank to show the site default while it is running.' },
            },
          ],
        },
      ],
    },
    slug('news'),
    {
      name: 'publishAt',
      label: 'Publish at (embargo)',
      type: 'date',
      index: true,
      timezone: {
        defaultTimezone: UK_TIME_ZONE,
        supportedTimezones: [{ label: 'UK time (Europe/London)', value: UK_TIME_ZONE }],
      },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm', timeIntervals: 5 },
        description: 'UK time. The public sees the release from this moment, not before. Publishing with no time set publishes now.',
      },
    },
    {
      name: 'amendments',
      label: 'Updates after publication',
      type: 'array',
      admin: {
        position: 'sidebar',
        description: 'Significant changes made after the release went out. The latest is shown on the page as "Updated …: note".',
      },
      fields: [
        { name: 'at', label: 'When', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'note', label: 'What changed', type: 'text', required: true, maxLength: 300 },
      ],
    },
    {
      name: 'searchText',
      type: 'textarea',
      // Derived from the title, summary and body for search; left out of the admin and of
      // every response (a hidden field could not be searched).
      admin: { hidden: true, disableListColumn: true, disableListFilter: true },
      hooks: { beforeChange: [searchText], afterRead: [() => undefined] },
    },
    {
      name: 'category',
      type: 'relationship',
      relationTo: 'categories',
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      // Staff accounts are not the public's business.
      access: { read: staffField },
      defaultValue: ({ user }: { user?: { id: number | string } | null }) => (user ? [user.id] : []),
      admin: { position: 'sidebar' },
    },
  ],
}

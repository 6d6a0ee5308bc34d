import type { CollectionConfig, Field } from 'payload'

import { contentUnlessWithdrawn } from '../../src/access/contentUnlessWithdrawn'
import { publicNewsOrStaff } from '../../src/access/publicNewsOrStaff'
import { nobody } from '../../src/access/nobody'
import { isEditorUser } from '../../src/access/roles'
import { staff, staffField } from '../../src/access/staff'
import { slug } from '../../src/fields/slug'
import { ukDateTime } from '../../src/fields/ukDateTime'
import { embeddedIds, INLINE_BLOCK_COLLECTIONS } from '../../src/richtext/slate'
import {
  backToDraftWhenChangedInReview,
  guardReleaseState,
  guardReleaseStateOnChange,
  recordChangeInReview,
  refuseChangesOnceFound,
} from '../../src/workflow/guard'
import { recordDeletion } from '../../src/workflow/audit'
import { workflowEndpoints } from '../../src/workflow/endpoints'
import { previewLinkEndpoints } from '../../src/embargo/previewLinkEndpoints'
import { mediaListEndpoints } from '../../src/mediaList/endpoints'
import { syncPublicFromAfterChange, syncPublicFromAfterDelete } from '../../src/embargo/publicFrom'
import { mayCreateRelease, mayDeleteRelease, mayUpdateRelease } from './access/publishing'
import { publishNowWhenNoTimeGiven } from './hooks/publishNowWhenNoTimeGiven'
import { serverOwnedAuthors, serverOwnedTimestamps } from './hooks/serverOwned'
import { searchText } from './hooks/searchText'
import { validateSummaryToPublish } from './validation/summaryToPublish'
import { afterField, followUpOfField, kindField, kindGroups } from './kinds'

/**
 * What a duplicate does not inherit: it is a new draft, with no schedule, review, approval,
 * withdrawal or updates of its own yet, written by whoever made it.
 */
const notCopied = <T>(fresh: T) => ({ beforeDuplicate: [() => fresh] })

const STATE_OPTIONS = [
  { label: 'Draft', value: 'draft' },
  { label: 'In review', value: 'in-review' },
  { label: 'Approved (scheduled or published)', value: 'approved' },
  { label: 'Withdrawn', value: 'withdrawn' },
]

export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: 'Release', plural: 'Releases' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'workflowState', 'publishAt', 'category', 'updatedAt'],
    listSearchableFields: ['title', 'summary', 'slug'],
    group: 'Releases',
    description: 'Press releases and news articles.',
    components: {
      beforeListTable: ['/src/admin/StateFilters#StateFilters'],
      edit: {
        PublishButton: '/src/admin/WorkflowActions#WorkflowActions',
        UnpublishButton: '/src/admin/Nothing#Nothing',
        beforeDocumentControls: ['/src/admin/CopyForMedia#CopyForMedia'],
        Status: '/src/admin/StateField#StateStatus',
      },
    },
  },
  versions: {
    drafts: { autosave: { interval: 2000 } },
    maxPerDoc: 100,
  },
  // The public listings ask for the newest published releases that stand, overall and by
  // category, and count them for the page numbers: with the withdrawal in the index, PostgreSQL
  // counts from the index alone (2 ms for 10 000 releases, not 18 ms reading the table).
  indexes: [
    { fields: ['_status', 'publishAt', 'withdrawal.withdrawnAt'] },
    { fields: ['category', 'publishAt'] },
  ],
  access: {
    read: publicNewsOrStaff,
    readVersions: staff,
    create: mayCreateRelease,
    update: mayUpdateRelease,
    delete: mayDeleteRelease,
  },
  // Whether a release is withdrawn decides who may read its content (contentUnlessWithdrawn),
  // so it is read even when a request selects only some fields.
  forceSelect: { withdrawal: { withdrawnAt: true } },
  endpoints: [...workflowEndpoints, ...previewLinkEndpoints, ...mediaListEndpoints],
  hooks: {
    beforeOperation: [guardReleaseState, refuseChangesOnceFound],
    beforeChange: [
      guardReleaseStateOnChange,
      backToDraftWhenChangedInReview,
      publishNowWhenNoTimeGiven,
      serverOwnedTimestamps,
    ],
    afterChange: [syncPublicFromAfterChange, recordChangeInReview],
    afterDelete: [recordDeletion, syncPublicFromAfterDelete],
  },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Release',
          fields: [
            {
              name: 'proceedingsWarning',
              type: 'ui',
              admin: { components: { Field: '/src/admin/ProceedingsWarning#ProceedingsWarning' } },
            },
            {
              name: 'returnedNote',
              type: 'ui',
              admin: { components: { Field: '/src/admin/ReturnedNote#ReturnedNote' } },
            },
            kindField,
            { name: 'title', type: 'text', required: true, maxLength: 200 },
            {
              name: 'summary',
              label: 'Summary (standfirst)',
              type: 'textarea',
              maxLength: 600,
              validate: validateSummaryToPublish,
              access: { read: contentUnlessWithdrawn },
              admin: {
                rows: 3,
                description:
                  'One or two sentences that tell the whole story. Shown under the headline, in listings, feeds and search results. Needed to publish.',
              },
            },
            ...kindGroups,
            {
              name: 'heroImage',
              label: 'Hero image',
              type: 'upload',
              relationTo: 'media',
              access: { read: contentUnlessWithdrawn },
            },
            { name: 'body', type: 'richText', access: { read: contentUnlessWithdrawn } },
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
              access: { read: contentUnlessWithdrawn },
              admin: {
                description: 'Shown in this order, each with the speaker, role and organisation.',
              },
            },
            {
              name: 'reportLinks',
              label: 'Report links',
              type: 'relationship',
              relationTo: 'report-links',
              hasMany: true,
              access: { read: contentUnlessWithdrawn },
            },
            {
              name: 'recruitmentCta',
              label: 'Recruitment call to action',
              type: 'relationship',
              relationTo: 'recruitment-ctas',
              access: { read: contentUnlessWithdrawn },
              admin: { description: 'Leave blank to show the site default while it is running.' },
            },
          ],
        },
        {
          label: 'History and preview links',
          fields: [
            {
              name: 'previewLinks',
              label: 'Embargo preview links',
              type: 'join',
              collection: 'preview-links',
              on: 'release',
              defaultSort: '-createdAt',
              admin: {
                defaultColumns: ['label', 'expiresAt', 'lastUsedAt', 'useCount', 'revokedAt'],
                allowCreate: false,
                description:
                  'Links given to journalists to read this release before the embargo lifts, and when each was last used.',
              },
            },
            {
              name: 'history',
              label: 'Workflow history',
              type: 'join',
              collection: 'audit-log',
              on: 'release',
              defaultSort: '-at',
              defaultLimit: 50,
              admin: {
                defaultColumns: ['at', 'action', 'from', 'to', 'actorName', 'note', 'internalNote'],
                allowCreate: false,
              },
            },
          ],
        },
      ],
    },
    slug('news'),
    {
      hooks: notCopied('draft'),
      name: 'workflowState',
      label: 'State',
      type: 'select',
      options: STATE_OPTIONS,
      defaultValue: 'draft',
      index: true,
      access: { read: staffField, create: nobody, update: nobody },
      admin: {
        position: 'sidebar',
        readOnly: true,
        components: {
          Cell: '/src/admin/StateCell#StateCell',
          Field: '/src/admin/StateField#StateField',
        },
      },
    },
    ukDateTime({
      hooks: notCopied(null),
      name: 'publishAt',
      label: 'Publish at (embargo)',
      index: true,
      admin: {
        position: 'sidebar',
        // One control sets the embargo: Schedule, in the Workflow dialog. Here it is only shown.
        readOnly: true,
        condition: (data) => Boolean(data?.publishAt),
        description:
          'UK time. The public sees the release from this moment, not before. Set by Schedule in the Workflow dialog.',
      },
    }),
    {
      hooks: notCopied({}),
      name: 'review',
      type: 'group',
      access: { read: staffField, create: nobody, update: nobody },
      admin: { condition: () => false },
      fields: [
        { name: 'submittedBy', type: 'relationship', relationTo: 'users' },
        { name: 'submittedAt', type: 'date' },
      ],
    },
    {
      hooks: notCopied({}),
      name: 'approval',
      type: 'group',
      access: { read: staffField, create: nobody, update: nobody },
      admin: { condition: () => false },
      fields: [
        { name: 'approvedBy', type: 'relationship', relationTo: 'users' },
        { name: 'approvedAt', type: 'date' },
        { name: 'forced', type: 'checkbox' },
        { name: 'forceReason', type: 'textarea' },
      ],
    },
    {
      hooks: notCopied({}),
      name: 'withdrawal',
      type: 'group',
      access: { create: nobody, update: nobody },
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.withdrawal?.withdrawnAt),
      },
      fields: [
        ukDateTime({ name: 'withdrawnAt' }),
        { name: 'reason', type: 'textarea' },
        {
          name: 'withdrawnBy',
          type: 'relationship',
          relationTo: 'users',
          access: { read: staffField },
        },
      ],
    },
    {
      hooks: notCopied([]),
      name: 'amendments',
      label: 'Updates after publication',
      type: 'array',
      access: { create: nobody, update: nobody },
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.amendments?.length),
        description:
          'Added by "Publish changes" when a change is major. The latest is shown on the page as "Updated …: note".',
      },
      fields: [
        ukDateTime({ name: 'at', label: 'When', required: true }),
        { name: 'note', label: 'What changed', type: 'text', required: true, maxLength: 300 },
      ],
    },
    {
      name: 'searchText',
      type: 'textarea',
      // Derived from the title, summary and body for the site's search, which reads the column
      // directly (src/db/search.ts). Hidden: never in an answer (REST, GraphQL, versions) and
      // never a filter or sort, for anyone, since it holds a withdrawn release's words too.
      hidden: true,
      admin: { disableListColumn: true, disableListFilter: true },
      hooks: { beforeChange: [searchText] },
    },
    // The quotes and report links placed in the body as blocks, kept from the body on every
    // save, so that the embargo rule can find the releases that use them (src/embargo/publicFrom.ts).
    ...INLINE_BLOCK_COLLECTIONS.map((collection): Field => ({
      name: collection === 'quotes' ? 'inlineQuotes' : 'inlineReportLinks',
      type: 'relationship',
      relationTo: collection,
      hasMany: true,
      index: true,
      access: { read: contentUnlessWithdrawn },
      admin: { hidden: true, disableListColumn: true, disableListFilter: true },
      hooks: { beforeChange: [({ siblingData }) => embeddedIds(siblingData.body, collection)] },
    })),
    {
      name: 'category',
      type: 'relationship',
      relationTo: 'categories',
      index: true,
      admin: { position: 'sidebar' },
    },
    followUpOfField,
    { ...afterField, hooks: notCopied({}) },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      // Staff accounts are not the public's business.
      access: { read: staffField, update: ({ req }) => isEditorUser(req.user) },
      defaultValue: ({ user }: { user?: { id: number | string } | null }) =>
        user ? [user.id] : [],
      hooks: {
        beforeChange: [serverOwnedAuthors],
        beforeDuplicate: [({ req }) => (req.user ? [req.user.id] : [])],
      },
      admin: {
        position: 'sidebar',
        description: 'Whoever made the release. Only an editor or an admin may change it.',
      },
    },
  ],
}

import type { CollectionConfig } from 'payload'

import { editors } from '../../src/access/editors'
import { staff } from '../../src/access/staff'
import { editorsOrAuthorsWhileUnused } from '../../src/access/editorsOrAuthorsWhileUnused'
import { publicFromOrStaff } from '../../src/access/publicFromOrStaff'
import { publicFromField } from '../../src/embargo/publicFrom'
import { quoteLabel } from './hooks/quoteLabel'

export const Quotes: CollectionConfig = {
  slug: 'quotes',
  labels: { singular: 'Quote', plural: 'Quotes' },
  admin: {
    useAsTitle: 'label',
    // The label leads with the speaker and goes on with their words, so that the picker tells
    // two quotes from one person apart.
    defaultColumns: ['label', 'organisation', 'updatedAt'],
    listSearchableFields: ['speakerName', 'speakerRole', 'organisation', 'text'],
    group: 'Reusable content',
    description: 'Attributed statements, written once and used in as many releases as need them.',
  },
  access: {
    read: publicFromOrStaff,
    create: staff,
    update: editorsOrAuthorsWhileUnused,
    delete: editors,
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'speakerName', label: 'Speaker', type: 'text', required: true, maxLength: 120 },
        {
          name: 'speakerRole',
          label: 'Role',
          type: 'text',
          maxLength: 120,
          admin: { placeholder: 'Deputy Chief Constable' },
        },
        {
          name: 'organisation',
          type: 'text',
          maxLength: 120,
          admin: { placeholder: 'Northmoor Police' },
        },
      ],
    },
    {
      name: 'text',
      label: 'What they said',
      type: 'textarea',
      required: true,
      maxLength: 10000,
      admin: {
        rows: 8,
        description:
          'Leave a blank line between paragraphs. Do not add quotation marks: the site adds them.',
      },
    },
    {
      name: 'context',
      type: 'textarea',
      maxLength: 1000,
      admin: {
        rows: 2,
        description: 'For the press office: when and where this was said, and who approved it.',
      },
    },
    {
      name: 'label',
      label: 'Quote',
      type: 'text',
      // Made from the speaker and the words (hooks/quoteLabel.ts): a column in lists and the
      // quote pickers, never typed, so not on the form.
      admin: { readOnly: true, condition: () => false },
      hooks: { beforeChange: [quoteLabel] },
    },
    publicFromField(),
  ],
}

import type { CollectionConfig } from 'payload'

import { editors } from '../../src/access/editors'
import { staff } from '../../src/access/staff'
import { editorsOrAuthorsWhileUnused } from '../../src/access/editorsOrAuthorsWhileUnused'
import { publicFromOrStaff } from '../../src/access/publicFromOrStaff'
import { publicFromField } from '../../src/embargo/publicFrom'
import { validateHttpsUrl } from '../../src/fields/validators'

export const GRADES = [
  'Outstanding',
  'Good',
  'Adequate',
  'Requires improvement',
  'Inadequate',
] as const

export const ReportLinks: CollectionConfig = {
  slug: 'report-links',
  labels: { singular: 'Report link', plural: 'Report links' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'publisher', 'publishedOn'],
    listSearchableFields: ['title', 'publisher'],
    group: 'Reusable content',
    description: 'External reports, such as inspection reports, that releases point readers to.',
  },
  access: {
    read: publicFromOrStaff,
    create: staff,
    update: editorsOrAuthorsWhileUnused,
    delete: editors,
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    {
      type: 'row',
      fields: [
        {
          name: 'publisher',
          type: 'text',
          required: true,
          maxLength: 120,
          admin: {
            placeholder: 'HMICFRS',
            description: 'Shown as "Read the full report on the … website".',
          },
        },
        {
          name: 'publishedOn',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMMM yyyy' } },
        },
      ],
    },
    {
      name: 'url',
      label: 'Web address',
      type: 'text',
      required: true,
      maxLength: 2000,
      validate: validateHttpsUrl,
      admin: { placeholder: 'https://hmicfrs.justiceinspectorates.gov.uk/…' },
    },
    { name: 'summary', type: 'textarea', maxLength: 2000 },
    {
      name: 'findings',
      type: 'array',
      labels: { singular: 'Finding', plural: 'Findings' },
      admin: {
        description: 'The areas inspected and the grade given to each.',
        initCollapsed: false,
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'area',
              type: 'text',
              required: true,
              maxLength: 200,
              admin: { placeholder: 'Vetting and counter-corruption' },
            },
            {
              name: 'grade',
              type: 'select',
              required: true,
              options: GRADES.map((g) => ({ label: g, value: g })),
            },
          ],
        },
      ],
    },
    publicFromField(),
  ],
}

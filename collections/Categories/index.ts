import type { CollectionConfig } from 'payload'

import { anyone } from '../../src/access/anyone'
import { editors } from '../../src/access/editors'
import { slug } from '../../src/fields/slug'

export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: 'Category', plural: 'Categories' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug'],
    group: 'Reusable content',
    description: 'Topics the public can browse news by, such as "Appeals" or "Court results".',
  },
  access: { read: anyone, create: editors, update: editors, delete: editors },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 80 },
    slug('categories', 'name'),
  ],
}

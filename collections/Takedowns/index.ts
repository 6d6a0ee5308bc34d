import type { CollectionConfig } from 'payload'

import { nobody } from '../../src/access/nobody'
import { staff } from '../../src/access/staff'

/**
 * One row per takedown that the server does by itself (pictures at their review date), claimed
 * by the first server to get there: the unique key makes it happen once when several servers
 * share the database. It says what was taken down and when, never what it showed.
 */
export const Takedowns: CollectionConfig = {
  slug: 'takedowns',
  labels: { singular: 'Takedown', plural: 'Takedowns' },
  admin: { hidden: true },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'release', type: 'relationship', relationTo: 'news' },
    { name: 'why', type: 'text' },
    { name: 'pictures', type: 'number' },
  ],
}

import type { CollectionConfig, ImageSize } from 'payload'

import { staff } from '../../src/access/staff'
import { editors } from '../../src/access/editors'
import { editorsOrAuthorsWhileUnused } from '../../src/access/editorsOrAuthorsWhileUnused'
import { publicFromOrStaff } from '../../src/access/publicFromOrStaff'
import { publicFromField } from '../../src/embargo/publicFrom'
import { mediaDir } from '../../src/config/paths'
import { refuseNonImages } from './hooks/refuseNonImages'

export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']

/** The sizes made of every picture (see `imageSizes` below). */
export const IMAGE_SIZE_NAMES = ['card', 'hero', 'heroLarge', 'og'] as const

const webp = (name: (typeof IMAGE_SIZE_NAMES)[number], width: number, height?: number): ImageSize => ({
  name,
  width,
  height,
  position: 'centre',
  withoutEnlargement: true,
  formatOptions: { format: 'webp', options: { quality: 78 } },
})

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Image', plural: 'Images' },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'credit', 'updatedAt'],
    group: 'Reusable content',
  },
  access: {
    read: publicFromOrStaff,
    create: staff,
    update: editorsOrAuthorsWhileUnused,
    delete: editors,
  },
  hooks: { beforeOperation: [refuseNonImages] },
  upload: {
    staticDir: mediaDir(),
    mimeTypes: IMAGE_MIME_TYPES,
    focalPoint: true,
    crop: true,
    adminThumbnail: 'card',
    // Files are served by the site (src/site/mediaFiles.ts), which knows whether the public may
    // see a picture. Should Payload's own file route ever answer, nothing may keep what it sends.
    modifyResponseHeaders: ({ headers }) => {
      headers.set('Cache-Control', 'private, no-store')
      headers.set('X-Content-Type-Options', 'nosniff')
      return headers
    },
    // Every size is WebP: a card for listings, two hero widths for the article's srcset,
    // and the 1200×630 picture that social networks expect for Open Graph.
    imageSizes: [webp('card', 640, 360), webp('hero', 1280, 720), webp('heroLarge', 1920, 1080), webp('og', 1200, 630)],
  },
  fields: [
    {
      name: 'alt',
      label: 'Alternative text',
      type: 'text',
      required: true,
      maxLength: 250,
      admin: { description: 'What the picture shows, for people who cannot see it. Do not start with "Image of".' },
    },
    { name: 'credit', type: 'text', maxLength: 120, admin: { placeholder: 'Northmoor Police' } },
    publicFromField(),
  ],
}

import { seoPlugin } from '@payloadcms/plugin-seo'

import type { Field } from 'payload'

import { contentUnlessWithdrawn } from '../access/contentUnlessWithdrawn'
import { siteUrl } from '../config/env'

type Release = {
  title?: string
  summary?: string
  slug?: string
  heroImage?: number | string | { id: number | string } | null
}

/**
 * Meta title, description and image for releases, in an "SEO" tab with a search preview.
 * Left blank, the public site falls back to the title, summary and hero image; the
 * "Auto-generate" buttons copy those in for editing.
 */
export const seo = seoPlugin({
  collections: ['news'],
  uploadsCollection: 'media',
  tabbedUI: true,
  fields: ({ defaultFields }) =>
    defaultFields.map((field) =>
      field.type !== 'ui' && 'name' in field
        ? ({ ...field, access: { ...field.access, read: contentUnlessWithdrawn } } as Field)
        : field,
    ),
  generateTitle: ({ doc }: { doc: Release }) => doc.title ?? '',
  generateDescription: ({ doc }: { doc: Release }) => doc.summary ?? '',
  generateImage: ({ doc }: { doc: Release }) =>
    typeof doc.heroImage === 'object' && doc.heroImage ? doc.heroImage.id : (doc.heroImage ?? ''),
  generateURL: ({ doc }: { doc: Release }) => `${siteUrl()}/news/${doc.slug ?? ''}`,
})

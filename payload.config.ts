import path from 'node:path'

import { slateEditor } from '@payloadcms/richtext-slate'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { collections } from './collections'
import { payloadSecret, siteUrl } from './src/config/env'
import { projectRoot } from './src/config/paths'
import { databaseAdapter } from './src/db/adapter'
import { SiteSettings } from './src/globals/SiteSettings'
import { contentEvents } from './src/plugins/contentEvents'
import { seo } from './src/plugins/seo'
import { UK_TIME_ZONE } from './src/time/ukTime'

export default buildConfig({
  serverURL: siteUrl(),
  secret: payloadSecret(),
  db: databaseAdapter(),
  collections,
  globals: [SiteSettings],
  editor: slateEditor({
    admin: {
      elements: ['h2', 'h3', 'h4', 'ul', 'ol', 'link', 'blockquote'],
      leaves: ['bold', 'italic'],
    },
  }),
  sharp,
  plugins: [seo, contentEvents],
  admin: {
    user: 'users',
    avatar: 'default',
    meta: {
      titleSuffix: ' · Newsroom',
      description: 'Newsroom: write, review and schedule police press releases.',
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/favicon.svg' }],
      openGraph: { siteName: 'Newsroom', description: 'Write, review and schedule police press releases.' },
      robots: 'noindex, nofollow',
    },
    importMap: { baseDir: projectRoot },
    timezones: {
      defaultTimezone: UK_TIME_ZONE,
      supportedTimezones: [{ label: 'UK time (Europe/London)', value: UK_TIME_ZONE }],
    },
    dateFormat: 'd MMM yyyy, HH:mm',
  },
  typescript: { outputFile: path.join(projectRoot, 'src/payload-types.ts') },
  telemetry: false,
})

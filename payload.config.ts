import path from 'node:path'

import { slateEditor } from '@payloadcms/richtext-slate'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { collections } from './collections'
import { admins } from './src/access/admins'
import { isAdminUser } from './src/access/roles'
import { payloadSecret, siteUrl } from './src/config/env'
import { projectRoot } from './src/config/paths'
import { databaseAdapter } from './src/db/adapter'
import { LIFT_QUEUE, liftEmbargoTask } from './src/embargo/liftJob'
import { ContentVersion } from './src/globals/ContentVersion'
import { SiteSettings } from './src/globals/SiteSettings'
import { contentEvents } from './src/plugins/contentEvents'
import { seo } from './src/plugins/seo'
import { storage } from './src/plugins/storage'
import { UK_TIME_ZONE } from './src/time/ukTime'

export default buildConfig({
  serverURL: siteUrl(),
  secret: payloadSecret(),
  db: databaseAdapter(),
  collections,
  globals: [SiteSettings, ContentVersion],
  editor: slateEditor({
    admin: {
      elements: ['h2', 'h3', 'h4', 'ul', 'ol', 'link', 'blockquote'],
      leaves: ['bold', 'italic'],
    },
  }),
  sharp,
  plugins: [seo, contentEvents, ...storage()],
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
  jobs: {
    tasks: [liftEmbargoTask],
    // Every process polls for lifts that are due, every second, from the moment it boots
    // (src/boot.ts starts the runner). Lifts are claimed once (collections/EmbargoLifts).
    autoRun: [{ cron: '* * * * * *', queue: LIFT_QUEUE, limit: 20, silent: { info: true } }],
    access: { queue: ({ req }) => isAdminUser(req.user), run: ({ req }) => isAdminUser(req.user), cancel: ({ req }) => isAdminUser(req.user) },
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, group: 'Administration', hidden: ({ user }) => !isAdminUser(user as { roles?: string[] }) },
      access: { ...defaultJobsCollection.access, read: admins, create: admins, update: admins, delete: admins },
    }),
  },
  typescript: { outputFile: path.join(projectRoot, 'src/payload-types.ts') },
  telemetry: false,
})

import path from 'node:path'

import { slateEditor } from '@payloadcms/richtext-slate'
import { buildConfig } from 'payload'

import { collections } from './collections'
import { admins } from './src/access/admins'
import { oneSignInPerRequest } from './src/auth/oneSignInPerRequest'
import { isAdminUser } from './src/access/roles'
import { livePreview } from './src/livePreview/config'
import { payloadSecret, siteUrl } from './src/config/env'
import { projectRoot } from './src/config/paths'
import { databaseAdapter } from './src/db/adapter'
import { databaseDownIs503, logGraphqlFailures } from './src/http/apiErrors'
import { emailAdapter } from './src/email/transport'
import { EMAIL_QUEUE, sendEmailTask } from './src/email/sendTask'
import { LIFT_QUEUE, liftEmbargoTask } from './src/embargo/liftJob'
import { ContentVersion } from './src/globals/ContentVersion'
import { SiteSettings } from './src/globals/SiteSettings'
import { BODY_ELEMENTS, BODY_LEAVES } from './src/richtext/slate'
import { contentEvents } from './src/plugins/contentEvents'
import { seo } from './src/plugins/seo'
import { storage } from './src/plugins/storage'
import { strictInput } from './src/plugins/strictInput'
import { UK_TIME_ZONE } from './src/fields/ukTime'
import { MAX_UPLOAD_BYTES, sharpWithLimits } from './collections/Media/uploadLimits'
import { PRESS_OFFICE_WORDS } from './src/admin/words'

// A promise, as buildConfig's own result is: the database adapter and the storage plugin are
// loaded on demand (src/db/adapter.ts), so that a start loads only the one it uses.
const config = async () =>
  buildConfig({
    serverURL: siteUrl(),
    secret: payloadSecret(),
    db: await databaseAdapter(),
    // SMTP_URL, or the outbox under data/, or off in production (src/email/transport.ts).
    email: emailAdapter(),
    collections,
    globals: [SiteSettings, ContentVersion],
    editor: slateEditor({
      admin: {
        elements: [...BODY_ELEMENTS],
        leaves: [...BODY_LEAVES],
      },
    }),
    // sharp that will not decode more than 50 megapixels (collections/Media/uploadLimits.ts).
    sharp: sharpWithLimits,
    // Uploads stop being read at 20 MB; src/http/limits.ts refuses a declared larger one before that.
    upload: {
      limits: { fileSize: MAX_UPLOAD_BYTES },
      abortOnLimit: true,
      responseOnLimit: `An upload may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
    },
    // Cookie-authenticated requests count only from SITE_URL (serverURL, which Payload adds to
    // its CSRF list): a page elsewhere cannot act as someone signed in here.
    csrf: [],
    plugins: [seo, contentEvents, ...(await storage()), strictInput],
    i18n: { translations: { en: PRESS_OFFICE_WORDS } },
    admin: {
      user: 'users',
      avatar: 'default',
      meta: {
        titleSuffix: ' · Newsroom',
        description: 'Newsroom: write, review and schedule police press releases.',
        icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/favicon.svg' }],
        openGraph: {
          siteName: 'Newsroom',
          description: 'Write, review and schedule police press releases.',
        },
        // Payload's generated link-preview picture is its own logo; the admin is not for sharing.
        defaultOGImageType: 'off',
        robots: 'noindex, nofollow',
      },
      importMap: { baseDir: projectRoot },
      components: {
        beforeDashboard: ['/src/admin/DeskDashboard#DeskDashboard'],
        afterNavLinks: ['/src/admin/Outbox#OutboxNavLink'],
        views: {
          // The e-mail kept instead of sent (src/email/outbox.ts), for admins.
          outbox: { Component: '/src/admin/Outbox#Outbox', path: '/outbox' },
        },
        // Newsroom and the force (its name and logo from the site settings), not Payload's logo.
        graphics: { Logo: '/src/admin/Brand#BrandLogo', Icon: '/src/admin/Brand#BrandIcon' },
      },
      livePreview,
      timezones: {
        defaultTimezone: UK_TIME_ZONE,
        supportedTimezones: [{ label: 'UK time (Europe/London)', value: UK_TIME_ZONE }],
      },
      // Comms officers work in UK time; every date the admin prints names its zone ("GMT",
      // "GMT+1" in summer) so that nobody has to guess.
      dateFormat: 'd MMM yyyy, HH:mm O',
    },
    jobs: {
      tasks: [liftEmbargoTask, sendEmailTask],
      // Every process polls for lifts that are due, every second, from the moment it boots
      // (src/boot.ts starts the runner). Lifts are claimed once (collections/EmbargoLifts).
      autoRun: [
        { cron: '* * * * * *', queue: LIFT_QUEUE, limit: 20, silent: { info: true } },
        // E-mail queued by requests goes out within a second of their commit (src/email/sendTask.ts).
        { cron: '* * * * * *', queue: EMAIL_QUEUE, limit: 20, silent: { info: true } },
      ],
      access: {
        queue: ({ req }) => isAdminUser(req.user),
        run: ({ req }) => isAdminUser(req.user),
        cancel: ({ req }) => isAdminUser(req.user),
      },
      jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
        ...defaultJobsCollection,
        labels: { singular: 'Background task', plural: 'Background tasks' },
        admin: {
          ...defaultJobsCollection.admin,
          description:
            'What the server does by itself, such as the follow-up when an embargo lifts (webhooks, history). For admins.',
          group: 'Administration',
          enableRichTextRelationship: false,
          hidden: ({ user }) => !isAdminUser(user as { roles?: string[] }),
        },
        access: {
          ...defaultJobsCollection.access,
          read: admins,
          create: admins,
          update: admins,
          delete: admins,
        },
      }),
    },
    typescript: {
      outputFile: path.join(projectRoot, 'src/payload-types.ts'),
      // Outside production, Payload otherwise starts `payload generate:types` in a process of
      // its own every time it starts, rewriting this committed file under a running server: 5 s
      // of CPU a start, a third of the test suite's. The types are made on purpose with
      // `npm run generate:types`, and test/foundation/schema.test.ts fails when they are stale.
      autoGenerate: false,
    },
    hooks: { afterError: [databaseDownIs503, logGraphqlFailures] },
    // A refusal is the system working: one line in the log, not an error with its stack. An
    // author opening a release (whose media-list panel the server refuses them), a stranger
    // trying GraphQL, or someone guessing passwords must not fill the log with errors.
    // GraphQL's real failures (5xx) are still logged as errors, whole (logGraphqlFailures).
    // (Payload's type lists only its own error names; the level is looked up by the error's name.)
    loggingLevels: {
      WorkflowError: 'info',
      GraphQLError: 'info',
      TooManyAttempts: 'info',
    } as Record<string, 'info'>,
    graphQL: { validationRules: () => [oneSignInPerRequest] },
    telemetry: false,
  })

export default config()

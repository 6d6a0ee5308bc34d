import { configDefaults, defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The PostgreSQL pass (TEST_DATABASE=postgres, `npm run test:int:postgres`) runs again only
 * the files whose behaviour depends on the database: queries, transactions, migrations,
 * search, embargo and visibility queries, the workflow, access, and what bad input does to
 * the database. These files test what is the same on every database, so one pass, on
 * SQLite, is enough:
 */
const sameOnEveryDatabase = [
  'test/unit/**', // pure logic, no database at all
  'test/mongodb/**', // run by npm run test:int:mongodb
  'test/ops/backup.test.ts', // the backup commands are for the embedded SQLite database
  'test/ops/shutdown.test.ts', // how the process stops: connections, not queries
  'test/hardening/security.test.ts', // headers, cookies, CSRF, the password rules (hooks before any write)
  'test/hardening/signIn.test.ts', // the sign-in throttle counts in memory, per address and account
  'test/site/hostile.test.ts', // HTML and feed escaping, and links refused before they are stored
  'test/site/flood.test.ts', // the render limits per address, in memory
  'test/site/reader.test.ts', // the wording of pages as they are read out
  'test/desk/mediaCopy.test.ts', // the text of the copy for the media, made from one release
  'test/workflow/embargo.test.ts', // the embargo suite on PostgreSQL is test/postgres/embargo.test.ts, in this pass
  'test/email/outbox.test.ts', // files under data/ and the admin's page of them; the settings refused at start-up
  'test/email/passwordReset.test.ts', // Payload's reset token, and what the SMTP server received
  'test/email/liftFailed.test.ts', // the job queue's last retry (minutes of backoff); the queueing itself is in notifications.test.ts
  'test/alerts/subscribe.test.ts', // the public pages and e-mails; the work list's SQL on each database is test/alerts/delivery.test.ts
  'test/email/invitation.test.ts', // Payload's reset token, as for passwordReset, and a mail server that is down
  'test/email/notifications.test.ts', // who is e-mailed of each step: the job queue and the wording; the history they come from is tested on each database
  'test/foundation/start.test.ts', // the embedded database's start and the environment's checks; PostgreSQL's start-up is test/postgres/start.test.ts
  'test/desk/livePreview.test.ts', // the public template rendered for staff, from one release read by id
  'test/desk/duplicate.test.ts', // which fields a duplicate keeps: Payload's duplicate operation, the same on every database
  'test/hardening/methodOverride.test.ts', // the API guard reads the query before any database does
]

/**
 * PostgreSQL's own tests (the embargo suite, the real-time lift, an outage, two servers, the
 * start-up) run in the PostgreSQL pass only: they make databases of their own on the server,
 * whichever pass runs them, and in that pass they even out the two passes' lengths. So does
 * Varnish in front, and its purge (HTTP, the same on every database; the rows of changes its
 * purges follow are tested on each database): the SQLite pass, which runs every other file, is
 * the longer of the two.
 */
const postgresOnly = ['test/postgres/**', 'test/cdn/**']

/**
 * The files that take longest (about 30 s or more in a CI run, longest first), started first.
 * A clean clone has no timings from an earlier run, and vitest then starts the largest files
 * first, which left the embargo suite (a minute) starting last, alone on one worker while the
 * other sat idle. Keep the list to the longest files; the rest follow by vitest's own order.
 */
const LONGEST = [
  'test/postgres/embargo.test.ts',
  'test/foundation/access.test.ts',
  'test/postgres/alerts.test.ts',
  'test/workflow/embargo.test.ts',
  'test/workflow/transitions.test.ts',
  'test/email/outbox.test.ts',
  'test/postgres/lift.test.ts',
  'test/email/invitation.test.ts',
  'test/postgres/twoServers.test.ts',
  'test/cdn/varnish.test.ts',
  'test/hardening/crash.test.ts',
  'test/postgres/start.test.ts',
  'test/site/pages.test.ts',
  'test/releases/walk.test.ts',
  'test/alerts/delivery.test.ts',
  'test/ops/backup.test.ts',
  'test/alerts/subscribe.test.ts',
  'test/foundation/start.test.ts',
  'test/postgres/outage.test.ts',
  'test/site/cache.test.ts',
  'test/hardening/signIn.test.ts',
  'test/email/liftFailed.test.ts',
]

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const rank = (file: TestSpecification) => {
      const at = LONGEST.findIndex((name) => file.moduleId.endsWith(name))
      return at === -1 ? LONGEST.length : at
    }
    // Array.prototype.sort is stable: the files not listed keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b))
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.TEST_DATABASE === 'postgres' ? sameOnEveryDatabase : postgresOnly),
    ],
    globalSetup: ['test/helpers/globalSetup.ts'],
    // Each file runs in its own process: Payload keeps one instance per process.
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
    // Many tests start (or restart) a server in the test itself: they may take as long as a
    // boot may take on a loaded 2-core machine (test/helpers/server.ts gives it 170 s).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: ['default'],
    sequence: { sequencer: LongestFirst },
  },
})

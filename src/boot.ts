import type { Payload } from 'payload'
import { getPayload, ValidationError } from 'payload'

import { startAlertSender } from './alerts/sender'
import { startPictureReview } from './takedown/review'
import { checkDatabaseReachable } from './db/adapter'
import { stopOnClose } from './db/close'
import { surviveLostConnections } from './db/health'
import { claimJobsAtomically } from './db/jobClaims'
import { prepareDatabase } from './db/migrate'
import { describeEmail } from './email/transport'
import { releaseForMedia } from './exports/forMedia'
import { provideMediaCopyRenderer } from './exports/mediaCopyRenderer'
import { isDatabaseEmpty, seedDemoContent } from './seed'

export type BootOptions = {
  /** Load the demo content when the database has no content yet (npm start does). */
  seedWhenEmpty?: boolean
  /** Run the job queue (the embargo lifts) in this process; a command-line tool or a test may not want to. */
  runJobs?: boolean
  log?: (message: string) => void
}

const loadConfig = async () => (await import('../payload.config')).default

/** With ADMIN_EMAIL and ADMIN_PASSWORD set and no users yet, that person becomes the first admin. */
const createAdminFromEnvironment = async (payload: Payload, log: (message: string) => void) => {
  const email = process.env.ADMIN_EMAIL
  const password = process.env.ADMIN_PASSWORD
  if (!email || !password) return
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return
  try {
    await payload.create({
      collection: 'users',
      data: { email, password, name: process.env.ADMIN_NAME || 'Administrator', roles: ['admin'] },
      overrideAccess: true,
    })
    log(`Created the admin account ${email} from ADMIN_EMAIL and ADMIN_PASSWORD.`)
  } catch (error) {
    const refused =
      error instanceof ValidationError
        ? error.data.errors.find((problem) => problem.path === 'password')
        : undefined
    if (refused) throw new Error(`ADMIN_PASSWORD is not accepted: ${refused.message}`)
    // Several servers starting together on a new database: another one made it first.
    const made = await payload.count({
      collection: 'users',
      where: { email: { equals: email } },
      overrideAccess: true,
    })
    if (made.totalDocs === 0) throw error
  }
}

/**
 * Starts Payload for this process: the database schema first, then the first admin and the
 * demo content if asked for, and only then the job runner, so that it never polls a
 * database that is not ready.
 */
export const bootPayload = async ({
  seedWhenEmpty = false,
  runJobs = true,
  log = console.log,
}: BootOptions = {}): Promise<Payload> => {
  await checkDatabaseReachable()
  const config = await loadConfig()
  const payload = await getPayload({ config })
  surviveLostConnections(payload)
  // Several servers poll one job queue: each task is taken by one of them (./db/jobClaims.ts).
  claimJobsAtomically(payload)
  describeEmail(payload, log)
  await prepareDatabase(payload)
  await createAdminFromEnvironment(payload, log)
  if (seedWhenEmpty && (await isDatabaseEmpty(payload))) {
    log('The database is empty: loading the demo content…')
    const summary = await seedDemoContent(payload)
    log(`Demo content loaded: ${summary}.`)
  }
  // The media list's e-mail jobs render the release with React, which Next's bundle may not
  // import (src/exports/mediaCopyRenderer.ts).
  provideMediaCopyRenderer(releaseForMedia)
  // getPayload({ cron: true }) on the running instance starts its job runner now, at boot,
  // rather than whenever something else first asks for it.
  if (runJobs) {
    await getPayload({ config, cron: true })
    // Public alerts go out from every server, sharing the work through the database.
    stopOnClose(payload, startAlertSender(payload))
    // Custody images and court results come down at their review date (src/takedown/review.ts).
    stopOnClose(payload, startPictureReview(payload))
  }
  return payload
}

import fs from 'node:fs'

import type { FullConfig } from '@playwright/test'

import { ensureBuilt } from '../src/cli/build'
import { startMailSink, mailSinkUrl } from '../test/helpers/mailSink'
import { startServer } from '../test/helpers/server'
import { makeTempDir } from '../test/helpers/tempDir'
import { makeWorkerAdmins } from './admins'

/** Builds the admin if needed, then runs Newsroom with the demo content for the browser tests, its e-mail going to a real SMTP server. */
export default async function globalSetup(config: FullConfig) {
  if (!fs.existsSync('/usr/bin/chromium')) {
    throw new Error(
      'The browser tests need Debian’s Chromium at /usr/bin/chromium: apt-get install -y chromium',
    )
  }
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  await ensureBuilt()
  // E-mail goes to a real SMTP server, which the specs read (e2e/alerts.spec.ts).
  const mailDir = makeTempDir('newsroom-e2e-mail-')
  const stopMailSink = await startMailSink(mailDir.dir)
  const server = await startServer({ seed: true, env: { SMTP_URL: mailSinkUrl() } })
  process.env.NEWSROOM_E2E_URL = server.url
  await makeWorkerAdmins(server.url, config.workers)
  return async () => {
    await server.stop()
    await stopMailSink()
    mailDir.remove()
  }
}

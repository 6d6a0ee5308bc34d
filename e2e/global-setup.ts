import fs from 'node:fs'

import { ensureAdminBuild } from '../src/cli/build'
import { startServer } from '../test/helpers/server'

/** Builds the admin if needed, then runs Newsroom with the demo content for the browser tests. */
export default async function globalSetup() {
  if (!fs.existsSync('/usr/bin/chromium')) {
    throw new Error(
      'The browser tests need Debian’s Chromium at /usr/bin/chromium: apt-get install -y chromium',
    )
  }
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  await ensureAdminBuild()
  const server = await startServer({ seed: true })
  process.env.NEWSROOM_E2E_URL = server.url
  return async () => {
    await server.stop()
  }
}

import { ensureAdminBuild } from '../../src/cli/build'

/** HTTP tests run the real server, which serves the admin and the API from the Next.js build. */
export default async function setup() {
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  await ensureAdminBuild()
}

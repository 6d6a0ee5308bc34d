import { ensureAdminBuild } from '../../src/cli/build'
import { makePostgresTemplate, TEST_DATABASE } from './database'
import { runCli } from './run'
import { makeTempDir } from './tempDir'

/**
 * HTTP tests run the real server, which serves the admin and the API from the Next.js
 * build. On PostgreSQL, one database is migrated here for every test to copy.
 */
export default async function setup() {
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  await ensureAdminBuild()
  if (TEST_DATABASE !== 'postgres') return
  const template = await makePostgresTemplate(async (url) => {
    const temp = makeTempDir()
    const result = await runCli('migrate.ts', { DATABASE_URL: url, NEWSROOM_DATA_DIR: temp.dir })
    temp.remove()
    if (result.code !== 0) throw new Error(`Migrating the template database failed:\n${result.output}`)
  })
  process.env.NEWSROOM_TEST_PG_TEMPLATE = template.name
  return () => template.drop()
}

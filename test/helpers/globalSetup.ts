import { ensureBuilt } from '../../src/cli/build'
import { makePostgresTemplate, makeSqliteTemplate, TEST_DATABASE } from './database'
import { runCli } from './run'
import { startMailSink } from './mailSink'
import { sharedServers } from './sharedServer'
import { makeTempDir } from './tempDir'

/**
 * HTTP tests run the real server, which serves the admin and the API from the Next.js
 * build. One database (a SQLite file, or a PostgreSQL database) is migrated here for every
 * test to copy: migrating each one would cost every server start a second or two.
 */
const migrateWithTheCli = async (url: string) => {
  const temp = makeTempDir()
  const result = await runCli('migrate', { DATABASE_URL: url, NEWSROOM_DATA_DIR: temp.dir })
  temp.remove()
  if (result.code !== 0)
    throw new Error(`Migrating the template database failed:\n${result.output}`)
}

export default async function setup() {
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  await ensureBuilt()
  let dropTemplate = async () => {}
  if (TEST_DATABASE === 'postgres') {
    const template = await makePostgresTemplate(migrateWithTheCli)
    process.env.NEWSROOM_TEST_PG_TEMPLATE = template.name
    dropTemplate = template.drop
  }
  if (TEST_DATABASE === 'sqlite') {
    const template = await makeSqliteTemplate(migrateWithTheCli)
    process.env.NEWSROOM_TEST_SQLITE_TEMPLATE = template.file
    dropTemplate = template.drop
  }
  // The shared servers' e-mail goes to one real SMTP server for the run (test/helpers/mailSink.ts).
  const mailDir = makeTempDir('newsroom-mail-')
  const stopMailSink = await startMailSink(mailDir.dir)
  const stopSharedServers = sharedServers()
  return async () => {
    await stopSharedServers()
    await stopMailSink()
    mailDir.remove()
    await dropTemplate()
  }
}

/** `npm run migrate`: applies the committed migrations under migrations/ to DATABASE_URL's database. */
import { getPayload } from 'payload'

import { checkDatabaseReachable, databaseKind } from '../db/adapter'
import { closePayload } from '../db/close'
import { migrate, pendingMigrations } from '../db/migrate'
import { runCommand } from './runCommand'

await runCommand(async () => {
  await checkDatabaseReachable()
  const config = (await import('../../payload.config')).default
  const payload = await getPayload({ config })
  const pending = await pendingMigrations(payload)
  if (pending.length === 0) {
    console.log(`The ${databaseKind()} database is up to date.`)
  } else {
    console.log(
      `Applying ${pending.length} migration(s) to the ${databaseKind()} database: ${pending.join(', ')}`,
    )
    await migrate(payload)
    console.log('Done.')
  }
  await closePayload(payload)
})

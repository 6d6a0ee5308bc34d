import type { Payload } from 'payload'

import { migrations as postgresMigrations } from '../../migrations/postgres'
import { migrations as sqliteMigrations } from '../../migrations/sqlite'
import { ConfigurationError } from '../config/env'
import { databaseKind } from './adapter'

type Migration = { name: string }

/** The migrations committed under migrations/ for the database in use (MongoDB needs none). */
export const committedMigrations = (): Migration[] =>
  ({ sqlite: sqliteMigrations, postgres: postgresMigrations, mongodb: [] })[databaseKind()]

/** Names of committed migrations the database has not run yet. */
export const pendingMigrations = async (payload: Payload): Promise<string[]> => {
  let ran: string[]
  try {
    const { docs } = await payload.find({
      collection: 'payload-migrations',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    ran = docs.map((doc) => String((doc as { name?: string }).name))
  } catch {
    // No migrations table yet: nothing has run.
    ran = []
  }
  return committedMigrations()
    .map((m) => m.name)
    .filter((name) => !ran.includes(name))
}

/** Runs every committed migration the database has not run yet. */
export const migrate = async (payload: Payload): Promise<void> => {
  await payload.db.migrate({ migrations: committedMigrations() as never })
}

/**
 * The embedded SQLite database belongs to this one process, so it is brought up to date
 * at start-up. A shared database server is migrated on purpose, once, with
 * `npm run migrate`; until then the server refuses to start rather than run on a schema
 * it does not know.
 */
export const prepareDatabase = async (payload: Payload): Promise<void> => {
  if (databaseKind() === 'sqlite') return migrate(payload)
  const pending = await pendingMigrations(payload)
  if (pending.length > 0) {
    throw new ConfigurationError(
      `The database needs ${pending.length} migration(s) before Newsroom can start (${pending.join(', ')}). Run \`npm run migrate\`, then start Newsroom again.`,
    )
  }
}

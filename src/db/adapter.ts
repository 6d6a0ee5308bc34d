import fs from 'node:fs'
import path from 'node:path'

import type { DatabaseAdapterObj } from 'payload'

import { ConfigurationError } from '../config/env'
import { dataDir, projectRoot } from '../config/paths'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

/**
 * Which database DATABASE_URL names: unset or file: is the embedded SQLite database,
 * postgres:// is PostgreSQL and mongodb:// (or mongodb+srv://) is MongoDB.
 * This module is the only place that knows which one is in use.
 */
export const databaseKind = (url = process.env.DATABASE_URL): DatabaseKind => {
  if (!url || url.startsWith('file:')) return 'sqlite'
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres'
  if (url.startsWith('mongodb://') || url.startsWith('mongodb+srv://')) return 'mongodb'
  throw new ConfigurationError(
    `DATABASE_URL must start with file:, postgres:// or mongodb://; "${url.split(':')[0]}:" is not a database Newsroom supports.`,
  )
}

export const migrationDir = (kind: DatabaseKind) => path.join(projectRoot, 'migrations', kind)

const sqliteUrl = (url: string | undefined): string => {
  if (url) return url
  fs.mkdirSync(dataDir(), { recursive: true })
  return `file:${path.join(dataDir(), 'newsroom.db')}`
}

/**
 * The adapter for DATABASE_URL's database. Only that one adapter is loaded: each brings its
 * driver and query builder, and loading all three cost every start (the server, every
 * command) a second or two of CPU for two databases it does not use.
 */
export const databaseAdapter = async (
  url = process.env.DATABASE_URL,
): Promise<DatabaseAdapterObj> => {
  const kind = databaseKind(url)
  switch (kind) {
    case 'sqlite': {
      const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
      return sqliteAdapter({
        client: { url: sqliteUrl(url) },
        // The schema comes from committed migrations, never from a dev-mode push.
        push: false,
        migrationDir: migrationDir(kind),
        // WAL lets readers carry on while a release is saved; the busy timeout lets a
        // second process (a backup, the seed command) wait its turn instead of failing.
        wal: { journalSizeLimit: 64 * 1024 * 1024, synchronous: 'NORMAL' },
        busyTimeout: 5000,
      })
    }
    case 'postgres': {
      const { postgresAdapter } = await import('@payloadcms/db-postgres')
      return postgresAdapter({
        pool: { connectionString: url },
        push: false,
        migrationDir: migrationDir(kind),
      })
    }
    case 'mongodb': {
      const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
      return mongooseAdapter({ url: url! })
    }
  }
}

/** Where DATABASE_URL points, for a message: host, port and database, never the password. */
const describePostgres = (url: string) => {
  const { hostname, port, pathname, username } = new URL(url)
  return {
    where: `${hostname || 'localhost'}:${port || '5432'}${pathname}`,
    user: username ? `the user ${decodeURIComponent(username)}` : 'the default user',
  }
}

/**
 * Connects once to DATABASE_URL's PostgreSQL before Payload does, so that a server or command
 * that cannot reach it says why in one sentence: Payload logs the driver's error with its stack
 * and throws another that repeats it. The driver's error codes name the cases; any other error
 * is left to Payload, and a database that does not exist yet is no problem (Payload makes it).
 */
export const checkDatabaseReachable = async (url = process.env.DATABASE_URL) => {
  if (databaseKind(url) !== 'postgres') return
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
  } catch (error) {
    const { where, user } = describePostgres(url!)
    const code = (error as { code?: string }).code
    const problem =
      code === 'ECONNREFUSED'
        ? `nothing answers at ${where}. Is PostgreSQL running there?`
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? `the host in ${where} cannot be found.`
          : code === '28P01' || code === '28000'
            ? `PostgreSQL at ${where} refused ${user}: check the user name and password.`
            : undefined
    if (problem) throw new ConfigurationError(`DATABASE_URL cannot be used: ${problem}`)
  } finally {
    await client.end().catch(() => {})
  }
}

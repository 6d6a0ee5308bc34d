import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'

import { asPostgresAdmin, dropDatabase, POSTGRES_SERVER, withDatabase } from './postgres'
import { makeTempDir } from './tempDir'

/**
 * Which database the integration suite runs on: SQLite by default, PostgreSQL with
 * TEST_DATABASE=postgres, MongoDB with TEST_DATABASE=mongodb (and MONGODB_TEST_URL).
 * Each server or Payload a test starts gets a database of its own, remembered in its
 * folder, so that a restart on the same folder finds the same database.
 */
export const TEST_DATABASE = (process.env.TEST_DATABASE ?? 'sqlite') as
  'sqlite' | 'postgres' | 'mongodb'

const REMEMBERED = '.test-database-url'

export const databaseFor = async (
  dir: string,
): Promise<{ url: string; drop: () => Promise<void> }> => {
  const remembered = path.join(dir, REMEMBERED)
  const none = async () => {}
  if (fs.existsSync(remembered)) return { url: fs.readFileSync(remembered, 'utf8'), drop: none }
  let made: { url: string; drop: () => Promise<void> }
  if (TEST_DATABASE === 'postgres') {
    const template = process.env.NEWSROOM_TEST_PG_TEMPLATE
    if (!template)
      throw new Error(
        'TEST_DATABASE=postgres needs the global setup to have made the migrated template database',
      )
    const name = `newsroom_t_${crypto.randomBytes(5).toString('hex')}`
    // A copy of a database already migrated: much quicker than migrating each one.
    await asPostgresAdmin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`))
    made = { url: withDatabase(POSTGRES_SERVER, name), drop: () => dropDatabase(name) }
  } else if (TEST_DATABASE === 'mongodb') {
    if (!process.env.MONGODB_TEST_URL)
      throw new Error('TEST_DATABASE=mongodb needs MONGODB_TEST_URL')
    made = {
      url: withDatabase(
        process.env.MONGODB_TEST_URL,
        `newsroom_t_${crypto.randomBytes(5).toString('hex')}`,
      ),
      drop: none,
    }
  } else {
    const file = path.join(dir, 'newsroom.db')
    // A copy of a file already migrated, as on PostgreSQL: the server's start-up migration
    // then only checks that nothing is pending. (The backup test and the browser tests'
    // server still start on an empty file and migrate it.)
    const template = process.env.NEWSROOM_TEST_SQLITE_TEMPLATE
    if (template) fs.copyFileSync(template, file)
    made = { url: `file:${file}`, drop: none }
  }
  fs.writeFileSync(remembered, made.url)
  return made
}

/** For the global setup: a PostgreSQL database with every migration applied, to copy from. */
export const makePostgresTemplate = async (migrate: (url: string) => Promise<void>) => {
  const name = `newsroom_template_${crypto.randomBytes(4).toString('hex')}`
  await asPostgresAdmin((client) => client.query(`CREATE DATABASE ${name}`))
  await migrate(withDatabase(POSTGRES_SERVER, name))
  return {
    name,
    drop: () => dropDatabase(name),
  }
}

/** For the global setup: a SQLite file with every migration applied, to copy from. */
export const makeSqliteTemplate = async (migrate: (url: string) => Promise<void>) => {
  const temp = makeTempDir('newsroom-template-')
  const file = path.join(temp.dir, 'newsroom.db')
  await migrate(`file:${file}`)
  // Fold the write-ahead log into the file, so that the file alone is the whole database to copy.
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url: `file:${file}` })
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  client.close()
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0)
    throw new Error('The migrated SQLite template still has a write-ahead log')
  return { file, drop: async () => temp.remove() }
}

/**
 * Runs one query on the database a test server uses (found in its folder), SQLite or
 * PostgreSQL: for what no API shows, such as a reset token that would have gone by email.
 * Placeholders are written `?`.
 */
export const queryServerDatabase = async (
  dir: string,
  sql: string,
  args: (string | number)[] = [],
): Promise<Record<string, unknown>[]> => {
  const url = fs.readFileSync(path.join(dir, REMEMBERED), 'utf8')
  if (url.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      let i = 0
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++i}`),
          args,
        )
      ).rows
    } finally {
      await client.end()
    }
  }
  if (!url.startsWith('file:'))
    throw new Error(`queryServerDatabase does not know ${url.split(':')[0]}`)
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url })
  try {
    // The server may be writing at that moment (the lift job, the alert sender): wait for its
    // lock as the server itself would, rather than fail with SQLITE_BUSY.
    await client.execute('PRAGMA busy_timeout = 10000')
    return (await client.execute({ sql, args })).rows.map((row) => ({ ...row }))
  } finally {
    client.close()
  }
}

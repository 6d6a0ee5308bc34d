import crypto from 'node:crypto'

import pg from 'pg'

/** The machine's PostgreSQL server; PostgreSQL tests make a database of their own on it. */
export const POSTGRES_SERVER =
  process.env.POSTGRES_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** Runs `fn` with a connection to the PostgreSQL server as its administrator, then closes it. */
export const asPostgresAdmin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** The address of database `name` on the server at `server` (PostgreSQL or MongoDB). */
export const withDatabase = (server: string, name: string) => {
  const url = new URL(server)
  url.pathname = `/${name}`
  return url.toString()
}

/** Drops database `name`, ending whatever is still connected to it. */
export const dropDatabase = (name: string) =>
  asPostgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
    () => {},
  )

/** A new, empty database for one test file, dropped afterwards. */
export const createTestDatabase = async (label = 'test') => {
  const name = `newsroom_${label}_${crypto.randomBytes(4).toString('hex')}`
  await asPostgresAdmin((client) => client.query(`CREATE DATABASE ${name}`))
  return {
    name,
    url: withDatabase(POSTGRES_SERVER, name),
    /** Refuses new connections and ends the open ones: the database is "down" until `bringBack`. */
    takeDown: () =>
      asPostgresAdmin(async (client) => {
        await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`)
        await client.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`,
          [name],
        )
      }),
    bringBack: () =>
      asPostgresAdmin((client) => client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`)),
    drop: () => dropDatabase(name),
  }
}

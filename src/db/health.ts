import type { Payload } from 'payload'

/**
 * Whether the database answers a trivial query within `timeoutMs`. Used by /healthz, and to
 * tell "the database is down" (503: try again soon) from a fault in Newsroom (500).
 */
export const databaseAnswers = async (payload: Payload, timeoutMs = 3000): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      payload.count({ collection: 'categories', overrideAccess: true }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), timeoutMs)
      }),
    ])
    return true
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}

type Listener = (error: Error) => void
type PgClient = { on?: (event: 'error', listener: Listener) => void }
type PgPool = {
  on?: (event: 'error' | 'connect', listener: (arg: never) => void) => void
  _clients?: PgClient[]
}

/**
 * PostgreSQL ends connections when it restarts or an administrator stops a database.
 * node-postgres reports that as an 'error' event, on the pool for an idle connection and on
 * the connection itself for one in use; either, with no listener, would end the whole
 * process. Here both are logged, and the pool opens a new connection next time it needs one.
 */
export const surviveLostConnections = (payload: Payload): void => {
  const pool = (payload.db as unknown as { pool?: PgPool }).pool
  if (!pool?.on) return
  const warn: Listener = (error) =>
    payload.logger.warn(
      `A database connection was closed by the server (${error.message}); a new one will be opened when needed.`,
    )
  const watch = (client: PgClient) => client.on?.('error', warn)
  pool.on('error', warn as (arg: never) => void)
  pool.on('connect', watch as (arg: never) => void)
  for (const client of pool._clients ?? []) watch(client)
}

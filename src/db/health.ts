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

/**
 * PostgreSQL ends idle connections when it restarts or an administrator stops a database.
 * node-postgres reports that as an 'error' event on its pool, which with no listener
 * would end the whole process: here it is logged, and the pool opens a new connection
 * next time it needs one.
 */
export const surviveLostConnections = (payload: Payload): void => {
  const pool = (payload.db as { pool?: { on?: (event: 'error', listener: (error: Error) => void) => void } }).pool
  pool?.on?.('error', (error) => payload.logger.warn(`A database connection was closed by the server (${error.message}); a new one will be opened when needed.`))
}

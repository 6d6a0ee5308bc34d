import type { Payload } from 'payload'

type PgClient = { release?: (error?: Error) => void }
type PgPool = { end: () => Promise<void>; _clients?: PgClient[]; _idle?: { client: PgClient }[] }
type Closable = { pool?: PgPool; client?: { close?: () => void | Promise<void> } }

const GRACE_MS = 2000

/**
 * Ends a PostgreSQL pool. @payloadcms/db-postgres 3.90.1 keeps the client it checks out
 * while connecting and never hands it back (fixed upstream in payloadcms/payload#17831),
 * so pool.end() would wait for it forever. Queries still running get a short grace; any
 * client still checked out after it is handed back so the pool can drain.
 */
const endPool = async (pool: PgPool) => {
  const ended = pool.end()
  const settled = await Promise.race([
    ended.then(() => true),
    new Promise<false>((r) => setTimeout(() => r(false), GRACE_MS)),
  ])
  if (settled) return
  const idle = new Set((pool._idle ?? []).map((item) => item.client))
  for (const client of pool._clients ?? []) {
    if (idle.has(client)) continue
    try {
      client.release?.(new Error('Newsroom is shutting down'))
    } catch {
      // Already released.
    }
  }
  await ended
}

const stoppers = new WeakMap<Payload, (() => Promise<void>)[]>()

/** Work of this process's own that uses the database (the alert sender): stopped first on close. */
export const stopOnClose = (payload: Payload, stop: () => Promise<void>) => {
  stoppers.set(payload, [...(stoppers.get(payload) ?? []), stop])
}

/**
 * Stops Payload (its job runner among it) and closes the database connections, which
 * Payload's destroy() leaves open: a process that is stopping should hold none.
 */
export const closePayload = async (payload: Payload): Promise<void> => {
  const db = payload.db as unknown as Closable
  const { pool, client } = db
  await Promise.all((stoppers.get(payload) ?? []).map((stop) => stop()))
  await payload.destroy()
  if (pool) await endPool(pool)
  await client?.close?.()
}

import type { Payload } from 'payload'

import { databaseKind } from './adapter'

type SqliteClient = { execute: (sql: string) => Promise<unknown> }
type PgPool = { query: (sql: string) => Promise<{ rows: Record<string, string>[] }> }

const DEFAULT_EVERY_MS = 10 * 60 * 1000

/**
 * Rows sampled per index. Too few and the counts are wrong the other way: sampling 400 rows
 * told the planner that each `_status` value matches about 400 releases, so it still chose
 * that index. 10 000 keeps it honest about the common values and costs tens of milliseconds.
 */
const ANALYSIS_LIMIT = 10_000

/** ANALYZE_EVERY_MS: how often a server refreshes the database's statistics, where it has to. */
const everyMs = () => {
  const raw = process.env.ANALYZE_EVERY_MS
  const value = raw ? Number(raw) : DEFAULT_EVERY_MS
  return Number.isInteger(value) && value >= 1000 ? value : DEFAULT_EVERY_MS
}

/** Runs `analyze` now and every ANALYZE_EVERY_MS, one at a time; returns how to stop. */
const everyFewMinutes = (payload: Payload, analyze: () => Promise<unknown>): (() => void) => {
  let running = false
  const refresh = async () => {
    if (running) return
    running = true
    try {
      await analyze()
    } catch (error) {
      payload.logger.warn(
        `Could not refresh the database's statistics: ${(error as Error).message}`,
      )
    } finally {
      running = false
    }
  }
  void refresh()
  const timer = setInterval(refresh, everyMs())
  timer.unref()
  return () => clearInterval(timer)
}

/**
 * A database chooses how to run a query from statistics about its tables. Without them it
 * guesses, and some guesses grow with the data:
 *
 * - SQLite gathers them only when told to (ANALYZE). A search reading 50 releases by id
 *   walked the whole published-releases index instead, 160 ms at 100 000 releases. So each
 *   server process refreshes them at start and every ten minutes, sampling a bounded number
 *   of rows per index (tens of milliseconds however many releases there are). Statistics are
 *   read per connection, which is why each process does this on its own connection.
 * - PostgreSQL keeps them itself through autovacuum, which is on unless someone turned it
 *   off. With it off, the planner believed 10 000 published releases were one, and the feed
 *   joined every release before keeping the newest 20 (255 ms instead of under 1). So when
 *   autovacuum is off, the server says so and does its work itself (VACUUM, ANALYZE), on the
 *   same clock.
 * - MongoDB needs nothing of the kind.
 */
export const keepStatisticsCurrent = async (payload: Payload): Promise<() => void> => {
  const kind = databaseKind()
  if (kind === 'sqlite') {
    const client = (payload.db as unknown as { client: SqliteClient }).client
    return everyFewMinutes(payload, async () => {
      await client.execute(`PRAGMA analysis_limit=${ANALYSIS_LIMIT}`)
      await client.execute('ANALYZE')
    })
  }
  if (kind === 'postgres') {
    const pool = (payload.db as unknown as { pool: PgPool }).pool
    const autovacuum = await pool.query('SHOW autovacuum').then(
      ({ rows }) => rows[0]?.autovacuum,
      () => 'unknown',
    )
    if (autovacuum !== 'off') return () => {}
    payload.logger.warn(
      "PostgreSQL's autovacuum is off, so nothing keeps its query statistics current: Newsroom will run VACUUM (ANALYZE) itself " +
        `every ${everyMs() >= 60_000 ? `${Math.round(everyMs() / 60_000)} minutes` : `${everyMs() / 1000} seconds`}. Turn autovacuum on in production (docs/deploy.md).`,
    )
    // VACUUM as well: it marks pages all-visible, which lets the listing count its releases
    // from an index alone. It reads only the pages changed since the last time.
    return everyFewMinutes(payload, () => pool.query('VACUUM (ANALYZE)'))
  }
  return () => {}
}

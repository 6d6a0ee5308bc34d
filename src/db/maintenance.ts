import type { Payload } from 'payload'

import { databaseKind } from './adapter'

type SqliteClient = { execute: (sql: string) => Promise<unknown> }

const DEFAULT_EVERY_MS = 10 * 60 * 1000

/**
 * Rows sampled per index. Too few and the counts are wrong the other way: sampling 400 rows
 * told the planner that each `_status` value matches about 400 releases, so it still chose
 * that index. 10 000 keeps it honest about the common values and costs tens of milliseconds.
 */
const ANALYSIS_LIMIT = 10_000

/** SQLITE_ANALYZE_EVERY_MS: how often the embedded database refreshes its statistics. */
const everyMs = () => {
  const raw = process.env.SQLITE_ANALYZE_EVERY_MS
  const value = raw ? Number(raw) : DEFAULT_EVERY_MS
  return Number.isInteger(value) && value >= 1000 ? value : DEFAULT_EVERY_MS
}

/**
 * SQLite chooses how to run a query from statistics it gathers only when told to (ANALYZE).
 * Without them it guesses, and some guesses grow with the data: a search reading 50 releases
 * by id walked the whole published-releases index instead, 160 ms at 100 000 releases. So this
 * process refreshes them at start and every ten minutes, sampling a bounded number of rows
 * per index (tens of milliseconds however many releases there are). Statistics are read per
 * connection, which is why each server process does this on its own connection.
 * PostgreSQL and MongoDB keep their own statistics.
 */
export const keepStatisticsCurrent = (payload: Payload): (() => void) => {
  if (databaseKind() !== 'sqlite') return () => {}
  const client = (payload.db as unknown as { client: SqliteClient }).client
  let running = false
  const analyze = async () => {
    if (running) return
    running = true
    try {
      await client.execute(`PRAGMA analysis_limit=${ANALYSIS_LIMIT}`)
      await client.execute('ANALYZE')
    } catch (error) {
      payload.logger.warn(`Could not refresh the database's statistics: ${(error as Error).message}`)
    } finally {
      running = false
    }
  }
  void analyze()
  const timer = setInterval(analyze, everyMs())
  timer.unref()
  return () => clearInterval(timer)
}

/**
 * The alert sender's work list, in the database: one row per alert per subscriber
 * (collections/AlertDeliveries), written and claimed in bulk.
 *
 * Why not Payload's Local API or its job queue: an alert to 10 000 people is 10 000 rows written,
 * claimed and marked within a minute, and Payload writes one row at a time with hooks around it
 * (and reads each back). And claims must be atomic across servers: Payload's own updates read
 * the rows, then write them, so two servers could both take the same row. Here each step is one
 * statement: the fan-out an INSERT … SELECT that skips rows already there (so running it twice
 * writes nothing twice), a claim an UPDATE of rows still pending that returns what it took (so
 * two servers never take the same row), a mark an UPDATE of a batch.
 *
 * The SQL is the same on SQLite and PostgreSQL but for placeholders and, on PostgreSQL,
 * `FOR UPDATE SKIP LOCKED` (servers claiming at once do not wait for each other). MongoDB does
 * each step with its own atomic operations. Payload owns the tables (its migrations), and
 * src/db/adapter.ts says which database is in use.
 */
import type { Payload } from 'payload'

import { databaseKind } from '../db/adapter'

export type Claimed = { id: string; runId: string; subscriberId: string; attempts: number }

export type Counts = Record<
  'pending' | 'sending' | 'sent' | 'failed' | 'refused' | 'cancelled' | 'skipped',
  number
>

/** Which subscribers an alert goes to: confirmed ones, as they chose. */
export type Audience = {
  frequency: 'immediately' | 'daily'
  /** The release's category; null when it has none (then only those who want all news). */
  categoryId: number | string | null
  /** Everyone who wants this frequency, whatever they chose (a digest sorts it out per person). */
  anyCategory?: boolean
  /** Confirmed before this moment: someone who confirms after a release went out is not sent it. */
  confirmedBefore: Date
}

export type DeliveryStore = {
  /** Writes a pending delivery for each subscriber the alert goes to (none twice); how many were new. */
  fanOut: (runId: number | string, audience: Audience) => Promise<number>
  /** Takes up to `limit` pending deliveries that are due, oldest first, for this server alone. */
  claim: (limit: number, now: Date) => Promise<Claimed[]>
  markSent: (ids: string[], now: Date) => Promise<void>
  /** A try that failed for now: pending again from `at`. */
  retryLater: (id: string, at: Date, error: string) => Promise<void>
  /** Ended without sending: failed (every try used), refused (by the mail server), cancelled, skipped. */
  finish: (
    ids: string[],
    status: 'failed' | 'refused' | 'cancelled' | 'skipped',
    error?: string,
  ) => Promise<void>
  /** Every delivery of the run still waiting: cancelled (a withdrawal, a takedown). */
  cancelPending: (runId: number | string) => Promise<number>
  /** Still being sent by this server: its claims last another lease from now. */
  renew: (ids: string[], now: Date) => Promise<void>
  /** Claimed by this server but not started (it is stopping): pending again at once. */
  handBack: (ids: string[]) => Promise<void>
  /** Claims older than `before` whose server never finished them (it stopped): pending again. */
  reclaimStale: (before: Date) => Promise<number>
  counts: (runId: number | string) => Promise<Counts>
  /** Whether any delivery is pending and due now (a cheap look before claiming). */
  anyDue: (now: Date) => Promise<boolean>
  /** A run moves from one status to the next, if no other server moved it first. */
  moveRun: (
    runId: number | string,
    from: string[],
    to: string,
    now: Date,
    recipients?: number,
  ) => Promise<boolean>
  /** Runs in `status` claimed before `before` (their server stopped): back to `to`. */
  reclaimStaleRuns: (status: string, before: Date, to: string) => Promise<number>
  /** A subscriber deleted: nothing of them is kept. */
  forgetSubscriber: (subscriberId: number | string) => Promise<void>
}

const ZERO: Counts = {
  pending: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  refused: 0,
  cancelled: 0,
  skipped: 0,
}

// ------------------------------------------------------------------ SQL (SQLite and PostgreSQL)

type Dialect = 'sqlite' | 'postgres'
type Row = Record<string, unknown>

/** A piece of SQL with its values apart; a value may be a list (`IN (…)`) or another piece. */
class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: unknown[],
  ) {}
}
class List {
  constructor(readonly values: unknown[]) {}
}
const sql = (strings: TemplateStringsArray, ...values: unknown[]) => new Sql(strings, values)
const list = (values: unknown[]) => new List(values)

/** The statement with its values as placeholders of the dialect: `?` for SQLite, `$1…` for PostgreSQL. */
const render = (
  dialect: Dialect,
  piece: Sql,
  args: unknown[] = [],
): { text: string; args: unknown[] } => {
  const mark = (value: unknown) => {
    args.push(value)
    return dialect === 'postgres' ? `$${args.length}` : '?'
  }
  let text = piece.strings[0]!
  piece.values.forEach((value, i) => {
    if (value instanceof Sql) text += render(dialect, value, args).text
    else if (value instanceof List) text += value.values.map(mark).join(', ')
    else text += mark(value)
    text += piece.strings[i + 1]
  })
  return { text, args }
}

type SqliteClient = {
  execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Row[]; rowsAffected: number }>
}
type PgPool = {
  query: (sql: string, args: unknown[]) => Promise<{ rows: Row[]; rowCount: number | null }>
}

const isBusy = (error: unknown) =>
  /SQLITE_BUSY|database is locked/.test(
    `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`,
  )

/** Runs a statement; SQLite's one writer may be busy for a moment with a save, so it waits its turn. */
const runner = (payload: Payload, dialect: Dialect) => {
  if (dialect === 'postgres') {
    const pool = (payload.db as unknown as { pool: PgPool }).pool
    return async (piece: Sql) => {
      const { text, args } = render(dialect, piece)
      const result = await pool.query(text, args)
      return { rows: result.rows, changed: result.rowCount ?? 0 }
    }
  }
  const client = (payload.db as unknown as { client: SqliteClient }).client
  return async (piece: Sql) => {
    const { text, args } = render(dialect, piece)
    for (let wait = 5; ; wait *= 2) {
      try {
        const result = await client.execute({ sql: text, args })
        return { rows: result.rows, changed: result.rowsAffected }
      } catch (error) {
        if (!isBusy(error) || wait > 2000) throw error
        await new Promise((resolve) => setTimeout(resolve, wait))
      }
    }
  }
}

const iso = (date: Date) => date.toISOString()
const numbers = (ids: string[]) => list(ids.map(Number))

const sqlStore = (payload: Payload, dialect: Dialect): DeliveryStore => {
  const run = runner(payload, dialect)
  const yes = dialect === 'postgres' ? true : 1
  const skipLocked = dialect === 'postgres' ? sql` FOR UPDATE SKIP LOCKED` : sql``
  return {
    fanOut: async (runId, audience) => {
      const now = iso(new Date())
      const chosen = audience.anyCategory
        ? sql`1 = 1`
        : audience.categoryId == null
          ? sql`s.all_news = ${yes}`
          : sql`(s.all_news = ${yes} OR EXISTS (SELECT 1 FROM subscribers_rels r
              WHERE r.parent_id = s.id AND r.path = 'categories' AND r.categories_id = ${Number(audience.categoryId)}))`
      const { changed } = await run(
        sql`INSERT INTO alert_deliveries (run_id, subscriber_id, status, attempts, updated_at, created_at)
          SELECT ${Number(runId)}, s.id, 'pending', 0, ${now}, ${now} FROM subscribers s
          WHERE s.status = 'confirmed' AND s.frequency = ${audience.frequency}
            AND s.confirmed_at <= ${iso(audience.confirmedBefore)} AND ${chosen}
          ON CONFLICT (run_id, subscriber_id) DO NOTHING`,
      )
      return changed
    },

    claim: async (limit, now) => {
      const { rows } = await run(
        sql`UPDATE alert_deliveries
          SET status = 'sending', claimed_at = ${iso(now)}, attempts = attempts + 1, updated_at = ${iso(now)}
          WHERE id IN (SELECT id FROM alert_deliveries
            WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ${iso(now)})
            ORDER BY id LIMIT ${limit}${skipLocked})
          AND status = 'pending'
          RETURNING id, run_id, subscriber_id, attempts`,
      )
      return rows
        .map((row) => ({
          id: String(row.id),
          runId: String(row.run_id),
          subscriberId: String(row.subscriber_id),
          attempts: Number(row.attempts),
        }))
        .sort((a, b) => Number(a.id) - Number(b.id))
    },

    markSent: async (ids, now) => {
      if (ids.length === 0) return
      await run(
        sql`UPDATE alert_deliveries SET status = 'sent', sent_at = ${iso(now)}, updated_at = ${iso(now)}, error = NULL
          WHERE id IN (${numbers(ids)})`,
      )
    },

    retryLater: async (id, at, error) => {
      await run(
        sql`UPDATE alert_deliveries SET status = 'pending', next_attempt_at = ${iso(at)},
          error = ${error.slice(0, 500)}, updated_at = ${iso(new Date())}
          WHERE id = ${Number(id)} AND status = 'sending'`,
      )
    },

    finish: async (ids, status, error) => {
      if (ids.length === 0) return
      await run(
        sql`UPDATE alert_deliveries SET status = ${status}, error = ${error?.slice(0, 500) ?? null},
          updated_at = ${iso(new Date())} WHERE id IN (${numbers(ids)})`,
      )
    },

    renew: async (ids, now) => {
      if (ids.length === 0) return
      await run(
        sql`UPDATE alert_deliveries SET claimed_at = ${iso(now)} WHERE id IN (${numbers(ids)}) AND status = 'sending'`,
      )
    },

    handBack: async (ids) => {
      if (ids.length === 0) return
      await run(
        sql`UPDATE alert_deliveries SET status = 'pending', attempts = attempts - 1, updated_at = ${iso(new Date())}
          WHERE id IN (${numbers(ids)}) AND status = 'sending'`,
      )
    },

    cancelPending: async (runId) =>
      (
        await run(
          sql`UPDATE alert_deliveries SET status = 'cancelled', updated_at = ${iso(new Date())}
            WHERE run_id = ${Number(runId)} AND status = 'pending'`,
        )
      ).changed,

    reclaimStale: async (before) =>
      (
        await run(
          sql`UPDATE alert_deliveries SET status = 'pending', updated_at = ${iso(new Date())}
            WHERE status = 'sending' AND claimed_at < ${iso(before)}`,
        )
      ).changed,

    counts: async (runId) => {
      const { rows } = await run(
        sql`SELECT status, COUNT(*) AS n FROM alert_deliveries WHERE run_id = ${Number(runId)} GROUP BY status`,
      )
      const counts = { ...ZERO }
      for (const row of rows) counts[row.status as keyof Counts] = Number(row.n)
      return counts
    },

    anyDue: async (now) =>
      (
        await run(
          sql`SELECT 1 AS due FROM alert_deliveries WHERE status = 'pending'
            AND (next_attempt_at IS NULL OR next_attempt_at <= ${iso(now)}) LIMIT 1`,
        )
      ).rows.length > 0,

    moveRun: async (runId, from, to, now, recipients) =>
      (
        await run(
          sql`UPDATE alert_runs SET status = ${to}, claimed_at = ${iso(now)},
            recipients = COALESCE(${recipients ?? null}, recipients), updated_at = ${iso(now)}
            WHERE id = ${Number(runId)} AND status IN (${list(from)})`,
        )
      ).changed > 0,

    reclaimStaleRuns: async (status, before, to) =>
      (
        await run(
          sql`UPDATE alert_runs SET status = ${to}, updated_at = ${iso(new Date())}
            WHERE status = ${status} AND claimed_at < ${iso(before)}`,
        )
      ).changed,

    forgetSubscriber: async (subscriberId) => {
      await run(sql`DELETE FROM alert_deliveries WHERE subscriber_id = ${Number(subscriberId)}`)
    },
  }
}

// ------------------------------------------------------------------ MongoDB

type MongoCollection = {
  find: (
    query: object,
    options?: object,
  ) => {
    sort: (s: object) => { limit: (n: number) => { toArray: () => Promise<Row[]> } }
    toArray: () => Promise<Row[]>
  }
  findOneAndUpdate: (query: object, update: object, options: object) => Promise<Row | null>
  insertMany: (docs: object[], options: object) => Promise<unknown>
  updateMany: (query: object, update: object) => Promise<{ modifiedCount: number }>
  updateOne: (query: object, update: object) => Promise<{ modifiedCount: number }>
  deleteMany: (query: object) => Promise<unknown>
  aggregate: (pipeline: object[]) => { toArray: () => Promise<Row[]> }
}

const mongoStore = (payload: Payload): DeliveryStore => {
  const models = (
    payload.db as unknown as {
      collections: Record<string, { collection: MongoCollection }>
    }
  ).collections
  const deliveries = () => models['alert-deliveries']!.collection
  const runs = () => models['alert-runs']!.collection
  const subscribers = () => models.subscribers!.collection
  // Payload keeps relationship ids as ObjectIds; the driver's own class, found through mongoose.
  const objectId = (id: number | string): unknown => {
    const { Types } = (
      payload.db as unknown as { mongoose: { Types: { ObjectId: new (id: string) => unknown } } }
    ).mongoose
    return new Types.ObjectId(String(id))
  }
  const byIds = (list: string[]) => ({ _id: { $in: list.map(objectId) } })
  return {
    fanOut: async (runId, audience) => {
      const query: Record<string, unknown> = {
        status: 'confirmed',
        frequency: audience.frequency,
        confirmedAt: { $lte: audience.confirmedBefore },
      }
      if (!audience.anyCategory)
        query.$or =
          audience.categoryId == null
            ? [{ allNews: true }]
            : [{ allNews: true }, { categories: objectId(audience.categoryId) }]
      const found = await subscribers()
        .find(query, { projection: { _id: 1 } })
        .toArray()
      const now = new Date()
      const docs = found.map((s) => ({
        run: objectId(runId),
        subscriber: s._id,
        status: 'pending',
        attempts: 0,
        createdAt: now,
        updatedAt: now,
      }))
      if (docs.length === 0) return 0
      try {
        // Unordered: a row already there (a second fan-out) is skipped, the rest are written.
        await deliveries().insertMany(docs, { ordered: false })
        return docs.length
      } catch (error) {
        const result = (error as { result?: { insertedCount?: number }; code?: number }).result
        if ((error as { code?: number }).code !== 11000 && !result) throw error
        return result?.insertedCount ?? 0
      }
    },
    claim: async (limit, now) => {
      const claimed: Claimed[] = []
      while (claimed.length < limit) {
        const doc = await deliveries().findOneAndUpdate(
          {
            status: 'pending',
            $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }],
          },
          { $set: { status: 'sending', claimedAt: now, updatedAt: now }, $inc: { attempts: 1 } },
          { sort: { _id: 1 }, returnDocument: 'after' },
        )
        if (!doc) break
        claimed.push({
          id: String(doc._id),
          runId: String(doc.run),
          subscriberId: String(doc.subscriber),
          attempts: Number(doc.attempts),
        })
      }
      return claimed
    },
    markSent: async (list, now) => {
      if (list.length)
        await deliveries().updateMany(byIds(list), {
          $set: { status: 'sent', sentAt: now, updatedAt: now, error: null },
        })
    },
    retryLater: async (id, at, error) => {
      await deliveries().updateOne(
        { _id: objectId(id), status: 'sending' },
        { $set: { status: 'pending', nextAttemptAt: at, error: error.slice(0, 500) } },
      )
    },
    finish: async (list, status, error) => {
      if (list.length)
        await deliveries().updateMany(byIds(list), {
          $set: { status, error: error?.slice(0, 500) ?? null, updatedAt: new Date() },
        })
    },
    renew: async (list, now) => {
      if (list.length)
        await deliveries().updateMany(
          { ...byIds(list), status: 'sending' },
          { $set: { claimedAt: now } },
        )
    },
    handBack: async (list) => {
      if (list.length)
        await deliveries().updateMany(
          { ...byIds(list), status: 'sending' },
          { $set: { status: 'pending', updatedAt: new Date() }, $inc: { attempts: -1 } },
        )
    },
    cancelPending: async (runId) =>
      (
        await deliveries().updateMany(
          { run: objectId(runId), status: 'pending' },
          { $set: { status: 'cancelled', updatedAt: new Date() } },
        )
      ).modifiedCount,
    reclaimStale: async (before) =>
      (
        await deliveries().updateMany(
          { status: 'sending', claimedAt: { $lt: before } },
          { $set: { status: 'pending', updatedAt: new Date() } },
        )
      ).modifiedCount,
    counts: async (runId) => {
      const rows = await deliveries()
        .aggregate([
          { $match: { run: objectId(runId) } },
          { $group: { _id: '$status', n: { $sum: 1 } } },
        ])
        .toArray()
      const counts = { ...ZERO }
      for (const row of rows) counts[row._id as keyof Counts] = Number(row.n)
      return counts
    },
    anyDue: async (now) =>
      (
        await deliveries()
          .find(
            { status: 'pending', $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] },
            { projection: { _id: 1 } },
          )
          .sort({ _id: 1 })
          .limit(1)
          .toArray()
      ).length > 0,
    moveRun: async (runId, from, to, now, recipients) =>
      (
        await runs().updateOne(
          { _id: objectId(runId), status: { $in: from } },
          {
            $set: {
              status: to,
              claimedAt: now,
              updatedAt: now,
              ...(recipients === undefined ? {} : { recipients }),
            },
          },
        )
      ).modifiedCount > 0,
    reclaimStaleRuns: async (status, before, to) =>
      (
        await runs().updateMany(
          { status, claimedAt: { $lt: before } },
          { $set: { status: to, updatedAt: new Date() } },
        )
      ).modifiedCount,
    forgetSubscriber: async (subscriberId) => {
      await deliveries().deleteMany({ subscriber: objectId(subscriberId) })
    },
  }
}

const stores = new WeakMap<Payload, DeliveryStore>()

/** The work list on the database in use. */
export const deliveryStore = (payload: Payload): DeliveryStore => {
  let store = stores.get(payload)
  if (!store) {
    const kind = databaseKind()
    store = kind === 'mongodb' ? mongoStore(payload) : sqlStore(payload, kind)
    stores.set(payload, store)
  }
  return store
}

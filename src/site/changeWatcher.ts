import type { Payload, Where } from 'payload'

const EVERY_MS = 250

/**
 * How far back the rows are read. A change's row carries the time its server made it, not the
 * time it was committed: a row of a change that took a while to commit, or made by a server whose
 * clock is a little behind, lands among rows already read. Two minutes is far longer than any
 * change takes (and than a sane clock is out), and the rows of two minutes are few.
 */
const WINDOW_MS = 2 * 60 * 1000

/** More rows than this in the window at once, and every page is dropped rather than read through. */
const MOST_ROWS = 500

/** Rows older than this are deleted, by whichever server gets there (once a minute each). */
const KEPT_MS = 10 * 60 * 1000
const PRUNE_EVERY_MS = 60 * 1000

/**
 * Deletes the rows of content-changes older than ten minutes, long past the window any server
 * reads. One statement: the rows have no hooks, files or versions for Payload's delete to see to.
 */
export const pruneChanges = (payload: Payload, now = Date.now()) =>
  payload.db.deleteMany({
    collection: 'content-changes',
    where: { createdAt: { less_than: new Date(now - KEPT_MS).toISOString() } },
  })

/** A change committed by some server process: its row in content-changes. */
export type SeenChange = {
  /** The server process that made it (src/plugins/contentChanged.ts `thisProcess`). */
  server: string
  /** The tags of the pages it affects (src/site/cacheTags.ts); null: every page. */
  tags: string[] | null
}

/**
 * Calls `onChanges` when a server process (another, or this one once its change is committed)
 * has changed what the public may see, with the changes it has not seen before, and `everything`
 * true when it cannot tell all that changed (then every page is to be dropped).
 *
 * It reads the content-version stamp a few times a second (one row). When the stamp has moved,
 * it reads the rows of content-changes of the last two minutes and keeps the ones it has not
 * seen. The stamp is read first: a change whose stamp was seen has its row committed with it,
 * and a change committed after the stamp was read moves the stamp again. Each row names the
 * stamp its change wrote, so a stamp whose row was already read (it was committed between the
 * two readings) is known, and only a stamp no row names drops every page. Rows are only ever
 * added, so two changes at once cannot lose each other's (a list in one row did, on PostgreSQL).
 * While the database does not answer, nothing is dropped: the cached pages are the best the
 * public can have.
 */
export const watchForChanges = (
  payload: Payload,
  onChanges: (changes: SeenChange[], everything: boolean) => void,
) => {
  let lastStamp: string | null | undefined
  /** The rows seen, by id, with their time; those older than the window read are forgotten. */
  const seen = new Map<string | number, number>()
  let lastPruned = Date.now()
  let running = false

  const readRows = async () => {
    const since = Date.now() - WINDOW_MS
    const where: Where = { createdAt: { greater_than: new Date(since).toISOString() } }
    const { docs } = await payload.find({
      collection: 'content-changes',
      where,
      sort: 'createdAt',
      limit: MOST_ROWS,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    // Rows before `since` are never read again: their ids can be forgotten.
    for (const [id, at] of seen) if (at <= since) seen.delete(id)
    const fresh = docs.filter((row) => !seen.has(row.id))
    for (const row of docs) seen.set(row.id, Date.parse(row.createdAt))
    return { docs, fresh, full: docs.length >= MOST_ROWS }
  }

  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      const { stamp = null } = (await payload.findGlobal({
        slug: 'content-version',
        depth: 0,
        overrideAccess: true,
      })) as { stamp?: string | null }
      if (stamp !== lastStamp) {
        const first = lastStamp === undefined
        const { docs, fresh, full } = await readRows()
        lastStamp = stamp
        // A stamp no row names: a change without a row (from a server of an earlier version, or
        // older than the window). Too many rows at once: not worth sorting. Either way, all.
        const known = stamp === null || docs.some((row) => row.stamp === stamp)
        // The first reading only learns what was there before this process started. A stamp
        // whose row was read last time (committed between that reading of the stamp and of the
        // rows) has nothing new to say.
        if (!first && (fresh.length > 0 || full || !known))
          onChanges(
            fresh.map((row) => ({
              server: row.server,
              tags: Array.isArray(row.tags) ? row.tags.map(String) : null,
            })),
            full || !known,
          )
      }
      if (Date.now() - lastPruned > PRUNE_EVERY_MS) {
        lastPruned = Date.now()
        await pruneChanges(payload)
      }
    } catch {
      // The database is not answering; try again next time (the stamp is read again).
    } finally {
      running = false
    }
  }, EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}

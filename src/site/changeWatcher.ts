import type { Payload } from 'payload'

import { unionOfTags } from './cacheTags'

const EVERY_MS = 250

/**
 * Calls `onChange` with the new stamp when a server process (another, or this one once its
 * change is committed) has changed what the public may see: it reads the content-version stamp
 * a few times a second (one row) and compares it with the last one seen. While the database does
 * not answer, nothing is dropped: the cached pages are the best the public can have.
 */
export const watchForChanges = (payload: Payload, onChange: (stamp: string | null) => void) => {
  let last: string | null | undefined
  let running = false
  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      const { stamp = null } = (await payload.findGlobal({
        slug: 'content-version',
        depth: 0,
        overrideAccess: true,
      })) as { stamp?: string | null }
      if (last !== undefined && stamp !== last) onChange(stamp)
      last = stamp
    } catch {
      // The database is not answering; try again next time.
    } finally {
      running = false
    }
  }, EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}

/** What a stamp seen committed settles of the changes made here. */
export type Settled = {
  /** Their tags (src/site/cacheTags.ts), for the shared cache's purge; undefined: purge everything. */
  madeHere: string[] | undefined
  /** Whether any change made here was settled: there is something to purge. */
  anyMadeHere: boolean
}

/**
 * The changes this process made (src/plugins/contentEvents.ts announces each, with its stamp
 * and tags), until the change watcher sees them committed, so that the shared cache is purged
 * of what they affect then, and not before (src/cdn/purge.ts).
 *
 * A stamp seen settles the change that wrote it and those this process made before it (their
 * stamps were replaced in the database by later ones: committed, or rolled back). Any stamp
 * seen still drops every page of this process's own cache: the stamp in the database is the last
 * change's only, so a server that sees its own stamp cannot tell whether another server's change
 * came just before it. Two ways of telling were tried and taken back: keeping a list of the latest
 * changes in the database (on PostgreSQL two changes at once sometimes each wrote the list without
 * the other's entry), and trusting a server's own stamp (a change another server made a moment
 * before was then missed). One stamp row per server process would tell; it is not built yet.
 */
export const changesMadeHere = () => {
  const made = new Map<string, readonly string[] | undefined>()
  return {
    made: (stamp: string, tags: readonly string[] | undefined) => {
      made.set(stamp, tags)
      // Bounded in case one is never seen (a change rolled back, then a quiet spell).
      if (made.size > 1000) made.delete(made.keys().next().value!)
    },
    seen: (stamp: string | null): Settled => {
      // Another server's stamp: this process's own changes, made before it, are settled too.
      const settled: (readonly string[] | undefined)[] = []
      for (const [key, tags] of made) {
        settled.push(tags)
        made.delete(key)
        if (key === stamp) break
      }
      return { madeHere: unionOfTags(settled), anyMadeHere: settled.length > 0 }
    },
  }
}

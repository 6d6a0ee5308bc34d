import type { Payload } from 'payload'

import type { RecordedChange } from '../globals/ContentVersion'
import { unionOfTags } from './cacheTags'

const EVERY_MS = 250

/** What changed since the last reading. */
export type SeenChanges = {
  /** The stamp now. */
  stamp: string | null
  /** The stamps of the changes since the last reading, oldest first (as many as are known). */
  stamps: string[]
  /** The tags of the pages they affect (src/site/cacheTags.ts); undefined: all of them. */
  tags: string[] | undefined
  /** Whether some changes may be missing from `stamps` (more than the list keeps came at once). */
  gap: boolean
}

/**
 * The changes after the one stamped `last`, from the list the content-version global keeps
 * (src/globals/ContentVersion.ts). When `last` is no longer in it, some were missed: then the
 * tags are undefined, and every page is dropped.
 */
export const changesSince = (
  last: string | null,
  stamp: string | null,
  recorded: unknown,
): SeenChanges => {
  const list = Array.isArray(recorded) ? (recorded as RecordedChange[]) : []
  const at = list.findIndex((change) => change.stamp === last)
  const newer = at === -1 ? list : list.slice(at + 1)
  const gap = at === -1 || newer.at(-1)?.stamp !== stamp
  return {
    stamp,
    stamps: newer.map((change) => change.stamp),
    tags: gap ? undefined : unionOfTags(newer.map((change) => change.tags)),
    gap,
  }
}

/**
 * Calls `onChange` when a server process (another, or this one once its change is committed)
 * has changed what the public may see: it reads the content-version stamp a few times a second
 * (one row) and compares it with the last one seen. While the database does not answer,
 * nothing is dropped: the cached pages are the best the public can have.
 */
export const watchForChanges = (payload: Payload, onChange: (seen: SeenChanges) => void) => {
  let last: string | null | undefined
  let running = false
  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      const { stamp = null, changes } = (await payload.findGlobal({
        slug: 'content-version',
        depth: 0,
        overrideAccess: true,
      })) as { stamp?: string | null; changes?: unknown }
      if (last !== undefined && stamp !== last) onChange(changesSince(last, stamp, changes))
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

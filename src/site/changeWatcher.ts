import type { Payload } from 'payload'

const EVERY_MS = 250

/**
 * Calls `onChange` with the new stamp when a server process (another, or this one once its
 * change is committed) has changed what the public may see: it
 * reads the content-version stamp a few times a second (one indexed row) and compares it
 * with the last one seen. While the database does not answer, nothing is dropped: the
 * cached pages are the best the public can have.
 */
export const watchForChanges = (payload: Payload, onChange: (stamp: string | null) => void) => {
  let last: string | null | undefined
  let running = false
  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      const { stamp } = (await payload.findGlobal({
        slug: 'content-version',
        depth: 0,
        overrideAccess: true,
      })) as { stamp?: string | null }
      if (last !== undefined && stamp !== last) onChange(stamp ?? null)
      last = stamp ?? null
    } catch {
      // The database is not answering; try again next time.
    } finally {
      running = false
    }
  }, EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}

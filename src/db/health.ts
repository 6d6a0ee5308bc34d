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

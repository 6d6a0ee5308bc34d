import type { Access, PayloadRequest, Where } from 'payload'

import { isStaffUser } from './roles'

type Reference = { field: string; pick: (release: Record<string, unknown>) => unknown }

const idsOf = (value: unknown): (string | number)[] => {
  if (value == null) return []
  if (Array.isArray(value)) return value.flatMap(idsOf)
  if (typeof value === 'object') return idsOf((value as { id?: unknown }).id)
  if (typeof value === 'string' || typeof value === 'number') return [value]
  return []
}

// One look-up per request and collection: populating a release asks this many times.
const perRequest = new WeakMap<PayloadRequest, Map<string, Promise<Where>>>()

/**
 * Quotes, report links and media carry no embargo of their own: the public may read one
 * exactly when a release that the public may read uses it. The releases are found by
 * asking as the public (no user, access enforced), so the embargo rule decides.
 */
export const usedByPublicNewsOrStaff =
  (key: string, references: Reference[]): Access =>
  ({ req }) => {
    if (isStaffUser(req.user)) return true
    let cache = perRequest.get(req)
    if (!cache) perRequest.set(req, (cache = new Map()))
    let where = cache.get(key)
    if (!where) {
      where = (async () => {
        const { docs } = await req.payload.find({
          collection: 'news',
          depth: 0,
          pagination: false,
          overrideAccess: false,
          select: Object.fromEntries(references.map((r) => [r.field.split('.')[0], true])),
          req,
        })
        const ids = [...new Set(docs.flatMap((doc) => references.flatMap((r) => idsOf(r.pick(doc as never)))))]
        return (ids.length > 0 ? { id: { in: ids } } : { id: { exists: false } }) as Where
      })()
      cache.set(key, where)
    }
    return where
  }

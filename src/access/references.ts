import type { PayloadRequest, Where } from 'payload'

/** Where a release points at another document: a field name and how to read the id(s) from a release. */
export type Reference = { field: string; pick: (release: Record<string, unknown>) => unknown }

export const idsOf = (value: unknown): (string | number)[] => {
  if (value == null) return []
  if (Array.isArray(value)) return value.flatMap(idsOf)
  if (typeof value === 'object') return idsOf((value as { id?: unknown }).id)
  if (typeof value === 'string' || typeof value === 'number') return [value]
  return []
}

// Populating one release asks the same question many times: answer it once per request.
const perRequest = new WeakMap<PayloadRequest, Map<string, Promise<(string | number)[]>>>()

/**
 * The ids of documents that releases matching `where` point at through `references`.
 * `asThePublic` asks with no user and access enforced, so that the embargo rule decides
 * which releases count; otherwise `where` alone decides.
 */
export const idsUsedByReleases = (
  req: PayloadRequest,
  key: string,
  references: Reference[],
  { where, asThePublic = false }: { where?: Where; asThePublic?: boolean },
): Promise<(string | number)[]> => {
  let cache = perRequest.get(req)
  if (!cache) perRequest.set(req, (cache = new Map()))
  const cacheKey = `${key}:${asThePublic ? 'public' : ''}:${JSON.stringify(where ?? {})}`
  let ids = cache.get(cacheKey)
  if (!ids) {
    ids = (async () => {
      const { docs } = await req.payload.find({
        collection: 'news',
        where,
        depth: 0,
        pagination: false,
        select: Object.fromEntries(references.map((r) => [r.field.split('.')[0], true])),
        ...(asThePublic ? { overrideAccess: false, user: null } : { overrideAccess: true }),
        req,
      })
      return [...new Set(docs.flatMap((doc) => references.flatMap((r) => idsOf(r.pick(doc as never)))))]
    })()
    cache.set(cacheKey, ids)
  }
  return ids
}

/** A where clause matching exactly these ids (and nothing when there are none). */
export const whereIdIn = (ids: (string | number)[]): Where => (ids.length > 0 ? { id: { in: ids } } : { id: { exists: false } })

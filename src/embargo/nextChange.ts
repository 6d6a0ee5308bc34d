import type { Payload, Where } from 'payload'

import { nextScheduledChangeWhere } from '../releases/state'

/**
 * The next moment at which what the public may see changes by the clock alone: the
 * earliest embargo still to lift, or a call to action starting or ending. Caches of
 * public pages are good until then. Only times are read here, never content, so this
 * internal query may look past the public's access rules.
 */
export const nextScheduledChange = async (
  payload: Payload,
  now: Date = new Date(),
): Promise<number> => {
  const after = now.toISOString()
  const earliest = async (
    collection: 'news' | 'recruitment-ctas',
    field: 'publishAt' | 'activeFrom' | 'activeUntil',
    extra: Where = {},
  ) => {
    const { docs } = await payload.find({
      collection,
      where: { and: [{ [field]: { greater_than: after } }, extra] },
      sort: field,
      limit: 1,
      pagination: false,
      depth: 0,
      select: { [field]: true },
      overrideAccess: true,
    })
    const value = (docs[0] as Record<string, string | undefined> | undefined)?.[field]
    return value ? Date.parse(value) : Infinity
  }
  const times = await Promise.all([
    earliest('news', 'publishAt', nextScheduledChangeWhere(now)),
    earliest('recruitment-ctas', 'activeFrom'),
    earliest('recruitment-ctas', 'activeUntil'),
  ])
  return Math.min(...times)
}

import type { Payload, Where } from 'payload'

import { nextScheduledChangeWhere } from '../releases/state'
import { releaseChangeTags, unionOfTags, type ReleaseLinks } from '../site/cacheTags'

/** The next moment what the public may see changes by the clock alone, and what it affects. */
export type ScheduledChange = {
  /** When: Infinity when nothing is scheduled. */
  at: number
  /**
   * The tags of the public pages it affects (src/site/cacheTags.ts): those of the releases whose
   * embargo lifts then; undefined (every page) when a call to action starts or ends then.
   */
  tags?: readonly string[]
  /** The scheduled change after it: if that has passed too by the time `at` is acted on, more changed than `tags` says. */
  following: number
}

/** Releases lifting at the same moment read at once; more than this at one time, every page is dropped. */
const AT_ONCE = 50

/**
 * The next moment at which what the public may see changes by the clock alone: the
 * earliest embargo still to lift, or a call to action starting or ending. Caches of
 * public pages are good until then. Only times and the links a release's pages depend on
 * (its category, the release it follows up) are read here, never content, so this internal
 * query may look past the public's access rules.
 */
export const nextScheduledChange = async (
  payload: Payload,
  now: Date = new Date(),
): Promise<ScheduledChange> => {
  const after = now.toISOString()
  const ctaTimes = async (field: 'activeFrom' | 'activeUntil') => {
    const { docs } = await payload.find({
      collection: 'recruitment-ctas',
      where: { [field]: { greater_than: after } } as Where,
      sort: field,
      limit: 2,
      pagination: false,
      depth: 0,
      select: { [field]: true },
      overrideAccess: true,
    })
    return docs.map((doc) => Date.parse((doc as unknown as Record<string, string>)[field]!))
  }
  const [lifts, ...ctas] = await Promise.all([
    payload.find({
      collection: 'news',
      where: nextScheduledChangeWhere(now),
      sort: 'publishAt',
      limit: AT_ONCE + 1,
      pagination: false,
      depth: 0,
      select: { publishAt: true, category: true, followUpOf: true },
      overrideAccess: true,
    }),
    ctaTimes('activeFrom'),
    ctaTimes('activeUntil'),
  ])
  const releases = lifts.docs as (ReleaseLinks & { publishAt?: string | null })[]
  const times = releases.map((release) => Date.parse(release.publishAt!))
  const first = times[0] ?? Infinity
  const lifting = releases.filter((_, i) => times[i] === first)
  // All that were read lift at once: what comes after them is not known, so not relied on.
  const afterLifts =
    lifting.length === releases.length && releases.length > AT_ONCE ? first : Infinity
  const ctaFirst = Math.min(...ctas.flat())
  const at = Math.min(first, ctaFirst)
  const later = [...times, ...ctas.flat()].filter((time) => time > at)
  return {
    at,
    tags:
      ctaFirst === at
        ? undefined
        : unionOfTags(lifting.map((release) => releaseChangeTags(release))),
    following: Math.min(afterLifts, ...later),
  }
}

import type { Where } from 'payload'

/**
 * THE rule for what the public may see of a release, defined once:
 * a release is public exactly when it is published and its publishAt has passed.
 *
 * It is evaluated at read time, so a release goes live on the second without any
 * background job, and no restart or stopped queue can make it early or late.
 * Every public surface (access control, the site's queries, feeds, sitemaps, the page
 * cache and the media rule) goes through this module.
 */
export const publicNewsWhere = (now: Date = new Date()): Where => ({
  and: [{ _status: { equals: 'published' } }, { publishAt: { less_than_equal: now.toISOString() } }],
})

type ReleaseState = { _status?: string | null; publishAt?: string | null }

export const isPublicNews = (release: ReleaseState, now: Date = new Date()): boolean =>
  release._status === 'published' &&
  typeof release.publishAt === 'string' &&
  Date.parse(release.publishAt) <= now.getTime()

/**
 * Public releases that still stand. A withdrawn release keeps its own page, with the
 * notice, but leaves listings, search, feeds, sitemaps and related lists, and so do the
 * pictures, quotes and report links that only it uses.
 */
export const notWithdrawnWhere: Where = { 'withdrawal.withdrawnAt': { exists: false } }

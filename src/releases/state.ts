import type { Where } from 'payload'

import { embargoLine } from '../fields/ukTime'
import type { ReleaseState, StoredState } from '../workflow/machine'

/**
 * Every question about a release's state, answered once: each fact has a query builder (a
 * Payload `Where`) and a predicate (on a release as read), both taking `now`, and the two
 * agree on every release (test/releases/state.test.ts checks them against a database).
 * Nothing else queries `_status`, `workflowState` or `withdrawal`: a lint rule
 * (eslint.config.mjs) fails any file outside src/releases/ that does.
 *
 * Which stored field is the truth for each fact:
 *
 * - Has a live version ("published" in Payload's sense, scheduled or out): `_status` of the
 *   live release. Payload's drafts and versions are built on it, and only it may be asked of
 *   by the public (`workflowState` is staff-only, field access refuses a filter on it).
 * - Public now (its page may be read): live, and `publishAt` has passed. THE embargo rule:
 *   it is evaluated at read time, so a release goes live on the second without any
 *   background job, and no stopped queue can make it early or late. A withdrawn release is
 *   still public: its page keeps its address, with the notice.
 * - Withdrawn: `withdrawal.withdrawnAt` is set (it carries the moment, and the public
 *   listings' index includes it). The workflow writes `workflowState: 'withdrawn'` beside it.
 * - Listed now (listings, search, feeds, sitemaps, related releases, and what pictures and
 *   quotes it makes public): public now and not withdrawn.
 * - Where the newsroom's workflow stands (draft, in review, approved): `workflowState`. It is
 *   carried by every version, the latest draft too (the admin's list and the desk read drafts),
 *   which `_status` is not: a published release with changes waiting has a draft latest version.
 * - Scheduled / out: approved (`workflowState`), not withdrawn, and `publishAt` still to come
 *   / passed. The clock tells them apart: nothing is stored when an embargo lifts.
 * - In review: `workflowState` of the latest version (read with `draft: true`).
 * - The next scheduled change: the earliest `publishAt` still to come of a scheduled release.
 *
 * Derived, not stored: the one-word state (`releaseState`) and its label. The workflow
 * (src/workflow/perform.ts) keeps the stored fields in step: `_status` is "published" on the
 * live release exactly when `workflowState` is approved or withdrawn, and
 * `withdrawal.withdrawnAt` is set exactly when `workflowState` is withdrawn.
 */

/** What these questions read of a release. */
export type ReleaseFields = {
  _status?: string | null
  workflowState?: StoredState | string | null
  publishAt?: string | null
  withdrawal?: { withdrawnAt?: string | null } | null
}

const at = (now: Date) => now.toISOString()
const publishAtOf = (release: ReleaseFields) =>
  typeof release.publishAt === 'string' ? Date.parse(release.publishAt) : NaN

// ------------------------------------------------------------------ query builders

/** Has a live version: published or scheduled (withdrawn ones included). */
export const liveWhere = (): Where => ({ _status: { equals: 'published' } })

/** Has no live version: never approved, unscheduled, or unpublished. */
export const notLiveWhere = (): Where => ({ _status: { not_equals: 'published' } })

/**
 * A release's versions (Payload's versions collection) that were its live release, in
 * Payload's sense "published": sorted newest first (`-updatedAt`), the first is what the
 * public sees now, or will at the embargo. The media list records and checks it.
 */
export const liveVersionsWhere = (releaseId: number | string): Where => ({
  and: [{ parent: { equals: releaseId } }, { 'version._status': { equals: 'published' } }],
})

/** What the public may read now (the news collection's access rule). */
export const publicNowWhere = (now: Date = new Date()): Where => ({
  and: [liveWhere(), { publishAt: { less_than_equal: at(now) } }],
})

/** Not withdrawn. Combined with the access rule (or `publicNowWhere`), what is listed. */
export const notWithdrawnWhere = (): Where => ({ 'withdrawal.withdrawnAt': { exists: false } })

export const withdrawnWhere = (): Where => ({ 'withdrawal.withdrawnAt': { exists: true } })

/** Listed now: public and not withdrawn. */
export const listedNowWhere = (now: Date = new Date()): Where => ({
  and: [publicNowWhere(now), notWithdrawnWhere()],
})

const approvedWhere = (): Where => ({
  and: [{ workflowState: { equals: 'approved' } }, notWithdrawnWhere()],
})

/** Approved, with its embargo still to lift. */
export const scheduledWhere = (now: Date = new Date()): Where => ({
  and: [approvedWhere(), { publishAt: { greater_than: at(now) } }],
})

/** Approved, and out: its embargo has lifted. */
export const outWhere = (now: Date = new Date()): Where => ({
  and: [approvedWhere(), { publishAt: { less_than_equal: at(now) } }],
})

/** Waiting for a second pair of eyes (ask with `draft: true`: review is of the latest version). */
export const inReviewWhere = (): Where => ({
  and: [{ workflowState: { equals: 'in-review' } }, notWithdrawnWhere()],
})

/**
 * Being written: not yet submitted, or given back (ask with `draft: true`). Whatever is none of
 * the other states reads as a draft (an approval with no embargo time has nothing to go out at).
 */
export const draftWhere = (): Where => ({
  and: [
    notWithdrawnWhere(),
    { workflowState: { not_equals: 'in-review' } },
    { or: [{ workflowState: { not_equals: 'approved' } }, { publishAt: { exists: false } }] },
  ],
})

/** Releases whose embargo lifts after `now` (sorted by publishAt, the first is the next scheduled change). */
export const nextScheduledChangeWhere = scheduledWhere

/** Most recently withdrawn first. */
export const WITHDRAWN_SORT = '-withdrawal.withdrawnAt'

/** The Where for each one-word state, for the admin's filters and the desk. */
export const whereState = (state: ReleaseState, now: Date = new Date()): Where => {
  switch (state) {
    case 'draft':
      return draftWhere()
    case 'in-review':
      return inReviewWhere()
    case 'scheduled':
      return scheduledWhere(now)
    case 'published':
      return outWhere(now)
    case 'withdrawn':
      return withdrawnWhere()
  }
}

// ------------------------------------------------------------------ predicates (each matches its builder)

export const isLive = (release: ReleaseFields): boolean => release._status === 'published'

export const isPublicNow = (release: ReleaseFields, now: Date = new Date()): boolean =>
  isLive(release) && publishAtOf(release) <= now.getTime()

export const isWithdrawn = (release: ReleaseFields): boolean =>
  Boolean(release.withdrawal?.withdrawnAt)

export const isListedNow = (release: ReleaseFields, now: Date = new Date()): boolean =>
  isPublicNow(release, now) && !isWithdrawn(release)

const isApproved = (release: ReleaseFields) =>
  release.workflowState === 'approved' && !isWithdrawn(release)

export const isScheduled = (release: ReleaseFields, now: Date = new Date()): boolean =>
  isApproved(release) && publishAtOf(release) > now.getTime()

export const isOut = (release: ReleaseFields, now: Date = new Date()): boolean =>
  isApproved(release) && publishAtOf(release) <= now.getTime()

export const isInReview = (release: ReleaseFields): boolean =>
  release.workflowState === 'in-review' && !isWithdrawn(release)

export const isDraft = (release: ReleaseFields): boolean =>
  !isWithdrawn(release) &&
  release.workflowState !== 'in-review' &&
  (release.workflowState !== 'approved' || typeof release.publishAt !== 'string')

/**
 * Where a release stands now, in one word: the stored workflow state, with "approved" told
 * apart by the clock. Exactly one of the builders of `whereState` matches it.
 */
export const releaseState = (release: ReleaseFields, now: Date = new Date()): ReleaseState => {
  if (isWithdrawn(release)) return 'withdrawn'
  if (isInReview(release)) return 'in-review'
  if (isScheduled(release, now)) return 'scheduled'
  if (isOut(release, now)) return 'published'
  return 'draft'
}

/** "Scheduled — embargoed until 09:00 on Tuesday 24 November 2026 (UK time)", and the like. */
export const stateLabel = (release: ReleaseFields, now: Date = new Date()): string => {
  switch (releaseState(release, now)) {
    case 'draft':
      return 'Draft'
    case 'in-review':
      return 'In review'
    case 'scheduled':
      return `Scheduled — embargoed until ${embargoLine(release.publishAt!)}`
    case 'published':
      return 'Published'
    case 'withdrawn':
      return 'Withdrawn'
  }
}

/** A Where as the query string of Payload's REST API and admin list (`where[and][0][…]…`). */
export const whereToQuery = (where: Where, prefix = 'where'): string[] =>
  Object.entries(where).flatMap(([key, value]) => {
    if (Array.isArray(value))
      return value.flatMap((item, i) => whereToQuery(item as Where, `${prefix}[${key}][${i}]`))
    if (value !== null && typeof value === 'object')
      return whereToQuery(value as Where, `${prefix}[${key}]`)
    return [`${encodeURIComponent(`${prefix}[${key}]`)}=${encodeURIComponent(String(value))}`]
  })

/** A state's filter as the admin list's address carries it (StateFilters); the list reads the latest versions. */
export const stateQuery = (state: ReleaseState, now: Date = new Date()): string =>
  whereToQuery(whereState(state, now)).join('&')

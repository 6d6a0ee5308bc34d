import type { Payload, TypedUser, Where } from 'payload'

import {
  draftWhere,
  inReviewWhere,
  outWhere,
  scheduledWhere,
  WITHDRAWN_SORT,
  withdrawnWhere,
} from '../releases/state'

/**
 * The releases on the press desk (DeskDashboard), asked of the state module so that the desk
 * says what the list filters, the state column and the public site say. Read with the
 * signed-in person's own access, so each role sees what it may.
 */
export const deskReleases = async (payload: Payload, user: TypedUser, now: Date = new Date()) => {
  const asThisPerson = { user, overrideAccess: false, depth: 1, draft: false } as const
  const releases = (where: Where, sort: string, limit: number) =>
    payload.find({
      collection: 'news',
      where,
      sort,
      limit,
      ...asThisPerson,
      select: { title: true, publishAt: true, review: true, withdrawal: true, workflowState: true },
    })

  const [upcoming, inReview, recent, withdrawn, mine] = await Promise.all([
    releases(scheduledWhere(now), 'publishAt', 20),
    // Review is of the latest version, and so is a draft: both are asked of the drafts.
    payload.find({
      collection: 'news',
      where: inReviewWhere(),
      sort: 'review.submittedAt',
      limit: 20,
      ...asThisPerson,
      draft: true,
      select: { title: true, review: true },
    }),
    releases(outWhere(now), '-publishAt', 5),
    releases(withdrawnWhere(), WITHDRAWN_SORT, 5),
    payload.find({
      collection: 'news',
      where: { and: [draftWhere(), { authors: { in: [user.id] } }] },
      sort: '-updatedAt',
      limit: 20,
      ...asThisPerson,
      depth: 0,
      draft: true,
      select: { title: true, updatedAt: true },
    }),
  ])
  return { upcoming, inReview, recent, withdrawn, mine }
}

const WEEK_MS = 7 * 24 * 3600_000

/**
 * Releases whose pictures of people (a custody image) come down at their review within the
 * next seven days (src/takedown/review.ts), unless an editor keeps them, with a reason: for the
 * editors, who may. The review date is set when a court result goes out.
 */
export const dueForReview = (payload: Payload, user: TypedUser, now: Date = new Date()) =>
  payload.find({
    collection: 'news',
    where: {
      and: [
        { 'after.reviewAt': { less_than_equal: new Date(now.getTime() + WEEK_MS).toISOString() } },
        { 'after.picturesTakenDownAt': { exists: false } },
      ],
    },
    sort: 'after.reviewAt',
    limit: 20,
    user,
    overrideAccess: false,
    depth: 0,
    draft: false,
    select: { title: true, after: true },
  })

import type { CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { News } from '../payload-types'
import { UK_TIME_ZONE } from '../fields/ukTime'
import { TRANSITIONS, type ReleaseState, type TransitionName } from './machine'
import { releaseState } from '../releases/state'

/** Besides the transitions: what else is recorded in a release's history. */
export const OTHER_EVENTS = {
  created: 'Created',
  deleted: 'Deleted',
  lifted: 'Embargo lifted',
  changedInReview: 'Changed while in review: back to draft',
  picturesReviewed: 'Pictures taken down at their review',
} as const

export type AuditAction = TransitionName | keyof typeof OTHER_EVENTS

/** "Approve and schedule", "Embargo lifted": an entry's action in the press office's words. */
export const actionLabel = (action: AuditAction): string =>
  Object.hasOwn(OTHER_EVENTS, action)
    ? OTHER_EVENTS[action as keyof typeof OTHER_EVENTS]
    : TRANSITIONS[action as TransitionName].label

type Actor = { id: number | string; name?: string | null; email?: string } | null | undefined

export type AuditEntry = {
  release: Pick<News, 'id' | 'title' | 'slug'>
  action: AuditAction
  from?: ReleaseState
  to?: ReleaseState
  actor?: Actor
  note?: string
  /** Kept in the history only, never shown to the public (a withdrawal's reason is). */
  internalNote?: string
  forced?: boolean
  forceReason?: string
  publishAt?: string | null
  /** The version of the release that was submitted, and then approved. */
  version?: string | number | null
  /** Who confirmed it may go out while proceedings are active, and why (contempt of court). */
  legalCheckBy?: string
  legalCheckReason?: string
}

/** Records one state change of a release, and gives the entry. The title and address are copied, so the record outlives the release. */
export const recordTransition = async (req: PayloadRequest, entry: AuditEntry) => {
  const actorName = entry.actor
    ? entry.actor.name || entry.actor.email || `user ${entry.actor.id}`
    : 'Newsroom'
  return req.payload.create({
    collection: 'audit-log',
    data: {
      summary: `${actionLabel(entry.action)}: ${entry.release.title} (${actorName})`,
      at: new Date().toISOString(),
      at_tz: UK_TIME_ZONE,
      release: entry.action === 'deleted' ? undefined : (entry.release.id as number),
      releaseRef: String(entry.release.id),
      releaseTitle: entry.release.title,
      releaseSlug: entry.release.slug,
      action: entry.action,
      from: entry.from,
      to: entry.to,
      actor: entry.actor ? (entry.actor.id as number) : undefined,
      actorName,
      note: entry.note,
      internalNote: entry.internalNote,
      forced: Boolean(entry.forced),
      forceReason: entry.forceReason,
      publishAt: entry.publishAt ?? undefined,
      version: entry.version == null ? undefined : String(entry.version),
      legalCheckBy: entry.legalCheckBy,
      legalCheckReason: entry.legalCheckReason,
    },
    overrideAccess: true,
    req,
  })
}

/** A deleted release leaves a last entry in its history, which is kept. */
export const recordDeletion: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await recordTransition(req, {
    release: doc as News,
    action: 'deleted',
    from: releaseState(doc as News),
    actor: req.user,
  })
  return doc
}

import type { CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { News } from '../payload-types'
import { UK_TIME_ZONE } from '../time/ukTime'
import { TRANSITIONS, type TransitionName } from './machine'

type Actor = { id: number | string; name?: string | null; email?: string } | null | undefined

export type AuditEntry = {
  release: Pick<News, 'id' | 'title' | 'slug'>
  action: TransitionName | 'created' | 'deleted' | 'lifted'
  from?: string
  to?: string
  actor?: Actor
  note?: string
  forced?: boolean
  forceReason?: string
  publishAt?: string | null
}

const actionLabel = (action: AuditEntry['action']) =>
  action === 'lifted' ? 'Embargo lifted' : action === 'deleted' ? 'Deleted' : action === 'created' ? 'Created' : TRANSITIONS[action].label

/** Records one state change of a release. The title and address are copied, so the record outlives the release. */
export const recordTransition = async (req: PayloadRequest, entry: AuditEntry) => {
  const actorName = entry.actor ? entry.actor.name || entry.actor.email || `user ${entry.actor.id}` : 'Newsroom'
  await req.payload.create({
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
      forced: Boolean(entry.forced),
      forceReason: entry.forceReason,
      publishAt: entry.publishAt ?? undefined,
    },
    overrideAccess: true,
    req,
  })
}

/** A deleted release leaves a last entry in its history, which is kept. */
export const recordDeletion: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await recordTransition(req, { release: doc as News, action: 'deleted', from: (doc as News).workflowState ?? undefined, actor: req.user })
  return doc
}

import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
  Where,
} from 'payload'

import type { News } from '../payload-types'
import { liveWhere } from '../releases/state'
import { recordTransition } from './audit'
import { changesReviewedContent } from './content'
import { WorkflowError } from './errors'

const USE_THE_WORKFLOW =
  'A release goes out, changes once out, or comes down only through the workflow: submit it for review, then an editor approves, schedules or publishes changes (POST /api/news/:id/workflow/:action).'

const inWorkflow = (req: PayloadRequest) => Boolean(req.context?.workflow)

/**
 * Nothing but the workflow may publish a release, change one that is out, or take one
 * down. Saving drafts is free (access control decides who may); a write that would touch
 * the published release is refused unless it comes from a workflow transition.
 */
export const guardReleaseState: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (inWorkflow(req)) return args
  const data = (args as { data?: { _status?: string } }).data
  if (operation === 'create') {
    if (data?._status === 'published') throw new WorkflowError(USE_THE_WORKFLOW, 403)
    return args
  }
  if (operation !== 'update') return args
  const { draft, id, where } = args as { draft?: boolean; id?: number | string; where?: Where }
  if (draft) return args
  if (data?._status === 'published') throw new WorkflowError(USE_THE_WORKFLOW, 403)
  const live = await req.payload.count({
    collection: 'news',
    where: { and: [id !== undefined ? { id: { equals: id } } : (where ?? {}), liveWhere()] },
    overrideAccess: true,
    req,
  })
  if (live.totalDocs > 0) throw new WorkflowError(USE_THE_WORKFLOW, 403)
  return args
}

/**
 * A missing person's appeal, once they are found, keeps nothing of them (src/takedown/): no
 * save may write to it again but the workflow's own. An editor's tab left open from before
 * would otherwise autosave the name, the description and the old title back into a draft.
 */
export const refuseChangesOnceFound: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (inWorkflow(req) || operation !== 'update') return args
  const { id, where } = args as { id?: number | string; where?: Where }
  const found = await req.payload.count({
    collection: 'news',
    where: {
      and: [
        id !== undefined ? { id: { equals: id } } : (where ?? {}),
        { 'after.foundAt': { exists: true } },
      ],
    },
    overrideAccess: true,
    req,
  })
  if (found.totalDocs > 0)
    throw new WorkflowError(
      'The person this appeal was for has been found, and what it said about them is deleted: the release cannot be changed any more. Reload the page to see it as it is now.',
      409,
    )
  return args
}

/** The same rule where the data is changed, for paths that do not pass through an update (restoring a version). */
export const guardReleaseStateOnChange: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (inWorkflow(req)) return data
  const publishing =
    data._status === 'published' && (operation === 'create' || originalDoc?._status !== 'published')
  if (publishing) throw new WorkflowError(USE_THE_WORKFLOW, 403)
  return data
}

/**
 * A release in review is what the reviewer will approve. A change saved to it (by its author
 * or an editor, autosave included) sends it back to draft, to be submitted again, so that
 * nothing goes out that nobody reviewed. The history says so (recordChangeInReview).
 */
export const backToDraftWhenChangedInReview: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (inWorkflow(req) || operation !== 'update' || originalDoc?.workflowState !== 'in-review')
    return data
  if (!changesReviewedContent(data, originalDoc)) return data
  return { ...data, workflowState: 'draft', review: { submittedBy: null, submittedAt: null } }
}

export const recordChangeInReview: CollectionAfterChangeHook<News> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (inWorkflow(req) || operation !== 'update') return doc
  if (previousDoc?.workflowState !== 'in-review' || doc.workflowState !== 'draft') return doc
  await recordTransition(req, {
    release: doc,
    action: 'changedInReview',
    from: 'in-review',
    to: 'draft',
    actor: req.user,
  })
  return doc
}

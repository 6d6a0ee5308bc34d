import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'

import { WorkflowError } from './errors'

const USE_THE_WORKFLOW =
  'A release goes out, changes once out, or comes down only through the workflow: submit it for review, then an editor approves, schedules or publishes changes (POST /api/news/:id/workflow/:action).'

const inWorkflow = (req: PayloadRequest) => Boolean(req.context?.workflow)

/**
 * Nothing but the workflow may publish a release, change one that is out, or take one
 * down. Saving drafts is free (access control decides who may); a write that would touch
 * the published release is refused unless it comes from a workflow transition.
 */
export const guardReleaseState: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
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
    where: { and: [id !== undefined ? { id: { equals: id } } : (where ?? {}), { _status: { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  if (live.totalDocs > 0) throw new WorkflowError(USE_THE_WORKFLOW, 403)
  return args
}

/** The same rule where the data is changed, for paths that do not pass through an update (restoring a version). */
export const guardReleaseStateOnChange: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (inWorkflow(req)) return data
  const publishing = data._status === 'published' && (operation === 'create' || originalDoc?._status !== 'published')
  if (publishing) throw new WorkflowError(USE_THE_WORKFLOW, 403)
  return data
}

import type { Endpoint } from 'payload'

import { bodyOf, json } from '../http/json'
import { WorkflowError } from './errors'
import { isTransitionName, TRANSITIONS } from './machine'
import { availableTransitions, performTransition, type TransitionParams } from './perform'

const text = (body: Record<string, unknown>, key: string): string | undefined => {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new WorkflowError(`"${key}" must be text.`, 400)
  return value
}

/** The workflow's parameters from a request body, refusing anything of the wrong type. */
const paramsFrom = (body: Record<string, unknown>): TransitionParams => {
  const change = text(body, 'change')
  if (change !== undefined && change !== 'major' && change !== 'minor')
    throw new WorkflowError('"change" is "major" or "minor".', 400)
  const ukZone = text(body, 'ukZone')
  if (ukZone !== undefined && ukZone !== 'BST' && ukZone !== 'GMT')
    throw new WorkflowError('"ukZone" is "BST" or "GMT".', 400)
  for (const key of ['force', 'keepPreviewLinks', 'alertSubscribers']) {
    if (body[key] !== undefined && typeof body[key] !== 'boolean')
      throw new WorkflowError(`"${key}" is true or false.`, 400)
  }
  const retirement = body.retirement
  if (
    retirement !== undefined &&
    (typeof retirement !== 'object' || retirement === null || Array.isArray(retirement))
  ) {
    throw new WorkflowError(
      '"retirement" is an object: { "mode": "gone" } or { "mode": "redirect", "redirectTo": "…" }.',
      400,
    )
  }
  const retire = retirement as Record<string, unknown> | undefined
  const legal = body.legalCheck
  if (legal !== undefined && (typeof legal !== 'object' || legal === null || Array.isArray(legal)))
    throw new WorkflowError(
      '"legalCheck" is an object: { "confirmedBy": "who", "reason": "why it may go out" }.',
      400,
    )
  const check = legal as Record<string, unknown> | undefined
  return {
    note: text(body, 'note'),
    internalNote: text(body, 'internalNote'),
    publishAt: text(body, 'publishAt'),
    publishAtLocal: text(body, 'publishAtLocal'),
    ukZone: ukZone as TransitionParams['ukZone'],
    force: body.force as boolean | undefined,
    forceReason: text(body, 'forceReason'),
    change: change as TransitionParams['change'],
    keepPreviewLinks: body.keepPreviewLinks as boolean | undefined,
    alertSubscribers: body.alertSubscribers as boolean | undefined,
    legalCheck: check
      ? { confirmedBy: text(check, 'confirmedBy'), reason: text(check, 'reason') }
      : undefined,
    retirement: retire
      ? {
          mode: text(retire, 'mode') as 'gone' | 'redirect',
          redirectTo: text(retire, 'redirectTo'),
        }
      : undefined,
  }
}

/**
 * GET  /api/news/:id/workflow          where the release stands and what you may do with it
 * POST /api/news/:id/workflow/:action  take a transition (submit, return, approve, schedule…)
 */
export const workflowEndpoints: Endpoint[] = [
  {
    path: '/:id/workflow',
    method: 'get',
    handler: async (req) => json(req, await availableTransitions(req, String(req.routeParams?.id))),
  },
  {
    path: '/:id/workflow/:action',
    method: 'post',
    handler: async (req) => {
      const action = String(req.routeParams?.action)
      if (!isTransitionName(action)) {
        throw new WorkflowError(
          `There is no workflow action "${action}". The actions are: ${Object.keys(TRANSITIONS).join(', ')}.`,
          404,
        )
      }
      const result = await performTransition(
        req,
        String(req.routeParams?.id),
        action,
        paramsFrom(await bodyOf(req)),
      )
      return json(req, {
        message: result.message,
        from: result.from,
        state: result.to,
        doc: result.release,
      })
    },
  },
]

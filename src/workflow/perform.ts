import type { PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { hasRole, isEditorUser, isStaffUser } from '../access/roles'
import { queueLift } from '../embargo/liftJob'
import { revokeAllPreviewLinks } from '../embargo/previewLinks'
import { validateLinkUrl } from '../fields/validators'
import type { News } from '../payload-types'
import { isLive, releaseState } from '../releases/state'
import { ukWallTimeToIso } from '../time/ukTime'
import { recordTransition } from './audit'
import { contentOf } from './content'
import { WorkflowError } from './errors'
import { storedStateFor, TRANSITIONS, type ReleaseState, type TransitionName } from './machine'

export type TransitionParams = {
  /** Why: required by returns, withdrawals, early lifts, major changes and the like. */
  note?: string
  /** The embargo, as an ISO 8601 moment… */
  publishAt?: string
  /** …or as UK wall-clock time, "dd/MM/yyyy HH:mm" or "YYYY-MM-DDTHH:mm", with BST or GMT when the clocks go back. */
  publishAtLocal?: string
  ukZone?: 'BST' | 'GMT'
  /** Approve a release one submitted oneself, with a written reason (recorded). */
  force?: boolean
  forceReason?: string
  /** For "Publish changes": a major change is shown on the page ("Updated …") and moves dateModified. */
  change?: 'major' | 'minor'
  /** For "Unpublish": answer 410 Gone, or redirect to another address. */
  retirement?: { mode?: 'gone' | 'redirect'; redirectTo?: string }
  /** For "Change the embargo time": whether the preview links already given out keep working (they do unless told). */
  keepPreviewLinks?: boolean
  /** For "Withdraw": a note for the history only; `note` is the notice the public reads. */
  internalNote?: string
}

type Release = News & { id: number }

const cleared = { review: { submittedBy: null, submittedAt: null } }

const requireNote = (params: TransitionParams, why: string) => {
  const note = params.note?.trim()
  if (!note || note.length < 3) throw new WorkflowError(`Add a note: ${why}`, 400)
  if (note.length > 2000) throw new WorkflowError('Keep the note to 2,000 characters or fewer.', 400)
  return note
}

const resolvePublishAt = (params: TransitionParams, now: Date): string => {
  let iso: string | undefined
  if (params.publishAtLocal) {
    const result = ukWallTimeToIso(params.publishAtLocal, params.ukZone)
    if (!result.ok) throw new WorkflowError(result.message, 400)
    iso = result.iso
  } else if (params.publishAt) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(params.publishAt) || Number.isNaN(Date.parse(params.publishAt))) {
      throw new WorkflowError('Give the embargo as an ISO 8601 time with its offset, such as 2026-06-19T09:00:00+01:00, or as publishAtLocal in UK time.', 400)
    }
    iso = new Date(params.publishAt).toISOString()
  }
  if (!iso) throw new WorkflowError('Give the time the embargo lifts (publishAt, or publishAtLocal in UK time).', 400)
  if (Date.parse(iso) <= now.getTime()) {
    throw new WorkflowError('That time has already passed. To publish now, approve and publish instead of scheduling.', 400)
  }
  return iso
}

/**
 * "Approve and publish now" publishes now. An admin may give an earlier time instead, for
 * releases brought over from an earlier website with their original dates.
 */
const backdatedOrNow = (params: TransitionParams, user: { roles?: string[] | null }, now: Date): string => {
  if (!params.publishAt) return now.toISOString()
  const at = Date.parse(params.publishAt)
  if (Number.isNaN(at)) throw new WorkflowError('Give "publishAt" as an ISO 8601 time.', 400)
  if (at > now.getTime()) throw new WorkflowError('That time is still to come: to publish then, approve and schedule instead.', 400)
  if (!hasRole(user, 'admin')) throw new WorkflowError('Only an admin can publish a release with an earlier date (for releases brought over from an earlier website).', 403)
  return new Date(at).toISOString()
}

const loadRelease = async (req: PayloadRequest, id: number | string) => {
  const live = (await req.payload.findByID({ collection: 'news', id, depth: 0, overrideAccess: true, disableErrors: true, req })) as Release | null
  if (!live) throw new WorkflowError('There is no release with that id.', 404)
  const latest = (await req.payload.findByID({ collection: 'news', id, depth: 0, draft: true, overrideAccess: true, req })) as Release
  return { live, latest }
}

/** The version just saved: the one a submission puts in front of the reviewer. */
const newestVersionId = async (req: PayloadRequest, id: number | string) => {
  const { docs } = await req.payload.findVersions({ collection: 'news', where: { parent: { equals: id } }, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true, req })
  return docs[0]?.id
}

/**
 * The version that was submitted for review, as the history recorded it, for approving exactly
 * that. Releases submitted before versions were recorded have none; they are approved as they stand.
 */
const submittedVersion = async (req: PayloadRequest, id: number | string) => {
  const { docs } = await req.payload.find({
    collection: 'audit-log',
    where: { and: [{ releaseRef: { equals: String(id) } }, { action: { equals: 'submit' } }] },
    sort: '-at',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const versionId = docs[0]?.version
  if (!versionId) return null
  const version = await req.payload.findVersionByID({ collection: 'news', id: versionId, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!version) throw new WorkflowError('The version submitted for review is no longer kept: recall the release and submit it again.', 409)
  return { id: versionId, release: version.version as Release }
}

/** Where the release stands: the workflow state of its latest version, told apart by the clock on the live one. */
const currentState = ({ live, latest }: { live: Release; latest: Release }, now: Date): ReleaseState =>
  releaseState({ workflowState: latest.workflowState ?? live.workflowState, _status: live._status, publishAt: live.publishAt, withdrawal: live.withdrawal }, now)

const hasPendingDraft = ({ live, latest }: { live: Release; latest: Release }) =>
  latest._status === 'draft' && Date.parse(latest.updatedAt) > Date.parse(live.updatedAt)

const describe = (state: ReleaseState) =>
  ({ draft: 'a draft', 'in-review': 'in review', scheduled: 'scheduled', published: 'published', withdrawn: 'withdrawn' })[state]

export type TransitionResult = { release: Release; from: ReleaseState; to: ReleaseState; message: string }

/**
 * Takes one transition of the workflow (machine.ts) for the signed-in person: checks their
 * role, the release's state, the second pair of eyes and what the transition needs, makes
 * the change, records it in the release's history and queues the embargo lift. All of it
 * happens in one database transaction, or none of it does.
 */
export const performTransition = async (
  req: PayloadRequest,
  id: number | string,
  name: TransitionName,
  params: TransitionParams = {},
): Promise<TransitionResult> => {
  const transition = TRANSITIONS[name]
  const user = req.user
  if (!user || !isStaffUser(user)) throw new WorkflowError('Sign in with a Newsroom account to do that.', 401)
  if (!transition.who.some((role) => hasRole(user, role))) {
    const roles = (user.roles ?? []).join(', ') || 'no role'
    throw new WorkflowError(`“${transition.label}” needs an ${transition.who.join(' or ')}; you are signed in as ${roles}.`, 403)
  }

  const now = new Date()
  const shouldCommit = await initTransaction(req)
  try {
    const release = await loadRelease(req, id)
    const { live, latest } = release
    const from = currentState(release, now)
    if (!transition.from.includes(from)) {
      const why = from === 'draft' && transition.from.includes('in-review') ? ' A change saved while it was in review sends it back to draft: submit it again.' : ''
      throw new WorkflowError(`This release is ${describe(from)}, so it cannot be given “${transition.label}”.${why}`, 409)
    }

    const ownSubmission = String(latest.review?.submittedBy ?? '') === String(user.id)
    if (transition.submitterOrEditor && !ownSubmission && !isEditorUser(user)) {
      throw new WorkflowError(`Only whoever submitted this release, or an editor, can take “${transition.label}”.`, 403)
    }

    let forced = false
    let forceReason: string | undefined
    if (transition.secondPairOfEyes && ownSubmission) {
      if (!params.force) {
        throw new WorkflowError('You submitted this release, so another editor should approve it. To approve it yourself, force it and give your reason: it will be recorded.', 403)
      }
      forceReason = params.force ? params.forceReason?.trim() : undefined
      if (!forceReason || forceReason.length < 10) {
        throw new WorkflowError('Give a reason of at least a few words for approving your own release: it is recorded in its history.', 400)
      }
      forced = true
    }

    const context = { workflow: name }
    const update = (data: Record<string, unknown>, draft: boolean) =>
      req.payload.update({ collection: 'news', id, data, draft, overrideAccess: true, context, req, depth: 0 }) as Promise<Release>

    /** A later draft (changes not yet published) survives a change made to the live release. */
    const keepPendingDraft = async (workflowFields: Record<string, unknown>) => {
      if (hasPendingDraft(release)) await update({ ...contentOf(latest), ...workflowFields }, true)
    }

    let note: string | undefined
    let internalNote: string | undefined
    let version: string | number | undefined
    let publishAt: string | null | undefined
    let result: Release
    let queue = false

    switch (name) {
      case 'submit': {
        if (!latest.title?.trim() || !latest.summary?.trim()) {
          throw new WorkflowError('Add a title and a summary (standfirst) before submitting the release for review.', 400)
        }
        note = params.note?.trim() || undefined
        result = await update({ workflowState: 'in-review', review: { submittedBy: user.id, submittedAt: now.toISOString() } }, true)
        version = await newestVersionId(req, id)
        break
      }
      case 'recall':
      case 'return': {
        note = name === 'return' ? requireNote(params, 'tell the author what to change.') : params.note?.trim() || undefined
        result = await update({ workflowState: 'draft', ...cleared }, true)
        break
      }
      case 'approve':
      case 'schedule': {
        publishAt = name === 'approve' ? backdatedOrNow(params, user, now) : resolvePublishAt(params, now)
        note = params.note?.trim() || undefined
        // Exactly what the reviewer was shown: a change since would have sent the release back to draft.
        const submitted = await submittedVersion(req, id)
        version = submitted?.id
        result = await update(
          {
            ...contentOf(submitted?.release ?? latest),
            authors: latest.authors,
            _status: 'published',
            workflowState: 'approved',
            publishAt,
            ...cleared,
            approval: { approvedBy: user.id, approvedAt: now.toISOString(), forced, forceReason: forceReason ?? null },
          },
          false,
        )
        await unretire(req, result)
        queue = true
        break
      }
      case 'reschedule':
      case 'publishNow': {
        publishAt = name === 'publishNow' ? now.toISOString() : resolvePublishAt(params, now)
        note = requireNote(params, name === 'publishNow' ? 'say why the embargo is lifted early (it is recorded).' : 'say why the embargo time changes.')
        result = await update({ publishAt }, false)
        await keepPendingDraft({ publishAt })
        if (name === 'reschedule' && params.keepPreviewLinks === false) {
          const revoked = await revokeAllPreviewLinks(req, id)
          internalNote = `Preview links revoked: ${revoked}.`
        }
        queue = true
        break
      }
      case 'unschedule': {
        note = requireNote(params, 'say why the release is no longer scheduled.')
        result = await update({ _status: 'draft', workflowState: 'draft' }, false)
        await keepPendingDraft({ workflowState: 'draft' })
        // It may be rewritten before it is scheduled again: nobody holding an old link reads that.
        const revoked = await revokeAllPreviewLinks(req, id)
        if (revoked) internalNote = `Preview links revoked: ${revoked}.`
        break
      }
      case 'amend': {
        if (!hasPendingDraft(release)) throw new WorkflowError('There are no saved changes to publish.', 409)
        const major = params.change === 'major'
        if (!major && params.change !== 'minor') throw new WorkflowError('Say whether the change is major (shown as "Updated" on the page) or minor.', 400)
        note = major ? requireNote(params, 'a major change is shown on the page as "Updated …: note".') : params.note?.trim() || undefined
        const amendments = [...(live.amendments ?? []).map(({ at, note: n }) => ({ at, note: n })), ...(major ? [{ at: now.toISOString(), note }] : [])]
        result = await update({ ...contentOf(latest), _status: 'published', workflowState: 'approved', publishAt: live.publishAt, amendments }, false)
        if (result.slug !== live.slug) await retire(req, live, { mode: 'redirect', redirectTo: `/news/${result.slug}` }, `Address changed to /news/${result.slug}`)
        break
      }
      case 'withdraw': {
        note = requireNote(params, 'the notice is shown to the public on the page, with the withdrawal.')
        internalNote = params.internalNote?.trim() || undefined
        if (internalNote && internalNote.length > 2000) throw new WorkflowError('Keep the internal note to 2,000 characters or fewer.', 400)
        const withdrawal = { withdrawnAt: now.toISOString(), reason: note, withdrawnBy: user.id }
        result = await update({ workflowState: 'withdrawn', withdrawal }, false)
        await keepPendingDraft({ workflowState: 'withdrawn', withdrawal })
        break
      }
      case 'reinstate': {
        note = requireNote(params, 'say why the release is back.')
        const withdrawal = { withdrawnAt: null, reason: null, withdrawnBy: null }
        result = await update({ workflowState: 'approved', withdrawal }, false)
        await keepPendingDraft({ workflowState: 'approved', withdrawal })
        break
      }
      case 'unpublish': {
        note = requireNote(params, 'say what was published in error (it is kept in the history, not shown).')
        const mode = params.retirement?.mode ?? 'gone'
        if (mode !== 'gone' && mode !== 'redirect') throw new WorkflowError('Choose whether the address answers "gone" or redirects elsewhere.', 400)
        if (mode === 'redirect') {
          const valid = validateLinkUrl(params.retirement?.redirectTo)
          if (!params.retirement?.redirectTo || valid !== true) throw new WorkflowError(`Give the address to redirect to: ${valid === true ? 'it is missing.' : valid}`, 400)
        }
        const withdrawal = { withdrawnAt: null, reason: null, withdrawnBy: null }
        result = await update({ _status: 'draft', workflowState: 'draft', withdrawal }, false)
        await keepPendingDraft({ workflowState: 'draft', withdrawal })
        await retire(req, live, { mode, redirectTo: params.retirement?.redirectTo }, note)
        break
      }
    }

    const to = releaseState(result, now)
    await recordTransition(req, { release: result, action: name, from, to, actor: user, note, internalNote, forced, forceReason, publishAt, version })
    if (queue) await queueLift(req.payload, result, req)
    if (shouldCommit) await commitTransaction(req)
    return { release: result, from, to, message: `${transition.label}: done. The release is now ${describe(to)}.` }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}

/** The release's old address stops working: it answers 410 Gone, or redirects. */
const retire = async (req: PayloadRequest, release: Release, { mode, redirectTo }: { mode: 'gone' | 'redirect'; redirectTo?: string }, reason: string) => {
  const from = `/news/${release.slug}`
  const existing = await req.payload.find({ collection: 'redirects', where: { from: { equals: from } }, limit: 1, overrideAccess: true, req })
  const data = { from, to: mode === 'redirect' ? redirectTo : null, reason, release: release.id }
  if (existing.docs[0]) await req.payload.update({ collection: 'redirects', id: existing.docs[0].id, data, overrideAccess: true, req })
  else await req.payload.create({ collection: 'redirects', data, overrideAccess: true, req })
}

/** A release published again takes its address back. */
const unretire = async (req: PayloadRequest, release: Release) => {
  await req.payload.delete({ collection: 'redirects', where: { from: { equals: `/news/${release.slug}` } }, overrideAccess: true, req })
}

/**
 * The editor's note when the release was last given back to its author, while it has not
 * been submitted again since: shown at the top of the release.
 */
const lastReturn = async (req: PayloadRequest, id: number | string) => {
  const { docs } = await req.payload.find({
    collection: 'audit-log',
    where: { and: [{ releaseRef: { equals: String(id) } }, { action: { in: ['submit', 'return'] } }] },
    sort: '-at',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const last = docs[0]
  return last?.action === 'return' ? { note: last.note ?? '', by: last.actorName ?? null, at: last.at } : null
}

/** What a person may do with a release now, for the admin's buttons. */
export const availableTransitions = async (req: PayloadRequest, id: number | string) => {
  const user = req.user
  if (!user || !isStaffUser(user)) throw new WorkflowError('Sign in with a Newsroom account to do that.', 401)
  const release = await loadRelease(req, id)
  const state = currentState(release, new Date())
  const ownSubmission = String(release.latest.review?.submittedBy ?? '') === String(user.id)
  const actions = (Object.keys(TRANSITIONS) as TransitionName[])
    .filter((name) => TRANSITIONS[name].from.includes(state) && TRANSITIONS[name].who.some((role) => hasRole(user, role)))
    .filter((name) => !TRANSITIONS[name].submitterOrEditor || ownSubmission || isEditorUser(user))
    .map((name) => ({
      action: name,
      label: TRANSITIONS[name].label,
      needs: TRANSITIONS[name].needs,
      needsForce: Boolean(TRANSITIONS[name].secondPairOfEyes && ownSubmission),
    }))
  return {
    state,
    stored: storedStateFor(state),
    returned: state === 'draft' ? await lastReturn(req, id) : null,
    publishAt: isLive(release.live) ? release.live.publishAt : release.latest.publishAt,
    pendingChanges: hasPendingDraft(release),
    actions,
  }
}

import type { PayloadRequest } from 'payload'

import type { News } from '../payload-types'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { isStaffUser } from '../access/roles'
import { cancelAlerts, queueUpdateAlert } from '../alerts/runs'
import { queueLift } from '../embargo/liftJob'
import { revokeAllPreviewLinks } from '../embargo/previewLinks'
import { isLive, releaseState } from '../releases/state'
import { kindOf, namedPerson } from '../releases/kinds'
import { forgetWhatWasSaid, takeDownPictures } from '../takedown'
import { recordTransition } from './audit'
import { queueNotifications } from './notify'
import { contentOf } from './content'
import { WorkflowError } from './errors'
import {
  describeState,
  kindRefusal,
  roleRefusal,
  stateRefusal,
  storedStateFor,
  submitterRefusal,
  transitionsFrom,
  TRANSITIONS,
  type ReleaseState,
  type TransitionName,
} from './machine'
import {
  refusedAsGoneForGood,
  PUBLISHING,
  planTransition,
  type Plan,
  type Proceedings,
  type Release,
  type TransitionParams,
} from './plans'

export type { TransitionParams } from './plans'

/** The signed-in Newsroom user, or a 401. */
const signedIn = (req: PayloadRequest) => {
  const user = req.user
  if (!user || !isStaffUser(user))
    throw new WorkflowError('Sign in with a Newsroom account to do that.', 401)
  return user
}

const refuseIf = (message: string | null, status: number) => {
  if (message) throw new WorkflowError(message, status)
}

const loadRelease = async (req: PayloadRequest, id: number | string) => {
  const live = (await req.payload.findByID({
    collection: 'news',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Release | null
  if (!live) throw new WorkflowError('There is no release with that id.', 404)
  const latest = (await req.payload.findByID({
    collection: 'news',
    id,
    depth: 0,
    draft: true,
    overrideAccess: true,
    req,
  })) as Release
  return { live, latest }
}

/** The version just saved: the one a submission puts in front of the reviewer. */
const newestVersionId = async (req: PayloadRequest, id: number | string) => {
  const { docs } = await req.payload.findVersions({
    collection: 'news',
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
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
  const version = await req.payload.findVersionByID({
    collection: 'news',
    id: versionId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!version)
    throw new WorkflowError(
      'The version submitted for review is no longer kept: recall the release and submit it again.',
      409,
    )
  return { id: versionId, release: version.version as Release }
}

/** Where the release stands: the workflow state of its latest version, told apart by the clock on the live one. */
const currentState = (
  { live, latest }: { live: Release; latest: Release },
  now: Date,
): ReleaseState =>
  releaseState(
    {
      workflowState: latest.workflowState ?? live.workflowState,
      _status: live._status,
      publishAt: live.publishAt,
      withdrawal: live.withdrawal,
    },
    now,
  )

const hasPendingDraft = ({ live, latest }: { live: Release; latest: Release }) =>
  latest._status === 'draft' && Date.parse(latest.updatedAt) > Date.parse(live.updatedAt)

const isOwnSubmission = (latest: Release, user: { id: number | string }) =>
  String(latest.review?.submittedBy ?? '') === String(user.id)

export type TransitionResult = {
  release: Release
  from: ReleaseState
  to: ReleaseState
  message: string
}

/** The live release's own fields, to write back as they are: not the derived, the joined or the server's stamps. */
const liveAsItIs = (live: Release): Record<string, unknown> => {
  const {
    id: _id,
    createdAt: _created,
    updatedAt: _updated,
    history: _history,
    previewLinks: _links,
    searchText: _searchText,
    ...asItIs
  } = live as Release & Record<string, unknown>
  return asItIs
}

/** Carries out a plan's write and what follows it, in the request's transaction; gives the release as written and what the history adds. */
const apply = async (
  req: PayloadRequest,
  name: TransitionName,
  loaded: { live: Release; latest: Release },
  plan: Plan,
) => {
  const { live, latest } = loaded
  const context = { workflow: name }
  const update = (data: Record<string, unknown>, draft: boolean) =>
    req.payload.update({
      collection: 'news',
      id: live.id,
      data,
      draft,
      overrideAccess: true,
      context,
      req,
      depth: 0,
    }) as Promise<Release>

  // A write to the live release names every field of its content, from the live release itself
  // unless the plan says otherwise. Given only the changed fields, Payload lays them over the
  // latest version, and with changes waiting in a later draft it would publish those changes
  // (nobody approved them) and mark the release a draft (taking it off the site).
  const data = plan.write.draft ? plan.write.data : { ...liveAsItIs(live), ...plan.write.data }
  const release = await update(data, plan.write.draft)
  // A later draft (changes not yet published) survives a change made to the live release.
  if (plan.keepPendingDraft && hasPendingDraft(loaded))
    await update({ ...contentOf(latest), ...plan.keepPendingDraft }, true)

  const recorded = { ...plan.record }
  for (const effect of plan.effects) {
    switch (effect.kind) {
      case 'recordNewestVersion':
        recorded.version = await newestVersionId(req, live.id)
        break
      case 'revokePreviewLinks': {
        const revoked = await revokeAllPreviewLinks(req, live.id)
        if (revoked || effect.say === 'always')
          recorded.internalNote = `Preview links revoked: ${revoked}.`
        break
      }
      case 'retire':
        await retire(req, live, { mode: effect.mode, redirectTo: effect.redirectTo }, effect.reason)
        break
      case 'redirectIfMoved':
        if (release.slug !== live.slug)
          await retire(
            req,
            live,
            { mode: 'redirect', redirectTo: `/news/${release.slug}` },
            `Address changed to /news/${release.slug}`,
          )
        break
      case 'unretire':
        await unretire(req, release)
        break
      case 'cancelAlerts':
        await cancelAlerts(req, live.id)
        break
      case 'alertUpdate':
        await queueUpdateAlert(req, live.id, new Date())
        recorded.internalNote = 'Subscribers are e-mailed the update.'
        break
      case 'takeDown': {
        const found = effect.why === 'found'
        // The earlier versions first: they are what still points at the pictures.
        if (found) await forgetWhatWasSaid(req, live.id)
        const pictures = await takeDownPictures(req, live.id, [live, latest], {
          allOfTheRelease: found,
        })
        recorded.internalNote = found
          ? `Taken down: the name, description and ${pictures === 1 ? 'picture' : `${pictures} pictures`} deleted, with every earlier version.`
          : `The photo taken down: ${pictures === 1 ? 'one picture' : `${pictures} pictures`} deleted, every size.`
        break
      }
    }
  }
  return { release, recorded }
}

/**
 * Takes one transition of the workflow (machine.ts) for the signed-in person: permission,
 * then the release is loaded and checked (its state, who submitted it), then its plan
 * (plans.ts) is applied and recorded in its history in one database transaction, and the
 * embargo lift is queued. All of it happens, or none of it does.
 */
export const performTransition = async (
  req: PayloadRequest,
  id: number | string,
  name: TransitionName,
  params: TransitionParams = {},
): Promise<TransitionResult> => {
  const transition = TRANSITIONS[name]
  const user = signedIn(req)
  refuseIf(roleRefusal(name, user), 403)

  const now = new Date()
  const shouldCommit = await initTransaction(req)
  try {
    const loaded = await loadRelease(req, id)
    const from = currentState(loaded, now)
    refuseIf(stateRefusal(name, from), 409)
    refuseIf(kindRefusal(name, kindOf(loaded.latest)), 409)
    const ownSubmission = isOwnSubmission(loaded.latest, user)
    refuseIf(submitterRefusal(name, user, ownSubmission), 403)

    const submitted = transition.secondPairOfEyes ? await submittedVersion(req, id) : null
    const settings = await req.payload.findGlobal({
      slug: 'site-settings',
      depth: 0,
      overrideAccess: true,
      req,
    })
    const plan = planTransition(name, {
      ...loaded,
      pendingDraft: hasPendingDraft(loaded),
      submitted,
      actor: user,
      ownSubmission,
      now,
      params,
      proceedings: await proceedingsNamedBy(req, submitted?.release ?? loaded.latest, loaded.live),
      retentionMonths: settings.retentionMonths ?? undefined,
    })
    const { release, recorded } = await apply(req, name, loaded, plan)
    const to = releaseState(release, now)
    const entry = await recordTransition(req, {
      release,
      action: name,
      from,
      to,
      actor: user,
      ...recorded,
    })
    // Queued in this transaction, sent after it commits (src/workflow/notify.ts).
    await queueNotifications(req, entry, release)

    if (plan.queueLift) await queueLift(req.payload, release, req)
    if (shouldCommit) await commitTransaction(req)
    return {
      release,
      from,
      to,
      message: `${transition.label}: done. The release is now ${describeState(to)}.`,
    }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}

/** The release's old address stops working: it answers 410 Gone, or redirects. */
const retire = async (
  req: PayloadRequest,
  release: Release,
  { mode, redirectTo }: { mode: 'gone' | 'redirect'; redirectTo?: string },
  reason: string,
) => {
  const from = `/news/${release.slug}`
  const existing = await req.payload.find({
    collection: 'redirects',
    where: { from: { equals: from } },
    limit: 1,
    overrideAccess: true,
    req,
  })
  const data = { from, to: mode === 'redirect' ? redirectTo : null, reason, release: release.id }
  if (existing.docs[0])
    await req.payload.update({
      collection: 'redirects',
      id: existing.docs[0].id,
      data,
      overrideAccess: true,
      req,
    })
  else await req.payload.create({ collection: 'redirects', data, overrideAccess: true, req })
}

/** A release published again takes its address back. */
const unretire = async (req: PayloadRequest, release: Release) => {
  await req.payload.delete({
    collection: 'redirects',
    where: { from: { equals: `/news/${release.slug}` } },
    overrideAccess: true,
    req,
  })
}

/**
 * The editor's note when the release was last given back to its author, while it has not
 * been submitted again since: shown at the top of the release.
 */
const lastReturn = async (req: PayloadRequest, id: number | string) => {
  const { docs } = await req.payload.find({
    collection: 'audit-log',
    where: {
      and: [{ releaseRef: { equals: String(id) } }, { action: { in: ['submit', 'return'] } }],
    },
    sort: '-at',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const last = docs[0]
  return last?.action === 'return'
    ? { note: last.note ?? '', by: last.actorName ?? null, at: last.at }
    : null
}

/**
 * The releases under active proceedings (contempt of court: see `charged`) that this release
 * names: itself, if charged, and any other whose person it names, in its structured fields or
 * in its words. There are few at a time, so they are read and compared here.
 */
export const proceedingsNamedBy = async (
  req: PayloadRequest,
  release: Partial<Release>,
  live?: Partial<Release>,
): Promise<Proceedings[]> => {
  const { docs } = await req.payload.find({
    collection: 'news',
    where: { 'after.activeProceedingsSince': { exists: true } },
    limit: 200,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const words = [
    release.title,
    release.summary,
    release.searchText,
    namedPerson(release as News),
    live?.searchText,
  ]
    .filter((text): text is string => typeof text === 'string')
    .join(' ')
    .toLowerCase()
  return (docs as Release[])
    .filter((other) => {
      if (String(other.id) === String(release.id ?? live?.id)) return true
      const person = namedPerson(other)
      return person !== null && words.includes(person.toLowerCase())
    })
    .map((other) => ({
      id: other.id,
      title: other.title,
      note: other.after?.activeProceedingsNote ?? null,
    }))
}

/** What a person may do with a release now, for the admin's buttons. */
export const availableTransitions = async (req: PayloadRequest, id: number | string) => {
  const user = signedIn(req)
  const release = await loadRelease(req, id)
  const state = currentState(release, new Date())
  const ownSubmission = isOwnSubmission(release.latest, user)
  const proceedings = await proceedingsNamedBy(req, release.latest, release.live)
  const actions = transitionsFrom(state, user, ownSubmission, kindOf(release.latest))
    // Not offered when it can only be refused: a release taken down for good never comes back.
    .filter((name) => !refusedAsGoneForGood(name, release.live))
    .map((name) => ({
      action: name,
      label: TRANSITIONS[name].label,
      needs: TRANSITIONS[name].needs,
      needsForce: Boolean(TRANSITIONS[name].secondPairOfEyes && ownSubmission),
      needsLegalCheck: proceedings.length > 0 && PUBLISHING.includes(name),
    }))
  return {
    state,
    kind: kindOf(release.latest),
    proceedings,
    stored: storedStateFor(state),
    returned: state === 'draft' ? await lastReturn(req, id) : null,
    publishAt: isLive(release.live) ? release.live.publishAt : release.latest.publishAt,
    pendingChanges: hasPendingDraft(release),
    actions,
  }
}

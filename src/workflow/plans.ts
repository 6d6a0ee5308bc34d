/**
 * What each transition of the workflow does, as a plan: the data it writes, what the history
 * records, and what follows (preview links revoked, an address retired, the embargo lift
 * queued). Plans are pure: they read the release as loaded, the person, the clock and the
 * request, and either refuse (a WorkflowError) or say what to do. `perform.ts` carries a plan
 * out in one database transaction; test/unit/transitionPlans.test.ts checks them without one.
 *
 * The checks every transition shares are driven by the table in machine.ts: what it `needs`
 * (a note, an embargo time, the kind of change, how the old address retires) and whether it
 * takes a second pair of eyes.
 */
import { hasRole } from '../access/roles'
import { validateLinkUrl } from '../fields/validators'
import type { News } from '../payload-types'
import { ukWallTimeToIso } from '../fields/ukTime'
import {
  ARRESTED_NOTE,
  DEFAULT_RETENTION_MONTHS,
  FOUND_NOTICE,
  FOUND_TITLE,
  kindOf,
} from '../releases/kinds'
import { contentOf } from './content'
import { WorkflowError } from './errors'
import { TRANSITIONS, type TransitionName } from './machine'

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
  /** For a major "Publish changes": e-mail the public who subscribed that the release was updated. */
  alertSubscribers?: boolean
  /**
   * While proceedings are active for someone this release names (see `charged`): who confirmed
   * it may go out or change, and why. Needed to publish, schedule, lift or publish changes.
   */
  legalCheck?: { confirmedBy?: string; reason?: string }
}

/** A release under active proceedings that the one being published names (itself, perhaps). */
export type Proceedings = { id: number | string; title: string; note?: string | null }

export type Release = News & { id: number }

export type PlanInput = {
  /** The live release (what the public may see, once out) and its latest version (changes may be waiting). */
  live: Release
  latest: Release
  /** Whether a later draft waits, with changes not yet published. */
  pendingDraft: boolean
  /** The version submitted for review, as the history recorded it (for approve and schedule); null for releases submitted before versions were recorded. */
  submitted?: { id: number | string; release: Release } | null
  actor: { id: number | string; roles?: string[] | null }
  /** Whether the person taking it submitted the release. */
  ownSubmission: boolean
  now: Date
  params: TransitionParams
  /** Active proceedings this release names (src/workflow/perform.ts finds them); none when not given. */
  proceedings?: Proceedings[]
  /** From the site settings: how long a court result's pictures are kept before review. */
  retentionMonths?: number
}

export type Effect =
  /** The version just written is the one the reviewer is shown: the history names it. */
  | { kind: 'recordNewestVersion' }
  /** Preview links stop working; the history says how many, always or only when there were some. */
  | { kind: 'revokePreviewLinks'; say: 'always' | 'ifAny' }
  /** The release's address answers 410 Gone, or redirects. */
  | { kind: 'retire'; mode: 'gone' | 'redirect'; redirectTo?: string; reason: string }
  /** When publishing changes moved the address, the old one redirects to the new. */
  | { kind: 'redirectIfMoved' }
  /** A release published again takes its address back. */
  | { kind: 'unretire' }
  /** Alerts to the public about this release that have not gone yet never will. */
  | { kind: 'cancelAlerts' }
  /** The public who subscribed are told the release was updated (src/alerts/). */
  | { kind: 'alertUpdate' }
  /**
   * A takedown (src/takedown/): the pictures of people in the release, every size, deleted from
   * storage; for a person found, also every earlier version of the release and its title
   * wherever the history copied it.
   */
  | { kind: 'takeDown'; why: 'found' | 'arrested' }

export type Plan = {
  /** The change to the release: to the live release, or (draft) as its latest version. */
  write: { data: Record<string, unknown>; draft: boolean }
  /** Written as well onto changes waiting in a later draft, so that they survive the change to the live release. */
  keepPendingDraft?: Record<string, unknown>
  /** What the history records, besides who, from and to. */
  record: {
    note?: string
    internalNote?: string
    publishAt?: string | null
    version?: number | string
    forced: boolean
    forceReason?: string
    legalCheckBy?: string
    legalCheckReason?: string
  }
  /** Done in the same transaction, after the write. */
  effects: Effect[]
  /** The embargo lift is queued (for its publishAt) once the transaction is committed. */
  queueLift: boolean
}

const refuse = (message: string, status: number): never => {
  throw new WorkflowError(message, status)
}

const optionalNote = (params: TransitionParams) => params.note?.trim() || undefined

const requireNote = (params: TransitionParams, why: string) => {
  const note = params.note?.trim()
  if (!note || note.length < 3) refuse(`Add a note: ${why}`, 400)
  if (note!.length > 2000) refuse('Keep the note to 2,000 characters or fewer.', 400)
  return note!
}

const resolvePublishAt = (params: TransitionParams, now: Date): string => {
  let iso: string | undefined
  if (params.publishAtLocal) {
    const result = ukWallTimeToIso(params.publishAtLocal, params.ukZone)
    if (!result.ok) refuse(result.message, 400)
    else iso = result.iso
  } else if (params.publishAt) {
    if (
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(
        params.publishAt,
      ) ||
      Number.isNaN(Date.parse(params.publishAt))
    ) {
      refuse(
        'Give the embargo as an ISO 8601 time with its offset, such as 2026-06-19T09:00:00+01:00, or as publishAtLocal in UK time.',
        400,
      )
    }
    iso = new Date(params.publishAt).toISOString()
  }
  if (!iso)
    return refuse('Give the time the embargo lifts (publishAt, or publishAtLocal in UK time).', 400)
  if (Date.parse(iso) <= now.getTime())
    refuse(
      'That time has already passed. To publish now, approve and publish instead of scheduling.',
      400,
    )
  return iso
}

/**
 * "Approve and publish now" publishes now. An admin may give an earlier time instead, for
 * releases brought over from an earlier website with their original dates.
 */
const backdatedOrNow = ({ params, actor, now }: PlanInput): string => {
  if (!params.publishAt) return now.toISOString()
  const at = Date.parse(params.publishAt)
  if (Number.isNaN(at)) refuse('Give "publishAt" as an ISO 8601 time.', 400)
  if (at > now.getTime())
    refuse('That time is still to come: to publish then, approve and schedule instead.', 400)
  if (!hasRole(actor, 'admin'))
    refuse(
      'Only an admin can publish a release with an earlier date (for releases brought over from an earlier website).',
      403,
    )
  return new Date(at).toISOString()
}

/** The second pair of eyes, then what the table says a transition needs, checked in the order it lists them. */
type Given = {
  note?: string
  publishAt?: string
  change?: 'major' | 'minor'
  retirement?: { mode: 'gone' | 'redirect'; redirectTo?: string }
  forced: boolean
  forceReason?: string
  legalCheckBy?: string
  legalCheckReason?: string
}

/** Transitions that put words before the public: with proceedings active, each needs a legal check. */
export const PUBLISHING: TransitionName[] = ['approve', 'schedule', 'liftEmbargoNow', 'amend']

const legalCheck = (name: TransitionName, input: PlanInput) => {
  const proceedings = input.proceedings ?? []
  if (!PUBLISHING.includes(name) || proceedings.length === 0) return {}
  const confirmedBy = input.params.legalCheck?.confirmedBy?.trim()
  const reason = input.params.legalCheck?.reason?.trim()
  const cases = proceedings.map((p) => `“${p.title}”${p.note ? ` (${p.note})` : ''}`).join('; ')
  if (!confirmedBy || !reason)
    refuse(
      `Proceedings are active (contempt of court): ${cases}. Record a legal check first: who confirmed this may go out, and why.`,
      409,
    )
  if (confirmedBy!.length < 3 || reason!.length < 10)
    refuse(
      'Say more in the legal check: who confirmed it (3 characters or more, such as their name and role) and why it may go out (10 characters or more).',
      400,
    )
  if (confirmedBy!.length > 200 || reason!.length > 2000)
    refuse('Keep the legal check to 200 characters for who, and 2,000 for why.', 400)
  return { legalCheckBy: confirmedBy, legalCheckReason: reason }
}

const given = (name: TransitionName, input: PlanInput): Given => {
  const transition = TRANSITIONS[name]
  const { params } = input
  const result: Given = { note: optionalNote(params), forced: false, ...legalCheck(name, input) }
  if (transition.secondPairOfEyes && input.ownSubmission) {
    if (!params.force) {
      refuse(
        'You submitted this release, so another editor should approve it. To approve it yourself, force it and give your reason: it will be recorded.',
        403,
      )
    }
    const forceReason = params.forceReason?.trim()
    if (!forceReason || forceReason.length < 10)
      refuse(
        'Give a reason of at least a few words for approving your own release: it is recorded in its history.',
        400,
      )
    result.forced = true
    result.forceReason = forceReason
  }
  for (const need of transition.needs) {
    if (need === 'note') result.note = requireNote(params, transition.noteWhy ?? 'say why.')
    if (need === 'publishAt') result.publishAt = resolvePublishAt(params, input.now)
    if (need === 'change') {
      if (params.change !== 'major' && params.change !== 'minor')
        refuse('Say whether the change is major (shown as "Updated" on the page) or minor.', 400)
      result.change = params.change
    }
    if (need === 'retirement') {
      const mode = params.retirement?.mode ?? 'gone'
      if (mode !== 'gone' && mode !== 'redirect')
        refuse('Choose whether the address answers "gone" or redirects elsewhere.', 400)
      if (mode === 'redirect') {
        const valid = validateLinkUrl(params.retirement?.redirectTo)
        if (!params.retirement?.redirectTo || valid !== true)
          refuse(
            `Give the address to redirect to: ${valid === true ? 'it is missing.' : valid}`,
            400,
          )
      }
      result.retirement = { mode, redirectTo: params.retirement?.redirectTo }
    }
  }
  return result
}

/** A missing person's appeal taken down when they were found: what it said is deleted for good. */
export const isGoneForGood = (live: Partial<Release>) => Boolean(live.after?.foundAt)

/**
 * All that may still be done with it: take its notice down (unpublish). Nothing may publish it
 * again, which would put it back before the public with whatever an old copy held (a stale
 * editor's tab, a version restored), nor mark it found, arrested or charged again.
 */
const GONE_FOR_GOOD_ALLOWS: TransitionName[] = ['unpublish']

export const refusedAsGoneForGood = (name: TransitionName, live: Partial<Release>) =>
  isGoneForGood(live) && !GONE_FOR_GOOD_ALLOWS.includes(name)

/** Each may be done once: a second would move the date the public reads, and repeat the history. */
const ONCE: Partial<Record<TransitionName, (live: Partial<Release>) => string | null | undefined>> =
  {
    arrested: (live) => live.after?.arrestedAt,
    closeAppeal: (live) => live.after?.appealClosedAt,
  }

/** Checked before anything the transition needs: whether there is anything to take it on. */
const PRECONDITIONS: Partial<Record<TransitionName, (input: PlanInput) => void>> = {
  submit: ({ latest }) => {
    if (!latest.title?.trim() || !latest.summary?.trim())
      refuse(
        'Add a title and a summary (standfirst) before submitting the release for review.',
        400,
      )
  },
  amend: ({ pendingDraft }) => {
    if (!pendingDraft) refuse('There are no saved changes to publish.', 409)
  },
}

const cleared = { review: { submittedBy: null, submittedAt: null } }
const noWithdrawal = { withdrawnAt: null, reason: null, withdrawnBy: null }

const record = (g: Given, extra: Partial<Plan['record']> = {}): Plan['record'] => ({
  note: g.note,
  forced: g.forced,
  forceReason: g.forceReason,
  ...(g.legalCheckBy ? { legalCheckBy: g.legalCheckBy, legalCheckReason: g.legalCheckReason } : {}),
  ...extra,
})
const plan = (
  write: Plan['write'],
  g: Given,
  rest: Partial<Omit<Plan, 'write' | 'record'>> & { record?: Partial<Plan['record']> } = {},
): Plan => ({
  write,
  keepPendingDraft: rest.keepPendingDraft,
  record: record(g, rest.record),
  effects: rest.effects ?? [],
  queueLift: rest.queueLift ?? false,
})

/** Approve or schedule: exactly what the reviewer was shown goes out (a change since would have sent it back to draft). */
/** A court result is reviewed this long after it goes out (src/takedown/review.ts). */
const reviewAfter = (input: PlanInput, publishAt: string, from: Release) =>
  kindOf(from) === 'court-result'
    ? {
        after: {
          ...(input.live.after ?? {}),
          reviewAt: addMonths(publishAt, input.retentionMonths ?? DEFAULT_RETENTION_MONTHS),
        },
      }
    : {}

const addMonths = (iso: string, months: number) => {
  const date = new Date(iso)
  date.setUTCMonth(date.getUTCMonth() + months)
  return date.toISOString()
}

const approval = (input: PlanInput, g: Given, publishAt: string): Plan =>
  plan(
    {
      data: {
        ...contentOf(input.submitted?.release ?? input.latest),
        ...reviewAfter(input, publishAt, input.submitted?.release ?? input.latest),
        authors: input.latest.authors,
        _status: 'published',
        workflowState: 'approved',
        publishAt,
        ...cleared,
        approval: {
          approvedBy: input.actor.id,
          approvedAt: input.now.toISOString(),
          forced: g.forced,
          forceReason: g.forceReason ?? null,
        },
      },
      draft: false,
    },
    g,
    {
      record: { publishAt, version: input.submitted?.id },
      effects: [{ kind: 'unretire' }],
      queueLift: true,
    },
  )

const PLANS: Record<TransitionName, (input: PlanInput, g: Given) => Plan> = {
  submit: ({ actor, now }, g) =>
    plan(
      {
        data: {
          workflowState: 'in-review',
          review: { submittedBy: actor.id, submittedAt: now.toISOString() },
        },
        draft: true,
      },
      g,
      { effects: [{ kind: 'recordNewestVersion' }] },
    ),
  recall: (_input, g) => plan({ data: { workflowState: 'draft', ...cleared }, draft: true }, g),
  return: (_input, g) => plan({ data: { workflowState: 'draft', ...cleared }, draft: true }, g),
  approve: (input, g) => approval(input, g, backdatedOrNow(input)),
  schedule: (input, g) => approval(input, g, g.publishAt!),
  reschedule: ({ params }, g) =>
    plan({ data: { publishAt: g.publishAt }, draft: false }, g, {
      keepPendingDraft: { publishAt: g.publishAt },
      record: { publishAt: g.publishAt },
      effects:
        params.keepPreviewLinks === false ? [{ kind: 'revokePreviewLinks', say: 'always' }] : [],
      queueLift: true,
    }),
  liftEmbargoNow: ({ now }, g) => {
    const publishAt = now.toISOString()
    return plan({ data: { publishAt }, draft: false }, g, {
      keepPendingDraft: { publishAt },
      record: { publishAt },
      queueLift: true,
    })
  },
  // It may be rewritten before it is scheduled again: nobody holding an old link reads that.
  unschedule: (_input, g) =>
    plan({ data: { _status: 'draft', workflowState: 'draft' }, draft: false }, g, {
      keepPendingDraft: { workflowState: 'draft' },
      effects: [{ kind: 'revokePreviewLinks', say: 'ifAny' }, { kind: 'cancelAlerts' }],
    }),
  amend: ({ live, latest, now, params }, g) => {
    const major = g.change === 'major'
    if (params.alertSubscribers && !major)
      refuse(
        'Only a major change can be e-mailed to subscribers: it is the one shown on the page as "Updated".',
        400,
      )
    const note = major
      ? requireNote(params, 'a major change is shown on the page as "Updated …: note".')
      : g.note
    const amendments = [
      ...(live.amendments ?? []).map(({ at, note: n }) => ({ at, note: n })),
      ...(major ? [{ at: now.toISOString(), note }] : []),
    ]
    return plan(
      {
        data: {
          ...contentOf(latest),
          _status: 'published',
          workflowState: 'approved',
          publishAt: live.publishAt,
          amendments,
        },
        draft: false,
      },
      { ...g, note },
      {
        effects: [
          { kind: 'redirectIfMoved' },
          ...(params.alertSubscribers ? [{ kind: 'alertUpdate' as const }] : []),
        ],
      },
    )
  },
  withdraw: ({ actor, now, params }, g) => {
    const internalNote = params.internalNote?.trim() || undefined
    if (internalNote && internalNote.length > 2000)
      refuse('Keep the internal note to 2,000 characters or fewer.', 400)
    const withdrawal = { withdrawnAt: now.toISOString(), reason: g.note, withdrawnBy: actor.id }
    return plan({ data: { workflowState: 'withdrawn', withdrawal }, draft: false }, g, {
      keepPendingDraft: { workflowState: 'withdrawn', withdrawal },
      record: { internalNote },
      effects: [{ kind: 'cancelAlerts' }],
    })
  },
  reinstate: (_input, g) =>
    plan({ data: { workflowState: 'approved', withdrawal: noWithdrawal }, draft: false }, g, {
      keepPendingDraft: { workflowState: 'approved', withdrawal: noWithdrawal },
    }),
  unpublish: (_input, g) =>
    plan(
      {
        data: { _status: 'draft', workflowState: 'draft', withdrawal: noWithdrawal },
        draft: false,
      },
      g,
      {
        keepPendingDraft: { workflowState: 'draft', withdrawal: noWithdrawal },
        effects: [
          {
            kind: 'retire',
            mode: g.retirement!.mode,
            redirectTo: g.retirement!.redirectTo,
            reason: g.note!,
          },
          { kind: 'cancelAlerts' },
        ],
      },
    ),
  // The person is found: everything about them goes, the page says only that they were found.
  found: ({ live, actor, now }, g) => {
    const at = now.toISOString()
    const withdrawal = { withdrawnAt: at, reason: FOUND_NOTICE, withdrawnBy: actor.id }
    const gone = {
      ...FOUND_CONTENT,
      workflowState: 'withdrawn',
      withdrawal,
      after: { ...(live.after ?? {}), foundAt: at, picturesTakenDownAt: at },
    }
    return plan({ data: gone, draft: false }, g, {
      keepPendingDraft: { ...FOUND_CONTENT, workflowState: 'withdrawn', withdrawal },
      effects: [{ kind: 'takeDown', why: 'found' }, { kind: 'cancelAlerts' }],
    })
  },
  // Arrested: the photo comes down at once, and the page says why.
  arrested: ({ live, now }, g) => {
    const at = now.toISOString()
    const amendments = [
      ...(live.amendments ?? []).map(({ at: when, note }) => ({ at: when, note })),
      { at, note: g.note || ARRESTED_NOTE },
    ]
    return plan(
      {
        data: {
          wanted: { ...(live.wanted ?? {}), photo: null },
          amendments,
          after: { ...(live.after ?? {}), arrestedAt: at, picturesTakenDownAt: at },
        },
        draft: false,
      },
      g,
      {
        keepPendingDraft: { wanted: { ...(live.wanted ?? {}), photo: null } },
        effects: [{ kind: 'takeDown', why: 'arrested' }],
      },
    )
  },
  charged: ({ live, now }, g) =>
    plan(
      {
        data: {
          after: {
            ...(live.after ?? {}),
            activeProceedingsSince: now.toISOString(),
            activeProceedingsNote: g.note,
          },
        },
        draft: false,
      },
      g,
      { keepPendingDraft: {} },
    ),
  closeAppeal: ({ live, now }, g) =>
    plan(
      {
        data: { after: { ...(live.after ?? {}), appealClosedAt: now.toISOString() } },
        draft: false,
      },
      g,
      { keepPendingDraft: {} },
    ),
  keepPictures: (input, g) =>
    plan(
      {
        data: {
          after: {
            ...(input.live.after ?? {}),
            reviewAt: addMonths(
              input.now.toISOString(),
              input.retentionMonths ?? DEFAULT_RETENTION_MONTHS,
            ),
          },
        },
        draft: false,
      },
      g,
      { keepPendingDraft: {} },
    ),
}

/** A found person's release keeps its address and says they were found; nothing else of it stays. */
const FOUND_CONTENT = {
  title: FOUND_TITLE,
  summary: FOUND_NOTICE,
  body: [],
  heroImage: null,
  quotes: [],
  reportLinks: [],
  recruitmentCta: null,
  meta: { title: null, description: null, image: null },
  missingPerson: {
    name: null,
    age: null,
    description: null,
    lastSeenAt: null,
    lastSeenWhere: null,
    reference: null,
    photo: null,
  },
}

/** The plan for one transition, or a refusal: its preconditions, then what the table says it needs, then what it does. */
export const planTransition = (name: TransitionName, input: PlanInput): Plan => {
  if (refusedAsGoneForGood(name, input.live))
    refuse(
      'The person this appeal was for has been found, and what it said about them is deleted: it cannot come back, and it can only be taken down (Unpublish). Write a new release if one is needed.',
      409,
    )
  if (ONCE[name]?.(input.live))
    refuse(`This was done already: “${TRANSITIONS[name].label}” is in the release's history.`, 409)
  PRECONDITIONS[name]?.(input)
  return PLANS[name](input, given(name, input))
}

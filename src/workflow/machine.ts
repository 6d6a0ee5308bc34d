/**
 * The editorial workflow: the states a release goes through, the transitions between them,
 * and who may take each one. Reading this file tells you the whole workflow; `plans.ts` says
 * what each transition changes, `perform.ts` carries one out and `guard.ts` stops anything
 * else changing a release's state. Where a release stands is read by src/releases/state.ts.
 *
 *        ┌─────────── recall, return ───────────┐
 *        ▼                                      │
 *      draft ───────────── submit ──────────▶ in review ───────── approve ──────────┐
 *       ▲ ▲                                     │                                   │
 *       │ │                            schedule ▼                                   ▼
 *       │ └────── unschedule ─────────────── scheduled ─── liftEmbargoNow ───▶ published ⟲ amend
 *       │                                  ⟲ reschedule  (or the clock lifts it)  │  ▲
 *       │                                                                withdraw │  │ reinstate
 *       │                                                                         ▼  │
 *       └───────────── unpublish (from published, or from withdrawn) ──────────── withdrawn
 *
 * Twelve transitions: submit, recall, return, approve, schedule, reschedule, liftEmbargoNow,
 * unschedule, amend, withdraw, reinstate, unpublish (from published or from withdrawn).
 *
 * And what happens to a police release after it is out (src/releases/kinds.ts):
 *
 *      published ── found (a missing person) ──▶ withdrawn: name, photo, words deleted; a notice
 *      published ⟲ arrested (a wanted person): the photo deleted, "arrested" on the page
 *      published ⟲ closeAppeal (an appeal): "This appeal is now closed"
 *      scheduled or published ⟲ charged: active proceedings; publishing or changing this release,
 *                  or any that names the same person, needs a recorded legal check
 *      published or withdrawn ⟲ keepPictures: pictures kept past their review, with a reason
 * A change saved while a release is in review sends it back to draft (guard.ts): what an
 * editor approves is exactly the version that was submitted.
 */
import { hasRole, isEditorUser, type Role } from '../access/roles'
import { KIND_LABELS, type Kind } from '../releases/kinds'

/** Where a release stands. Scheduled and published differ only by the clock (see src/releases/state.ts). */
export type ReleaseState = 'draft' | 'in-review' | 'scheduled' | 'published' | 'withdrawn'

/** What is stored: scheduled and published are both "approved", told apart by publishAt. */
export type StoredState = 'draft' | 'in-review' | 'approved' | 'withdrawn'

export type TransitionName =
  | 'submit'
  | 'recall'
  | 'return'
  | 'approve'
  | 'schedule'
  | 'reschedule'
  | 'liftEmbargoNow'
  | 'unschedule'
  | 'amend'
  | 'withdraw'
  | 'reinstate'
  | 'unpublish'
  | 'found'
  | 'arrested'
  | 'charged'
  | 'closeAppeal'
  | 'keepPictures'

export type Transition = {
  label: string
  from: ReleaseState[]
  to: ReleaseState
  who: Role[]
  /** What the person taking it must give (perform.ts checks them, the admin's dialog asks for them). */
  needs: ('note' | 'publishAt' | 'change' | 'retirement')[]
  /** Why the note is needed, for the answer when it is missing. */
  noteWhy?: string
  /** The person who submitted the release may not take it without forcing it, with a written reason. */
  secondPairOfEyes?: boolean
  /** An author may take it only for a release they submitted themselves; an editor or admin for any. */
  submitterOrEditor?: boolean
  /** Only for these kinds of release (src/releases/kinds.ts); every kind when not said. */
  kinds?: Kind[]
}

const EDITORS: Role[] = ['editor', 'admin']

export const TRANSITIONS: Record<TransitionName, Transition> = {
  submit: {
    label: 'Submit for review',
    from: ['draft'],
    to: 'in-review',
    who: ['author', 'editor', 'admin'],
    needs: [],
  },
  recall: {
    label: 'Recall from review',
    from: ['in-review'],
    to: 'draft',
    who: ['author', 'editor', 'admin'],
    needs: [],
    submitterOrEditor: true,
  },
  return: {
    label: 'Return to the author',
    from: ['in-review'],
    to: 'draft',
    who: EDITORS,
    needs: ['note'],
    noteWhy: 'tell the author what to change.',
  },
  approve: {
    label: 'Approve and publish now',
    from: ['in-review'],
    to: 'published',
    who: EDITORS,
    needs: [],
    secondPairOfEyes: true,
  },
  schedule: {
    label: 'Approve and schedule',
    from: ['in-review'],
    to: 'scheduled',
    who: EDITORS,
    needs: ['publishAt'],
    secondPairOfEyes: true,
  },
  reschedule: {
    label: 'Change the embargo time',
    from: ['scheduled'],
    to: 'scheduled',
    who: EDITORS,
    needs: ['publishAt', 'note'],
    noteWhy: 'say why the embargo time changes.',
  },
  liftEmbargoNow: {
    label: 'Lift the embargo now',
    from: ['scheduled'],
    to: 'published',
    who: EDITORS,
    needs: ['note'],
    noteWhy: 'say why the embargo is lifted early (it is recorded).',
  },
  unschedule: {
    label: 'Cancel the schedule',
    from: ['scheduled'],
    to: 'draft',
    who: EDITORS,
    needs: ['note'],
    noteWhy: 'say why the release is no longer scheduled.',
  },
  amend: {
    label: 'Publish changes',
    from: ['published'],
    to: 'published',
    who: EDITORS,
    needs: ['change'],
  },
  withdraw: {
    label: 'Withdraw',
    from: ['published'],
    to: 'withdrawn',
    who: EDITORS,
    needs: ['note'],
    noteWhy: 'the notice is shown to the public on the page, with the withdrawal.',
  },
  reinstate: {
    label: 'Reinstate',
    from: ['withdrawn'],
    to: 'published',
    who: EDITORS,
    needs: ['note'],
    noteWhy: 'say why the release is back.',
  },
  unpublish: {
    label: 'Unpublish (published in error)',
    from: ['published', 'withdrawn'],
    to: 'draft',
    who: EDITORS,
    needs: ['note', 'retirement'],
    noteWhy: 'say what was published in error (it is kept in the history, not shown).',
  },
  found: {
    label: 'Found: take the appeal down',
    from: ['published'],
    to: 'withdrawn',
    who: EDITORS,
    needs: [],
    kinds: ['missing-person'],
  },
  arrested: {
    label: 'Arrested: take the photo down',
    from: ['published'],
    to: 'published',
    who: EDITORS,
    needs: [],
    kinds: ['wanted'],
  },
  charged: {
    label: 'Charged: active proceedings',
    from: ['scheduled', 'published'],
    to: 'published',
    who: EDITORS,
    needs: ['note'],
    noteWhy:
      'say who is charged with what, and when they appear in court (for the history and the warning).',
  },
  closeAppeal: {
    label: 'Close the appeal',
    from: ['published'],
    to: 'published',
    who: EDITORS,
    needs: [],
    kinds: ['appeal'],
  },
  keepPictures: {
    label: 'Keep the pictures past their review',
    from: ['published', 'withdrawn'],
    to: 'published',
    who: EDITORS,
    needs: ['note'],
    noteWhy: 'say why the pictures are still needed (it is recorded).',
    kinds: ['court-result'],
  },
}

export const isTransitionName = (name: string): name is TransitionName =>
  Object.hasOwn(TRANSITIONS, name)

type Person = { id: number | string; roles?: readonly string[] | null }

/** Why this person may not take the transition at all (their role), or null. */
export const roleRefusal = (name: TransitionName, person: Person): string | null => {
  const transition = TRANSITIONS[name]
  if (hasRole(person, ...transition.who)) return null
  const roles = (person.roles ?? []).join(', ') || 'no role'
  return `“${transition.label}” needs an ${transition.who.join(' or ')}; you are signed in as ${roles}.`
}

/** Why the transition cannot be taken from where the release stands, or null. */
export const stateRefusal = (name: TransitionName, state: ReleaseState): string | null => {
  const transition = TRANSITIONS[name]
  if (transition.from.includes(state)) return null
  const why =
    state === 'draft' && transition.from.includes('in-review')
      ? ' A change saved while it was in review sends it back to draft: submit it again.'
      : ''
  return `This release is ${describeState(state)}, so it cannot be given “${transition.label}”.${why}`
}

/** Why the transition is not for this kind of release, or null. */
export const kindRefusal = (name: TransitionName, kind: Kind): string | null => {
  const kinds = TRANSITIONS[name].kinds
  if (!kinds || kinds.includes(kind)) return null
  return `“${TRANSITIONS[name].label}” is for ${kinds.map((k) => KIND_LABELS[k].toLowerCase()).join(' or ')} releases; this one is ${KIND_LABELS[kind].toLowerCase()}.`
}

/** Why this person may not take it for this release (an author, for a release someone else submitted), or null. */
export const submitterRefusal = (
  name: TransitionName,
  person: Person,
  ownSubmission: boolean,
): string | null =>
  TRANSITIONS[name].submitterOrEditor && !ownSubmission && !isEditorUser(person)
    ? `Only whoever submitted this release, or an editor, can take “${TRANSITIONS[name].label}”.`
    : null

/** The transitions this person may take from this state, for this release (before the second-pair-of-eyes check). */
export const transitionsFrom = (
  state: ReleaseState,
  person: Person,
  ownSubmission: boolean,
  kind: Kind = 'news',
): TransitionName[] =>
  (Object.keys(TRANSITIONS) as TransitionName[]).filter(
    (name) =>
      !roleRefusal(name, person) &&
      !stateRefusal(name, state) &&
      !kindRefusal(name, kind) &&
      !submitterRefusal(name, person, ownSubmission),
  )

/** "This release is in review", "…is a draft". */
export const describeState = (state: ReleaseState) =>
  ({
    draft: 'a draft',
    'in-review': 'in review',
    scheduled: 'scheduled',
    published: 'published',
    withdrawn: 'withdrawn',
  })[state]

/** The states as the press office says them. */
export const STATE_LABELS: Record<ReleaseState, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  withdrawn: 'Withdrawn',
}

export const storedStateFor = (state: ReleaseState): StoredState =>
  state === 'scheduled' || state === 'published' ? 'approved' : state

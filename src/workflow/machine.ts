/**
 * The editorial workflow: the states a release goes through, the transitions between them,
 * and who may take each one. Reading this file tells you the whole workflow; `perform.ts`
 * carries a transition out and `guard.ts` stops anything else changing a release's state.
 *
 *   draft ──submit──▶ in review ──approve──▶ published ──withdraw──▶ withdrawn
 *     ▲                  │  └──schedule──▶ scheduled ──(embargo lifts)──▶ published
 *     └──return, recall──┘
 *
 * A change saved while a release is in review sends it back to draft (guard.ts): what an
 * editor approves is exactly the version that was submitted.
 */
import type { Role } from '../access/roles'

/** Where a release stands. Scheduled and published differ only by the clock (see state.ts). */
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
  | 'publishNow'
  | 'unschedule'
  | 'amend'
  | 'withdraw'
  | 'reinstate'
  | 'unpublish'

export type Transition = {
  label: string
  from: ReleaseState[]
  to: ReleaseState
  who: Role[]
  /** What the person taking it must give. */
  needs: ('note' | 'publishAt' | 'change' | 'retirement')[]
  /** The person who submitted the release may not take it without forcing it, with a written reason. */
  secondPairOfEyes?: boolean
  /** An author may take it only for a release they submitted themselves; an editor or admin for any. */
  submitterOrEditor?: boolean
}

const EDITORS: Role[] = ['editor', 'admin']

export const TRANSITIONS: Record<TransitionName, Transition> = {
  submit: { label: 'Submit for review', from: ['draft'], to: 'in-review', who: ['author', 'editor', 'admin'], needs: [] },
  recall: { label: 'Recall from review', from: ['in-review'], to: 'draft', who: ['author', 'editor', 'admin'], needs: [], submitterOrEditor: true },
  return: { label: 'Return to the author', from: ['in-review'], to: 'draft', who: EDITORS, needs: ['note'] },
  approve: { label: 'Approve and publish now', from: ['in-review'], to: 'published', who: EDITORS, needs: [], secondPairOfEyes: true },
  schedule: { label: 'Approve and schedule', from: ['in-review'], to: 'scheduled', who: EDITORS, needs: ['publishAt'], secondPairOfEyes: true },
  reschedule: { label: 'Change the embargo time', from: ['scheduled'], to: 'scheduled', who: EDITORS, needs: ['publishAt', 'note'] },
  publishNow: { label: 'Lift the embargo now', from: ['scheduled'], to: 'published', who: EDITORS, needs: ['note'] },
  unschedule: { label: 'Cancel the schedule', from: ['scheduled'], to: 'draft', who: EDITORS, needs: ['note'] },
  amend: { label: 'Publish changes', from: ['published'], to: 'published', who: EDITORS, needs: ['change'] },
  withdraw: { label: 'Withdraw', from: ['published'], to: 'withdrawn', who: EDITORS, needs: ['note'] },
  reinstate: { label: 'Reinstate', from: ['withdrawn'], to: 'published', who: EDITORS, needs: ['note'] },
  unpublish: { label: 'Unpublish (published in error)', from: ['published', 'withdrawn'], to: 'draft', who: EDITORS, needs: ['note', 'retirement'] },
}

export const isTransitionName = (name: string): name is TransitionName => Object.hasOwn(TRANSITIONS, name)

/** The transitions a person with these roles may take from this state (before the second-pair-of-eyes check). */
export const transitionsFrom = (state: ReleaseState, roles: readonly string[]): TransitionName[] =>
  (Object.keys(TRANSITIONS) as TransitionName[]).filter((name) => {
    const transition = TRANSITIONS[name]
    return transition.from.includes(state) && transition.who.some((role) => roles.includes(role))
  })

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

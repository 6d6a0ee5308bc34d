/**
 * Each transition's plan (src/workflow/plans.ts), without a database: what it writes, what
 * the history records, what follows, and what it refuses. The HTTP tests in test/workflow
 * check the same transitions carried out.
 */
import { describe, expect, it } from 'vitest'

import { WorkflowError } from '../../src/workflow/errors'
import { TRANSITIONS, transitionsFrom, type TransitionName } from '../../src/workflow/machine'
import { planTransition, type PlanInput, type Release } from '../../src/workflow/plans'

const now = new Date('2026-11-24T08:00:00.000Z')
const editor = { id: 7, roles: ['editor'] }
const admin = { id: 1, roles: ['admin'] }

const release = (fields: Partial<Release> = {}): Release =>
  ({
    id: 42,
    title: 'Man charged',
    summary: 'A summary.',
    slug: 'man-charged',
    _status: 'draft',
    workflowState: 'draft',
    updatedAt: now.toISOString(),
    ...fields,
  }) as Release

const input = (fields: Partial<PlanInput> = {}): PlanInput => ({
  live: release(),
  latest: release(),
  pendingDraft: false,
  submitted: null,
  actor: editor,
  ownSubmission: false,
  now,
  params: {},
  ...fields,
})

const refusal = (name: TransitionName, given: PlanInput) => {
  try {
    planTransition(name, given)
  } catch (error) {
    if (error instanceof WorkflowError) return { status: error.status, message: error.message }
    throw error
  }
  throw new Error(`${name} was not refused`)
}

describe('the plan of each transition', () => {
  it('submit puts the latest version in review, for the reviewer, and names that version in the history', () => {
    const plan = planTransition('submit', input({ params: { note: ' Ready. ' } }))
    expect(plan).toEqual({
      write: {
        data: {
          workflowState: 'in-review',
          review: { submittedBy: 7, submittedAt: now.toISOString() },
        },
        draft: true,
      },
      keepPendingDraft: undefined,
      record: { note: 'Ready.', forced: false, forceReason: undefined },
      effects: [{ kind: 'recordNewestVersion' }],
      queueLift: false,
    })
    expect(refusal('submit', input({ latest: release({ summary: ' ' }) }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/summary/),
    })
  })

  it('recall and return send it back to draft; a return needs a note for the author', () => {
    expect(planTransition('recall', input()).write).toEqual({
      data: { workflowState: 'draft', review: { submittedBy: null, submittedAt: null } },
      draft: true,
    })
    expect(refusal('return', input())).toMatchObject({
      status: 400,
      message: 'Add a note: tell the author what to change.',
    })
    expect(planTransition('return', input({ params: { note: 'Add the rank.' } })).record.note).toBe(
      'Add the rank.',
    )
  })

  it('approve publishes exactly the version submitted, now, and queues the lift', () => {
    const submitted = {
      id: 99,
      release: release({ title: 'As submitted', workflowState: 'in-review' }),
    }
    const plan = planTransition(
      'approve',
      input({ latest: release({ title: 'Changed since' }), submitted }),
    )
    expect(plan.write.draft).toBe(false)
    expect(plan.write.data).toMatchObject({
      title: 'As submitted',
      _status: 'published',
      workflowState: 'approved',
      publishAt: now.toISOString(),
    })
    expect(plan.write.data).not.toHaveProperty('id')
    expect(plan.record).toEqual({
      note: undefined,
      forced: false,
      forceReason: undefined,
      publishAt: now.toISOString(),
      version: 99,
    })
    expect(plan.effects).toEqual([{ kind: 'unretire' }])
    expect(plan.queueLift).toBe(true)
  })

  it('approve takes a second pair of eyes: one’s own submission only forced, with a reason', () => {
    expect(refusal('approve', input({ ownSubmission: true }))).toMatchObject({ status: 403 })
    expect(
      refusal(
        'approve',
        input({ ownSubmission: true, params: { force: true, forceReason: 'short' } }),
      ),
    ).toMatchObject({ status: 400 })
    const plan = planTransition(
      'approve',
      input({
        ownSubmission: true,
        params: { force: true, forceReason: 'The duty editor is away today.' },
      }),
    )
    expect(plan.record).toMatchObject({
      forced: true,
      forceReason: 'The duty editor is away today.',
    })
    expect(plan.write.data.approval).toEqual({
      approvedBy: 7,
      approvedAt: now.toISOString(),
      forced: true,
      forceReason: 'The duty editor is away today.',
    })
  })

  it('approve backdates only for an admin, and never into the future', () => {
    const earlier = '2020-01-01T09:00:00.000Z'
    expect(refusal('approve', input({ params: { publishAt: earlier } }))).toMatchObject({
      status: 403,
    })
    expect(
      planTransition('approve', input({ actor: admin, params: { publishAt: earlier } })).write.data
        .publishAt,
    ).toBe(earlier)
    expect(
      refusal(
        'approve',
        input({ actor: admin, params: { publishAt: '2026-12-01T09:00:00.000Z' } }),
      ),
    ).toMatchObject({ status: 400 })
  })

  it('schedule needs a time still to come, given as an ISO moment or in UK time', () => {
    expect(refusal('schedule', input())).toMatchObject({
      status: 400,
      message: expect.stringMatching(/time the embargo lifts/),
    })
    expect(
      refusal('schedule', input({ params: { publishAt: '2026-11-24T07:59:00Z' } })),
    ).toMatchObject({ status: 400, message: expect.stringMatching(/already passed/) })
    expect(
      planTransition('schedule', input({ params: { publishAtLocal: '24/11/2026 09:00' } })).write
        .data.publishAt,
    ).toBe('2026-11-24T09:00:00.000Z')
  })

  it('reschedule moves the embargo on the live release and any waiting draft; preview links are revoked only when asked', () => {
    const params = { publishAt: '2026-11-25T09:00:00Z', note: 'The hearing moved.' }
    const plan = planTransition('reschedule', input({ params }))
    expect(plan).toMatchObject({
      write: { data: { publishAt: '2026-11-25T09:00:00.000Z' }, draft: false },
      keepPendingDraft: { publishAt: '2026-11-25T09:00:00.000Z' },
      effects: [],
      queueLift: true,
    })
    expect(
      planTransition('reschedule', input({ params: { ...params, keepPreviewLinks: false } }))
        .effects,
    ).toEqual([{ kind: 'revokePreviewLinks', say: 'always' }])
    // The table's order: the time is checked before the note.
    expect(refusal('reschedule', input({ params: {} }))).toMatchObject({
      message: expect.stringMatching(/time the embargo lifts/),
    })
  })

  it('liftEmbargoNow makes the embargo now, with a recorded reason', () => {
    expect(refusal('liftEmbargoNow', input())).toMatchObject({
      status: 400,
      message: 'Add a note: say why the embargo is lifted early (it is recorded).',
    })
    const plan = planTransition(
      'liftEmbargoNow',
      input({ params: { note: 'Broken by a national outlet.' } }),
    )
    expect(plan).toMatchObject({
      write: { data: { publishAt: now.toISOString() }, draft: false },
      record: { publishAt: now.toISOString() },
      queueLift: true,
    })
  })

  it('unschedule takes the live version down, revokes its preview links and cancels its alerts', () => {
    const plan = planTransition('unschedule', input({ params: { note: 'Postponed.' } }))
    expect(plan).toMatchObject({
      write: { data: { _status: 'draft', workflowState: 'draft' }, draft: false },
      effects: [{ kind: 'revokePreviewLinks', say: 'ifAny' }, { kind: 'cancelAlerts' }],
      queueLift: false,
    })
  })

  it('amend publishes the waiting changes; a major one is dated on the page with its note', () => {
    const live = release({
      _status: 'published',
      workflowState: 'approved',
      publishAt: '2026-11-20T09:00:00.000Z',
      amendments: [
        {
          at: '2026-11-21T10:00:00.000Z',
          note: 'Name corrected.',
          id: 'a',
          at_tz: 'Europe/London',
        },
      ],
    })
    const latest = release({ title: 'Man charged with burglary', publishAt: live.publishAt })
    expect(refusal('amend', input({ live, latest, params: { change: 'minor' } }))).toMatchObject({
      status: 409,
    })
    expect(refusal('amend', input({ live, latest, pendingDraft: true }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/major/),
    })
    expect(
      refusal('amend', input({ live, latest, pendingDraft: true, params: { change: 'major' } })),
    ).toMatchObject({ status: 400, message: expect.stringMatching(/Add a note/) })
    const plan = planTransition(
      'amend',
      input({
        live,
        latest,
        pendingDraft: true,
        params: { change: 'major', note: 'Charge added.' },
      }),
    )
    expect(plan.write.data).toMatchObject({
      title: 'Man charged with burglary',
      _status: 'published',
      workflowState: 'approved',
      publishAt: live.publishAt,
    })
    expect(plan.write.data.amendments).toEqual([
      { at: '2026-11-21T10:00:00.000Z', note: 'Name corrected.' },
      { at: now.toISOString(), note: 'Charge added.' },
    ])
    expect(plan.effects).toEqual([{ kind: 'redirectIfMoved' }])
    // Subscribers are e-mailed an update only when the editor asks, and only for a major change.
    const told = planTransition(
      'amend',
      input({
        live,
        latest,
        pendingDraft: true,
        params: { change: 'major', note: 'Charge added.', alertSubscribers: true },
      }),
    )
    expect(told.effects).toEqual([{ kind: 'redirectIfMoved' }, { kind: 'alertUpdate' }])
    expect(
      refusal(
        'amend',
        input({
          live,
          latest,
          pendingDraft: true,
          params: { change: 'minor', alertSubscribers: true },
        }),
      ),
    ).toMatchObject({ status: 400, message: expect.stringMatching(/major change/) })
  })

  it('withdraw records the notice the public reads, and an internal note for the history only', () => {
    const plan = planTransition(
      'withdraw',
      input({ params: { note: 'Proceedings are active.', internalNote: 'Legal advice.' } }),
    )
    const withdrawal = {
      withdrawnAt: now.toISOString(),
      reason: 'Proceedings are active.',
      withdrawnBy: 7,
    }
    expect(plan).toMatchObject({
      write: { data: { workflowState: 'withdrawn', withdrawal }, draft: false },
      keepPendingDraft: { workflowState: 'withdrawn', withdrawal },
      record: { internalNote: 'Legal advice.' },
      effects: [{ kind: 'cancelAlerts' }],
    })
    expect(
      refusal(
        'withdraw',
        input({ params: { note: 'Proceedings.', internalNote: 'x'.repeat(2001) } }),
      ),
    ).toMatchObject({ status: 400 })
  })

  it('reinstate and unpublish clear the withdrawal; unpublish retires the address as asked', () => {
    const cleared = { withdrawnAt: null, reason: null, withdrawnBy: null }
    expect(planTransition('reinstate', input({ params: { note: 'Cleared.' } })).write.data).toEqual(
      { workflowState: 'approved', withdrawal: cleared },
    )
    const plan = planTransition(
      'unpublish',
      input({
        params: { note: 'Sent in error.', retirement: { mode: 'redirect', redirectTo: '/news' } },
      }),
    )
    expect(plan.write.data).toEqual({
      _status: 'draft',
      workflowState: 'draft',
      withdrawal: cleared,
    })
    expect(plan.effects).toEqual([
      { kind: 'retire', mode: 'redirect', redirectTo: '/news', reason: 'Sent in error.' },
      { kind: 'cancelAlerts' },
    ])
    expect(
      refusal(
        'unpublish',
        input({ params: { note: 'Sent in error.', retirement: { mode: 'redirect' } } }),
      ),
    ).toMatchObject({ status: 400 })
  })

  it('the table says who may take what from where, once, for the buttons and for the checks', () => {
    const author = { id: 3, roles: ['author'] }
    expect(transitionsFrom('in-review', author, true)).toEqual(['recall'])
    expect(transitionsFrom('in-review', author, false)).toEqual([])
    expect(transitionsFrom('scheduled', editor, false)).toEqual([
      'reschedule',
      'liftEmbargoNow',
      'unschedule',
      'charged',
    ])
    expect(transitionsFrom('withdrawn', editor, false)).toEqual(['reinstate', 'unpublish'])
    // What follows a police release is for its kind only.
    expect(transitionsFrom('published', editor, false, 'missing-person')).toContain('found')
    expect(transitionsFrom('published', editor, false, 'news')).not.toContain('found')
    expect(transitionsFrom('published', editor, false, 'wanted')).toContain('arrested')
    expect(transitionsFrom('published', editor, false, 'appeal')).toContain('closeAppeal')
    expect(transitionsFrom('published', editor, false, 'court-result')).toContain('keepPictures')
    expect(transitionsFrom('published', author, true, 'missing-person')).not.toContain('found')
    expect(Object.keys(TRANSITIONS)).toHaveLength(17)
  })
})

describe('what follows a police release', () => {
  const now = new Date('2026-12-07T10:00:00.000Z')
  const editor = { id: 9, roles: ['editor'] }
  const out = (extra: Record<string, unknown> = {}) =>
    ({
      id: 5,
      title: 'Concern for missing Ann',
      summary: 'Ann was last seen…',
      _status: 'published',
      workflowState: 'approved',
      publishAt: '2026-12-01T09:00:00.000Z',
      kind: 'missing-person',
      missingPerson: { name: 'Ann', photo: 12 },
      ...extra,
    }) as never
  const input = (params: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
    live: out(extra),
    latest: out(extra),
    pendingDraft: false,
    actor: editor,
    ownSubmission: false,
    now,
    params,
  })

  it('found: the words and the person go, the page says only that they were found, the pictures are taken down', () => {
    const plan = planTransition('found', input())
    expect(plan.write.data).toMatchObject({
      title: 'Missing person found',
      summary: 'The person we appealed for has been found. Thank you for sharing our appeal.',
      body: [],
      heroImage: null,
      missingPerson: { name: null, description: null, photo: null },
      workflowState: 'withdrawn',
      withdrawal: { withdrawnAt: now.toISOString() },
      after: { foundAt: now.toISOString() },
    })
    expect(plan.effects).toEqual([{ kind: 'takeDown', why: 'found' }, { kind: 'cancelAlerts' }])
  })

  it('reinstating a release whose person was found is refused: what it said is gone', () => {
    expect(
      refusal('reinstate', input({ note: 'Back.' }, { after: { foundAt: now.toISOString() } })),
    ).toMatchObject({ status: 409 })
  })

  it('publishing anything naming someone under active proceedings needs a legal check, recorded', () => {
    const proceedings = [{ id: 7, title: 'Man charged', note: 'Appears 12 January' }]
    expect(
      refusal('approve', { ...input({}, { workflowState: 'in-review' }), proceedings }),
    ).toMatchObject({ status: 409, message: expect.stringMatching(/contempt of court/) })
    const plan = planTransition('approve', {
      ...input(
        { legalCheck: { confirmedBy: 'Force solicitor', reason: 'Only the court date is given.' } },
        { workflowState: 'in-review' },
      ),
      proceedings,
    })
    expect(plan.record).toMatchObject({
      legalCheckBy: 'Force solicitor',
      legalCheckReason: 'Only the court date is given.',
    })
  })

  it('a court result is due for review the months the settings say after it goes out', () => {
    const plan = planTransition('approve', {
      ...input({}, { workflowState: 'in-review', kind: 'court-result' }),
      retentionMonths: 6,
    })
    expect((plan.write.data.after as { reviewAt: string }).reviewAt).toBe(
      '2027-06-07T10:00:00.000Z',
    )
  })
})

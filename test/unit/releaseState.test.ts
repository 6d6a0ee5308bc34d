import { describe, expect, it } from 'vitest'

import {
  isListedNow,
  isPublicNow,
  releaseState,
  stateLabel,
  stateQuery,
  type ReleaseFields,
} from '../../src/releases/state'

const now = new Date('2026-11-24T08:00:00.000Z')
const before = '2026-11-23T09:00:00.000Z'
const after = '2026-11-24T09:00:00.000Z'

/** Each release as the workflow leaves it, and what every surface must say of it at 08:00 UTC. */
const AS_THE_WORKFLOW_LEAVES_THEM: [
  string,
  ReleaseFields,
  { state: string; public: boolean; listed: boolean },
][] = [
  [
    'a new draft',
    { _status: 'draft', workflowState: 'draft' },
    { state: 'draft', public: false, listed: false },
  ],
  [
    'submitted',
    { _status: 'draft', workflowState: 'in-review' },
    { state: 'in-review', public: false, listed: false },
  ],
  [
    'scheduled for 09:00',
    { _status: 'published', workflowState: 'approved', publishAt: after },
    { state: 'scheduled', public: false, listed: false },
  ],
  [
    'out since yesterday',
    { _status: 'published', workflowState: 'approved', publishAt: before },
    { state: 'published', public: true, listed: true },
  ],
  [
    'withdrawn (its page stays, with the notice)',
    {
      _status: 'published',
      workflowState: 'withdrawn',
      publishAt: before,
      withdrawal: { withdrawnAt: before },
    },
    { state: 'withdrawn', public: true, listed: false },
  ],
  [
    'unscheduled or unpublished',
    { _status: 'draft', workflowState: 'draft', publishAt: before },
    { state: 'draft', public: false, listed: false },
  ],
  // Changes waiting on a published release: the latest version is a draft of an approved release.
  [
    'changes waiting, as the latest version',
    { _status: 'draft', workflowState: 'approved', publishAt: before },
    { state: 'published', public: false, listed: false },
  ],
]

describe('the state of a release, from its stored fields and the clock', () => {
  for (const [name, release, expected] of AS_THE_WORKFLOW_LEAVES_THEM) {
    it(name, () => {
      expect({
        state: releaseState(release, now),
        public: isPublicNow(release, now),
        listed: isListedNow(release, now),
      }).toEqual(expected)
    })
  }

  it('lifts an embargo on the second, by the clock alone', () => {
    const scheduled = { _status: 'published', workflowState: 'approved', publishAt: after }
    expect(releaseState(scheduled, new Date(Date.parse(after) - 1))).toBe('scheduled')
    expect(releaseState(scheduled, new Date(after))).toBe('published')
    expect(isPublicNow(scheduled, new Date(Date.parse(after) - 1))).toBe(false)
    expect(isPublicNow(scheduled, new Date(after))).toBe(true)
  })

  it('says when a scheduled release lifts, in UK time', () => {
    expect(stateLabel({ workflowState: 'approved', publishAt: after }, now)).toBe(
      'Scheduled — embargoed until 09:00 on Tuesday 24 November 2026 (UK time)',
    )
    expect(
      stateLabel(
        { workflowState: 'approved', publishAt: after, withdrawal: { withdrawnAt: before } },
        now,
      ),
    ).toBe('Withdrawn')
  })

  it('writes a filter as the admin list’s address', () => {
    expect(decodeURIComponent(stateQuery('scheduled', now))).toBe(
      'where[and][0][and][0][workflowState][equals]=approved&where[and][0][and][1][withdrawal.withdrawnAt][exists]=false&where[and][1][publishAt][greater_than]=2026-11-24T08:00:00.000Z',
    )
  })
})

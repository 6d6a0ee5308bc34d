/**
 * Each question of src/releases/state.ts has a query builder and a predicate: for every shape
 * a release's stored fields can take and at several moments, the predicate holds exactly for
 * the releases the builder's Where finds in a real database (SQLite here, through the Local
 * API), in the live releases and in the latest versions alike.
 */
import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { News } from '../../src/payload-types'
import * as state from '../../src/releases/state'
import { startLocalPayload } from '../helpers/localPayload'

const DAY = 24 * 3600_000
const T0 = Date.now()
const iso = (ms: number) => new Date(ms).toISOString()

let local: Awaited<ReturnType<typeof startLocalPayload>>
let payload: Payload
let releases: News[] = []

const SHAPES = (['draft', 'published'] as const).flatMap((_status) =>
  (['draft', 'in-review', 'approved', 'withdrawn'] as const).flatMap((workflowState) =>
    [null, iso(T0 - DAY), iso(T0 + DAY)].flatMap((publishAt) =>
      [null, iso(T0 - 2 * DAY)].map((withdrawnAt) => ({
        _status,
        workflowState,
        publishAt,
        withdrawnAt,
      })),
    ),
  ),
)

beforeAll(async () => {
  local = await startLocalPayload({ runJobs: false })
  payload = local.payload
  let n = 0
  for (const shape of SHAPES) {
    // Every combination, consistent or not: written past the workflow's guard on purpose.
    const created = await payload.create({
      collection: 'news',
      data: {
        title: `Shape ${++n}`,
        summary: 'A summary.',
        _status: shape._status,
        workflowState: shape.workflowState,
        publishAt: shape.publishAt,
        withdrawal: {
          withdrawnAt: shape.withdrawnAt,
          reason: shape.withdrawnAt ? 'For the test.' : null,
        },
      } as never,
      draft: shape._status === 'draft',
      overrideAccess: true,
      context: { workflow: 'test' },
      depth: 0,
    })
    releases.push(created as News)
  }
  // Read back: what the predicates judge is what was stored (a publish with no time is given one).
  releases = (
    await payload.find({
      collection: 'news',
      where: { id: { in: releases.map((r) => r.id) } },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
  ).docs as News[]
}, 120_000)

afterAll(async () => {
  await local?.stop()
})

const NOWS = [iso(T0 - 3 * DAY), iso(T0), iso(T0 + 3 * DAY)].map((at) => new Date(at))

const PAIRS: [string, (now: Date) => Where, (release: News, now: Date) => boolean][] = [
  ['live', state.liveWhere, state.isLive],
  ['not live', state.notLiveWhere, (release) => !state.isLive(release)],
  ['public now', state.publicNowWhere, state.isPublicNow],
  ['listed now', state.listedNowWhere, state.isListedNow],
  ['withdrawn', state.withdrawnWhere, state.isWithdrawn],
  ['not withdrawn', state.notWithdrawnWhere, (release) => !state.isWithdrawn(release)],
  ['scheduled', state.scheduledWhere, state.isScheduled],
  ['out', state.outWhere, state.isOut],
  ['in review', state.inReviewWhere, state.isInReview],
  ['draft', state.draftWhere, state.isDraft],
  ['next scheduled change', state.nextScheduledChangeWhere, state.isScheduled],
  ...(['draft', 'in-review', 'scheduled', 'published', 'withdrawn'] as const).map(
    (word) =>
      [
        `state ${word}`,
        (now: Date) => state.whereState(word, now),
        (release: News, now: Date) => state.releaseState(release, now) === word,
      ] as (typeof PAIRS)[number],
  ),
]

const idsMatching = async (where: Where, draft: boolean) =>
  (
    await payload.find({
      collection: 'news',
      where: { and: [{ id: { in: releases.map((r) => r.id) } }, where] },
      limit: 0,
      pagination: false,
      depth: 0,
      draft,
      overrideAccess: true,
      select: {},
    })
  ).docs
    .map((doc) => doc.id)
    .sort((a, b) => Number(a) - Number(b))

describe('each query builder agrees with its predicate', () => {
  it('covers every shape, published ones with and without an embargo', () => {
    expect(releases).toHaveLength(SHAPES.length)
    expect(
      releases.filter(
        (r) => r._status === 'published' && r.publishAt && Date.parse(r.publishAt) > T0,
      ).length,
    ).toBeGreaterThan(0)
  })

  for (const [name, where, holds] of PAIRS) {
    it(name, async () => {
      for (const now of NOWS) {
        const expected = releases.filter((release) => holds(release, now)).map((r) => r.id)
        for (const draft of [false, true]) {
          expect({
            now: now.toISOString(),
            draft,
            ids: await idsMatching(where(now), draft),
          }).toEqual({
            now: now.toISOString(),
            draft,
            ids: expected.sort((a, b) => Number(a) - Number(b)),
          })
        }
      }
    })
  }

  it('gives every release exactly one state, at each moment', () => {
    for (const now of NOWS) {
      for (const release of releases) {
        const words = (
          ['draft', 'in-review', 'scheduled', 'published', 'withdrawn'] as const
        ).filter((word) => {
          const pair = PAIRS.find(([name]) => name === `state ${word}`)!
          return pair[2](release, now)
        })
        expect(words).toHaveLength(1)
      }
    }
  })
})

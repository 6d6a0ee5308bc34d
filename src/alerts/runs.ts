/**
 * When the public is e-mailed (collections/AlertRuns): a release going out (its embargo lifting,
 * or published at once), an update the editor chose to send, and each day's digest at 08:00 UK
 * time. Each is written once under a unique key, whichever server gets there first, and the
 * sender (sender.ts) takes it from there. Nothing is ever sent before a release is public: runs
 * are made by the lift job, which runs only once the embargo has lifted, and the sender checks
 * again, with the state module, before every batch.
 *
 * Each run's periodEnd is the moment its readers must have confirmed by: when the release went
 * out, when the update was published, the end of the digest's day. Someone who confirms while
 * a run waits its turn is not sent what came before them.
 *
 * A withdrawal, an unpublishing or a takedown cancels what has not gone yet (`cancelAlerts`).
 */
import { EventEmitter } from 'node:events'

import { DateTime } from 'luxon'
import type { Payload, PayloadRequest } from 'payload'

import { UK_TIME_ZONE } from '../fields/ukTime'
import type { News } from '../payload-types'

/** The hour (UK time) the daily digest goes out. */
export const DIGEST_HOUR = 8

export const ACTIVE_RUN_STATES = ['queued', 'fanning', 'sending'] as const

/*
 * A run made in this process wakes its sender at once instead of at its next look. Kept on
 * globalThis: Next.js bundles its own copy of the config, whose hooks make runs too.
 */
const KEY = Symbol.for('newsroom.alertRuns')
const store = globalThis as typeof globalThis & { [KEY]?: EventEmitter }
const emitter = (store[KEY] ??= new EventEmitter())
export const onAlertRun = (listener: () => void) => {
  emitter.on('run', listener)
  return () => emitter.off('run', listener)
}
const wake = () => emitter.emit('run')

const isClash = (error: unknown) =>
  (error as { name?: string })?.name === 'ValidationError' ||
  /unique|duplicate|E11000/i.test(String((error as Error)?.message ?? error))

/** Writes the run unless one with its key exists; true when this call made it. */
const createOnce = async (
  payload: Payload,
  data: Record<string, unknown> & { key: string },
  req?: PayloadRequest,
) => {
  const existing = await payload.find({
    collection: 'alert-runs',
    where: { key: { equals: data.key } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (existing.docs.length) return false
  try {
    await payload.create({
      collection: 'alert-runs',
      data: { status: 'queued', ...data } as never,
      overrideAccess: true,
      req,
    })
  } catch (error) {
    if (isClash(error)) return false
    throw error
  }
  wake()
  return true
}

/**
 * A release has gone out: everyone who asked for it at once is told. Called by the lift job once
 * the embargo has lifted (or at once for a release published now); written in a transaction of
 * its own, so that a later failure of the job (a webhook) does not undo it.
 */
export const queueReleaseAlert = (
  payload: Payload,
  release: Pick<News, 'id' | 'publishAt'>,
  wentOut: Date,
): Promise<boolean> =>
  createOnce(payload, {
    key: `release:${release.id}@${new Date(release.publishAt!).toISOString()}`,
    kind: 'release',
    release: release.id,
    periodEnd: wentOut.toISOString(),
  })

/** The editor published a major change and chose to tell subscribers: in the change's own transaction. */
export const queueUpdateAlert = (req: PayloadRequest, releaseId: number | string, at: Date) =>
  createOnce(
    req.payload,
    {
      key: `update:${releaseId}@${at.toISOString()}`,
      kind: 'update',
      release: releaseId,
      periodEnd: at.toISOString(),
    },
    req,
  )

/** What has not been sent about this release will not be (withdrawn, unpublished or taken down). */
export const cancelAlerts = async (req: PayloadRequest, releaseId: number | string) => {
  await req.payload.update({
    collection: 'alert-runs',
    where: {
      and: [{ release: { equals: releaseId } }, { status: { in: [...ACTIVE_RUN_STATES] } }],
    },
    data: { status: 'cancelled', note: 'The release is no longer public.' },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

/** The digest due now, if any: from the last 08:00 UK time (today's, once it has passed) back a day. */
export const digestPeriod = (now: Date) => {
  const uk = DateTime.fromJSDate(now, { zone: UK_TIME_ZONE })
  let end = uk.set({ hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0 })
  if (end > uk) end = end.minus({ days: 1 })
  // A day of the calendar, not 24 hours: the days the clocks change are 23 and 25 hours long.
  const start = end.minus({ days: 1 })
  return { day: end.toISODate()!, start: start.toJSDate(), end: end.toJSDate() }
}

/**
 * A digest more than this late is not sent: a server started at 3am (a first start, or after a
 * long outage) does not send yesterday's news as if it were today's; 8am brings the next one.
 */
export const DIGEST_LATEST_HOURS = 6

/** Writes today's digest run once 08:00 UK time has passed, if no server has yet. */
export const queueDigestIfDue = async (payload: Payload, now = new Date()) => {
  const { day, start, end } = digestPeriod(now)
  if (now.getTime() - end.getTime() > DIGEST_LATEST_HOURS * 3600_000) return false
  return createOnce(payload, {
    key: `digest:${day}`,
    kind: 'digest',
    periodStart: start.toISOString(),
    periodEnd: end.toISOString(),
  })
}

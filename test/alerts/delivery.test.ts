/**
 * The alert sender's work list and the sender itself, on a real database (SQLite, and
 * PostgreSQL in its pass) through Payload in this process, sending to a real SMTP server:
 * one delivery per subscriber however often the fan-out runs, claims that never overlap,
 * claims of a server that stopped handed on, cancellation, a permanent refusal that stops
 * e-mail to the address, a refusal for now tried again later, and the daily digest.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { deliveryStore, type DeliveryStore } from '../../src/alerts/deliveries'
import { digestPeriod, queueDigestIfDue, queueReleaseAlert } from '../../src/alerts/runs'
import { startAlertSender } from '../../src/alerts/sender'
import { newLinkKey } from '../../src/alerts/tokens'
import type { News } from '../../src/payload-types'
import { startLocalPayload } from '../helpers/localPayload'
import { startSmtp, type TestSmtp } from '../helpers/smtp'

let local: Awaited<ReturnType<typeof startLocalPayload>>
let payload: Payload
let store: DeliveryStore
let smtp: TestSmtp
let roads: { id: number }
let courts: { id: number }
let n = 0

const REFUSED = 'no-such-mailbox@readers.test'
const LATER = 'mailbox-full@readers.test'

const subscriber = async (data: {
  email?: string
  status?: 'pending' | 'confirmed' | 'bounced'
  allNews?: boolean
  categories?: number[]
  frequency?: 'immediately' | 'daily'
  confirmedAt?: string
}) =>
  payload.create({
    collection: 'subscribers',
    data: {
      email: data.email ?? `reader${++n}@delivery.test`,
      status: data.status ?? 'confirmed',
      allNews: data.allNews ?? true,
      categories: data.categories ?? [],
      frequency: data.frequency ?? 'immediately',
      confirmedAt: data.confirmedAt ?? new Date(Date.now() - 3600_000).toISOString(),
      linkKey: newLinkKey(),
    },
    overrideAccess: true,
  })

/** A release already out, as the workflow leaves one (written past the workflow on purpose). */
const releaseOut = async (title: string, publishAt: Date, category?: number) =>
  (await payload.create({
    collection: 'news',
    data: {
      title,
      summary: `About ${title}.`,
      _status: 'published',
      workflowState: 'approved',
      publishAt: publishAt.toISOString(),
      category,
    } as never,
    overrideAccess: true,
    context: { workflow: 'test' },
    depth: 0,
  })) as News

const run = async (key: string, kind: 'release' | 'digest', release?: number) =>
  payload.create({
    collection: 'alert-runs',
    data: { key, kind, release, status: 'sending' } as never,
    overrideAccess: true,
  })

const until = async (check: () => Promise<boolean>, ms = 20_000) => {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

beforeAll(async () => {
  smtp = await startSmtp(undefined, {
    refuse: (address) =>
      address === REFUSED
        ? { code: 550, message: 'No such mailbox' }
        : address === LATER
          ? { code: 452, message: 'Mailbox full, try later' }
          : null,
  })
  process.env.SMTP_URL = smtp.url
  process.env.EMAIL_RATE_PER_SECOND = '1000'
  // No job runner and no sender yet: the work list's tests take every claim themselves.
  local = await startLocalPayload({ runJobs: false })
  payload = local.payload
  store = deliveryStore(payload)
  roads = await payload.create({
    collection: 'categories',
    data: { name: 'Roads' } as never,
    overrideAccess: true,
  })
  courts = await payload.create({
    collection: 'categories',
    data: { name: 'Courts' } as never,
    overrideAccess: true,
  })
})
afterAll(async () => {
  await local?.stop()
  await smtp?.close()
  delete process.env.SMTP_URL
})

describe('the work list', () => {
  it('writes one delivery for each confirmed subscriber who chose it, and none twice however often it runs', async () => {
    const wanted = [
      await subscriber({}),
      await subscriber({ allNews: false, categories: [roads.id] }),
    ]
    await subscriber({ status: 'pending' })
    await subscriber({ status: 'bounced' })
    await subscriber({ allNews: false, categories: [courts.id] })
    await subscriber({ frequency: 'daily' })
    // Confirmed after the release went out: not sent it.
    await subscriber({ confirmedAt: new Date(Date.now() + 60_000).toISOString() })
    const alert = await run(`fan-out-${Date.now()}`, 'release')
    const audience = {
      frequency: 'immediately' as const,
      categoryId: roads.id,
      confirmedBefore: new Date(),
    }
    // A run's audience is only those chosen now; the sender runs alongside, so count them all.
    const first = await store.fanOut(alert.id, audience)
    const again = await store.fanOut(alert.id, audience)
    expect(again).toBe(0)
    const counts = await store.counts(alert.id)
    const total = Object.values(counts).reduce((sum, x) => sum + x, 0)
    expect(first).toBe(total)
    // Every confirmed immediate subscriber who wants roads, from this test and any before it.
    const { totalDocs } = await payload.count({
      collection: 'subscribers',
      where: {
        and: [
          { status: { equals: 'confirmed' } },
          { frequency: { equals: 'immediately' } },
          { confirmedAt: { less_than_equal: audience.confirmedBefore.toISOString() } },
          { or: [{ allNews: { equals: true } }, { categories: { in: [roads.id] } }] },
        ],
      },
      overrideAccess: true,
    })
    expect(total).toBe(totalDocs)
    expect(total).toBeGreaterThanOrEqual(wanted.length)
    await store.cancelPending(alert.id)
  })

  it('never gives the same delivery to two claims, however many claim at once', async () => {
    const alert = await run(`claims-${Date.now()}`, 'release')
    for (let i = 0; i < 40; i++)
      await subscriber({ email: `claim${i}.${Date.now()}@delivery.test` })
    const written = await store.fanOut(alert.id, {
      frequency: 'immediately',
      categoryId: null,
      confirmedBefore: new Date(),
    })
    expect(written).toBeGreaterThanOrEqual(40)
    const claims = await Promise.all(
      Array.from({ length: 8 }, () => store.claim(10, new Date(Date.now() + 1000))),
    )
    const ids = claims.flat().map((claim) => claim.id)
    expect(new Set(ids).size).toBe(ids.length)
    // Handed back unsent, they can be claimed again; a claim left too long is pending again too.
    await store.handBack(claims[0]!.map((c) => c.id))
    await store.reclaimStale(new Date(Date.now() + 120_000))
    const counts = await store.counts(alert.id)
    expect(counts.sending).toBe(0)
    await store.cancelPending(alert.id)
    expect((await store.counts(alert.id)).pending).toBe(0)
  })
})

describe('the sender', () => {
  let stopSender: () => Promise<void>
  beforeAll(() => {
    stopSender = startAlertSender(payload, { pollMs: 200 })
  })
  afterAll(async () => {
    await stopSender?.()
  })

  it('sends a release’s alert once to each subscriber, marks a permanent refusal and stops e-mailing that address, and tries a refusal for now again later', async () => {
    const refused = await subscriber({ email: REFUSED })
    const later = await subscriber({ email: LATER })
    const ok1 = await subscriber({ email: `fine.${Date.now()}@delivery.test` })
    const release = await releaseOut('Bridge reopens', new Date(Date.now() - 1000))
    await queueReleaseAlert(payload, release, new Date())
    await smtp.waitFor(ok1.email, (m) => m.subject === 'Bridge reopens')
    await until(async () => {
      const bounced = await payload.findByID({
        collection: 'subscribers',
        id: refused.id,
        overrideAccess: true,
      })
      return bounced.status === 'bounced'
    })
    const refusedNow = await payload.findByID({
      collection: 'subscribers',
      id: refused.id,
      overrideAccess: true,
    })
    expect(refusedNow.bounce).toMatch(/550/)
    // The one told "later" waits for another try, and is not counted as sent.
    const { docs } = await payload.find({
      collection: 'alert-deliveries',
      where: { subscriber: { equals: later.id } },
      overrideAccess: true,
      depth: 0,
    })
    expect(docs[0]).toMatchObject({ status: 'pending', attempts: 1 })
    expect(Date.parse(docs[0]!.nextAttemptAt!)).toBeGreaterThan(Date.now() + 10_000)
    // Queued again (a second server, a retried lift job): nothing more is sent.
    expect(await queueReleaseAlert(payload, release, new Date())).toBe(false)
    const second = await releaseOut('Second release', new Date(Date.now() - 1000))
    await queueReleaseAlert(payload, second, new Date())
    await smtp.waitFor(ok1.email, (m) => m.subject === 'Second release')
    expect(smtp.to(ok1.email).filter((m) => m.subject === 'Bridge reopens')).toHaveLength(1)
    // The bounced address gets nothing more.
    expect(smtp.to(REFUSED)).toEqual([])
    const bouncedDelivery = await payload.find({
      collection: 'alert-deliveries',
      where: { subscriber: { equals: refused.id } },
      overrideAccess: true,
      depth: 0,
    })
    // Bounced, they were not among the second release's recipients at all.
    expect(bouncedDelivery.docs.map((d) => d.status)).toEqual(['refused'])
  })

  it('tells those who had confirmed when the release went out, not those who confirmed while its run waited', async () => {
    const stamp = Date.now()
    const wentOut = new Date(stamp - 60_000)
    const before = await subscriber({
      email: `before.${stamp}@delivery.test`,
      confirmedAt: new Date(stamp - 120_000).toISOString(),
    })
    const after = await subscriber({
      email: `after.${stamp}@delivery.test`,
      confirmedAt: new Date(stamp).toISOString(),
    })
    const release = await releaseOut('Went out a minute ago', wentOut)
    await queueReleaseAlert(payload, release, wentOut)
    await smtp.waitFor(before.email, (m) => m.subject === 'Went out a minute ago')
    const deliveriesTo = async (subscriberId: number | string) =>
      (
        await payload.find({
          collection: 'alert-deliveries',
          where: { subscriber: { equals: subscriberId } },
          overrideAccess: true,
          depth: 0,
        })
      ).totalDocs
    // Every delivery of a run is written at once, before any is sent.
    expect(await deliveriesTo(before.id)).toBe(1)
    expect(await deliveriesTo(after.id)).toBe(0)
    expect(smtp.to(after.email)).toEqual([])
  })

  it('sends nothing about a release that is not public now, and cancels what is left', async () => {
    const reader = await subscriber({ email: `embargo.${Date.now()}@delivery.test` })
    const embargoed = await releaseOut('Still under embargo', new Date(Date.now() + 3600_000))
    // A run made early by mistake (the lift job never does this): the sender checks the state module.
    const early = await run(`early-${Date.now()}`, 'release', embargoed.id)
    await payload.update({
      collection: 'alert-runs',
      id: early.id,
      data: { status: 'queued' },
      overrideAccess: true,
    })
    await until(async () => {
      const doc = await payload.findByID({
        collection: 'alert-runs',
        id: early.id,
        overrideAccess: true,
      })
      return doc.status === 'cancelled'
    })
    expect(smtp.to(reader.email)).toEqual([])
  })

  it('sends each daily subscriber one digest of the day’s releases they chose, and nothing to one with none', async () => {
    // The day the clocks went forward in 2026: 23 hours from 8am to 8am.
    const now = new Date('2026-03-29T08:30:00+01:00')
    const period = digestPeriod(now)
    expect(period.start.toISOString()).toBe('2026-03-28T08:00:00.000Z')
    expect(period.end.toISOString()).toBe('2026-03-29T07:00:00.000Z')
    const allDaily = await subscriber({
      frequency: 'daily',
      email: `daily.${Date.now()}@delivery.test`,
    })
    const courtsDaily = await subscriber({
      frequency: 'daily',
      allNews: false,
      categories: [courts.id],
      email: `courts.${Date.now()}@delivery.test`,
    })
    const inside = new Date('2026-03-28T12:00:00Z')
    await releaseOut('Road resurfacing starts', inside, roads.id)
    await releaseOut('Burglar jailed', new Date('2026-03-28T15:00:00Z'), courts.id)
    await releaseOut('Too early for this digest', new Date('2026-03-28T07:59:00Z'), courts.id)
    // Subscribed after the digest's day: confirmed too late for it.
    await payload.update({
      collection: 'subscribers',
      where: { id: { in: [allDaily.id, courtsDaily.id] } },
      data: { confirmedAt: '2026-03-20T00:00:00.000Z' },
      overrideAccess: true,
    })
    expect(await queueDigestIfDue(payload, now)).toBe(true)
    expect(await queueDigestIfDue(payload, now)).toBe(false)
    // A server first started long after 8am does not send the day's digest late.
    expect(await queueDigestIfDue(payload, new Date('2026-03-30T03:00:00+01:00'))).toBe(false)
    const digest = await smtp.waitFor(
      allDaily.email,
      (m) => m.subject?.startsWith('Your daily news') ?? false,
    )
    expect(digest.subject).toMatch(/, 29 March 2026 \(2 releases\)$/)
    expect(digest.text).toContain('ROAD RESURFACING STARTS')
    expect(digest.text).toContain('BURGLAR JAILED')
    expect(digest.text).not.toContain('TOO EARLY')
    const courtsOnly = await smtp.waitFor(courtsDaily.email)
    expect(courtsOnly.subject).toMatch(/, 29 March 2026 \(1 release\)$/)
    expect(courtsOnly.text).not.toContain('ROAD RESURFACING')
  })
})

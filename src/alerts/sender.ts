/**
 * The alert sender: each server process runs one, and they share the work through the
 * database (deliveries.ts), as GOV.UK's email-alert-api does:
 *
 * 1. A queued run (runs.ts) is taken by one server, which writes one delivery for each
 *    subscriber it goes to (an INSERT that skips any already written, so a second try after a
 *    crash writes nothing twice).
 * 2. Every server claims small batches of deliveries (each one by one server only), checks that
 *    the release is still public and listed (src/releases/state.ts) and the run not cancelled,
 *    sends each e-mail at no more than EMAIL_RATE_PER_SECOND, and marks them sent as they go.
 *    A failure for now is tried again later, up to six times, further apart each time; a
 *    permanent refusal by the mail server (5xx) marks the subscriber, who gets nothing more.
 * 3. A claim older than a minute that was never finished (its server was killed) is pending
 *    again: only the e-mails that server had in flight can go twice, with the same Message-ID.
 *
 * Each person gets one e-mail per alert; nothing goes before a release is public, or after it
 * is withdrawn or taken down.
 */
import type { Payload } from 'payload'

import { footerFrom, sendMessage, type Footer, type Message } from '../email/message'
import { emailMode } from '../email/transport'
import { limitFrom } from '../http/limitFrom'
import type { AlertRun, News, Subscriber } from '../payload-types'
import { isListedNow } from '../releases/state'
import { deliveryStore, type Claimed, type DeliveryStore } from './deliveries'
import { digestMessage, releaseAlertMessage, type ReleaseSummary } from './messages'
import { onAlertRun, queueDigestIfDue } from './runs'
import { forgetUnconfirmed } from './subscriptions'

/** Deliveries claimed at once: what can go out twice if this process is killed mid-batch. */
const BATCH = 25
/** E-mails handed to the mail server at once. */
const IN_FLIGHT = 8
/**
 * A claim not finished or renewed in this long belongs to a server that stopped. A server
 * renews its claims every few seconds while it sends them, so a slow mail server never lets a
 * second server take them.
 */
export const LEASE_MS = 20_000
const RENEW_MS = 5_000
const MAX_ATTEMPTS = 6
const RETRY_BASE_MS = 30_000

export const alertRatePerSecond = () => limitFrom('EMAIL_RATE_PER_SECOND', 200, 1)

/** At most `rate` a second, in a steady stream. */
const rateLimiter = (rate: number) => {
  let next = 0
  return async () => {
    const now = Date.now()
    const at = Math.max(now, next)
    next = at + 1000 / rate
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now))
  }
}

type Content =
  | { kind: 'release' | 'update'; release: ReleaseSummary; update?: { at: string; note: string } }
  | {
      kind: 'digest'
      releases: (ReleaseSummary & { categoryId: string | null })[]
      periodEnd: string
    }

type Failure = { permanent: boolean; recipientRefused: boolean; why: string }

/** What the mail server's refusal means: 5xx is for good (the address, when it was the recipient that was refused), the rest for now. */
const failureOf = (error: unknown): Failure => {
  const { responseCode, code, response } = error as {
    responseCode?: number
    code?: string
    response?: string
  }
  const permanent = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600
  return {
    permanent,
    recipientRefused:
      permanent && (code === 'EENVELOPE' || /recipient|mailbox|user/i.test(response ?? '')),
    why: `${responseCode ?? code ?? 'error'}${response ? ` ${response}` : ''}`.slice(0, 300),
  }
}

const summaryOf = (release: News): ReleaseSummary => ({
  id: release.id,
  title: release.title,
  slug: release.slug,
  summary: release.summary,
  publishAt: release.publishAt!,
  category:
    release.category && typeof release.category === 'object'
      ? { id: release.category.id, name: release.category.name }
      : null,
})

const categoryIdOf = (release: Pick<News, 'category'>) =>
  release.category == null
    ? null
    : typeof release.category === 'object'
      ? String(release.category.id)
      : String(release.category)

export const startAlertSender = (payload: Payload, { pollMs = 1000 } = {}) => {
  if (emailMode() === 'off') return async () => {}
  const store: DeliveryStore = deliveryStore(payload)
  const limit = rateLimiter(alertRatePerSecond())
  let stopped = false
  let running: Promise<void> | null = null
  let lastSweep = 0
  let lastDigestCheck = 0
  let lastForget = 0

  const log = (message: string) => payload.logger.warn(message)

  /** Whether a release may be e-mailed about now: public, listed, not withdrawn (the state module's rule). */
  const listedRelease = async (id: number | string) => {
    const release = (await payload.findByID({
      collection: 'news',
      id,
      depth: 1,
      overrideAccess: true,
      disableErrors: true,
    })) as News | null
    return release && isListedNow(release) ? release : null
  }

  /** What a run says, read at most once a second (a withdrawal shows within that). */
  const contents = new Map<string, { at: number; content: Content | null }>()
  const contentOf = async (run: AlertRun): Promise<Content | null> => {
    const kept = contents.get(String(run.id))
    if (kept && Date.now() - kept.at < 1000) return kept.content
    let content: Content | null = null
    if (run.kind === 'digest') {
      const { docs } = await payload.find({
        collection: 'news',
        where: {
          and: [
            { publishAt: { greater_than: run.periodStart } },
            { publishAt: { less_than_equal: run.periodEnd } },
          ],
        },
        sort: '-publishAt',
        limit: 200,
        depth: 1,
        overrideAccess: true,
      })
      content = {
        kind: 'digest',
        periodEnd: run.periodEnd!,
        releases: (docs as News[])
          .filter((release) => isListedNow(release))
          .map((release) => ({ ...summaryOf(release), categoryId: categoryIdOf(release) })),
      }
    } else {
      const id = typeof run.release === 'object' ? run.release?.id : run.release
      const release = id == null ? null : await listedRelease(id)
      if (release) {
        const amendment = run.kind === 'update' ? (release.amendments ?? []).at(-1) : undefined
        content = {
          kind: run.kind,
          release: summaryOf(release),
          update: amendment?.at ? { at: amendment.at, note: amendment.note ?? '' } : undefined,
        }
      }
    }
    contents.set(String(run.id), { at: Date.now(), content })
    if (contents.size > 100) contents.delete(contents.keys().next().value!)
    return content
  }

  const loadRun = async (id: string) =>
    (await payload.findByID({
      collection: 'alert-runs',
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })) as AlertRun | null

  const cancel = async (run: AlertRun, ids: string[]) => {
    await store.finish(ids, 'cancelled')
    await store.cancelPending(run.id)
    await store.moveRun(run.id, ['queued', 'fanning', 'sending'], 'cancelled', new Date())
  }

  /** Queued runs: one server writes each one's deliveries. */
  const fanOut = async () => {
    const { docs } = await payload.find({
      collection: 'alert-runs',
      where: { status: { equals: 'queued' } },
      sort: 'createdAt',
      limit: 10,
      depth: 0,
      overrideAccess: true,
    })
    for (const run of docs as AlertRun[]) {
      const now = new Date()
      if (!(await store.moveRun(run.id, ['queued'], 'fanning', now))) continue
      const content = await contentOf(run)
      if (!content) {
        await store.moveRun(run.id, ['fanning'], 'cancelled', now)
        continue
      }
      // Every run says by when its readers must have confirmed (runs.ts); a release or update
      // run written before runs said so has only the time it was made.
      const confirmedBefore = new Date(run.periodEnd ?? run.createdAt)
      const written = await store.fanOut(
        run.id,
        content.kind === 'digest'
          ? { frequency: 'daily', categoryId: null, anyCategory: true, confirmedBefore }
          : {
              frequency: 'immediately',
              categoryId: content.release.category?.id ?? null,
              confirmedBefore,
            },
      )
      const counts = await store.counts(run.id)
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
      await store.moveRun(run.id, ['fanning'], total === 0 ? 'done' : 'sending', new Date(), total)
      if (written > 0) payload.logger.info(`Alert ${run.key}: ${written} e-mails to send.`)
    }
  }

  /** Runs with nothing left to send are done. */
  const finishRuns = async (runIds: Iterable<string>) => {
    for (const id of runIds) {
      const counts = await store.counts(id)
      if (counts.pending + counts.sending > 0) continue
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
      await store.moveRun(id, ['sending'], 'done', new Date(), total)
    }
  }

  const subscribersFor = async (claimed: Claimed[]) => {
    const { docs } = await payload.find({
      collection: 'subscribers',
      where: { id: { in: [...new Set(claimed.map((c) => c.subscriberId))] } },
      limit: claimed.length,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
    })
    return new Map((docs as Subscriber[]).map((s) => [String(s.id), s]))
  }

  const wants = (subscriber: Subscriber, categoryId: string | null) =>
    subscriber.allNews ||
    (categoryId !== null &&
      (subscriber.categories ?? []).some(
        (c) => String(typeof c === 'object' ? c.id : c) === categoryId,
      ))

  const messageFor = (
    run: AlertRun,
    content: Content,
    subscriber: Subscriber,
    footer: Footer,
  ): Message | null => {
    if (content.kind === 'digest') {
      const releases = content.releases.filter((r) => wants(subscriber, r.categoryId))
      return releases.length
        ? digestMessage({ id: run.id, periodEnd: content.periodEnd }, releases, subscriber, footer)
        : null
    }
    return releaseAlertMessage(
      { id: run.id, kind: content.kind },
      content.release,
      subscriber,
      footer,
      content.update,
    )
  }

  /** One batch: claimed, checked, sent, marked. False when there was nothing to claim. */
  const sendBatch = async (): Promise<boolean> => {
    const claimed = await store.claim(BATCH, new Date())
    if (claimed.length === 0) return false
    const done = new Set<string>()
    // Claims last while this server works on them, however slow the mail server.
    const renewal = setInterval(() => {
      const open = claimed.filter((item) => !done.has(item.id)).map((item) => item.id)
      store.renew(open, new Date()).catch(() => undefined)
    }, RENEW_MS)
    try {
      await sendClaimed(claimed, done)
    } finally {
      clearInterval(renewal)
    }
    return true
  }

  /** Checks, sends and marks the claimed deliveries; `done` gathers those finished either way. */
  const sendClaimed = async (claimed: Claimed[], done: Set<string>) => {
    const footer = await footerFrom(payload)
    const subscribers = await subscribersFor(claimed)
    const touched = new Set<string>()
    const untouched = new Set(claimed.map((item) => item.id))
    const sent: string[] = []
    const skipped: string[] = []
    const flush = async () => {
      const ids = sent.splice(0)
      await store.markSent(ids, new Date())
    }
    const byRun = new Map<string, Claimed[]>()
    for (const item of claimed) byRun.set(item.runId, [...(byRun.get(item.runId) ?? []), item])

    for (const [runId, items] of byRun) {
      touched.add(runId)
      const run = await loadRun(runId)
      const content = run && run.status !== 'cancelled' ? await contentOf(run) : null
      if (!run || !content) {
        for (const item of items) untouched.delete(item.id)
        if (run)
          await cancel(
            run,
            items.map((i) => i.id),
          )
        else
          await store.finish(
            items.map((i) => i.id),
            'cancelled',
          )
        continue
      }
      const inFlight = new Set<Promise<void>>()
      for (const item of items) {
        if (stopped) break
        untouched.delete(item.id)
        const subscriber = subscribers.get(item.subscriberId)
        const message =
          subscriber && subscriber.status === 'confirmed'
            ? messageFor(run, content, subscriber, footer)
            : null
        if (!message || !subscriber) {
          skipped.push(item.id)
          continue
        }
        await limit()
        const sending: Promise<void> = sendMessage(payload, message).then(
          () => {
            sent.push(item.id)
            done.add(item.id)
          },
          async (error) => {
            done.add(item.id)
            const failure = failureOf(error)
            if (failure.permanent) {
              await store.finish([item.id], 'refused', failure.why)
              if (failure.recipientRefused)
                await payload.update({
                  collection: 'subscribers',
                  id: subscriber.id,
                  data: {
                    status: 'bounced',
                    bouncedAt: new Date().toISOString(),
                    bounce: failure.why,
                  },
                  overrideAccess: true,
                })
            } else if (item.attempts >= MAX_ATTEMPTS) {
              await store.finish([item.id], 'failed', failure.why)
            } else {
              const wait = Math.min(RETRY_BASE_MS * 2 ** (item.attempts - 1), 60 * 60_000)
              await store.retryLater(item.id, new Date(Date.now() + wait), failure.why)
            }
            log(
              `An alert e-mail was not sent (${failure.why.split(' ')[0]}); ${failure.permanent ? 'not tried again' : 'it will be tried again'}.`,
            )
          },
        )
        const tracked = sending.finally(() => inFlight.delete(tracked))
        inFlight.add(tracked)
        if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight)
        if (sent.length >= 10) await flush()
      }
      await Promise.all(inFlight)
    }
    await flush()
    await store.finish(skipped, 'skipped')
    // Stopping: whatever was claimed and not started is handed back at once.
    await store.handBack([...untouched])
    await finishRuns(touched)
  }

  const housekeeping = async () => {
    const now = Date.now()
    if (now - lastSweep > LEASE_MS / 4) {
      lastSweep = now
      const stale = new Date(now - LEASE_MS)
      const back = await store.reclaimStale(stale)
      await store.reclaimStaleRuns('fanning', stale, 'queued')
      if (back > 0) log(`${back} alert e-mails claimed by a server that stopped are pending again.`)
    }
    if (now - lastDigestCheck > 60_000) {
      lastDigestCheck = now
      await queueDigestIfDue(payload)
    }
    if (now - lastForget > 60 * 60_000) {
      lastForget = now
      await forgetUnconfirmed(payload)
    }
  }

  const tick = () => {
    if (running || stopped) return running ?? Promise.resolve()
    running = (async () => {
      try {
        await housekeeping()
        await fanOut()
        while (!stopped && (await store.anyDue(new Date())) && (await sendBatch())) {
          // Batch after batch while there is work; the next look is a second away otherwise.
        }
      } catch (error) {
        log(`The alert sender will try again shortly: ${(error as Error).message}`)
      } finally {
        running = null
      }
    })()
    return running
  }

  const timer = setInterval(() => void tick(), pollMs)
  timer.unref()
  const stopListening = onAlertRun(() => setImmediate(() => void tick()))
  void tick()

  /**
   * Stops taking work; what is in flight finishes and is marked, for ten seconds at most (a mail
   * server that stopped answering must not hold up a shutdown: what it had is claimed by another
   * server, or this one after a restart, once its lease ends).
   */
  return async () => {
    stopped = true
    clearInterval(timer)
    stopListening()
    await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 10_000).unref())])
  }
}

import { ValidationError, type Payload, type PayloadRequest, type TaskConfig } from 'payload'

import { queueReleaseAlert } from '../alerts/runs'
import { siteUrl } from '../config/env'
import { limitFrom } from '../http/limitFrom'
import type { News } from '../payload-types'
import { releaseState } from '../releases/state'
import { recordTransition } from '../workflow/audit'
import { notifyLiftFailed, queueNotifications } from '../workflow/notify'
import { deliverWebhooks } from './webhooks'

export const LIFT_QUEUE = 'embargo'

/** Retries of a lift's side effects after the first try (5, 10, 20, 40, 80 seconds apart by default: LIFT_RETRY_DELAY_MS). */
const LIFT_ATTEMPTS = 5

/** A release going out is one event, whichever process notices it first. */
const liftKey = (id: number | string, publishAt: string) =>
  `release-${id}@${new Date(publishAt).toISOString()}`

/** Queues the side effects of a release going out, to run at its publishAt (now, when it is already out). */
export const queueLift = async (
  payload: Payload,
  release: Pick<News, 'id' | 'publishAt'>,
  req?: PayloadRequest,
) => {
  if (!release.publishAt) return
  await payload.jobs.queue({
    task: 'liftEmbargo',
    queue: LIFT_QUEUE,
    input: {
      releaseId: String(release.id),
      publishAt: release.publishAt,
      embargoed: Date.parse(release.publishAt) > Date.now(),
    },
    waitUntil: new Date(release.publishAt),
    req,
  })
}

/** Every database adapter reports a clash on a unique field as a ValidationError naming that field. */
const isClashOn = (field: string, error: unknown) =>
  error instanceof ValidationError && error.data.errors.some((problem) => problem.path === field)

/**
 * What happens when an embargo lifts, besides the release becoming visible (which needs
 * nothing: the public rule is read at read time). The first job to claim the lift records
 * it and does the side effects: the public's e-mail alerts, the webhooks and the history entry. Page caches need no event:
 * each process's cache ends at the next scheduled change by the clock (src/site/cache.ts), and
 * a release published at once was announced by its publishing; another event here would only
 * empty every cache again a moment later.
 * A job for a release that was rescheduled, pulled or withdrawn does nothing.
 */
export const liftEmbargoTask: TaskConfig<{
  input: { releaseId: string; publishAt: string; embargoed?: boolean | null }
  output: { outcome: string }
}> = {
  slug: 'liftEmbargo',
  label: 'Embargo lift',
  // LIFT_RETRY_DELAY_MS: the wait before the first retry (then 2, 4, 8… times as long).
  retries: {
    attempts: LIFT_ATTEMPTS,
    backoff: { type: 'exponential', delay: limitFrom('LIFT_RETRY_DELAY_MS', 5000, 100) },
  },
  // After the last retry fails (Payload's own test for it), the editors are told by e-mail.
  onFail: async ({ job, req, taskStatus }) => {
    if (taskStatus?.complete || (taskStatus?.totalTried ?? 0) < LIFT_ATTEMPTS) return
    try {
      await notifyLiftFailed(req.payload, job.id)
    } catch {
      req.payload.logger.error(`Could not queue the e-mail about the failed lift job ${job.id}.`)
    }
  },
  inputSchema: [
    { name: 'releaseId', type: 'text', required: true },
    { name: 'publishAt', type: 'text', required: true },
    { name: 'embargoed', type: 'checkbox' },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, job, req }) => {
    const { payload } = req
    const release = (await payload.findByID({
      collection: 'news',
      id: input.releaseId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })) as News | null
    const sameLift =
      release &&
      release.publishAt &&
      new Date(release.publishAt).toISOString() === new Date(input.publishAt).toISOString()
    const state = release ? releaseState(release) : null
    if (!release || !sameLift || (state !== 'scheduled' && state !== 'published'))
      return { output: { outcome: 'skipped: the release was changed since' } }
    if (state === 'scheduled')
      throw new Error(`The embargo on release ${release.id} has not lifted yet`)

    const key = liftKey(release.id, input.publishAt)
    const attempt = Number(job.totalTried ?? 0)
    try {
      // In a transaction of its own: a clash on the unique key must not spoil anything else.
      await payload.create({
        collection: 'embargo-lifts',
        data: {
          key,
          release: release.id,
          publishAt: input.publishAt,
          job: String(job.id),
          attempt,
          status: 'claimed',
        },
        overrideAccess: true,
      })
    } catch (error) {
      if (!isClashOn('key', error)) throw error
      const { docs } = await payload.find({
        collection: 'embargo-lifts',
        where: { key: { equals: key } },
        limit: 1,
        overrideAccess: true,
      })
      const claim = docs[0]
      // Only a retry of the job that claimed the lift (a later attempt) may finish it.
      const retryOfClaimer =
        claim &&
        claim.status !== 'done' &&
        claim.job === String(job.id) &&
        Number(claim.attempt) < attempt
      if (!retryOfClaimer) return { output: { outcome: 'skipped: another process has done it' } }
      await payload.update({
        collection: 'embargo-lifts',
        id: claim.id,
        data: { attempt },
        overrideAccess: true,
        req,
      })
    }

    // The public's e-mail alerts (src/alerts/): before the webhooks, whose retries may take minutes.
    // It went out when its embargo lifted or, published at once (or backdated), when this job was
    // queued, as the release was published.
    const wentOut = Math.max(Date.parse(input.publishAt), Date.parse(job.createdAt) || 0)
    await queueReleaseAlert(payload, release, new Date(wentOut))
    await deliverWebhooks(payload, {
      id: key,
      type: 'release.published',
      data: {
        id: release.id,
        title: release.title,
        slug: release.slug,
        url: `${siteUrl()}/news/${release.slug}`,
        publishAt: release.publishAt,
        summary: release.summary,
      },
    })
    if (input.embargoed) {
      const entry = await recordTransition(req, {
        release,
        action: 'lifted',
        from: 'scheduled',
        to: 'published',
        publishAt: release.publishAt,
      })
      // The authors hear that it is out (src/workflow/notify.ts), after this task's commit.
      await queueNotifications(req, entry, release)
    }
    await payload.update({
      collection: 'embargo-lifts',
      where: { key: { equals: key } },
      data: { status: 'done', doneAt: new Date().toISOString() },
      overrideAccess: true,
      req,
    })
    return { output: { outcome: 'published' } }
  },
}

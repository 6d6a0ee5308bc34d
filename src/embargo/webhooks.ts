import crypto from 'node:crypto'

import type { Payload } from 'payload'

/** Where to tell other systems that a release has gone out: WEBHOOK_URLS, comma-separated. */
export const webhookUrls = (): string[] =>
  (process.env.WEBHOOK_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)

const TIMEOUT_MS = 10_000

/**
 * POSTs an event as JSON to every webhook. Each delivery carries the event's id (receivers
 * can drop a repeat) and, with WEBHOOK_SECRET set, an HMAC-SHA256 signature of the body.
 * Throws if any receiver fails, so that the job is retried.
 */
export const deliverWebhooks = async (
  payload: Payload,
  event: { id: string; type: string; data: object },
) => {
  const urls = webhookUrls()
  if (urls.length === 0) return
  const body = JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: new Date().toISOString(),
    data: event.data,
  })
  const secret = process.env.WEBHOOK_SECRET
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'Newsroom',
    'X-Newsroom-Event': event.type,
    'X-Newsroom-Delivery': event.id,
  }
  if (secret)
    headers['X-Newsroom-Signature'] =
      `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`
  const failures: string[] = []
  await Promise.all(
    urls.map(async (url) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
          redirect: 'error',
        })
        if (!response.ok) failures.push(`${new URL(url).host} answered ${response.status}`)
      } catch (error) {
        failures.push(`${new URL(url).host}: ${(error as Error).message}`)
      }
    }),
  )
  if (failures.length) {
    payload.logger.warn(`Webhook delivery for ${event.id} failed: ${failures.join('; ')}`)
    throw new Error(`Webhook delivery failed: ${failures.join('; ')}`)
  }
}

/**
 * Telling the shared cache to forget the public pages when they change: every change to what
 * the public may see (a release saved, withdrawn or taken down, the settings), made in this
 * process, purges everything under the surrogate key, as the page cache in memory empties on
 * every change. The process that makes a change purges, so each change is purged once, whichever
 * server made it. An embargo lift needs no purge: no shared copy is kept past the next lift
 * (./settings.ts).
 *
 * The purge is sent once the change is committed, not when it is made: a change is announced
 * from inside its transaction (src/plugins/contentEvents.ts), and a page fetched again between
 * a purge and the commit would be the old one, kept anew. So a change made here is remembered
 * by its content-version stamp, and purged when the change watcher (src/site/changeWatcher.ts)
 * reads that stamp back from the database, committed. A page being made while a change lands
 * is sent with `no-cache` (src/site/cache.ts `freshFor`), so no shared cache keeps it.
 *
 * Changes that come together (a save is several writes) make one purge; a purge that fails is
 * tried again, three times, a few seconds apart, and then logged: the copies it missed go stale
 * within CDN_MAX_AGE.
 */
import type { Payload } from 'payload'

import { onContentChange } from '../plugins/contentChanged'

import { SURROGATE_KEY, type CdnSettings } from './settings'

export type PurgeRequest = {
  url: string
  method: string
  headers: Record<string, string>
  body?: string
}

/** The requests that purge everything under the surrogate key, in each service's published format. */
export const purgeRequests = (settings: CdnSettings): PurgeRequest[] => {
  switch (settings.kind) {
    case 'varnish':
      // deploy/varnish/default.vcl bans what carries the key named in this header.
      return settings.urls.map((url) => ({
        url: new URL('/', url).toString(),
        method: 'BAN',
        headers: { 'X-Purge-Key': SURROGATE_KEY },
      }))
    case 'fastly':
      // https://www.fastly.com/documentation/reference/api/purging/#purge-tag
      return [
        {
          url: `https://api.fastly.com/service/${encodeURIComponent(settings.serviceId)}/purge/${SURROGATE_KEY}`,
          method: 'POST',
          headers: { 'Fastly-Key': settings.token, Accept: 'application/json' },
        },
      ]
    case 'cloudflare':
      // https://developers.cloudflare.com/api/resources/cache/methods/purge/ (purge by tag)
      return [
        {
          url: `https://api.cloudflare.com/client/v4/zones/${encodeURIComponent(settings.zoneId)}/purge_cache`,
          method: 'POST',
          headers: {
            Authorization: `Bearer ${settings.token}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ tags: [SURROGATE_KEY] }),
        },
      ]
  }
}

const send = async (request: PurgeRequest) => {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(5000),
  })
  await response.arrayBuffer()
  if (!response.ok)
    throw new Error(`${request.method} ${new URL(request.url).host} answered ${response.status}`)
}

const RETRIES = 3
const RETRY_DELAY_MS = 2000

export type Purger = {
  /** The change watcher read `stamp` from the database: committed, so purge if it was made here. */
  committed: (stamp: string | null) => void
  stop: () => void
}

/** Purges after every change made in this process is committed. */
export const purgeOnChange = (payload: Payload, settings: CdnSettings): Purger => {
  const requests = purgeRequests(settings)
  // Stamps written here and not yet seen committed: few at a time; bounded in case one never is
  // (its transaction rolled back).
  const made = new Set<string>()
  let running = false
  let again = false
  let stopped = false

  const purge = async () => {
    if (running) {
      again = true
      return
    }
    running = true
    try {
      do {
        again = false
        for (const request of requests) {
          for (let attempt = 1; ; attempt++) {
            try {
              await send(request)
              break
            } catch (error) {
              if (stopped) return
              if (attempt > RETRIES) {
                payload.logger.warn(
                  `The shared cache (${settings.kind}) was not purged: ${(error as Error).message}. Its copies go stale within ${settings.maxAge} s.`,
                )
                break
              }
              await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt))
            }
          }
        }
      } while (again && !stopped)
    } finally {
      running = false
    }
  }

  const stopListening = onContentChange(({ stamp }) => {
    if (!stamp) return
    made.add(stamp)
    if (made.size > 1000) made.delete(made.values().next().value!)
  })
  return {
    committed: (stamp) => {
      if (stamp === null || !made.delete(stamp)) return
      void purge()
    },
    stop: () => {
      stopped = true
      stopListening()
    },
  }
}

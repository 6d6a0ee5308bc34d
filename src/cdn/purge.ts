/**
 * Telling the shared cache to forget the public pages when they change: every change to what
 * the public may see (a release saved, withdrawn or taken down, the settings), made in this
 * process, purges the pages it affects, by the same tags as the page cache in memory drops
 * (src/site/cacheTags.ts), or everything under the surrogate key for a change that may show
 * anywhere (the settings, a picture). The process that makes a change purges, so each change is
 * purged once, whichever server made it. An embargo lift needs no purge: no shared copy is kept
 * past the next lift (./settings.ts).
 *
 * The purge is sent once the change is committed, not when it is made: a change is announced
 * from inside its transaction (src/plugins/contentEvents.ts), and a page fetched again between
 * a purge and the commit would be the old one, kept anew. So a change made here is purged when
 * the change watcher (src/site/changeWatcher.ts) reads its row back from the database,
 * committed; a change rolled back is never purged. A page being made while a change lands
 * is sent with `no-cache` (src/site/cache.ts `freshFor`), so no shared cache keeps it.
 *
 * Changes that come together (a save is several writes) make one purge; a purge that fails is
 * tried again, three times, a few seconds apart, and then logged: the copies it missed go stale
 * within CDN_MAX_AGE.
 */
import type { Payload } from 'payload'

import { SURROGATE_KEY, type CdnSettings } from './settings'

/** The most keys one purge names. */
export const MAX_KEYS = 30

export type PurgeRequest = {
  url: string
  method: string
  headers: Record<string, string>
  body?: string
}

/**
 * The requests that purge what carries any of `keys` (everything, under the surrogate key, when
 * not given), in each service's published format.
 */
export const purgeRequests = (
  settings: CdnSettings,
  some: readonly string[] = [SURROGATE_KEY],
): PurgeRequest[] => {
  // Cloudflare takes 30 tags a request, Fastly 256: past that (many changes at once), everything.
  const keys = some.length > MAX_KEYS ? [SURROGATE_KEY] : some
  switch (settings.kind) {
    case 'varnish':
      // deploy/varnish/default.vcl bans what carries the key named in this header: one a ban.
      return settings.urls.flatMap((url) =>
        keys.map((key) => ({
          url: new URL('/', url).toString(),
          method: 'BAN',
          headers: { 'X-Purge-Key': key },
        })),
      )
    case 'fastly':
      // One key: https://www.fastly.com/documentation/reference/api/purging/#purge-tag
      // Several: https://www.fastly.com/documentation/reference/api/purging/#bulk-purge-tag
      return [
        keys.length === 1
          ? {
              url: `https://api.fastly.com/service/${encodeURIComponent(settings.serviceId)}/purge/${encodeURIComponent(keys[0]!)}`,
              method: 'POST',
              headers: { 'Fastly-Key': settings.token, Accept: 'application/json' },
            }
          : {
              url: `https://api.fastly.com/service/${encodeURIComponent(settings.serviceId)}/purge`,
              method: 'POST',
              headers: {
                'Fastly-Key': settings.token,
                Accept: 'application/json',
                'Surrogate-Key': keys.join(' '),
              },
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
          body: JSON.stringify({ tags: keys }),
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
  /**
   * Purges what carries any of `tags` (everything when undefined): called once the changes that
   * affect them are seen committed (src/site/changeWatcher.ts).
   */
  purge: (tags: readonly string[] | undefined) => void
  stop: () => void
}

/** Sends purges one batch at a time: those asked for while one is sent go together in the next. */
export const purgeOnChange = (payload: Payload, settings: CdnSettings): Purger => {
  // What is to be purged next: keys, or everything (null); undefined when nothing is.
  let pending: Set<string> | null | undefined
  let running = false
  let stopped = false

  const run = async () => {
    if (running) return
    running = true
    try {
      while (pending !== undefined && !stopped) {
        const keys = pending === null ? undefined : [...pending]
        pending = undefined
        for (const request of purgeRequests(settings, keys)) {
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
      }
    } finally {
      running = false
    }
  }

  return {
    purge: (tags) => {
      if (stopped) return
      if (!tags) pending = null
      else if (pending !== null) for (const tag of tags) (pending ??= new Set()).add(tag)
      void run()
    },
    stop: () => {
      stopped = true
    },
  }
}

/**
 * Newsroom behind a shared cache (a CDN, or Varnish in front of it): what it may keep, and how
 * it is told to forget. Off unless CDN is set, and then public pages say `no-cache` as they
 * always have: a shared cache nobody purges must not keep a page that a withdrawal or a
 * takedown has to remove.
 *
 * CDN=varnish | fastly | cloudflare chooses the purge (./purge.ts), with:
 * - varnish: VARNISH_URLS, the Varnish servers' addresses, comma-separated (a BAN to each);
 * - fastly: FASTLY_SERVICE_ID and FASTLY_API_TOKEN;
 * - cloudflare: CLOUDFLARE_ZONE_ID and CLOUDFLARE_API_TOKEN.
 * CDN_MAX_AGE (seconds, default 60) is the longest a shared copy is fresh: the most a page
 * can be out of date if a purge is lost. CDN_STALE_SECONDS (default 30) is how long a copy
 * past that may still be given while the cache fetches a new one.
 */
import { ConfigurationError } from '../config/env'
import { limitFrom } from '../http/limitFrom'

export type Cdn =
  | { kind: 'varnish'; urls: URL[] }
  | { kind: 'fastly'; serviceId: string; token: string }
  | { kind: 'cloudflare'; zoneId: string; token: string }

export type CdnSettings = Cdn & { maxAge: number; stale: number }

const required = (name: string, kind: string): string => {
  const value = process.env[name]?.trim()
  if (!value) throw new ConfigurationError(`CDN=${kind} needs ${name}.`)
  return value
}

const varnishUrls = (): URL[] => {
  const raw = required('VARNISH_URLS', 'varnish')
  return raw.split(',').map((part) => {
    try {
      const url = new URL(part.trim())
      if (url.protocol === 'http:' || url.protocol === 'https:') return url
    } catch {
      // said below
    }
    throw new ConfigurationError(
      `VARNISH_URLS must be addresses such as http://127.0.0.1:6081, comma-separated, not "${part.trim()}".`,
    )
  })
}

/** The shared cache in front of Newsroom, from the environment; null when there is none. */
export const cdnSettings = (): CdnSettings | null => {
  const kind = process.env.CDN?.trim().toLowerCase()
  if (!kind) return null
  const times = {
    maxAge: limitFrom('CDN_MAX_AGE', 60, 0),
    stale: limitFrom('CDN_STALE_SECONDS', 30, 0),
  }
  switch (kind) {
    case 'varnish':
      return { kind, urls: varnishUrls(), ...times }
    case 'fastly':
      return {
        kind,
        serviceId: required('FASTLY_SERVICE_ID', kind),
        token: required('FASTLY_API_TOKEN', kind),
        ...times,
      }
    case 'cloudflare':
      return {
        kind,
        zoneId: required('CLOUDFLARE_ZONE_ID', kind),
        token: required('CLOUDFLARE_API_TOKEN', kind),
        ...times,
      }
    default:
      throw new ConfigurationError(
        `CDN must be varnish, fastly or cloudflare (or unset for none), not "${process.env.CDN}".`,
      )
  }
}

/**
 * The surrogate key on every public page and picture a shared cache may keep: a purge of it
 * asks for everything to go. Pages also carry the tags of what they show
 * (src/site/cacheTags.ts: `lists`, `release-12`, `category-3`), so that a change to one release
 * purges only the pages it affects. Varnish and Fastly read `Surrogate-Key` (keys separated by
 * spaces), Cloudflare `Cache-Tag` (by commas).
 */
export const SURROGATE_KEY = 'newsroom-public'

export const surrogateHeaders = (
  settings: CdnSettings | null,
  tags: readonly string[] = [],
): Record<string, string> => {
  if (!settings) return {}
  const keys = [SURROGATE_KEY, ...tags]
  return { 'Surrogate-Key': keys.join(' '), 'Cache-Tag': keys.join(',') }
}

/**
 * Cache-Control for a public page that is good for `freshForMs` more (until the next embargo
 * lifts, or the page's own limit): a shared cache may keep it no longer than that, and never
 * longer than CDN_MAX_AGE; browsers ask again each time (max-age=0), as with `no-cache`. The
 * seconds are rounded down, so a shared copy never outlives an embargo.
 */
export const publicPageCacheControl = (
  settings: CdnSettings | null,
  freshForMs: number,
): string => {
  const seconds = settings ? Math.min(settings.maxAge, Math.floor(freshForMs / 1000)) : 0
  // Not s-maxage=0: with stale-while-revalidate a cache could still give that copy once.
  if (!settings || seconds <= 0) return 'no-cache'
  return `public, max-age=0, s-maxage=${seconds}, stale-while-revalidate=${settings.stale}`
}

/**
 * The shared cache's settings, the Cache-Control public pages carry, and the purge requests in
 * each service's published format. Varnish is tested for real in test/cdn/varnish.test.ts; Fastly
 * and Cloudflare cannot be reached from here, so their requests are checked as they are made.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'

import { MAX_KEYS, purgeRequests } from '../../src/cdn/purge'
import {
  cdnSettings,
  publicPageCacheControl,
  SURROGATE_KEY,
  surrogateHeaders,
} from '../../src/cdn/settings'
import { ConfigurationError } from '../../src/config/env'

afterEach(() => vi.unstubAllEnvs())

const withEnv = (env: Record<string, string>) => {
  for (const name of [
    'CDN',
    'VARNISH_URLS',
    'FASTLY_SERVICE_ID',
    'FASTLY_API_TOKEN',
    'CLOUDFLARE_ZONE_ID',
    'CLOUDFLARE_API_TOKEN',
    'CDN_MAX_AGE',
    'CDN_STALE_SECONDS',
  ])
    vi.stubEnv(name, env[name] ?? '')
  return cdnSettings()
}

describe('the shared cache in front, from the environment', () => {
  it('is none unless CDN is set, and public pages then say no-cache, with no surrogate key', () => {
    const none = withEnv({})
    expect(none).toBeNull()
    expect(publicPageCacheControl(none, 3_600_000)).toBe('no-cache')
    expect(surrogateHeaders(none)).toEqual({})
  })

  it('refuses what it cannot use, naming the setting', () => {
    expect(() => withEnv({ CDN: 'akamai' })).toThrow(/CDN must be varnish, fastly or cloudflare/)
    expect(() => withEnv({ CDN: 'varnish' })).toThrow('CDN=varnish needs VARNISH_URLS.')
    expect(() => withEnv({ CDN: 'varnish', VARNISH_URLS: 'ftp://cache' })).toThrow(
      ConfigurationError,
    )
    expect(() => withEnv({ CDN: 'fastly', FASTLY_SERVICE_ID: 'svc' })).toThrow(
      'CDN=fastly needs FASTLY_API_TOKEN.',
    )
    expect(() => withEnv({ CDN: 'cloudflare', CLOUDFLARE_API_TOKEN: 't' })).toThrow(
      'CDN=cloudflare needs CLOUDFLARE_ZONE_ID.',
    )
    expect(() =>
      withEnv({ CDN: 'varnish', VARNISH_URLS: 'http://127.0.0.1:6081', CDN_MAX_AGE: 'soon' }),
    ).toThrow(/CDN_MAX_AGE must be a whole number/)
  })
})

describe('Cache-Control on a public page behind a shared cache', () => {
  const settings = () =>
    withEnv({ CDN: 'varnish', VARNISH_URLS: 'http://127.0.0.1:6081', CDN_MAX_AGE: '60' })

  it('keeps a copy no longer than until the next embargo lifts, rounded down', () => {
    expect(publicPageCacheControl(settings(), 10_999)).toBe(
      'public, max-age=0, s-maxage=10, stale-while-revalidate=30',
    )
  })

  it('nor longer than CDN_MAX_AGE, however far off the next change is', () => {
    expect(publicPageCacheControl(settings(), Infinity)).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=30',
    )
  })

  it('says no-cache when under a second is left, or the page was not the one kept', () => {
    expect(publicPageCacheControl(settings(), 999)).toBe('no-cache')
    expect(publicPageCacheControl(settings(), 0)).toBe('no-cache')
  })

  it('names the surrogate key, for Varnish and Fastly and for Cloudflare', () => {
    expect(surrogateHeaders(settings())).toEqual({
      'Surrogate-Key': SURROGATE_KEY,
      'Cache-Tag': SURROGATE_KEY,
    })
  })

  it('and after it the tags of what the page shows: spaces for Surrogate-Key, commas for Cache-Tag', () => {
    expect(surrogateHeaders(settings(), ['release-12', 'category-3'])).toEqual({
      'Surrogate-Key': 'newsroom-public release-12 category-3',
      'Cache-Tag': 'newsroom-public,release-12,category-3',
    })
  })
})

describe('the purge, as each service documents it', () => {
  it('Varnish: a BAN of the key to each server (deploy/varnish/default.vcl)', () => {
    const settings = withEnv({
      CDN: 'varnish',
      VARNISH_URLS: 'http://10.0.0.5:6081, http://10.0.0.6:6081/',
    })!
    expect(purgeRequests(settings)).toEqual([
      {
        url: 'http://10.0.0.5:6081/',
        method: 'BAN',
        headers: { 'X-Purge-Key': 'newsroom-public' },
      },
      {
        url: 'http://10.0.0.6:6081/',
        method: 'BAN',
        headers: { 'X-Purge-Key': 'newsroom-public' },
      },
    ])
  })

  it('Varnish: one BAN for each key of a change, to each server', () => {
    const settings = withEnv({ CDN: 'varnish', VARNISH_URLS: 'http://10.0.0.5:6081' })!
    expect(
      purgeRequests(settings, ['lists', 'release-12']).map((request) => request.headers),
    ).toEqual([{ 'X-Purge-Key': 'lists' }, { 'X-Purge-Key': 'release-12' }])
  })

  it('past the most keys a request may name, everything is purged instead', () => {
    const settings = withEnv({ CDN: 'varnish', VARNISH_URLS: 'http://10.0.0.5:6081' })!
    const many = Array.from({ length: MAX_KEYS + 1 }, (_, i) => `release-${i}`)
    expect(purgeRequests(settings, many).map((request) => request.headers)).toEqual([
      { 'X-Purge-Key': 'newsroom-public' },
    ])
  })

  it('Fastly: several keys at once in one POST /service/{id}/purge, named in Surrogate-Key', () => {
    const settings = withEnv({
      CDN: 'fastly',
      FASTLY_SERVICE_ID: 'SU1Z0isxPaozGVKXdv0eY',
      FASTLY_API_TOKEN: 'tok',
    })!
    expect(purgeRequests(settings, ['lists', 'release-12', 'category-3'])).toEqual([
      {
        url: 'https://api.fastly.com/service/SU1Z0isxPaozGVKXdv0eY/purge',
        method: 'POST',
        headers: {
          'Fastly-Key': 'tok',
          Accept: 'application/json',
          'Surrogate-Key': 'lists release-12 category-3',
        },
      },
    ])
  })

  it('Fastly: POST /service/{id}/purge/{key} with the API token in Fastly-Key', () => {
    const settings = withEnv({
      CDN: 'fastly',
      FASTLY_SERVICE_ID: 'SU1Z0isxPaozGVKXdv0eY',
      FASTLY_API_TOKEN: 'tok',
    })!
    expect(purgeRequests(settings)).toEqual([
      {
        url: 'https://api.fastly.com/service/SU1Z0isxPaozGVKXdv0eY/purge/newsroom-public',
        method: 'POST',
        headers: { 'Fastly-Key': 'tok', Accept: 'application/json' },
      },
    ])
  })

  it('Cloudflare: POST /zones/{zone}/purge_cache with the tags, and the token as a bearer', () => {
    const settings = withEnv({
      CDN: 'cloudflare',
      CLOUDFLARE_ZONE_ID: '023e105f4ecef8ad9ca31a8372d0c353',
      CLOUDFLARE_API_TOKEN: 'tok',
    })!
    const [request] = purgeRequests(settings)
    expect(request).toMatchObject({
      url: 'https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache',
      method: 'POST',
      headers: { Authorization: 'Bearer tok', 'Content-Type': 'application/json' },
    })
    expect(JSON.parse(request!.body!)).toEqual({ tags: ['newsroom-public'] })
    expect(JSON.parse(purgeRequests(settings, ['lists', 'release-12'])[0]!.body!)).toEqual({
      tags: ['lists', 'release-12'],
    })
  })
})

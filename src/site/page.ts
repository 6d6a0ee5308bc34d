import type { Request } from 'express'
import type { ReactNode } from 'react'

import type { SiteSetting } from '../payload-types'
import type { PageCache } from './cache'
import type { Keyer } from './cachedAnswers'
import type { SiteContent } from './content'
import type { PageMeta } from './layout/Layout'

/** What every page's loader may use. */
export type PageContext = { content: SiteContent; siteUrl: string; cache: PageCache }

/** How the page cache keeps a page (src/site/index.tsx, `route`). */
export type CachePolicy = {
  /** The parameters of the address the page reads: the others are no part of its cache key. */
  query?: readonly string[]
  /** The page's key in the cache, when it is more than its path and `query`. */
  key?: (req: Request, context: PageContext) => string | Promise<string>
  /** Whether the page, when it was cached before the last change, is made again before new addresses (not searches). */
  first?: boolean
  /**
   * `key` worked out without waiting, for the path the page was asked at, so that the cache can
   * answer before express (src/site/cachedAnswers.ts); its keyer says undefined when it cannot.
   * Without it a page with its own `key` is always answered through express.
   */
  keyNow?: (path: string, context: PageContext) => Keyer
}

/**
 * One public HTML page, in one module: its address, what it reads (its loader), how it
 * describes itself (its metadata) and what it shows (its component). src/site/index.tsx
 * lists them in its route table.
 */
export type PageModule<Data extends { settings: SiteSetting }> = {
  path: string
  /** What the page shows; null when there is nothing at this address (a redirect, "gone" or the 404 answers). */
  load: (req: Request, context: PageContext) => Promise<Data | null>
  /** Title, description, canonical address and the rest of the <head>. */
  metadata: (data: Data, context: PageContext) => PageMeta
  Component: (data: Data) => ReactNode
  /** The HTTP status: 200 unless said. */
  status?: (data: Data) => number
  /** A page that must not be kept (a search that was refused, say). */
  noStore?: (data: Data) => boolean
  /**
   * What the page shows, as ./cacheTags.ts names it, so that a change drops it only when it
   * affects it. Unless said, `lists`: the page is dropped on every change to a release.
   */
  tags?: (data: Data) => string[]
  /** A page that changes with the clock alone is kept this long at most (a "found" notice before it is gone). */
  maxAgeMs?: (data: Data) => number | undefined
  cache?: CachePolicy
}

/** Thrown by a loader for bad input in the address: answered with a page saying what is wrong. */
export class BadRequest extends Error {}

/** `?page=` of a listing: 1 when absent. */
export const pageNumber = (req: Request): number => {
  const raw = req.query.page
  if (raw === undefined) return 1
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw))
    throw new BadRequest('The page number in the address must be a whole number, such as 2.')
  return Number(raw)
}

/**
 * The page cache's key for an address: its path and only the parameters the page reads, so
 * that `/?cb=1`, `/?cb=2`… or `/?utm_source=…` are all the one cached `/`.
 */
export const cacheKeyOf = (
  path: string,
  given: URLSearchParams,
  query: readonly string[] = [],
): string => {
  const kept = new URLSearchParams()
  for (const name of query) for (const value of given.getAll(name)) kept.append(name, value)
  const search = kept.toString()
  return search ? `${path}?${search}` : path
}

/** The parameters of the address as the browser sent it. */
export const paramsOf = (req: Request) => new URL(req.originalUrl, 'http://site').searchParams

export const cacheKey = (req: Request, query: readonly string[] = []): string =>
  cacheKeyOf(req.path, paramsOf(req), query)

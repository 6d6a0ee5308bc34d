import type http from 'node:http'

import accepts from 'accepts'

import type { PageCache } from './cache'
import { answerFor, ENCODINGS, type Encoding } from './respond'

/** A page's cache key from its address's parameters, worked out without waiting; undefined when that takes more. */
export type Keyer = (params: URLSearchParams) => string | undefined

const MAX_PATHS = 10_000

/**
 * Cached pages answered straight from the page cache, before express: the same bytes and
 * headers that the page's route would send from the cache, for a fraction of the work.
 *
 * Under a flood of 500 connections each answer waits for the answers ahead of it, so what an
 * answer costs is what the health check and every reader wait (see `npm run bench:flood`).
 * Through express a cached page costs about four times as much as the same bytes here: a dozen
 * middleware (paths, security headers, limits, the API guard), the router, and express's send.
 *
 * Nothing is answered here that the route would not answer from the cache:
 * - only addresses a route has already answered (it says how its key is made from the address:
 *   `learn`), spelled exactly as it saw them (a path that had to be made canonical is not learnt);
 * - only when `PageCache.peek` has the page now, which is `serve`'s own test (so never past an
 *   embargo lift or a change);
 * - only a plain GET or HEAD: anything conditional, with a body or unusual goes through express.
 * The security headers are the public site's, worked out once from the same helmet policy.
 */
export class CachedAnswers {
  #keyers = new Map<string, Keyer>()

  constructor(
    private readonly cache: PageCache,
    private readonly cacheControl: string,
  ) {}

  /** A route answered `path` (as the browser sent it): later requests for it may be answered here. */
  learn(path: string, keyer: Keyer): void {
    if (this.#keyers.has(path)) return
    // Paths are few (pages and releases); junk paths are 404s through express, never learnt.
    if (this.#keyers.size >= MAX_PATHS) this.#keyers.clear()
    this.#keyers.set(path, keyer)
  }

  /** Answers `req` from the cache and says so, or leaves it alone (false) for express. */
  answer(req: http.IncomingMessage, res: http.ServerResponse, securityHeaders: Record<string, string>): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const { headers } = req
    if (headers['if-none-match'] || headers['if-modified-since'] || headers['content-length'] || headers['transfer-encoding'] || headers.range) return false
    const url = req.url ?? ''
    const at = url.indexOf('?')
    const keyer = this.#keyers.get(at === -1 ? url : url.slice(0, at))
    if (!keyer) return false
    const key = keyer(new URLSearchParams(at === -1 ? '' : url.slice(at + 1)))
    const rendered = key === undefined ? undefined : this.cache.peek(key)
    if (!rendered) return false
    const encoding = accepts(req).encodings([...ENCODINGS]) as Encoding | false
    const answer = answerFor(rendered, encoding, this.cacheControl)
    res.writeHead(answer.status, { ...securityHeaders, ...answer.headers, 'X-Page-Cache': 'hit', 'Content-Length': String(answer.body.length) })
    res.end(req.method === 'HEAD' ? undefined : answer.body)
    return true
  }
}

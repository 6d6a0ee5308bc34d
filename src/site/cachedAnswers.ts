import type http from 'node:http'

import accepts from 'accepts'

import type { PageCache, Rendered } from './cache'
import type { RenderLimit } from './renderLimit'
import { answerFor, ENCODINGS, type Encoding } from './respond'

/** A page's cache key from its address's parameters, worked out without waiting; undefined when that takes more. */
export type Keyer = (params: URLSearchParams) => string | undefined

/** What the server gives the early answers: the public site's security headers, and who asks. */
export type Asker = {
  securityHeaders: Record<string, string>
  /** The client's address exactly as express's `req.ip` works it out (its trust-proxy setting). */
  addressOf: (req: http.IncomingMessage) => string
}

type Learnt = { keyer: Keyer; first: boolean }

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
 * A page the route would have to make, when its render limit would refuse it at once, gets the
 * route's quick 503 here too: a flood of new addresses costs as little as it can.
 * The security headers are the public site's, worked out once from the same helmet policy.
 */
export class CachedAnswers {
  #learnt = new Map<string, Learnt>()

  constructor(
    private readonly cache: PageCache,
    /** The Cache-Control and surrogate headers for the page kept for `key` (src/cdn/settings.ts). */
    private readonly caching: (
      key: string,
      rendered: Rendered,
    ) => { cacheControl: string; headers: Record<string, string> },
    /** When a page would have to be made and the render limit refuses it: the route's quick 503. */
    private readonly busy?: { limit: RenderLimit; page: () => Rendered },
  ) {}

  /**
   * A route answered `path` (as the browser sent it): later requests for it may be answered
   * here. `first` is the route's: whether its pages, kept before the last change, are made again
   * before any other (src/site/renderLimit.ts), and so never refused.
   */
  learn(path: string, keyer: Keyer, { first = true } = {}): void {
    if (this.#learnt.has(path)) return
    // Bounded: a flood of made-up release addresses (each one a route's 404) costs only relearning.
    if (this.#learnt.size >= MAX_PATHS) this.#learnt.clear()
    this.#learnt.set(path, { keyer, first })
  }

  /** Answers `req` from the cache (or with the busy page) and says so, or leaves it alone (false) for express. */
  answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    { securityHeaders, addressOf }: Asker,
  ): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const { headers } = req
    if (
      headers['if-none-match'] ||
      headers['if-modified-since'] ||
      headers['content-length'] ||
      headers['transfer-encoding'] ||
      headers.range
    )
      return false
    const url = req.url ?? ''
    const at = url.indexOf('?')
    const learnt = this.#learnt.get(at === -1 ? url : url.slice(0, at))
    if (!learnt) return false
    const key = learnt.keyer(new URLSearchParams(at === -1 ? '' : url.slice(at + 1)))
    if (key === undefined) return false
    const rendered = this.cache.peek(key)
    if (rendered) {
      const { cacheControl, headers: caching } = this.caching(key, rendered)
      return this.#send(req, res, answerFor(rendered, this.#encoding(req), cacheControl, caching), {
        ...securityHeaders,
        'X-Page-Cache': 'hit',
      })
    }
    // The route would make the page, and its render limit would refuse it at once: say so as it would.
    const { busy } = this
    if (!busy || !this.cache.wouldRender(key)) return false
    if (busy.limit.refuses(addressOf(req), { first: learnt.first && this.cache.wasKept(key) })) {
      return this.#send(
        req,
        res,
        answerFor(busy.page(), this.#encoding(req), 'no-store'),
        securityHeaders,
      )
    }
    return false
  }

  #encoding(req: http.IncomingMessage) {
    return accepts(req).encodings([...ENCODINGS]) as Encoding | false
  }

  #send(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    answer: ReturnType<typeof answerFor>,
    headers: Record<string, string>,
  ): true {
    res.writeHead(answer.status, {
      ...headers,
      ...answer.headers,
      'Content-Length': String(answer.body.length),
    })
    res.end(req.method === 'HEAD' ? undefined : answer.body)
    return true
  }
}

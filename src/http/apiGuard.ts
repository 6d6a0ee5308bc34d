import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express'
import type { CollectionSlug, Payload, SanitizedCollectionConfig } from 'payload'
import * as qs from 'qs-esm'

import { MAX_JSON_BYTES } from './limits'

/** The most documents one API request may ask for. */
export const MAX_API_LIMIT = 500

type Refusal = { status: number; message: string }

const refuse = (res: Response, { status, message }: Refusal) =>
  void res
    .status(status)
    .set('Cache-Control', 'no-store')
    .json({ errors: [{ message }] })

const WHOLE = /^\d{1,9}$/
const BOOLEAN = /^(true|false)$/

const label = (collection: SanitizedCollectionConfig) => {
  const singular = collection.labels?.singular
  return (typeof singular === 'string' ? singular : collection.slug).toLowerCase()
}

/** One of a collection's endpoints as path segments: `/versions/:id` → ['versions', ':id']. */
type Route = { method: string; segments: string[] }

const routesOf = (collection: SanitizedCollectionConfig): Route[] =>
  (Array.isArray(collection.endpoints) ? collection.endpoints : [])
    .map((endpoint) => ({
      method: endpoint.method.toUpperCase(),
      segments: endpoint.path.split('/').filter(Boolean),
    }))
    // Fixed words before parameters, so that /count is not taken for an id.
    .sort(
      (a, b) =>
        b.segments.filter((s) => !s.startsWith(':')).length -
        a.segments.filter((s) => !s.startsWith(':')).length,
    )

const matches = (route: Route, method: string, segments: string[]) => {
  if (route.method !== method) return false
  const required = route.segments.filter((s) => !s.endsWith('?')).length
  if (segments.length < required || segments.length > route.segments.length) return false
  return segments.every(
    (segment, i) => route.segments[i]!.startsWith(':') || route.segments[i] === segment,
  )
}

/**
 * Payload reads an id in an address with parseFloat, so `/api/news/1abc` would answer with
 * release 1 and `/api/news/abc` fails deep in the database. An id that cannot be one is
 * "not found" here instead, for every endpoint with an `:id` in its path.
 */
const checkIds = (
  payload: Payload,
  routes: Map<string, Route[]>,
  collection: SanitizedCollectionConfig,
  method: string,
  rest: string[],
): Refusal | null => {
  const pattern = idPattern(payload, collection)
  if (!pattern || rest.length === 0) return null
  const route = routes.get(collection.slug)!.find((candidate) => matches(candidate, method, rest))
  if (!route) return null
  for (const [i, segment] of route.segments.entries()) {
    if (!/^:id\??$/.test(segment) || rest[i] === undefined) continue
    if (!pattern.test(decodeURIComponent(rest[i]!)))
      return {
        status: 404,
        message: `There is no ${label(collection)} with the id "${decodeURIComponent(rest[i]!).slice(0, 60)}".`,
      }
  }
  return null
}

const idPattern = (payload: Payload, collection: SanitizedCollectionConfig): RegExp | null => {
  const custom = payload.collections[collection.slug as CollectionSlug]?.customIDType
  if (custom === 'text') return null
  if (payload.db.defaultIDType === 'number' || custom === 'number') return /^\d{1,15}$/
  if (payload.db.name === 'mongoose') return /^[0-9a-f]{24}$/i
  return null
}

/**
 * The query string parsed as Payload parses it (qs, with its options), not as express does:
 * `limit[]=100000` is a limit to Payload, and must be one to the guard.
 */
const queryAsPayloadReadsIt = (req: Request): Record<string, unknown> => {
  const at = req.url.indexOf('?')
  return at === -1
    ? {}
    : qs.parse(req.url.slice(at + 1), {
        allowEmptyArrays: true,
        arrayLimit: 1000,
        depth: 10,
        ignoreQueryPrefix: true,
      })
}

/**
 * The query of a request that reads documents: numbers that are numbers, a limit the
 * server can afford, a sort on a field that exists. Payload would quietly ignore most of
 * these mistakes and answer with something else than was asked for.
 */
const checkQuery = (
  collection: SanitizedCollectionConfig | undefined,
  req: Request,
  maxDepth: number,
): Refusal | null => {
  const query = queryAsPayloadReadsIt(req)
  const bad = (message: string): Refusal => ({ status: 400, message })
  for (const name of ['limit', 'page', 'depth'] as const) {
    if (!(name in query)) continue
    const value = query[name]
    if (typeof value !== 'string' || !WHOLE.test(value))
      return bad(`"${name}" must be a whole number, not ${JSON.stringify(value).slice(0, 60)}.`)
  }
  if (query.page !== undefined && Number(query.page) < 1) return bad('"page" counts from 1.')
  if (query.depth !== undefined && Number(query.depth) > maxDepth)
    return bad(`"depth" may be at most ${maxDepth}.`)
  if (req.method === 'GET') {
    if (
      query.limit !== undefined &&
      (Number(query.limit) < 1 || Number(query.limit) > MAX_API_LIMIT)
    ) {
      return bad(
        `"limit" must be from 1 to ${MAX_API_LIMIT}; ask for the next page for more (or use /count to count).`,
      )
    }
    if (query.pagination === 'false' && query.limit === undefined)
      return bad(`Without pagination, give a "limit" (at most ${MAX_API_LIMIT}).`)
  }
  for (const name of ['draft', 'pagination', 'trash', 'autosave', 'overrideLock']) {
    if (name in query && (typeof query[name] !== 'string' || !BOOLEAN.test(query[name] as string)))
      return bad(`"${name}" must be true or false.`)
  }
  if (collection && 'sort' in query) {
    const sort = query.sort
    const fields = typeof sort === 'string' ? sort.split(',') : Array.isArray(sort) ? sort : null
    if (!fields || fields.some((field) => typeof field !== 'string'))
      return bad('"sort" must be a field name, or several separated by commas.')
    const known = new Set(['id', ...collection.flattenedFields.map((field) => field.name)])
    for (const field of fields as string[]) {
      const name = field.trim().replace(/^-/, '').split('.')[0]!
      if (!known.has(name))
        return bad(
          `Cannot sort by "${field.slice(0, 60)}": ${label(collection)} has no such field.`,
        )
    }
  }
  return null
}

/**
 * Checks what Payload's REST API would otherwise get wrong quietly or fail on loudly, before
 * Next.js and Payload see the request: impossible ids, bad paging and sorting, an update
 * with nothing in it. Each is a 4xx with a message; anything else goes on to Payload.
 */
export const apiGuard = (payload: Payload): RequestHandler => {
  const collections = new Map(
    Object.values(payload.collections).map(({ config }) => [config.slug, config]),
  )
  const routes = new Map([...collections.values()].map((config) => [config.slug, routesOf(config)]))
  const maxDepth = payload.config.maxDepth ?? 10
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/api/')) return next()
    const [slug, ...rest] = req.path.slice('/api/'.length).split('/').filter(Boolean)
    const collection = slug ? collections.get(slug as CollectionSlug) : undefined
    const problem =
      (collection && checkIds(payload, routes, collection, req.method, rest)) ||
      checkQuery(collection && rest.length === 0 ? collection : undefined, req, maxDepth) ||
      (req.method === 'PATCH' && req.headers['content-length'] === '0'
        ? { status: 400, message: 'Nothing to change: send the fields to change, as JSON.' }
        : null)
    return problem ? refuse(res, problem) : next()
  }
}

const OVERRIDE_HEADERS = ['x-payload-http-method-override', 'x-http-method-override']
const FORM = 'application/x-www-form-urlencoded'
const formBody = express.text({ type: () => true, limit: MAX_JSON_BYTES, defaultCharset: 'utf-8' })

/**
 * Payload answers a POST with `X-Payload-HTTP-Method-Override: GET` as a GET whose query is
 * the form in the body (the admin does this for long relationship searches). Here it becomes
 * that GET, before the API guard, so that the guard checks the query Payload will act on; the
 * only difference Payload sees is the request it would have made itself.
 */
export const methodOverride: RequestHandler = (req, res, next) => {
  // Only Payload's REST endpoints honour the override; GraphQL reads a POST as a POST.
  if (req.method !== 'POST' || !req.path.startsWith('/api/') || req.path.startsWith('/api/graphql'))
    return next()
  if (!OVERRIDE_HEADERS.some((name) => req.headers[name] === 'GET')) return next()
  if (req.headers['content-type'] !== FORM) {
    return refuse(res, {
      status: 415,
      message: `With X-Payload-HTTP-Method-Override: GET, send the query as a form (Content-Type: ${FORM}).`,
    })
  }
  if (req.url.includes('?'))
    return refuse(res, {
      status: 400,
      message: 'Send the query either in the address or in the body, not in both.',
    })
  formBody(req, res, (error?: unknown) => {
    if (error) {
      const status = (error as { status?: number }).status ?? 400
      return refuse(res, {
        status,
        message:
          status === 413 ? 'The query is too long.' : 'The query in the body could not be read.',
      })
    }
    const search = typeof req.body === 'string' ? req.body : ''
    req.method = 'GET'
    req.url = search ? `${req.url}?${search}` : req.url
    for (const name of [...OVERRIDE_HEADERS, 'content-type', 'content-length', 'transfer-encoding'])
      delete req.headers[name]
    req.body = undefined
    next()
  })
}

import type { Request, RequestHandler, Response } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'

import { CLIENT_ADDRESS_HEADER, signInLimit } from '../auth/signInThrottle'
import { MAX_UPLOAD_BYTES } from '../../collections/Media/uploadLimits'
import { limitFrom } from './limitFrom'

export const MAX_JSON_BYTES = 1024 * 1024

/** Past this, a refused body is not read to its end: the connection is closed instead. */
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024

const megabytes = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`

/**
 * Answers without storing the body. Browsers show an answer only once they have sent the
 * whole request, so a body of reasonable size is read and thrown away first; a larger one
 * gets the answer at once and its connection is closed.
 */
const refuse = (req: Request, res: Response, status: number, message: string) => {
  const answer = () =>
    void res
      .status(status)
      .set('Cache-Control', 'no-store')
      .json({ errors: [{ message }] })
  if (Number(req.headers['content-length'] ?? 0) > MAX_DISCARDED_BYTES) {
    res.set('Connection', 'close')
    return answer()
  }
  let discarded = 0
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length
    if (discarded > MAX_DISCARDED_BYTES) res.destroy()
  })
  req.on('end', answer)
  req.on('error', () => res.destroy())
  req.resume()
}

/**
 * Bodies of API requests: JSON up to 1 MB, uploads up to 20 MB (and Payload stops reading
 * an upload at 20 MB too). Refused before anything is stored.
 */
export const bodyLimits: RequestHandler = (req, res, next) => {
  if (!['POST', 'PUT', 'PATCH'].includes(req.method) || !req.path.startsWith('/api/')) return next()
  const multipart = String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')
  const declared = req.headers['content-length']
  if (declared === undefined) {
    if (multipart || !req.headers['transfer-encoding']) return next()
    return refuse(req, res, 411, 'Send the length of the body (a Content-Length header) with JSON.')
  }
  const size = Number(declared)
  // Multipart carries its own field names and boundaries around the file.
  if (multipart && size > MAX_UPLOAD_BYTES + 64 * 1024) {
    return refuse(
      req,
      res,
      413,
      `An upload may be at most ${megabytes(MAX_UPLOAD_BYTES)}; this one is ${megabytes(size)}. Make the picture smaller and try again.`,
    )
  }
  if (!multipart && size > MAX_JSON_BYTES) {
    return refuse(
      req,
      res,
      413,
      `A request to the API may carry at most ${megabytes(MAX_JSON_BYTES)} of JSON; this one is ${megabytes(size)}.`,
    )
  }
  return next()
}

const tooMany =
  (message: string): RequestHandler =>
  (_req, res) => {
    res.status(429).json({ errors: [{ message }] })
  }

/**
 * Tells the sign-in throttle (src/auth/signInThrottle.ts), which runs in Payload's hooks,
 * where a request came from as express sees it: behind a proxy, as TRUST_PROXY says; IPv6 by
 * its /56, as one household or office has many. Whatever a client sent in that header itself
 * is replaced. The throttle counts every sign-in, password reset and unlock per address,
 * however the path is spelt and whether over REST or GraphQL.
 */
export const passClientAddress = (): RequestHandler => {
  // A bad SIGN_IN_RATE_LIMIT stops the start, not the first sign-in.
  signInLimit()
  return (req, _res, next) => {
    req.headers[CLIENT_ADDRESS_HEADER] = ipKeyGenerator(
      req.ip ?? req.socket.remoteAddress ?? 'unknown',
    )
    next()
  }
}

/** GraphQL gets a general limit per address too. */
export const graphqlRateLimit = () =>
  rateLimit({
    windowMs: 60 * 1000,
    limit: limitFrom('GRAPHQL_RATE_LIMIT', 120),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: tooMany('Too many GraphQL requests from this address. Wait a minute and try again.'),
  })

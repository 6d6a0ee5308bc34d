import type { Request, RequestHandler, Response } from 'express'
import { rateLimit } from 'express-rate-limit'

import { ConfigurationError } from '../config/env'
import { MAX_UPLOAD_BYTES } from '../uploads/limits'

export const MAX_JSON_BYTES = 1024 * 1024

/** Past this, a refused body is not read to its end: the connection is closed instead. */
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`

/**
 * Answers without storing the body. Browsers show an answer only once they have sent the
 * whole request, so a body of reasonable size is read and thrown away first; a larger one
 * gets the answer at once and its connection is closed.
 */
const refuse = (req: Request, res: Response, status: number, message: string) => {
  const answer = () => void res.status(status).set('Cache-Control', 'no-store').json({ errors: [{ message }] })
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
    return refuse(req, res, 413, `An upload may be at most ${megabytes(MAX_UPLOAD_BYTES)}; this one is ${megabytes(size)}. Make the picture smaller and try again.`)
  }
  if (!multipart && size > MAX_JSON_BYTES) {
    return refuse(req, res, 413, `A request to the API may carry at most ${megabytes(MAX_JSON_BYTES)} of JSON; this one is ${megabytes(size)}.`)
  }
  return next()
}

const limitFrom = (name: string, fallback: number): number => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new ConfigurationError(`${name} must be a whole number of requests, 1 or more, not "${raw}".`)
  return value
}

const tooMany = (message: string): RequestHandler => (_req, res) => {
  res.status(429).json({ errors: [{ message }] })
}

/**
 * Sign-in and password endpoints, per address: on top of Payload's lock on an account after
 * five wrong passwords, an address may not try many accounts either.
 */
export const signInRateLimit = () =>
  rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: limitFrom('SIGN_IN_RATE_LIMIT', 20),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: tooMany('Too many sign-in attempts from this address. Wait 15 minutes and try again, or ask an admin to help.'),
  })

/** The paths that check a password or send one. */
export const SIGN_IN_PATHS = ['/api/users/login', '/api/users/forgot-password', '/api/users/reset-password', '/api/users/first-register', '/api/users/unlock']

/** GraphQL can sign in too (loginUser); it gets a general limit per address. */
export const graphqlRateLimit = () =>
  rateLimit({
    windowMs: 60 * 1000,
    limit: limitFrom('GRAPHQL_RATE_LIMIT', 120),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: tooMany('Too many GraphQL requests from this address. Wait a minute and try again.'),
  })

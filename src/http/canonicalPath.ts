import type { RequestHandler } from 'express'

const UNRESERVED = /^[A-Za-z0-9\-._~]$/

/** RFC 3986 §5.2.4: `/a/./b` is `/a/b`, `/a/x/../b` is `/a/b`; nothing goes above the root. */
const withoutDotSegments = (path: string) => {
  const segments = path.split('/')
  const kept: string[] = []
  segments.forEach((segment, i) => {
    if (segment !== '.' && segment !== '..') return void kept.push(segment)
    if (segment === '..' && kept.length > 1) kept.pop()
    if (i === segments.length - 1) kept.push('')
  })
  return kept.join('/')
}

const decodeUnreserved = (escape: string, hex: string) => {
  const character = String.fromCharCode(parseInt(hex, 16))
  return UNRESERVED.test(character) ? character : escape
}

/**
 * Every request's path in one spelling before anything looks at it: letters, digits and
 * `-._~` written as %XX are written plainly, and `.` and `..` segments are resolved (both
 * mean the same address, RFC 3986 §6.2.2). Next.js routes `/api/users/%6cogin` and
 * `/api/users/./login` to sign-in; without this, the limits and the API guard, which match
 * paths, would not know them for the same.
 */
export const canonicalPath: RequestHandler = (req, _res, next) => {
  const at = req.url.indexOf('?')
  const path = at === -1 ? req.url : req.url.slice(0, at)
  const canonical = withoutDotSegments(path.replace(/%([0-9A-Fa-f]{2})/g, decodeUnreserved))
  if (canonical !== path) req.url = canonical + (at === -1 ? '' : req.url.slice(at))
  next()
}

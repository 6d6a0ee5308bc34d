import type { RequestHandler } from 'express'
import helmet, { type HelmetOptions } from 'helmet'

import { siteIsHttps } from '../config/env'

/**
 * Security headers, by helmet, with one policy for each kind of answer:
 * - the public site: a strict Content-Security-Policy (its own files only, no inline
 *   script, nothing from other sites), and no referrer at all (a visit to a police page
 *   is nobody else's business);
 * - the admin: Next.js and Payload need inline scripts and styles, so a looser policy,
 *   still limited to this site;
 * - the API: answers are data, never pages.
 * HSTS when the site is served over https; nothing may frame a public page.
 */
const common = (frames: 'deny' | 'sameorigin' = 'deny'): HelmetOptions => ({
  strictTransportSecurity: siteIsHttps() ? { maxAge: 31536000, includeSubDomains: true } : false,
  xContentTypeOptions: true,
  xFrameOptions: { action: frames },
  crossOriginEmbedderPolicy: false,
  crossOriginResourcePolicy: { policy: 'same-origin' },
  originAgentCluster: true,
})

const https = () =>
  siteIsHttps() ? { upgradeInsecureRequests: [] } : { upgradeInsecureRequests: null }

export const publicSiteHeaders = (): RequestHandler =>
  helmet({
    ...common(),
    referrerPolicy: { policy: 'no-referrer' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        ...https(),
      },
    },
  })

export const adminHeaders = (): RequestHandler =>
  helmet({
    // The admin's live preview shows the public page in a frame of its own.
    ...common('sameorigin'),
    referrerPolicy: { policy: 'same-origin' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        frameSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        ...https(),
      },
    },
  })

export const apiHeaders = (): RequestHandler =>
  helmet({
    ...common(),
    referrerPolicy: { policy: 'no-referrer' },
    // Public pictures may be shown by feed readers and social networks on their own pages.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], sandbox: [] },
    },
  })

/**
 * The headers a policy above sets, worked out once: they are the same for every request
 * (nothing in them depends on the request), so answers made without express can carry them.
 */
export const fixedHeaders = (policy: RequestHandler): Record<string, string> => {
  const headers: Record<string, string> = {}
  const collector = {
    setHeader: (name: string, value: string | number | readonly string[]) =>
      void (headers[name] = String(value)),
    removeHeader: (name: string) => void delete headers[name],
    getHeader: (name: string) => headers[name],
  }
  let done = false
  policy({ headers: {}, method: 'GET', url: '/' } as never, collector as never, () => (done = true))
  if (!done)
    throw new Error(
      'A security-header policy did not finish at once: its headers cannot be worked out ahead',
    )
  return headers
}

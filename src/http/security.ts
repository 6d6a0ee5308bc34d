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

const https = () => (siteIsHttps() ? { upgradeInsecureRequests: [] } : { upgradeInsecureRequests: null })

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
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], sandbox: [] } },
  })

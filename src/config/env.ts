import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { dataDir } from './paths'

/** Thrown when the environment cannot run Newsroom; the message says what to set. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

/**
 * NODE_ENV as the process was started. Next.js, started inside this process (src/server.ts),
 * sets NODE_ENV to "production" for itself when it prepares, and writes "production" into the
 * code it bundles: read there, or after that, `npm start` on a laptop would count as production
 * (e-mail "off" rather than kept in the outbox). The first copy of this module to run, before
 * Next starts, keeps the value for the whole process, where the bundled copy finds it too.
 */
const STARTED_AS = Symbol.for('newsroom.nodeEnvAtStart')
const started = globalThis as { [STARTED_AS]?: { nodeEnv: string | undefined } }
started[STARTED_AS] ??= { nodeEnv: process.env.NODE_ENV }

export const isProduction = (): boolean => started[STARTED_AS]!.nodeEnv === 'production'

/** `next build` loads the config to collect page data; nothing is signed or served then. */
const isBuilding = (): boolean => process.env.NEXT_PHASE === 'phase-production-build'

export const port = (): number => {
  const raw = process.env.PORT ?? '3000'
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigurationError(`PORT must be a whole number from 0 to 65535, not "${raw}".`)
  }
  return value
}

/**
 * The public address of the site, without a trailing slash. Canonical links, feeds and
 * preview links are built from it, so in production it must be set.
 */
export const siteUrl = (): string => {
  const raw = process.env.SITE_URL
  if (!raw) return `http://localhost:${port()}`
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigurationError(
      `SITE_URL must be a full address such as https://news.example.police.uk, not "${raw}".`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(
      `SITE_URL must start with https:// or http://, not "${url.protocol}".`,
    )
  }
  return url.origin + url.pathname.replace(/\/+$/, '')
}

export const siteIsHttps = (): boolean => siteUrl().startsWith('https://')

const secretFile = () => path.join(dataDir(), '.payload-secret')

/**
 * The key that signs sessions. Production must supply it; development generates one
 * the first time and keeps it under data/, so sign-ins survive a restart.
 */
export const payloadSecret = (): string => {
  const fromEnv = process.env.PAYLOAD_SECRET
  if (fromEnv) {
    if (isProduction() && fromEnv.length < 32) {
      throw new ConfigurationError(
        'PAYLOAD_SECRET must be at least 32 characters long in production.',
      )
    }
    return fromEnv
  }
  if (isBuilding()) return 'build-time-placeholder-never-used-to-sign-anything'
  if (isProduction()) {
    throw new ConfigurationError(
      'PAYLOAD_SECRET is not set. In production Newsroom will not start without it: set PAYLOAD_SECRET to a long random string (for example the output of `openssl rand -hex 32`).',
    )
  }
  const secret = readOrCreateDevelopmentSecret()
  // Later readers in this process (Next.js's copy of the config among them) agree on it.
  process.env.PAYLOAD_SECRET = secret
  return secret
}

const readOrCreateDevelopmentSecret = (): string => {
  const file = secretFile()
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const secret = crypto.randomBytes(32).toString('hex')
  try {
    // 'wx' so that two processes starting at once agree on the first secret written.
    fs.writeFileSync(file, secret + '\n', { flag: 'wx', mode: 0o600 })
    return secret
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return fs.readFileSync(file, 'utf8').trim()
    throw error
  }
}

/**
 * Which proxies in front of Newsroom to believe about the client's address (express's
 * "trust proxy"): unset trusts none, so X-Forwarded-For cannot dodge the sign-in limits.
 * A number of hops (`1` behind one load balancer), `true`, or a list of addresses.
 */
export const trustProxy = (): boolean | number | string => {
  const raw = process.env.TRUST_PROXY?.trim()
  if (!raw || raw === 'false') return false
  if (raw === 'true') return true
  if (/^\d+$/.test(raw)) return Number(raw)
  if (/^[\w.:/, -]+$/.test(raw)) return raw
  throw new ConfigurationError(
    `TRUST_PROXY must be a number of proxies, true, or a list of addresses such as "loopback, 10.0.0.0/8", not "${raw}".`,
  )
}

/**
 * The mail server (SMTP_URL): `smtp://user:pass@host:587` (STARTTLS) or `smtps://user:pass@host:465`
 * (TLS from the start). Unset: the outbox under data/ outside production, no e-mail in production.
 */
export const smtpUrl = (): URL | undefined => {
  const raw = process.env.SMTP_URL?.trim()
  if (!raw) return undefined
  let url: URL | undefined
  try {
    url = new URL(raw)
  } catch {
    url = undefined
  }
  // The value may hold a password: the message names only what is wrong with it.
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    throw new ConfigurationError(
      'SMTP_URL must be a mail server address such as smtp://user:password@smtp.example.org:587 (STARTTLS) or smtps://user:password@smtp.example.org:465.',
    )
  }
  return url
}

/** The host of SITE_URL, the domain of every Message-ID and of the default sender. */
export const siteHost = (): string => new URL(siteUrl()).hostname

/**
 * Who e-mail comes from (EMAIL_FROM): `Northmoor Police press office <press@northmoor.police.uk>`
 * or a bare address. Unset: "Newsroom" at no-reply@ the site's host.
 */
/** Whether EMAIL_FROM gives a name to show ("Press office <press@…>"), not a bare address. */
export const emailFromNamed = (): boolean =>
  /<[^<>]+>\s*$/.test(process.env.EMAIL_FROM?.trim() ?? '')

export const emailFrom = (): { name: string; address: string } => {
  const raw = process.env.EMAIL_FROM?.trim()
  if (!raw) return { name: 'Newsroom', address: `no-reply@${siteHost()}` }
  const match = /^(?:"?([^"<>]*?)"?\s*<([^<>\s]+)>|([^<>\s]+))$/.exec(raw)
  const name = match?.[1]?.trim() || 'Newsroom'
  const address = match?.[2] ?? match?.[3] ?? ''
  if (!/^[^@\s"<>,;]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(address)) {
    throw new ConfigurationError(
      `EMAIL_FROM must be an e-mail address, alone or with a name ("Northmoor Police press office <press@northmoor.police.uk>"), not "${raw}".`,
    )
  }
  return { name, address }
}

/**
 * The links in alert e-mails, which work without an account:
 *
 * - the confirmation link: a random token, kept only as its hash, used once, for 7 days;
 * - each subscriber's manage and unsubscribe links: their id and a signature (HMAC) of it with
 *   the subscriber's own link key, under a key derived from PAYLOAD_SECRET. Nothing per e-mail is
 *   stored, so 10 000 e-mails cost no writes; a new link key ends every old link at once.
 *
 * Links carry nothing else: no tracking, nothing about what was read.
 */
import crypto from 'node:crypto'

import { payloadSecret } from '../config/env'

export const CONFIRMATION_DAYS = 7
const DAY = 24 * 60 * 60 * 1000

export const newConfirmationToken = () => {
  const token = crypto.randomBytes(32).toString('base64url')
  return { token, hash: hashOf(token), expiresAt: new Date(Date.now() + CONFIRMATION_DAYS * DAY) }
}

export const hashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex')

export const CONFIRMATION_TOKEN = /^[A-Za-z0-9_-]{43}$/

export const newLinkKey = () => crypto.randomBytes(16).toString('base64url')

let derived: Buffer | undefined
/** A key for these links alone, so that a signature here can never stand for anything else Payload signs. */
const linkSecret = () =>
  (derived ??= crypto.createHmac('sha256', payloadSecret()).update('newsroom:alert-links').digest())

export type LinkPurpose = 'manage' | 'unsubscribe'

const signature = (purpose: LinkPurpose, id: string, linkKey: string) =>
  crypto
    .createHmac('sha256', linkSecret())
    .update(`${purpose}:${id}:${linkKey}`)
    .digest('base64url')
    .slice(0, 32)

/** `<id>.<signature>`: the token in a subscriber's manage or unsubscribe link. */
export const linkToken = (purpose: LinkPurpose, id: number | string, linkKey: string) =>
  `${id}.${signature(purpose, String(id), linkKey)}`

const LINK_TOKEN = /^([A-Za-z0-9]{1,40})\.([A-Za-z0-9_-]{32})$/

/** The subscriber id a link token names, before its signature is checked; null if it is not one. */
export const idInLinkToken = (token: string): string | null => LINK_TOKEN.exec(token)?.[1] ?? null

/** Whether the token was made for this subscriber and purpose with their current link key. */
export const linkTokenMatches = (
  token: string,
  purpose: LinkPurpose,
  subscriber: { id: number | string; linkKey?: string | null },
): boolean => {
  const match = LINK_TOKEN.exec(token)
  if (!match || !subscriber.linkKey || match[1] !== String(subscriber.id)) return false
  const expected = Buffer.from(signature(purpose, String(subscriber.id), subscriber.linkKey))
  const given = Buffer.from(match[2]!)
  return expected.length === given.length && crypto.timingSafeEqual(expected, given)
}

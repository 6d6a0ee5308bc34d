import crypto from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { isEditorUser } from '../access/roles'
import { siteUrl } from '../config/env'
import type { News, PreviewLink } from '../payload-types'
import { UK_TIME_ZONE } from '../fields/ukTime'
import { WorkflowError } from '../workflow/errors'
import { notifyPreviewOpened } from '../workflow/notify'
import { releaseState } from '../releases/state'

const HOUR = 60 * 60 * 1000
export const DEFAULT_LIFETIME_HOURS = 72
export const MAX_LIFETIME_HOURS = 14 * 24

/** 32 random bytes: 256 bits, far more than can be guessed. */
const newToken = () => crypto.randomBytes(32).toString('base64url')
const hashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex')
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

export const previewUrl = (token: string) => `${siteUrl()}/preview/${token}`

const requireEditor = (req: PayloadRequest) => {
  if (!req.user) throw new WorkflowError('Sign in with a Newsroom account to do that.', 401)
  if (!isEditorUser(req.user))
    throw new WorkflowError('Preview links are made and revoked by editors and admins.', 403)
}

const scheduledRelease = async (req: PayloadRequest, id: string) => {
  const release = (await req.payload.findByID({
    collection: 'news',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as News | null
  if (!release) throw new WorkflowError('There is no release with that id.', 404)
  return release
}

export type PreviewLinkSummary = {
  id: number | string
  label: string | null
  expiresAt: string
  createdAt: string
  lastUsedAt: string | null
  useCount: number
  revokedAt: string | null
  status: 'active' | 'expired' | 'revoked'
}

const summarise = (link: PreviewLink, now = Date.now()): PreviewLinkSummary => ({
  id: link.id,
  label: link.label ?? null,
  expiresAt: link.expiresAt,
  createdAt: link.createdAt,
  lastUsedAt: link.lastUsedAt ?? null,
  useCount: link.useCount ?? 0,
  revokedAt: link.revokedAt ?? null,
  status: link.revokedAt ? 'revoked' : Date.parse(link.expiresAt) <= now ? 'expired' : 'active',
})

/** A new link for a scheduled release. The token is shown once, in the answer; only its hash is kept. */
export const createPreviewLink = async (
  req: PayloadRequest,
  releaseId: string,
  body: Record<string, unknown>,
) => {
  requireEditor(req)
  const release = await scheduledRelease(req, releaseId)
  const state = releaseState(release)
  if (state !== 'scheduled') {
    throw new WorkflowError(
      state === 'published'
        ? 'This release is already public: share its address instead.'
        : 'Preview links are for scheduled releases: approve and schedule it first.',
      409,
    )
  }
  const hours = body.expiresInHours ?? DEFAULT_LIFETIME_HOURS
  if (!Number.isInteger(hours) || (hours as number) < 1 || (hours as number) > MAX_LIFETIME_HOURS) {
    throw new WorkflowError(
      `"expiresInHours" is a whole number of hours from 1 to ${MAX_LIFETIME_HOURS} (14 days); the default is ${DEFAULT_LIFETIME_HOURS}.`,
      400,
    )
  }
  const label = body.label
  if (label !== undefined && (typeof label !== 'string' || label.length > 120))
    throw new WorkflowError(
      '"label" (who the link is for) is text of 120 characters or fewer.',
      400,
    )
  return storePreviewLink(req, release, {
    label: label as string | undefined,
    hours: hours as number,
  })
}

/**
 * Keeps a new link for a release the caller has checked is scheduled, made by the signed-in
 * editor, and gives its address. The token is random, or `token` when the caller must be able
 * to make the address again later (the media list's e-mail: mediaListToken).
 */
export const storePreviewLink = async (
  req: PayloadRequest,
  release: Pick<News, 'id'>,
  { label, hours, token = newToken() }: { label?: string; hours: number; token?: string },
) => {
  const expiresAt = new Date(Date.now() + hours * HOUR).toISOString()
  const link = await req.payload.create({
    collection: 'preview-links',
    data: {
      release: release.id,
      label: label?.trim() || null,
      tokenHash: hashOf(token),
      expiresAt,
      expiresAt_tz: UK_TIME_ZONE,
      createdBy: req.user!.id as number,
      useCount: 0,
    },
    overrideAccess: true,
    req,
  })
  return { id: link.id, url: previewUrl(token), expiresAt, label: link.label ?? null }
}

/**
 * The token of a preview link made for someone on the media list. Their e-mail is made when it
 * is sent, after the request that made the link (and again on a retry), so the token has to be
 * made again then: it is an HMAC of a random seed (kept on the send-log row) under the server's
 * secret. The database still holds only the token's hash and the seed, and neither opens
 * anything without the secret.
 */
export const mediaListToken = (payload: Payload, seed: string) =>
  crypto
    .createHmac('sha256', payload.secret)
    .update(`media-list preview link ${seed}`)
    .digest('base64url')

/** A random seed for mediaListToken. */
export const newTokenSeed = () => crypto.randomBytes(16).toString('hex')

export const listPreviewLinks = async (req: PayloadRequest, releaseId: string) => {
  requireEditor(req)
  await scheduledRelease(req, releaseId)
  const { docs } = await req.payload.find({
    collection: 'preview-links',
    where: { release: { equals: releaseId } },
    sort: '-createdAt',
    pagination: false,
    overrideAccess: true,
    req,
  })
  return { docs: (docs as PreviewLink[]).map((link) => summarise(link)) }
}

export const revokePreviewLink = async (req: PayloadRequest, releaseId: string, linkId: string) => {
  requireEditor(req)
  const link = (await req.payload.findByID({
    collection: 'preview-links',
    id: linkId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as PreviewLink | null
  if (!link || String(link.release) !== String(releaseId))
    throw new WorkflowError('That preview link does not belong to this release.', 404)
  const updated = link.revokedAt
    ? link
    : ((await req.payload.update({
        collection: 'preview-links',
        id: link.id,
        data: { revokedAt: new Date().toISOString(), revokedBy: req.user!.id as number },
        overrideAccess: true,
        req,
      })) as PreviewLink)
  return summarise(updated)
}

/**
 * Every link still open for a release stops working: when its schedule is cancelled, the
 * words may be rewritten before it is scheduled again, and whoever held a link must not read
 * them. Returns how many were revoked.
 */
export const revokeAllPreviewLinks = async (req: PayloadRequest, releaseId: number | string) => {
  const { docs } = await req.payload.update({
    collection: 'preview-links',
    where: { and: [{ release: { equals: releaseId } }, { revokedAt: { exists: false } }] },
    data: {
      revokedAt: new Date().toISOString(),
      revokedBy: (req.user?.id as number | undefined) ?? null,
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return docs.length
}

export type PreviewLookup =
  | { status: 'unknown' }
  | { status: 'expired' | 'revoked' }
  | { status: 'valid'; link: PreviewLink; releaseId: number | string }

/**
 * What a token opens. The token is looked up by its hash and the hashes compared in
 * constant time; nothing about an unknown token is told apart from a malformed one.
 */
export const lookUpPreviewToken = async (
  payload: Payload,
  token: string,
): Promise<PreviewLookup> => {
  if (!TOKEN_SHAPE.test(token)) return { status: 'unknown' }
  const hash = hashOf(token)
  const { docs } = await payload.find({
    collection: 'preview-links',
    where: { tokenHash: { equals: hash } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const link = docs[0] as (PreviewLink & { tokenHash?: string }) | undefined
  if (
    !link?.tokenHash ||
    !crypto.timingSafeEqual(Buffer.from(link.tokenHash, 'hex'), Buffer.from(hash, 'hex'))
  )
    return { status: 'unknown' }
  if (link.revokedAt) return { status: 'revoked' }
  if (Date.parse(link.expiresAt) <= Date.now()) return { status: 'expired' }
  return {
    status: 'valid',
    link,
    releaseId: typeof link.release === 'object' ? link.release.id : link.release,
  }
}

/** Notes that a link was used, for the admin's "last used"; at its first use, its maker is told. */
export const markPreviewUsed = async (payload: Payload, link: PreviewLink) => {
  await payload.update({
    collection: 'preview-links',
    id: link.id,
    data: { lastUsedAt: new Date().toISOString(), useCount: (link.useCount ?? 0) + 1 },
    overrideAccess: true,
    context: { previewUse: true },
  })
  await notifyPreviewOpened(payload, link)
}

/**
 * Inviting a colleague: an admin adds them (name, e-mail, roles) without choosing a password.
 * They get a password nobody knows, so that they cannot be signed in as until they choose their
 * own, and an e-mail with a link to choose it, valid for 7 days and usable once (Payload's
 * reset token: the reset page sets the password and clears the token).
 *
 * Seven days: long enough for a colleague who starts next week or is on leave, short enough
 * that a forgotten invitation does not stay a way into the account. An admin who needs a
 * fresh link uses "Forgot password?" on the colleague's behalf, or asks them to.
 */
import crypto from 'node:crypto'

import type {
  CollectionAfterChangeHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'

import { isAdminUser } from '../../src/access/roles'
import { siteUrl } from '../../src/config/env'
import { adminTime } from '../../src/fields/ukTime'
import { buildMessage } from '../../src/email/message'
import { queueEmail } from '../../src/email/queue'

export const INVITATION_VALID_MS = 7 * 24 * 60 * 60 * 1000

/** A create by an admin with no password is an invitation: the password is one nobody knows. */
export const inviteWithoutPassword: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' || !isAdminUser(req.user)) return args
  const data = (args.data ?? {}) as { password?: unknown }
  if (typeof data.password === 'string' && data.password !== '') return args
  req.context.invitation = true
  return { ...args, data: { ...data, password: crypto.randomBytes(32).toString('hex') } }
}

/** After an invited colleague is saved: the link's token, and the e-mail queued with them. */
export const sendInvitation: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || !req.context.invitation) return doc
  await req.payload.db.updateOne({
    collection: 'users',
    id: doc.id,
    data: {
      resetPasswordToken: crypto.randomBytes(20).toString('hex'),
      resetPasswordExpiration: new Date(Date.now() + INVITATION_VALID_MS).toISOString(),
    },
    req,
  })
  await queueEmail(req.payload, { kind: 'invitation', recordId: String(doc.id) }, req)
  return doc
}

type Invited = {
  id: number | string
  email: string
  name?: string
  roles?: string[]
  resetPasswordToken?: string | null
  resetPasswordExpiration?: string | null
}

const ROLE_WORDS: Record<string, string> = {
  admin: 'an admin (you also manage users and the site settings)',
  editor: 'an editor (you review, approve and schedule releases)',
  author: 'an author (you write releases and submit them for review)',
}

/** The invitation, made when it is sent; none once the link has been used or has expired. */
export const invitationMessage = async (req: PayloadRequest, userId: string) => {
  const user = await req.payload.db.findOne<Invited>({
    collection: 'users',
    where: { id: { equals: userId } },
    req,
  })
  const token = user?.resetPasswordToken
  const expires = user?.resetPasswordExpiration ? new Date(user.resetPasswordExpiration) : null
  if (!user || !token || !expires || expires.getTime() <= Date.now()) return null
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  // The most their roles allow: an editor who also writes is told they are an editor.
  const role = ['admin', 'editor', 'author'].find((r) => user.roles?.includes(r))
  return buildMessage(
    req.payload,
    {
      kind: 'invitation',
      recordId: user.id,
      version: expires.getTime(),
      to: user.email,
      subject: `You are invited to Newsroom, ${settings.forceName}`,
      greeting: user.name ? `Dear ${user.name},` : undefined,
      body: [
        {
          text: `You have been given an account on Newsroom, where ${settings.forceName}'s press office writes, reviews and publishes its news releases${role && ROLE_WORDS[role] ? `. You are ${ROLE_WORDS[role]}` : ''}.`,
        },
        {
          text: `Choose your password to start. The link works once, within 7 days (until ${adminTime(expires)}).`,
        },
      ],
      action: { label: 'Choose your password', url: `${siteUrl()}/admin/reset/${token}` },
      small: [
        `Then sign in at ${siteUrl()}/admin with this e-mail address. If you did not expect this, ignore it, or tell the press office.`,
      ],
    },
    req,
  )
}

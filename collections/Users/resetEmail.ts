import type { PayloadRequest } from 'payload'

import { siteUrl } from '../../src/config/env'
import { buildMessage } from '../../src/email/message'
import { forPayloadToSend } from '../../src/email/transport'

/** How long a reset link works: an hour, and only once (Payload clears the token when it is used). */
export const RESET_LINK_VALID_MS = 60 * 60 * 1000

type Args = {
  req?: PayloadRequest
  token?: string
  user?: { id: number | string; email?: string; name?: string; resetPasswordExpiration?: string }
}

const resetMessage = ({ req, token, user }: Args) =>
  buildMessage(
    req!.payload,
    {
      kind: 'password-reset',
      recordId: user?.id ?? 'unknown',
      // Each request is a new message: its expiry time tells it apart, and holds nothing secret.
      version: user?.resetPasswordExpiration
        ? new Date(user.resetPasswordExpiration).getTime()
        : Date.now(),
      to: user?.email ?? '',
      subject: 'Reset your Newsroom password',
      greeting: user?.name ? `Dear ${user.name},` : undefined,
      body: [
        { text: 'Someone asked to reset the password of your Newsroom account.' },
        {
          text: 'Follow the link below within one hour to choose a new password. The link works once.',
        },
      ],
      action: { label: 'Choose a new password', url: `${siteUrl()}/admin/reset/${token}` },
      small: [
        'If you did not ask for this, you need do nothing: your password stays as it is. Tell your Newsroom administrator if it happens again.',
      ],
    },
    req,
  )

/** Payload's forgot-password e-mail, made by src/email/message.tsx (auth.forgotPassword). */
export const resetEmail = {
  expiration: RESET_LINK_VALID_MS,
  generateEmailSubject: () => 'Reset your Newsroom password',
  generateEmailHTML: async (args?: Args) => forPayloadToSend(await resetMessage(args!)),
}

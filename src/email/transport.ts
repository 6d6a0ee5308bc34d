/**
 * Where e-mail goes, decided once from the environment:
 *
 * - `smtp`: SMTP_URL is set; Payload's nodemailer adapter sends through that server.
 * - `outbox`: no SMTP_URL outside production; every message is kept as a file under
 *   data/outbox/ (src/email/outbox.ts), which admins read in the admin's Outbox.
 * - `off`: no SMTP_URL in production; nothing is sent, and the log and the desk say so.
 *
 * Nothing here writes a message's content to the log: a reset or invitation link in a log is
 * a way into someone's account.
 */
import net from 'node:net'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer, { type Transporter } from 'nodemailer'
import type { EmailAdapter, Payload, SendEmailOptions } from 'payload'

import { emailFrom, isProduction, smtpUrl } from '../config/env'
import type { Message } from './message'
import { type KeptInfo, outboxTransport } from './outbox'

export type EmailMode = 'smtp' | 'outbox' | 'off'

export const emailMode = (): EmailMode => (smtpUrl() ? 'smtp' : isProduction() ? 'off' : 'outbox')

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/** Where SMTP_URL points, as nodemailer's options (its own `url` option would drop every other). */
const serverOf = (url: URL) => {
  const secure = url.protocol === 'smtps:'
  const user = decodeURIComponent(url.username)
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    ...(user ? { auth: { user, pass: decodeURIComponent(url.password) } } : {}),
  }
}

const smtpTransport = (url: URL): Transporter => {
  const server = serverOf(url)
  return nodemailer.createTransport({
    ...server,
    // smtp:// upgrades with STARTTLS, and must: a password is never sent in the clear to
    // another machine. A relay on this machine (127.0.0.1) may speak plain SMTP.
    requireTLS: !server.secure && !LOOPBACK.has(url.hostname),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    // A few connections kept open and reused: an alert to thousands of people would otherwise
    // open (and negotiate TLS on) one connection per e-mail.
    pool: true,
    maxConnections: 5,
    maxMessages: 500,
    // nodemailer leaves Nagle's algorithm on: the end of each message then waits for the
    // server's delayed acknowledgement (40 ms), which held a connection to 20 messages a
    // second. The TCP connection is made here with it off; nodemailer speaks SMTP over it,
    // and starts TLS on it (smtps://, or STARTTLS) as it would on its own.
    getSocket: (_options, callback) => {
      const socket = net.connect({ host: server.host, port: server.port })
      socket.setNoDelay(true)
      callback(null, { connection: socket })
    },
  })
}

const offTransport = (): Transporter<KeptInfo> =>
  nodemailer.createTransport<KeptInfo>({
    name: 'newsroom-off',
    version: '1',
    send: (mail, done) => {
      console.warn('E-mail is off (SMTP_URL is not set): a message was not sent.')
      done(null, {
        envelope: mail.message.getEnvelope(),
        messageId: mail.message.messageId(),
        response: 'Not sent: e-mail is off (SMTP_URL is not set).',
      })
    },
  })

const transportFor = (mode: EmailMode): Transporter<unknown> => {
  if (mode === 'smtp') return smtpTransport(smtpUrl()!)
  if (mode === 'outbox') return outboxTransport()
  return offTransport()
}

/**
 * Messages Payload sends itself (the forgotten-password e-mail) arrive at the adapter with
 * only the HTML and subject that our hook gave it; the rest of the message the module built
 * for that HTML (the text part, the Message-ID) is found here by its HTML, which holds a
 * one-time link and so is never the same for two messages.
 */
const madeForPayload = new Map<string, Message>()

/** The HTML to hand Payload for a message it will send itself; the adapter completes it. */
export const forPayloadToSend = (message: Message): string => {
  madeForPayload.set(message.html, message)
  // Payload may fail before sending (a database error): keep only the latest few.
  while (madeForPayload.size > 50) madeForPayload.delete(madeForPayload.keys().next().value!)
  return message.html
}

/** The rest of a message Payload sends itself, or null for one of ours (already whole). */
const madeFor = (message: SendEmailOptions): Message | null => {
  const html = typeof message.html === 'string' ? message.html : undefined
  const made = html === undefined || message.text ? undefined : madeForPayload.get(html)
  if (!made) return null
  madeForPayload.delete(html!)
  return made
}

/** Payload's `email` option: the nodemailer adapter over the transport the environment chose. */
export const emailAdapter = async (): Promise<EmailAdapter> => {
  const from = emailFrom()
  const adapter = await nodemailerAdapter({
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    transport: transportFor(emailMode()),
    // Checked at start-up by describeEmail instead, without holding up the boot.
    skipVerify: true,
  })
  return (args) => {
    const inner = adapter(args)
    const sendEmail = async (message: SendEmailOptions) => {
      const made = madeFor(message)
      if (!made) return inner.sendEmail(message)
      try {
        return await inner.sendEmail({ ...message, text: made.text, messageId: made.messageId })
      } catch (error) {
        // A reset that could not be sent answers as one that was: a failure that showed would
        // tell whoever asked that the account exists. They can ask again once mail works.
        args.payload.logger.warn(
          `A password-reset e-mail was not sent (${(error as { code?: string }).code ?? 'error'}).`,
        )
        return undefined
      }
    }
    return { ...inner, sendEmail }
  }
}

/** Says once, at start-up, where e-mail goes; for SMTP, whether the server answers (never its password). */
export const describeEmail = (payload: Payload, log: (message: string) => void) => {
  const mode = emailMode()
  if (mode === 'off') {
    log(
      'E-mail is off: SMTP_URL is not set, so no e-mail is sent (no password resets, invitations or notifications). Set SMTP_URL to send e-mail.',
    )
    return
  }
  if (mode === 'outbox') {
    log('E-mail is kept in the outbox (Outbox in the admin), not sent: set SMTP_URL to send it.')
    return
  }
  const url = smtpUrl()!
  const where = `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`
  log(`E-mail is sent through ${where}.`)
  smtpTransport(url)
    .verify()
    .then(
      () => undefined,
      (error: Error & { code?: string }) =>
        payload.logger.warn(
          `The mail server at ${where} did not accept a test connection (${error.code ?? error.name}): e-mail may not be sent.`,
        ),
    )
}

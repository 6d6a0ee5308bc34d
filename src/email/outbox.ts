/**
 * The outbox: without SMTP_URL outside production, each message is kept as one file under
 * data/outbox/ instead of being sent. The file holds the message exactly as it would have
 * gone out (`raw`, the RFC 822 text nodemailer made) beside its parts for the admin's Outbox
 * page to show. Files are named by the time they were kept, so their names sort oldest first.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import nodemailer, { type Transport, type Transporter } from 'nodemailer'

import { dataDir } from '../config/paths'

export const outboxDir = () => path.join(dataDir(), 'outbox')

export type KeptMessage = {
  id: string
  keptAt: string
  messageId: string
  from: string
  to: string[]
  subject: string
  html: string
  text: string
  raw: string
  /** The pictures the HTML shows inline, by content id, as data: addresses, for the Outbox to show them. */
  pictures?: Record<string, string>
}

const asString = (value: unknown) => (typeof value === 'string' ? value : '')

const inlinePictures = (attachments: unknown): Record<string, string> | undefined => {
  const inline = (Array.isArray(attachments) ? attachments : []).filter(
    (a): a is { cid: string; content: Buffer; contentType: string } =>
      typeof a?.cid === 'string' && Buffer.isBuffer(a.content) && /^image\//.test(a.contentType),
  )
  if (inline.length === 0) return undefined
  return Object.fromEntries(
    inline.map((a) => [a.cid, `data:${a.contentType};base64,${a.content.toString('base64')}`]),
  )
}

/** What a transport that does not talk to a server reports for a message; `response` in place of a server's answer. */
export type KeptInfo = {
  envelope: { from: string | false; to: string[] }
  messageId: string
  response: string
}

export const outboxTransport = (): Transporter<KeptInfo> =>
  nodemailer.createTransport<KeptInfo>({
    name: 'newsroom-outbox',
    version: '1',
    send: (mail, done) => {
      mail.message.build((error, raw) => {
        if (error) return done(error, undefined as never)
        const keptAt = new Date().toISOString()
        const id = `${keptAt.replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}`
        const envelope = mail.message.getEnvelope()
        const kept: KeptMessage = {
          id,
          keptAt,
          messageId: mail.message.messageId(),
          from: envelope.from || '',
          to: envelope.to,
          subject: asString(mail.data.subject),
          html: asString(mail.data.html),
          text: asString(mail.data.text),
          raw: raw.toString('utf8'),
          pictures: inlinePictures(mail.data.attachments),
        }
        const dir = outboxDir()
        const file = path.join(dir, `${id}.json`)
        try {
          fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
          // Written whole, then renamed into place: the Outbox never reads half a message.
          fs.writeFileSync(`${file}.partial`, JSON.stringify(kept, null, 2), { mode: 0o600 })
          fs.renameSync(`${file}.partial`, file)
        } catch (failure) {
          return done(failure as Error, undefined as never)
        }
        done(null, {
          envelope,
          messageId: kept.messageId,
          response: `Kept in the outbox (${id}), not sent: no mail server is set (SMTP_URL).`,
        })
      })
    },
  } satisfies Transport<KeptInfo>)

const ID = /^[0-9TZ-]+-[0-9a-f]{8}$/

/** The messages kept, newest first, without their bodies. */
export const listOutbox = (limit = 200): Omit<KeptMessage, 'html' | 'text' | 'raw'>[] => {
  let names: string[]
  try {
    names = fs.readdirSync(outboxDir())
  } catch {
    return []
  }
  return names
    .filter((name) => name.endsWith('.json') && ID.test(name.slice(0, -5)))
    .sort()
    .reverse()
    .slice(0, limit)
    .flatMap((name) => {
      const kept = readKept(name.slice(0, -5))
      if (!kept) return []
      const { html: _html, text: _text, raw: _raw, pictures: _pictures, ...summary } = kept
      return [summary]
    })
}

/** One kept message by its id (the file's name), or null; an id that is not one is never a path. */
export const readKept = (id: string): KeptMessage | null => {
  if (!ID.test(id)) return null
  try {
    return JSON.parse(fs.readFileSync(path.join(outboxDir(), `${id}.json`), 'utf8')) as KeptMessage
  } catch {
    return null
  }
}

/** The header lines of a raw message, unfolded, in order. */
export const headersOf = (raw: string): [string, string][] => {
  const end = raw.search(/\r?\n\r?\n/)
  const block = end < 0 ? raw : raw.slice(0, end)
  return block
    .split(/\r?\n(?![ \t])/)
    .map((line) => line.replace(/\r?\n[ \t]+/g, ' '))
    .flatMap((line): [string, string][] => {
      const colon = line.indexOf(':')
      return colon > 0 ? [[line.slice(0, colon), line.slice(colon + 1).trim()]] : []
    })
}

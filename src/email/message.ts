/**
 * Every e-mail Newsroom sends is made here: one HTML and one plain-text part saying the same
 * thing, the force's name and the press office's address from the site settings at the foot,
 * and a Message-ID that says what the message is (its kind, the record, the version and the
 * recipient), so that the same message made twice has the same Message-ID and a repeat can be
 * recognised by anyone who holds both.
 *
 * The HTML is a plain template (Next.js, which bundles Payload's hooks, will not bundle
 * react-dom/server), and every value in it goes through escapeHtml; links are only ever
 * addresses Newsroom made itself (SITE_URL and the paths under it). The one exception is a
 * document carried whole (the release sent to the media list): its HTML was made by React from
 * the release (src/exports/forMedia.tsx), which escaped every value, and its links are the
 * release's own, through safeHref, as the public page shows them.
 */
import crypto from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { emailFrom, emailFromNamed, siteHost, siteUrl } from '../config/env'

/** What a message is about; the first part of its Message-ID. */
export type MessageKind =
  | 'password-reset'
  | 'invitation'
  | 'lift-failed'
  | 'preview-opened'
  | 'media-send'
  | `workflow-${string}`
  | `alert-${string}`

/**
 * A paragraph of the body; `note` keeps its line breaks and is set apart (an editor's note);
 * `heading` is a release's headline, a link when it has `href` (an address Newsroom made).
 */
export type Block = { text: string; note?: boolean; heading?: boolean; href?: string }

export type MessageSpec = {
  kind: MessageKind
  /** The record the message is about (a user, a release). */
  recordId: number | string
  /** Which version of it: a release's version, or the time a reset or invitation was asked for. */
  version: number | string
  to: string
  subject: string
  greeting?: string
  body: Block[]
  /** The one thing to do, as a button in HTML and a bare address in text. */
  action?: { label: string; url: string }
  /** Below the action, in smaller type: why the person got it, what to do if it was not them. */
  small?: string[]
  /** Below that, links of their own (change what you get, unsubscribe): addresses Newsroom made. */
  links?: { label: string; url: string }[]
  /** Further header lines (List-Unsubscribe and the like). */
  headers?: Record<string, string>
  /**
   * A document carried whole at the top, in place of the force's name: the release as the copy
   * for the media has it (its first line says what may be done with it, EMBARGOED…).
   */
  document?: { html: string; text: string }
  /** Pictures after the action, each sent with the message and shown in it (`cid:`), with its words. */
  pictures?: Picture[]
  /** Headed passages after the pictures ("Notes to editors", "Media enquiries"), line breaks kept. */
  sections?: { heading: string; text: string }[]
}

/** A picture a message shows; its caption is the alternative text, with the credit after it. */
export type Picture = {
  filename: string
  content: Buffer
  contentType: string
  alt: string
  credit?: string | null
}

/** A file sent with a message; with `cid`, a picture the HTML shows inline (`<img src="cid:…">`). */
export type Attachment = { filename: string; content: Buffer; contentType: string; cid?: string }

export type Message = {
  to: string
  subject: string
  html: string
  text: string
  messageId: string
  /** Further header lines (List-Unsubscribe and the like); never anything about who reads it. */
  headers?: Record<string, string>
  attachments?: Attachment[]
  /** The force's name, which the message comes from when EMAIL_FROM names nobody. */
  forceName?: string
}

/** The foot of every message: the force's name and the press office's address, from the site settings. */
export type Footer = { forceName: string; address: string[] }

const short = (value: string) =>
  crypto.createHash('sha256').update(value).digest('hex').slice(0, 16)

const safePart = (value: number | string) => String(value).replace(/[^A-Za-z0-9-]/g, '-')

/** `<kind.record.version.hash(recipient)@host-of-SITE_URL>`: the same for the same message, never naming the recipient. */
export const messageIdFor = ({
  kind,
  recordId,
  version,
  to,
}: Pick<MessageSpec, 'kind' | 'recordId' | 'version' | 'to'>) =>
  `<${kind}.${safePart(recordId)}.${safePart(version)}.${short(to.trim().toLowerCase())}@${siteHost()}>`

/** The footer as the site settings say now; read it once for a batch of messages. */
export const footerFrom = async (payload: Payload, req?: PayloadRequest): Promise<Footer> => {
  const settings = (await payload.findGlobal({
    slug: 'site-settings',
    depth: 0,
    overrideAccess: true,
    req,
  })) as {
    forceName?: string | null
    pressOfficeAddress?: string | null
  }
  return {
    forceName: settings.forceName || 'Newsroom',
    address: (settings.pressOfficeAddress ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  }
}

/** Every value put into the HTML goes through this: text and attribute values alike. */
export const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

/** The content id by which the HTML shows the message's nth picture. */
const cidOf = (index: number) => `picture-${index + 1}@${siteHost()}`

const captionOf = (picture: Picture) =>
  [picture.alt.trim().replace(/\.$/, ''), picture.credit ? `Credit: ${picture.credit}` : '']
    .filter(Boolean)
    .join('. ')

const P = 'margin: 0 0 16px;'
const SMALL = 'margin: 0 0 12px; font-size: 14px; color: #505a5f;'

const asHtml = (spec: MessageSpec, footer: Footer) => {
  const e = escapeHtml
  const body = spec.body
    .map((block) => {
      if (block.note)
        return `<blockquote style="${P} padding: 8px 16px; border-left: 4px solid #b1b4b6; white-space: pre-wrap;">${e(block.text)}</blockquote>`
      const words = block.href
        ? `<a href="${e(block.href)}" style="color: #1d70b8;">${e(block.text)}</a>`
        : e(block.text)
      return block.heading
        ? `<h2 style="margin: 24px 0 8px; font-size: 19px; line-height: 1.3;">${words}</h2>`
        : `<p style="${P}">${words}</p>`
    })
    .join('\n')
  const action = spec.action
    ? `<p style="margin: 24px 0;"><a href="${e(spec.action.url)}" style="display: inline-block; padding: 10px 16px; background: #00703c; color: #ffffff; font-weight: bold; text-decoration: none;">${e(spec.action.label)}</a></p>
<p style="${P} font-size: 14px;">Or copy this address into your browser: ${e(spec.action.url)}</p>`
    : ''
  const small = (spec.small ?? []).map((line) => `<p style="${SMALL}">${e(line)}</p>`).join('\n')
  const links = spec.links?.length
    ? `<p style="${SMALL}">${spec.links.map((link) => `<a href="${e(link.url)}" style="color: #1d70b8;">${e(link.label)}</a>`).join(' · ')}</p>`
    : ''
  const pictures = (spec.pictures ?? [])
    .map(
      (picture, i) =>
        `<p style="${P}"><img src="cid:${e(cidOf(i))}" alt="${e(picture.alt)}" width="600" style="display: block; width: 100%; max-width: 600px; height: auto;"></p>
<p style="${SMALL}">${e(captionOf(picture))}</p>`,
    )
    .join('\n')
  const sections = (spec.sections ?? [])
    .map(
      (section) =>
        `<h2 style="margin: 24px 0 8px; font-size: 19px;">${e(section.heading)}</h2>
<p style="${P} white-space: pre-wrap;">${e(section.text)}</p>`,
    )
    .join('\n')
  const address = footer.address.map((line) => `<br>${e(line)}`).join('')
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(spec.subject)}</title>
</head>
<body style="margin: 0; padding: 16px; background: #ffffff;">
<div style="max-width: 600px; margin: 0 auto; font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c;">
${spec.document ? `<div data-part="document">${spec.document.html}</div>` : `<p style="${P} font-weight: bold; font-size: 19px;" data-part="force">${e(footer.forceName)}</p>`}
${spec.greeting ? `<p style="${P}">${e(spec.greeting)}</p>` : ''}
${body}
${action}
${pictures}
${sections}
${small}
${links}
<hr style="border: 0; border-top: 1px solid #b1b4b6; margin: 24px 0 12px;">
<p style="margin: 0; font-size: 14px; color: #505a5f;" data-part="footer">${e(footer.forceName)}${address}<br>Sent by Newsroom, ${e(siteUrl())}</p>
</div>
</body>
</html>
`
}

const asText = (spec: MessageSpec, footer: Footer) =>
  [
    ...(spec.document ? [spec.document.text.trimEnd()] : [footer.forceName]),
    '',
    ...(spec.greeting ? [spec.greeting, ''] : []),
    ...spec.body.flatMap((block) => [
      block.heading ? block.text.toUpperCase() : block.text,
      ...(block.href ? [block.href] : []),
      '',
    ]),
    ...(spec.action ? [`${spec.action.label}:`, spec.action.url, ''] : []),
    ...(spec.pictures ?? []).flatMap((picture) => [
      `Picture (shown in the HTML version of this e-mail, as ${picture.filename}): ${captionOf(picture)}`,
      '',
    ]),
    ...(spec.sections ?? []).flatMap((section) => [section.heading, '', section.text, '']),
    ...(spec.small ?? []).flatMap((line) => [line, '']),
    ...(spec.links ?? []).flatMap((link) => [`${link.label}: ${link.url}`]),
    ...(spec.links?.length ? [''] : []),
    '-- ',
    footer.forceName,
    ...footer.address,
    `Sent by Newsroom, ${siteUrl()}`,
    '',
  ].join('\n')

/**
 * The message, ready for the transport: both parts, the footer from the site settings, its
 * Message-ID. Pass `req` when inside a request, so that the settings are read in its transaction.
 */
export const buildMessage = async (
  payload: Payload,
  spec: MessageSpec,
  req?: PayloadRequest,
): Promise<Message> => messageWith(spec, await footerFrom(payload, req))

/** The message with a footer already read: for many messages at once (the public alerts). */
export const messageWith = (spec: MessageSpec, footer: Footer): Message => ({
  to: spec.to,
  subject: spec.subject,
  html: asHtml(spec, footer),
  text: asText(spec, footer),
  messageId: messageIdFor(spec),
  forceName: footer.forceName,
  ...(spec.headers ? { headers: spec.headers } : {}),
  ...(spec.pictures?.length
    ? {
        attachments: spec.pictures.map((picture, i) => ({
          filename: picture.filename,
          content: picture.content,
          contentType: picture.contentType,
          cid: cidOf(i),
        })),
      }
    : {}),
})

/**
 * Sends a message through Payload's e-mail adapter (src/email/transport.ts), with its text
 * part and Message-ID. Failures are the caller's to handle; nothing here logs the content.
 */
export const sendMessage = async (payload: Payload, message: Message) =>
  payload.sendEmail({
    // Without a name in EMAIL_FROM, e-mail comes from the force, not from "Newsroom".
    ...(!emailFromNamed() && message.forceName
      ? {
          from: {
            name: `"${message.forceName.replace(/["\\\r\n]/g, '')}"`,
            address: emailFrom().address,
          },
        }
      : {}),
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: message.messageId,
    ...(message.headers ? { headers: message.headers } : {}),
    ...(message.attachments ? { attachments: message.attachments } : {}),
  })

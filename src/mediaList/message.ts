/**
 * The e-mail a journalist on the media list gets, made when it is sent (the e-mail job,
 * src/email/sendTask.ts) from the row of the send log, and what the mail server said of it,
 * written back to that row.
 *
 * The release is the version the row recorded, as the copy for the media has it
 * (src/exports/forMedia.tsx, through mediaCopyRenderer.ts: Next.js bundles this module), with
 * its first line saying what may be done with it ("EMBARGOED: not for publication until …"
 * while it is scheduled); then, while it is scheduled, the journalist's own preview link; the
 * hero picture with its credit; and the press office's notes to editors and contact block from
 * the site settings.
 *
 * Nothing goes if the release has changed since it was queued: withdrawn, unscheduled or
 * unpublished, a new version approved, or the journalist's link revoked. The row says so
 * (cancelled), and the officer sends again what is there now.
 */
import type { PayloadRequest } from 'payload'

import { sharpWithLimits } from '../../collections/Media/uploadLimits'
import { lookUpPreviewToken, mediaListToken, previewUrl } from '../embargo/previewLinks'
import { buildMessage, type Message, type Picture } from '../email/message'
import { emailMode } from '../email/transport'
import { mediaCopyOf } from '../exports/mediaCopyRenderer'
import { adminTime, embargoLine } from '../fields/ukTime'
import { siteUrl } from '../config/env'
import type { Media, MediaContact, MediaSend, News } from '../payload-types'
import { releaseState } from '../releases/state'
import { readMediaFile } from '../site/mediaFiles'
import { liveVersionId, messageVersionOf } from './send'

const loadSend = async (req: PayloadRequest, id: string) =>
  (await req.payload.findByID({
    collection: 'media-sends',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as MediaSend | null

const settle = (
  req: PayloadRequest,
  send: MediaSend,
  data: Partial<Pick<MediaSend, 'status' | 'response'>>,
) =>
  req.payload.update({
    collection: 'media-sends',
    id: send.id,
    data: {
      ...data,
      ...(data.status && data.status !== 'queued' ? { answeredAt: new Date().toISOString() } : {}),
    },
    overrideAccess: true,
    depth: 0,
    req,
  })

const idOf = (value: unknown) =>
  value && typeof value === 'object' ? String((value as { id: unknown }).id) : String(value ?? '')

/** Why the e-mail should no longer go, or null when it should. */
const reasonNotToSend = async (
  req: PayloadRequest,
  send: MediaSend,
  contact: MediaContact | null,
  release: News | null,
): Promise<string | null> => {
  if (emailMode() === 'off') return 'E-mail is off (no mail server is set, SMTP_URL).'
  if (!contact) return 'The media contact was deleted before it went.'
  if (contact.receiving === false)
    return `${contact.name} stopped receiving releases before it went.`
  if (!release) return 'The release was deleted before it went.'
  switch (releaseState(release)) {
    case 'withdrawn':
      return 'The release was withdrawn before it went.'
    case 'scheduled':
    case 'published':
      break
    default:
      return 'The release was unscheduled or unpublished before it went.'
  }
  const live = await liveVersionId(req, release.id)
  if (live !== send.version)
    return `The release changed before it went: version ${live ?? '(none)'} is approved now, not ${send.version}. Send it again to send what is there now.`
  return null
}

/** The journalist's own preview link, made again from the row's seed; or why it no longer works. */
const previewLinkOf = async (
  req: PayloadRequest,
  send: MediaSend,
): Promise<{ url: string } | { problem: string }> => {
  const seed = (
    (await req.payload.findByID({
      collection: 'media-sends',
      id: send.id,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
      select: { linkSeed: true },
      req,
    })) as Pick<MediaSend, 'linkSeed'>
  ).linkSeed
  if (!seed || send.previewLink == null)
    return { problem: 'No preview link was made for it: send it again.' }
  const token = mediaListToken(req.payload, seed)
  const found = await lookUpPreviewToken(req.payload, token)
  if (found.status === 'valid' && String(found.link.id) === idOf(send.previewLink))
    return { url: previewUrl(token) }
  return {
    problem:
      found.status === 'revoked'
        ? 'Its preview link was revoked before it went.'
        : found.status === 'expired'
          ? 'Its preview link expired before it went.'
          : 'Its preview link cannot be made again (the server’s secret, PAYLOAD_SECRET, has changed): send it again.',
  }
}

/** A press picture for the e-mail: a JPEG any mail program shows, upright, at most 2000 px. */
const heroPicture = async (release: News): Promise<Picture | null> => {
  const media = release.heroImage
  if (!media || typeof media !== 'object') return null
  const { filename, alt, credit } = media as Media
  const stream = filename ? await readMediaFile(filename) : null
  if (!stream) return null
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  const content = await sharpWithLimits(Buffer.concat(chunks))
    .rotate()
    .resize({ width: 2000, height: 2000, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 85 })
    .toBuffer()
  return {
    filename: `${release.slug || `release-${release.id}`}.jpg`,
    content,
    contentType: 'image/jpeg',
    alt,
    credit,
  }
}

type Settings = {
  forceName?: string | null
  pressOfficeContact?: string | null
  notesToEditors?: string | null
  onlineReportUrl?: string | null
}

/** The e-mail for one row of the send log, or null (the row cancelled, saying why) when it should not go. */
export const mediaSendMessage = async (
  req: PayloadRequest,
  sendId: string,
): Promise<Message | null> => {
  const send = await loadSend(req, sendId)
  // Already sent, refused or cancelled: a job that runs twice sends nothing the second time.
  if (!send || send.status !== 'queued') return null
  const [contact, live] = await Promise.all([
    send.contact == null
      ? null
      : (req.payload.findByID({
          collection: 'media-contacts',
          id: idOf(send.contact),
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          req,
        }) as Promise<MediaContact | null>),
    send.release == null
      ? null
      : (req.payload.findByID({
          collection: 'news',
          id: idOf(send.release),
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          req,
        }) as Promise<News | null>),
  ])
  const reason = await reasonNotToSend(req, send, contact, live)
  if (reason) {
    await settle(req, send, { status: 'cancelled', response: reason })
    return null
  }
  const scheduled = releaseState(live!) === 'scheduled'
  const link = scheduled ? await previewLinkOf(req, send) : null
  if (link && 'problem' in link) {
    await settle(req, send, { status: 'cancelled', response: link.problem })
    return null
  }
  // The words are the version recorded, with its quotes, report links and picture.
  const version = await req.payload.findVersionByID({
    collection: 'news',
    id: send.version,
    depth: 1,
    overrideAccess: true,
    req,
  })
  const release = version.version as News
  const settings = (await req.payload.findGlobal({
    slug: 'site-settings',
    depth: 0,
    overrideAccess: true,
    req,
  })) as Settings
  const forceName = settings.forceName || 'Newsroom'
  const copy = mediaCopyOf(release, {
    forceName,
    siteUrl: siteUrl(),
    onlineReportUrl: settings.onlineReportUrl,
  })
  const picture = await heroPicture(release)
  return buildMessage(
    req.payload,
    {
      kind: 'media-send',
      recordId: live!.id,
      version: messageVersionOf(send),
      to: send.email!,
      subject: scheduled
        ? `EMBARGOED until ${embargoLine(live!.publishAt!)}: ${release.title}`
        : `Press release: ${release.title}`,
      document: { html: copy.bodyHtml, text: copy.text },
      body:
        link && 'url' in link
          ? [
              {
                text: 'Your own preview link shows the release as it will appear on the site, before the embargo lifts. It is for you alone: please do not pass it on.',
              },
            ]
          : [],
      action: link && 'url' in link ? { label: 'Open your preview', url: link.url } : undefined,
      pictures: picture ? [picture] : [],
      sections: [
        { heading: 'Notes to editors', text: settings.notesToEditors?.trim() ?? '' },
        { heading: 'Media enquiries', text: settings.pressOfficeContact?.trim() ?? '' },
      ].filter((section) => section.text),
      small: [
        `You get releases from ${forceName} because you are on its media list. To stop, or to change what you get, contact the press office.`,
      ],
    },
    req,
  )
}

/** How the sending of a row went, from the e-mail job. */
export type SendOutcome =
  | { status: 'accepted' | 'retrying'; response: string }
  | { status: 'refused'; response: string; addressRefused: boolean }
  | { status: 'failed'; tries: number }

/**
 * Writes the outcome to the send log. A refusal of the address itself (the mail server will not
 * take mail for it) also stops the contact receiving releases, with the server's words: sending
 * again would only be refused again, and the press office should find their new address.
 */
export const recordMediaSend = async (
  req: PayloadRequest,
  sendId: string,
  outcome: SendOutcome,
) => {
  const send = await loadSend(req, sendId)
  if (!send) return
  switch (outcome.status) {
    case 'accepted':
      await settle(req, send, { status: 'accepted', response: outcome.response })
      return
    case 'retrying':
      // Still waiting to go: the latest problem, for whoever looks at the log meanwhile.
      await settle(req, send, { response: outcome.response })
      return
    case 'failed':
      await settle(req, send, {
        status: 'failed',
        response: `Not sent after ${outcome.tries} tries.${send.response ? ` The last problem: ${send.response}` : ''}`,
      })
      return
    case 'refused':
      await settle(req, send, { status: 'refused', response: outcome.response })
      if (outcome.addressRefused && send.contact != null)
        await req.payload.update({
          collection: 'media-contacts',
          id: idOf(send.contact),
          data: {
            receiving: false,
            stoppedReason: `The mail server refused ${send.email} at ${adminTime(new Date())}: ${outcome.response}`,
          },
          overrideAccess: true,
          depth: 0,
          req,
        })
  }
}

/**
 * "Send to the media list": a scheduled or published release goes to the media contacts chosen
 * (whole lists, or single contacts), one e-mail each, made when it is sent
 * (src/mediaList/message.ts).
 *
 * What is sent is the release's live version, the one approved (its id, from Payload's
 * versions, is recorded): never changes still waiting to be published. Each contact is sent
 * to in a transaction of their own: the check that they do not already have this version, the
 * preview link made for them while it is under embargo, the row of the send log and the e-mail
 * job, all of it or none of it. A contact who already has this version is not sent it again
 * unless the officer asks (`resend`); a repeat sent on purpose has a Message-ID of its own
 * (`…-resend-2`), since a mail service drops a second message with a Message-ID it has seen.
 * Should two sends of the same version ever cross, both e-mails carry the same Message-ID, and
 * the journalist's mail service can drop the second.
 */
import type { PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { SEND_STATUSES } from '../../collections/MediaSends'
import { isEditorUser, isStaffUser } from '../access/roles'
import {
  MAX_LIFETIME_HOURS,
  mediaListToken,
  newTokenSeed,
  storePreviewLink,
} from '../embargo/previewLinks'
import { messageIdFor } from '../email/message'
import { queueEmail } from '../email/queue'
import { emailMode } from '../email/transport'
import { adminTime, UK_TIME_ZONE } from '../fields/ukTime'
import type { MediaContact, MediaList, MediaSend, News, User } from '../payload-types'
import { liveVersionsWhere, releaseState } from '../releases/state'
import { WorkflowError } from '../workflow/errors'

const HOUR = 60 * 60 * 1000

/** How many lists, and how many single contacts, one send may name. */
const MAX_CHOSEN = 500

/** The Message-ID's version: the version's id, and for a repeat sent on purpose, which sending it is. */
export const messageVersionOf = (send: Pick<MediaSend, 'version' | 'sending'>) =>
  (send.sending ?? 1) > 1 ? `${send.version}-resend-${send.sending}` : send.version

const requireEditor = (req: PayloadRequest) => {
  if (!req.user || !isStaffUser(req.user))
    throw new WorkflowError('Sign in with a Newsroom account to do that.', 401)
  if (!isEditorUser(req.user))
    throw new WorkflowError('Releases are sent to the media list by editors and admins.', 403)
  return req.user as User
}

export type Choice = { lists: (number | string)[]; contacts: (number | string)[]; resend: boolean }

/** What was asked for, or a 400 saying what is wrong with it; nothing is read or stored before. */
const choiceFrom = (req: PayloadRequest, body: Record<string, unknown>): Choice => {
  for (const key of Object.keys(body))
    if (!['lists', 'contacts', 'resend'].includes(key))
      throw new WorkflowError(`A send takes "lists", "contacts" and "resend", not "${key}".`, 400)
  const numeric = req.payload.db.defaultIDType === 'number'
  const ids = (key: 'lists' | 'contacts', what: string) => {
    const value = body[key]
    if (value === undefined || value === null) return []
    const fine =
      Array.isArray(value) &&
      value.length <= MAX_CHOSEN &&
      value.every((id) =>
        numeric
          ? Number.isSafeInteger(id) && (id as number) > 0
          : typeof id === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(id),
      )
    if (!fine)
      throw new WorkflowError(
        `"${key}" is a list of ${what} ids (${numeric ? 'numbers' : 'text'}), at most ${MAX_CHOSEN}.`,
        400,
      )
    return [...new Set(value as (number | string)[])]
  }
  const lists = ids('lists', 'media list')
  const contacts = ids('contacts', 'media contact')
  if (body.resend !== undefined && typeof body.resend !== 'boolean')
    throw new WorkflowError('"resend" is true or false.', 400)
  if (lists.length === 0 && contacts.length === 0)
    throw new WorkflowError('Choose at least one media list or contact to send to.', 400)
  return { lists, contacts, resend: body.resend === true }
}

const loadRelease = async (req: PayloadRequest, id: string) => {
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

/** The id of the version the public sees (or will see at the embargo), or null if none is kept. */
export const liveVersionId = async (req: PayloadRequest, releaseId: number | string) => {
  const { docs } = await req.payload.findVersions({
    collection: 'news',
    where: liveVersionsWhere(releaseId),
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ? String(docs[0].id) : null
}

/** Why this release cannot go to the media list now, or null when it can. */
const refusalFor = (release: News): string | null => {
  switch (releaseState(release)) {
    case 'scheduled':
    case 'published':
      if (emailMode() === 'off')
        return 'E-mail is off (no mail server is set, SMTP_URL), so nothing can be sent to the media list.'
      return null
    case 'withdrawn':
      return 'This release has been withdrawn: it cannot be sent to the media list.'
    default:
      return 'Only a scheduled or published release can be sent to the media list: approve it first.'
  }
}

/** The contacts chosen, each once, by name; a 400 naming any list or contact that does not exist. */
const contactsChosen = async (req: PayloadRequest, choice: Choice) => {
  const found = async (collection: 'media-lists' | 'media-contacts', ids: (number | string)[]) =>
    ids.length === 0
      ? []
      : ((
          await req.payload.find({
            collection,
            where: { id: { in: ids } },
            depth: 0,
            pagination: false,
            overrideAccess: true,
            req,
          })
        ).docs as { id: number | string }[])
  const missing = (ids: (number | string)[], docs: { id: number | string }[], what: string) => {
    const there = new Set(docs.map((doc) => String(doc.id)))
    const absent = ids.find((id) => !there.has(String(id)))
    if (absent !== undefined)
      throw new WorkflowError(`There is no ${what} with the id ${absent}.`, 400)
  }
  const lists = await found('media-lists', choice.lists)
  missing(choice.lists, lists, 'media list')
  const single = (await found('media-contacts', choice.contacts)) as MediaContact[]
  missing(choice.contacts, single, 'media contact')
  const onLists =
    choice.lists.length === 0
      ? []
      : ((
          await req.payload.find({
            collection: 'media-contacts',
            where: { lists: { in: choice.lists } },
            depth: 0,
            pagination: false,
            overrideAccess: true,
            req,
          })
        ).docs as MediaContact[])
  const byId = new Map([...onLists, ...single].map((contact) => [String(contact.id), contact]))
  const everyone = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  if (everyone.length === 0)
    throw new WorkflowError('Nobody is on the lists chosen: add contacts to them first.', 400)
  return everyone
}

type Sending = {
  release: News
  version: string
  resend: boolean
  user: User
}

export type Queued = {
  contact: number | string
  name: string
  outlet: string
  email: string
  send: number | string
  resend: boolean
}

export type NotSent = {
  contact: number | string
  name: string
  outlet: string
  reason: 'already-sent' | 'not-receiving'
  message: string
}

const whoIs = (contact: Pick<MediaContact, 'name' | 'outlet'>) =>
  `${contact.name}, ${contact.outlet}`

/** The sendings of this version to this contact that went, or are waiting to go. */
const earlierSendings = async (
  req: PayloadRequest,
  { release, version }: Sending,
  contact: MediaContact,
) =>
  (
    await req.payload.find({
      collection: 'media-sends',
      where: {
        and: [
          { release: { equals: release.id } },
          { contact: { equals: contact.id } },
          { version: { equals: version } },
          { status: { in: ['queued', 'accepted'] } },
        ],
      },
      sort: '-at',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
  ).docs as MediaSend[]

/**
 * A journalist's preview link lasts until a day after the embargo lifts (after the lift it
 * takes them to the public page), and never longer than any preview link may.
 */
const linkHours = (release: News) =>
  Math.min(
    MAX_LIFETIME_HOURS,
    Math.max(1, Math.ceil((Date.parse(release.publishAt!) - Date.now()) / HOUR) + 24),
  )

/** One contact, in the request's transaction (the caller's to commit). */
const sendToOne = async (
  req: PayloadRequest,
  sending: Sending,
  contact: MediaContact,
): Promise<Queued | NotSent> => {
  const base = { contact: contact.id, name: contact.name, outlet: contact.outlet }
  if (contact.receiving === false)
    return {
      ...base,
      reason: 'not-receiving',
      message: `${whoIs(contact)} no longer receives releases${contact.stoppedReason ? `: ${contact.stoppedReason}` : '.'}`,
    }
  const earlier = await earlierSendings(req, sending, contact)
  if (earlier.length > 0 && !sending.resend)
    return {
      ...base,
      reason: 'already-sent',
      message: `${whoIs(contact)} already has this version (sent ${adminTime(earlier[0]!.at)}). To send it to them again, choose “Send again to people who already have this version”.`,
    }
  const { release, version, user } = sending
  const seed = newTokenSeed()
  const link =
    releaseState(release) === 'scheduled'
      ? await storePreviewLink(req, release, {
          label: whoIs(contact).slice(0, 120),
          hours: linkHours(release),
          token: mediaListToken(req.payload, seed),
        })
      : null
  const sendingNumber = earlier.length + 1
  const row = await req.payload.create({
    collection: 'media-sends',
    data: {
      at: new Date().toISOString(),
      at_tz: UK_TIME_ZONE,
      release: release.id,
      releaseTitle: release.title,
      contact: contact.id,
      contactName: contact.name,
      outlet: contact.outlet,
      email: contact.email,
      version,
      sending: sendingNumber,
      resend: sendingNumber > 1,
      status: 'queued',
      messageId: messageIdFor({
        kind: 'media-send',
        recordId: release.id,
        version: messageVersionOf({ version, sending: sendingNumber }),
        to: contact.email,
      }),
      sentBy: user.id,
      sentByName: user.name || user.email,
      previewLink: link ? (link.id as number) : null,
      linkSeed: link ? seed : null,
    },
    overrideAccess: true,
    req,
  })
  await queueEmail(req.payload, { kind: 'media-send', recordId: String(row.id) }, req)
  return { ...base, email: contact.email, send: row.id, resend: sendingNumber > 1 }
}

const isQueued = (outcome: Queued | NotSent): outcome is Queued => 'send' in outcome

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`)

/** POST /api/news/:id/media-send: queues the e-mails, and says who will get one and who will not, and why. */
export const sendToMediaList = async (
  req: PayloadRequest,
  releaseId: string,
  body: Record<string, unknown>,
) => {
  const user = requireEditor(req)
  const choice = choiceFrom(req, body)
  const release = await loadRelease(req, releaseId)
  const refusal = refusalFor(release)
  if (refusal) throw new WorkflowError(refusal, 409)
  const version = await liveVersionId(req, release.id)
  if (!version)
    throw new WorkflowError(
      'The approved version of this release is no longer kept, so it cannot be sent: publish it again first.',
      409,
    )
  const contacts = await contactsChosen(req, choice)
  const sending: Sending = { release, version, resend: choice.resend, user }
  const outcomes: (Queued | NotSent)[] = []
  for (const contact of contacts) {
    const shouldCommit = await initTransaction(req)
    try {
      outcomes.push(await sendToOne(req, sending, contact))
      if (shouldCommit) await commitTransaction(req)
    } catch (error) {
      if (shouldCommit) await killTransaction(req)
      throw error
    }
  }
  const queued = outcomes.filter(isQueued)
  const refused = outcomes.filter((outcome): outcome is NotSent => !isQueued(outcome))
  return {
    message: [
      queued.length > 0
        ? `Queued for ${people(queued.length)}: each gets an e-mail of their own.`
        : 'Nobody new to send to.',
      refused.length > 0 ? `Not sent to ${people(refused.length)} (see why below).` : '',
    ]
      .filter(Boolean)
      .join(' '),
    version,
    queued,
    refused,
  }
}

const STATUS_LABELS = Object.fromEntries(
  SEND_STATUSES.map((status) => [status.value, status.label]),
) as Record<MediaSend['status'], string>

/**
 * GET /api/news/:id/media-send: for the Workflow dialog, whether the release can be sent now
 * (and why not), the lists with how many people on each will get it, and the send log.
 */
export const mediaListSummary = async (req: PayloadRequest, releaseId: string) => {
  requireEditor(req)
  const release = await loadRelease(req, releaseId)
  const refusal = refusalFor(release)
  const [version, lists, contacts, sends] = await Promise.all([
    liveVersionId(req, release.id),
    req.payload.find({
      collection: 'media-lists',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { name: true, description: true },
      req,
    }),
    req.payload.find({
      collection: 'media-contacts',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { lists: true, receiving: true },
      req,
    }),
    req.payload.find({
      collection: 'media-sends',
      where: { release: { equals: release.id } },
      sort: '-at',
      limit: 500,
      depth: 0,
      overrideAccess: true,
      req,
    }),
  ])
  const receiving = (contacts.docs as MediaContact[]).filter((c) => c.receiving !== false)
  return {
    canSend: refusal === null && version !== null,
    refusal,
    state: releaseState(release),
    version,
    lists: (lists.docs as MediaList[]).map((list) => ({
      id: list.id,
      name: list.name,
      description: list.description ?? null,
      contacts: receiving.filter((c) => (c.lists ?? []).some((l) => String(l) === String(list.id)))
        .length,
    })),
    sends: (sends.docs as MediaSend[]).map((send) => ({
      id: send.id,
      at: send.at,
      contactName: send.contactName ?? null,
      outlet: send.outlet ?? null,
      email: send.email ?? null,
      version: send.version,
      current: send.version === version,
      resend: Boolean(send.resend),
      status: send.status,
      result: STATUS_LABELS[send.status],
      response: send.response ?? null,
      answeredAt: send.answeredAt ?? null,
      sentByName: send.sentByName ?? null,
    })),
  }
}

export type MediaListSummary = Awaited<ReturnType<typeof mediaListSummary>>
export type MediaListSendResult = Awaited<ReturnType<typeof sendToMediaList>>

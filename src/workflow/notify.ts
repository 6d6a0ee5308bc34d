/**
 * Workflow e-mail: who is told of a step in a release's history (notifyWho.ts), queued with
 * the history entry in the step's own transaction, one job per person, and sent after it has
 * committed (src/email/sendTask.ts). A mail server that is slow or down never holds up or undoes
 * the step; each person's e-mail is tried again on its own, so a retry never repeats anyone
 * else's. The person who took the step is not told of it, and each person's choices on their
 * account (notifications) are asked when the e-mail is queued and again when it is sent.
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import { siteUrl } from '../config/env'
import { buildMessage, type Block, type Message } from '../email/message'
import { queueEmail } from '../email/queue'
import { adminTime, embargoLine } from '../fields/ukTime'
import type { News, PreviewLink, User } from '../payload-types'
import { NOTIFICATIONS, notificationFor, type Notification } from './notifyWho'

type Entry = {
  id: number | string
  action: string
  release?: number | string | { id: number | string } | null
  releaseRef?: string | null
  releaseTitle?: string | null
  actor?: number | string | { id: number | string } | null
  actorName?: string | null
  note?: string | null
  publishAt?: string | null
  at: string
}

type Person = Pick<User, 'id' | 'email' | 'name' | 'roles'> & {
  notifications?: Record<string, boolean | null | undefined> | null
}

const idOf = (value: unknown) =>
  value && typeof value === 'object' ? String((value as { id: unknown }).id) : String(value ?? '')

/** A choice never made (an account older than the choices) counts as yes. */
const wants = (person: Person, notification: Notification) =>
  person.notifications?.[notification.preference] !== false

const recipientsOf = async (
  req: PayloadRequest,
  notification: Notification,
  release: Pick<News, 'authors' | 'review'>,
): Promise<Person[]> => {
  const where: Where =
    notification.audience === 'editors'
      ? { roles: { in: ['editor', 'admin'] } }
      : {
          id: {
            in: [
              ...new Set(
                [...(release.authors ?? []), release.review?.submittedBy]
                  .filter((who) => who != null)
                  .map(idOf),
              ),
            ],
          },
        }
  const { docs } = await req.payload.find({
    collection: 'users',
    where,
    depth: 0,
    limit: 500,
    overrideAccess: true,
    req,
  })
  return docs as Person[]
}

/** Queues the e-mail a history entry calls for, in the caller's transaction. */
export const queueNotifications = async (
  req: PayloadRequest,
  entry: Entry,
  release: Pick<News, 'authors' | 'review'>,
) => {
  const notification = notificationFor(entry.action)
  if (!notification) return
  const actor = entry.actor == null ? null : idOf(entry.actor)
  for (const person of await recipientsOf(req, notification, release)) {
    if (String(person.id) === actor || !wants(person, notification) || !person.email) continue
    await queueEmail(
      req.payload,
      { kind: 'workflow', recordId: String(entry.id), recipientId: String(person.id) },
      req,
    )
  }
}

const editLink = (releaseId: string) => `${siteUrl()}/admin/collections/news/${releaseId}`

const wording = (
  entry: Entry,
  release: Pick<News, 'slug' | 'publishAt'> | null,
): { subject: string; body: Block[]; action: { label: string; url: string } } => {
  const title = entry.releaseTitle || 'Untitled release'
  const by = entry.actorName || 'Newsroom'
  const when = adminTime(entry.at)
  const releaseId = idOf(entry.release ?? entry.releaseRef)
  const open = { label: 'Open the release', url: editLink(releaseId) }
  // The note that came with the step, if any, goes with it in full (a return always has one).
  const note = entry.note?.trim()
    ? [{ text: `${by}’s note:` }, { text: entry.note, note: true }]
    : []
  switch (entry.action) {
    case 'submit':
      return {
        subject: `Waiting for review: ${title}`,
        body: [{ text: `${by} submitted “${title}” for review at ${when}.` }, ...note],
        action: { label: 'Review the release', url: open.url },
      }
    case 'return':
      return {
        subject: `Returned to you: ${title}`,
        body: [
          { text: `${by} returned “${title}” to you at ${when}, with this note:` },
          { text: entry.note ?? '', note: true },
          { text: 'Make the changes, then submit it for review again.' },
        ],
        action: open,
      }
    case 'approve':
      return {
        subject: `Published: ${title}`,
        body: [{ text: `${by} approved “${title}” at ${when}, and it is now public.` }, ...note],
        action: open,
      }
    case 'schedule':
      return {
        subject: `Scheduled: ${title}`,
        body: [
          {
            text: `${by} approved “${title}” at ${when}. It is under embargo until ${embargoLine(entry.publishAt ?? release?.publishAt ?? entry.at)}.`,
          },
          ...note,
        ],
        action: open,
      }
    default:
      return {
        subject: `Embargo lifted: ${title}`,
        body: [{ text: `The embargo on “${title}” lifted at ${when}: it is now public.` }],
        action: release?.slug
          ? { label: 'See it on the site', url: `${siteUrl()}/news/${release.slug}` }
          : open,
      }
  }
}

/** The e-mail for one person about one history entry, made when it is sent; none if no longer wanted. */
export const workflowMessage = async (
  req: PayloadRequest,
  entryId: string,
  recipientId: string,
): Promise<Message | null> => {
  const entry = (await req.payload.findByID({
    collection: 'audit-log',
    id: entryId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Entry | null
  const person = (await req.payload.findByID({
    collection: 'users',
    id: recipientId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Person | null
  const notification = entry && notificationFor(entry.action)
  if (!entry || !notification || !person?.email || !wants(person, notification)) return null
  const releaseId = idOf(entry.release ?? entry.releaseRef)
  const release = (await req.payload.findByID({
    collection: 'news',
    id: releaseId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Pick<News, 'slug' | 'publishAt'> | null
  const words = wording(entry, release)
  return buildMessage(
    req.payload,
    {
      kind: `workflow-${entry.action}`,
      recordId: releaseId,
      version: entry.id,
      to: person.email,
      subject: words.subject,
      greeting: person.name ? `Dear ${person.name},` : undefined,
      body: words.body,
      action: words.action,
      small: [SMALL_PRINT],
    },
    req,
  )
}

const LIFT_FAILED = NOTIFICATIONS.find((n) => n.event === 'liftFailed')!
const PREVIEW_OPENED = NOTIFICATIONS.find((n) => n.event === 'previewOpened')!

const editorsWanting = async (payload: Payload, notification: Notification) => {
  const { docs } = await payload.find({
    collection: 'users',
    where: { roles: { in: ['editor', 'admin'] } },
    depth: 0,
    limit: 500,
    overrideAccess: true,
  })
  return (docs as Person[]).filter((person) => person.email && wants(person, notification))
}

/**
 * The lift job gave up (its last retry failed): the editors hear of it, so that someone checks
 * the webhooks and the history by hand. Queued on its own, outside the failed job's work.
 */
export const notifyLiftFailed = async (payload: Payload, jobId: number | string) => {
  for (const person of await editorsWanting(payload, LIFT_FAILED))
    await queueEmail(payload, {
      kind: 'lift-failed',
      recordId: String(jobId),
      recipientId: String(person.id),
    })
}

/** The first time a journalist opens a preview link, the person who made it hears of it. */
export const notifyPreviewOpened = async (payload: Payload, link: PreviewLink) => {
  if ((link.useCount ?? 0) > 0 || link.createdBy == null) return
  await queueEmail(payload, {
    kind: 'preview-opened',
    recordId: String(link.id),
    recipientId: idOf(link.createdBy),
  })
}

const personFor = async (req: PayloadRequest, id: string, notification: Notification) => {
  const person = (await req.payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Person | null
  return person?.email && wants(person, notification) ? person : null
}

const releaseFor = async (req: PayloadRequest, id: string) =>
  (await req.payload.findByID({
    collection: 'news',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Pick<News, 'id' | 'title' | 'slug'> | null

const SMALL_PRINT =
  'You get this e-mail because of your choices under “E-mail me when” on your Newsroom account, where you can change them.'

/** To an editor: an embargo lift's follow-up failed for good. */
export const liftFailedMessage = async (
  req: PayloadRequest,
  jobId: string,
  recipientId: string,
): Promise<Message | null> => {
  const person = await personFor(req, recipientId, LIFT_FAILED)
  const job = (await req.payload.findByID({
    collection: 'payload-jobs',
    id: jobId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as { input?: { releaseId?: string }; totalTried?: number | null } | null
  const releaseId = job?.input?.releaseId
  if (!person || !releaseId) return null
  const release = await releaseFor(req, releaseId)
  const title = release?.title || `release ${releaseId}`
  return buildMessage(
    req.payload,
    {
      kind: 'lift-failed',
      recordId: releaseId,
      version: jobId,
      to: person.email,
      subject: `Embargo lift follow-up failed: ${title}`,
      greeting: person.name ? `Dear ${person.name},` : undefined,
      body: [
        {
          text: `The embargo on “${title}” has lifted and the release is public, but what should follow it did not all happen, after ${job?.totalTried ?? 'several'} tries: the systems told of new releases (webhooks) or its history may have missed it.`,
        },
        {
          text: 'Check with whoever receives the webhooks. An admin can see what failed under Administration → Background tasks.',
        },
      ],
      action: { label: 'Open the release', url: editLink(releaseId) },
      small: [SMALL_PRINT],
    },
    req,
  )
}

/** To whoever made a preview link: a journalist has opened it for the first time. */
export const previewOpenedMessage = async (
  req: PayloadRequest,
  linkId: string,
  recipientId: string,
): Promise<Message | null> => {
  const person = await personFor(req, recipientId, PREVIEW_OPENED)
  const link = (await req.payload.findByID({
    collection: 'preview-links',
    id: linkId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as PreviewLink | null
  if (!person || !link?.lastUsedAt) return null
  const releaseId = idOf(link.release)
  const release = await releaseFor(req, releaseId)
  const title = release?.title || `release ${releaseId}`
  const who = link.label || 'The journalist'
  return buildMessage(
    req.payload,
    {
      kind: 'preview-opened',
      recordId: link.id,
      version: 'first-use',
      to: person.email,
      subject: `Preview opened: ${title}`,
      greeting: person.name ? `Dear ${person.name},` : undefined,
      body: [
        {
          text: `${who} opened the embargoed preview of “${title}” for the first time at ${adminTime(link.lastUsedAt)}.`,
        },
      ],
      action: { label: 'Open the release', url: editLink(releaseId) },
      small: [SMALL_PRINT],
    },
    req,
  )
}

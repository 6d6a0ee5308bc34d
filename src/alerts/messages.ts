/**
 * The e-mails of public alerts, made with the one message builder (src/email/message.ts):
 *
 * - the confirmation (its link made when it is sent: only its hash is ever stored);
 * - "you are already subscribed", with the link to change your choices;
 * - a release that has gone out, an update to one, and the daily digest. These carry the
 *   subscriber's own links to change their choices and to leave, and `List-Unsubscribe` with
 *   `List-Unsubscribe-Post` (RFC 8058), so that a mail program's own "unsubscribe" works in one
 *   click. No tracking: no pictures from elsewhere, no redirected links, nothing per reader but
 *   those two links.
 *
 * Their Message-ID says what they are (the alert, the release, the person), so a message sent
 * again after a crash has the same one as the first.
 */
import type { PayloadRequest } from 'payload'

import { siteHost, siteUrl } from '../config/env'
import { buildMessage, messageWith, type Block, type Footer, type Message } from '../email/message'
import { embargoLine, longDate } from '../fields/ukTime'
import type { Subscriber } from '../payload-types'
import { CONFIRMATION_DAYS, linkToken, newConfirmationToken } from './tokens'

const loadSubscriber = async (req: PayloadRequest, id: string, depth = 0) =>
  (await req.payload.findByID({
    collection: 'subscribers',
    id,
    depth,
    overrideAccess: true,
    showHiddenFields: true,
    disableErrors: true,
    req,
  })) as Subscriber | null

const forceNameOf = async (req: PayloadRequest) =>
  ((await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req }))
    .forceName as string | undefined) || 'Police news'

const list = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' })

/** "all our news, as soon as we publish it"; "news about Appeals and Roads, once a day, at 8am". */
export const describeChoices = (
  subscriber: Pick<Subscriber, 'allNews' | 'categories' | 'frequency'>,
) => {
  const topics = (subscriber.categories ?? []).flatMap((c) =>
    typeof c === 'object' ? [c.name] : [],
  )
  const what =
    subscriber.allNews || topics.length === 0 ? 'all our news' : `news about ${list.format(topics)}`
  const when = subscriber.frequency === 'daily' ? 'once a day, at 8am' : 'as soon as we publish it'
  return `${what}, ${when}`
}

export const manageUrl = (subscriber: Pick<Subscriber, 'id' | 'linkKey'>) =>
  `${siteUrl()}/alerts/manage/${linkToken('manage', subscriber.id, subscriber.linkKey ?? '')}`
export const unsubscribeUrl = (subscriber: Pick<Subscriber, 'id' | 'linkKey'>) =>
  `${siteUrl()}/alerts/unsubscribe/${linkToken('unsubscribe', subscriber.id, subscriber.linkKey ?? '')}`

/** The confirmation, with a new one-time link: any earlier link stops working. None once confirmed. */
export const confirmationMessage = async (
  req: PayloadRequest,
  subscriberId: string,
): Promise<Message | null> => {
  const subscriber = await loadSubscriber(req, subscriberId, 1)
  if (!subscriber || subscriber.status !== 'pending') return null
  const { token, hash, expiresAt } = newConfirmationToken()
  await req.payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: { confirmTokenHash: hash, confirmExpiresAt: expiresAt.toISOString() },
    overrideAccess: true,
    req,
  })
  const forceName = await forceNameOf(req)
  return buildMessage(
    req.payload,
    {
      kind: 'alert-confirm',
      recordId: subscriber.id,
      version: expiresAt.getTime(),
      to: subscriber.email,
      subject: `Confirm you want news from ${forceName} by e-mail`,
      body: [
        {
          text: `Someone, we hope you, asked for news from ${forceName} to be e-mailed to this address: ${describeChoices(subscriber)}.`,
        },
        { text: 'Nothing will be sent until you confirm.' },
      ],
      action: { label: 'Confirm', url: `${siteUrl()}/alerts/confirm/${token}` },
      small: [
        `The link works for ${CONFIRMATION_DAYS} days, once.`,
        'If you did not ask for this, ignore this e-mail: nothing more will be sent to you.',
      ],
    },
    req,
  )
}

/** To a confirmed address that asked again: the link to its choices, instead of a second subscription. */
export const alreadySubscribedMessage = async (
  req: PayloadRequest,
  subscriberId: string,
): Promise<Message | null> => {
  const subscriber = await loadSubscriber(req, subscriberId)
  if (!subscriber || subscriber.status !== 'confirmed') return null
  const forceName = await forceNameOf(req)
  return buildMessage(
    req.payload,
    {
      kind: 'alert-known',
      recordId: subscriber.id,
      version: `${subscriber.requestsSince ? Date.parse(subscriber.requestsSince) : 0}-${subscriber.requests ?? 0}`,
      to: subscriber.email,
      subject: `You already get news from ${forceName} by e-mail`,
      body: [
        {
          text: `Someone, we hope you, asked for news from ${forceName} to be e-mailed to this address. It already gets it.`,
        },
        { text: 'To change what you get or how often, or to stop, use the link below.' },
      ],
      action: { label: 'Change what you get', url: manageUrl(subscriber) },
      small: ['If you did not ask, ignore this e-mail: nothing has changed.'],
    },
    req,
  )
}

/** What an alert says of one release: its headline, its summary and when it went out. */
export type ReleaseSummary = {
  id: number | string
  title: string
  slug: string
  summary?: string | null
  publishAt: string
  category?: { id: number | string; name: string } | null
}

const releaseBlocks = (release: ReleaseSummary): Block[] => [
  { text: release.title, heading: true, href: `${siteUrl()}/news/${release.slug}` },
  ...(release.summary ? [{ text: release.summary }] : []),
  {
    text: `Published at ${embargoLine(release.publishAt)}${release.category ? ` in ${release.category.name}` : ''}.`,
  },
]

/** Every alert to the public carries the person's own links and the headers for one-click leaving. */
const toSubscriber = (
  subscriber: Pick<Subscriber, 'id' | 'email' | 'linkKey'>,
  forceName: string,
) => {
  const unsubscribe = unsubscribeUrl(subscriber)
  return {
    to: subscriber.email,
    links: [
      { label: 'Change what you get', url: manageUrl(subscriber) },
      { label: 'Unsubscribe', url: unsubscribe },
    ],
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `${forceName} news <news.${siteHost()}>`,
    },
  }
}

const whyYouGetThis = (subscriber: Pick<Subscriber, 'frequency'>, forceName: string) =>
  `You get this because you asked for news from ${forceName} by e-mail${subscriber.frequency === 'daily' ? ', once a day' : ''}.`

/** A release went out (or was updated): one e-mail to one subscriber. */
export const releaseAlertMessage = (
  run: { id: number | string; kind: 'release' | 'update' },
  release: ReleaseSummary,
  subscriber: Pick<Subscriber, 'id' | 'email' | 'linkKey' | 'frequency'>,
  footer: Footer,
  update?: { at: string; note: string },
): Message =>
  messageWith(
    {
      kind: `alert-${run.kind}`,
      recordId: release.id,
      version: run.id,
      subject: run.kind === 'update' ? `Updated: ${release.title}` : release.title,
      body: [
        ...(update ? [{ text: `Updated at ${embargoLine(update.at)}: ${update.note}` }] : []),
        ...releaseBlocks(release),
      ],
      small: [whyYouGetThis(subscriber, footer.forceName)],
      ...toSubscriber(subscriber, footer.forceName),
    },
    footer,
  )

/** The day's releases that match one daily subscriber's choices. */
export const digestMessage = (
  run: { id: number | string; periodEnd: string },
  releases: ReleaseSummary[],
  subscriber: Pick<Subscriber, 'id' | 'email' | 'linkKey' | 'frequency'>,
  footer: Footer,
): Message =>
  messageWith(
    {
      kind: 'alert-digest',
      recordId: `digest-${longDate(run.periodEnd).replace(/ /g, '-')}`,
      version: run.id,
      subject: `Your daily news from ${footer.forceName}, ${longDate(run.periodEnd)} (${releases.length} ${releases.length === 1 ? 'release' : 'releases'})`,
      body: [
        {
          text: `What ${footer.forceName} published in the day to 8am on ${longDate(run.periodEnd)}:`,
        },
        ...releases.flatMap(releaseBlocks),
      ],
      small: [whyYouGetThis(subscriber, footer.forceName)],
      ...toSubscriber(subscriber, footer.forceName),
    },
    footer,
  )

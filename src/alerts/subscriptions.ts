/**
 * Subscribing to news by e-mail, as the public does it on /alerts (src/alerts/routes.tsx):
 *
 * - Double opt-in. A request sends only a confirmation e-mail; nothing else is sent until its
 *   link (valid 7 days, used once) is followed and confirmed. An address already confirmed gets
 *   an e-mail with the link to change its choices instead, so that nobody can change someone
 *   else's choices, and the page says the same whether or not the address was known.
 * - At most three such e-mails a day to one address (the count is kept with the subscriber, so
 *   it holds across servers); requests from one client address are limited too (routes.tsx).
 * - Each subscriber's links to change their choices or leave are signed (tokens.ts).
 */
import type { Payload } from 'payload'

import { queueEmail } from '../email/queue'
import type { Subscriber } from '../payload-types'
import {
  CONFIRMATION_TOKEN,
  hashOf,
  idInLinkToken,
  linkTokenMatches,
  newLinkKey,
  type LinkPurpose,
} from './tokens'

export const REQUESTS_PER_DAY = 3
const DAY = 24 * 60 * 60 * 1000

export type Frequency = 'immediately' | 'daily'
export type Choices = {
  allNews: boolean
  categories: (number | string)[]
  frequency: Frequency
}

export type FieldError = { field: string; message: string }

type Category = { id: number | string; name: string }

// A plain check of shape, as browsers make for type="email": one @, a dot in the domain, no spaces.
const EMAIL =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/

const one = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) ? one(value[0]) : undefined
const many = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((v) => typeof v === 'string')
      : []

/** What the form says, checked: the choices, or a message for each field that is wrong. */
export const readChoices = (
  body: Record<string, unknown>,
  categories: Category[],
): { choices: Choices; errors: FieldError[] } => {
  const errors: FieldError[] = []
  const what = one(body.what)
  const known = new Map(categories.map((category) => [String(category.id), category.id]))
  const chosen = many(body.categories)
  const picked = chosen.flatMap((id) => (known.has(id) ? [known.get(id)!] : []))
  if (what !== 'all' && what !== 'some')
    errors.push({ field: 'what', message: 'Choose all news, or news about the topics you pick' })
  else if (what === 'some' && picked.length === 0)
    errors.push({ field: 'categories', message: 'Choose at least one topic, or choose all news' })
  if (chosen.length !== picked.length)
    errors.push({ field: 'categories', message: 'Choose topics from the list' })
  const frequency = one(body.frequency)
  if (frequency !== 'immediately' && frequency !== 'daily')
    errors.push({ field: 'frequency', message: 'Choose how often you want e-mails' })
  return {
    choices: {
      allNews: what !== 'some',
      categories: what === 'some' ? picked : [],
      frequency: frequency === 'daily' ? 'daily' : 'immediately',
    },
    errors,
  }
}

/** The address typed, checked and in one spelling (lower case, no spaces around). */
export const readEmail = (body: Record<string, unknown>): { email: string; error?: FieldError } => {
  const email = (one(body.email) ?? '').trim().toLowerCase()
  if (!email) return { email, error: { field: 'email', message: 'Enter your e-mail address' } }
  if (email.length > 254 || !EMAIL.test(email))
    return {
      email,
      error: {
        field: 'email',
        message: 'Enter an e-mail address in the right format, like name@example.com',
      },
    }
  return { email }
}

/**
 * The mailbox an address reaches: `ann+alerts@example.org` is `ann@example.org`'s. The day's
 * allowance is counted per mailbox, so that tags cannot multiply it.
 */
export const mailboxOf = (email: string) => {
  const at = email.lastIndexOf('@')
  return `${email.slice(0, at).split('+')[0]}${email.slice(at)}`.toLowerCase()
}

/** Waiting for confirmation this long (a day past the link's 7) and never confirmed: forgotten. */
export const UNCONFIRMED_KEPT_DAYS = 8

const find = async (payload: Payload, email: string) =>
  ((
    await payload.find({
      collection: 'subscribers',
      where: { email: { equals: email } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
    })
  ).docs[0] as Subscriber | undefined) ?? null

const usedToday = (subscriber: Subscriber, now: Date) => {
  const since = subscriber.requestsSince ? Date.parse(subscriber.requestsSince) : NaN
  return Number.isFinite(since) && now.getTime() - since < DAY ? (subscriber.requests ?? 0) : 0
}

/**
 * Counts an e-mail to the address against its mailbox's allowance for the day (every address
 * of the mailbox together); false when the day's three are used.
 */
const allowance = async (
  payload: Payload,
  email: string,
  subscriber: Subscriber | null,
  now: Date,
) => {
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: {
      and: [
        { mailbox: { equals: mailboxOf(email) } },
        { requestsSince: { greater_than: new Date(now.getTime() - DAY).toISOString() } },
      ],
    },
    limit: 50,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const mine = subscriber ? usedToday(subscriber, now) : 0
  const others = (docs as Subscriber[]).filter((doc) => String(doc.id) !== String(subscriber?.id))
  const used = mine + others.reduce((sum, doc) => sum + usedToday(doc, now), 0)
  const since = subscriber?.requestsSince
  return {
    allowed: used < REQUESTS_PER_DAY,
    data: {
      mailbox: mailboxOf(email),
      requestsSince: mine > 0 && since ? since : now.toISOString(),
      requests: mine + 1,
    },
  }
}

const isClash = (error: unknown) =>
  /unique|duplicate|E11000|UNIQUE constraint/i.test(String((error as Error)?.message ?? error)) ||
  (error as { name?: string })?.name === 'ValidationError'

/**
 * Someone asked for alerts at `email`. A new or lapsed address is written down as waiting, with
 * these choices, and sent a confirmation; a confirmed one is sent the link to its choices.
 * Says nothing of which it was: the page is the same for everyone.
 */
export const requestSubscription = async (
  payload: Payload,
  email: string,
  choices: Choices,
  now = new Date(),
): Promise<void> => {
  let subscriber = await find(payload, email)
  const { allowed, data } = await allowance(payload, email, subscriber, now)
  if (!allowed) {
    payload.logger.info('An alerts request was not sent: that mailbox has had three today.')
    return
  }
  if (subscriber?.status === 'confirmed') {
    await payload.update({
      collection: 'subscribers',
      id: subscriber.id,
      data,
      overrideAccess: true,
    })
    await queueEmail(payload, { kind: 'alert-known', recordId: String(subscriber.id) })
    return
  }
  const fields = {
    status: 'pending' as const,
    allNews: choices.allNews,
    categories: choices.categories as number[],
    frequency: choices.frequency,
    ...data,
  }
  if (subscriber) {
    subscriber = (await payload.update({
      collection: 'subscribers',
      id: subscriber.id,
      data: fields,
      overrideAccess: true,
    })) as Subscriber
  } else {
    try {
      subscriber = (await payload.create({
        collection: 'subscribers',
        data: { email, linkKey: newLinkKey(), ...fields },
        overrideAccess: true,
      })) as Subscriber
    } catch (error) {
      // The same address asked twice at once: the other request has it in hand.
      if (isClash(error)) return
      throw error
    }
  }
  // The link itself is made when the e-mail is sent (messages.ts): only its hash is ever stored.
  await queueEmail(payload, { kind: 'alert-confirm', recordId: String(subscriber.id) })
}

export type Confirmation =
  { status: 'confirmed' | 'already'; subscriber: Subscriber } | { status: 'expired' | 'unknown' }

/** Whom a confirmation link is for, without using it (the page asks them to press Confirm). */
export const lookUpConfirmation = async (
  payload: Payload,
  token: string,
): Promise<Confirmation> => {
  if (!CONFIRMATION_TOKEN.test(token)) return { status: 'unknown' }
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: { confirmTokenHash: { equals: hashOf(token) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const subscriber = docs[0] as Subscriber | undefined
  if (!subscriber) {
    // A link already used: the subscription it confirmed, if it is still there.
    const used = await payload.find({
      collection: 'subscribers',
      where: { confirmedTokenHash: { equals: hashOf(token) } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
    })
    const confirmed = used.docs[0] as Subscriber | undefined
    return confirmed ? { status: 'already', subscriber: confirmed } : { status: 'unknown' }
  }
  if (!subscriber.confirmExpiresAt || Date.parse(subscriber.confirmExpiresAt) <= Date.now())
    return { status: 'expired' }
  return { status: subscriber.status === 'confirmed' ? 'already' : 'confirmed', subscriber }
}

/** Follows a confirmation link: the subscription starts now; the link is spent. */
export const confirmSubscription = async (
  payload: Payload,
  token: string,
): Promise<Confirmation> => {
  const found = await lookUpConfirmation(payload, token)
  if (found.status !== 'confirmed') return found
  const subscriber = (await payload.update({
    collection: 'subscribers',
    id: found.subscriber.id,
    data: {
      status: 'confirmed',
      confirmedAt: new Date().toISOString(),
      confirmTokenHash: null,
      confirmedTokenHash: hashOf(token),
      confirmExpiresAt: null,
    },
    overrideAccess: true,
  })) as Subscriber
  return { status: 'confirmed', subscriber }
}

/** The subscriber a manage or unsubscribe link is for, if its signature holds; else null. */
export const subscriberForLink = async (
  payload: Payload,
  token: string,
  purpose: LinkPurpose,
): Promise<Subscriber | null> => {
  const id = idInLinkToken(token)
  if (!id) return null
  const subscriber = (await payload.findByID({
    collection: 'subscribers',
    id,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    disableErrors: true,
  })) as Subscriber | null
  return subscriber && linkTokenMatches(token, purpose, subscriber) ? subscriber : null
}

/** New choices, from the subscriber's own link. */
export const changeChoices = async (payload: Payload, subscriber: Subscriber, choices: Choices) =>
  (await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: {
      allNews: choices.allNews,
      categories: choices.categories as number[],
      frequency: choices.frequency,
    },
    overrideAccess: true,
  })) as Subscriber

/**
 * No more alerts to this address: the subscriber is deleted, with every delivery to them. Nothing
 * of them needs keeping; should they come back, they subscribe and confirm again.
 */
export const unsubscribe = async (payload: Payload, subscriber: Subscriber) => {
  await payload.delete({ collection: 'subscribers', id: subscriber.id, overrideAccess: true })
}

/** Addresses typed on /alerts and never confirmed are not kept: gone 8 days after the last request. */
export const forgetUnconfirmed = async (payload: Payload, now = new Date()) => {
  const { docs } = await payload.delete({
    collection: 'subscribers',
    where: {
      and: [
        { status: { equals: 'pending' } },
        {
          updatedAt: {
            less_than: new Date(now.getTime() - UNCONFIRMED_KEPT_DAYS * DAY).toISOString(),
          },
        },
      ],
    },
    overrideAccess: true,
    depth: 0,
  })
  return docs.length
}

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

/** Counts an e-mail to the address against its day's allowance; false when the day's three are used. */
const allowance = (subscriber: Subscriber | null, now: Date) => {
  const since = subscriber?.requestsSince ? Date.parse(subscriber.requestsSince) : NaN
  const sameDay = Number.isFinite(since) && now.getTime() - since < DAY
  const used = sameDay ? (subscriber?.requests ?? 0) : 0
  return {
    allowed: used < REQUESTS_PER_DAY,
    data: {
      requestsSince: (sameDay ? new Date(since) : now).toISOString(),
      requests: used + 1,
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
  const { allowed, data } = allowance(subscriber, now)
  if (!allowed) {
    payload.logger.info('An alerts request was not sent: that address has had three today.')
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
  if (!subscriber) return { status: 'unknown' }
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

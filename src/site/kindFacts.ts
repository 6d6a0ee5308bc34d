import type { Media, News } from '../payload-types'
import { forceTime, longDate } from '../fields/ukTime'
import { safeHref } from '../richtext/slate'
import { CRIMESTOPPERS, KIND_LABELS, kindOf, type Kind } from '../releases/kinds'
import { asMedia } from './components/Picture'

/**
 * What a police release says beyond the news itself (src/releases/kinds.ts), as the public
 * reads it: the facts, the person's picture, and what to do. The page's block
 * (components/KindBlock.tsx), the feeds and the copy for the media all read it from here, so
 * that they say the same words.
 */

/** A fact's value: words, a moment (shown in UK time, as the site shows times) or a day. */
export type FactValue = { text: string } | { time: string } | { day: string }
export type Fact = { label: string; value: FactValue }

/** Part of a sentence: words, or words that are a link (a phone number, the online form). */
export type Segment = string | { text: string; href: string }
export type Line = Segment[]

export type KindDetails = {
  kind: Exclude<Kind, 'news'>
  heading: string
  facts: Fact[]
  /** The person's picture: shown on the page only, never in feeds, e-mail or structured data. */
  photo: { media: Media; caption?: string } | null
  /** How to answer: the heading (when the lines need one) and the lines, the first ones first. */
  action: { heading?: string; lines: Line[] } | null
  /** What ended the call for help (the appeal closed, the person arrested): said in its place. */
  ended: { heading: string; label: string; at: string; text: string } | null
}

export type KindOptions = {
  /** The force's online report form (site settings), for an appeal's ways to answer. */
  onlineReportUrl?: string | null
}

const tel = (number: string): Segment => ({
  text: number,
  href: `tel:${number.replace(/\s/g, '')}`,
})

const quoting = (reference: string | null) => (reference ? ` quoting ${reference}` : '')

const present = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null

const facts = (...entries: [string, FactValue | null][]): Fact[] =>
  entries.flatMap(([label, value]) => (value ? [{ label, value }] : []))

const text = (value: unknown): FactValue | null => {
  const words = typeof value === 'number' ? String(value) : present(value)
  return words ? { text: words } : null
}
const time = (value: unknown): FactValue | null =>
  present(value) ? { time: value as string } : null
const day = (value: unknown): FactValue | null => (present(value) ? { day: value as string } : null)

const appeal = (release: News, { onlineReportUrl }: KindOptions): KindDetails => {
  const given = release.appeal ?? {}
  const reference = present(given.reference)
  const online = safeHref(onlineReportUrl)
  const closedAt = release.after?.appealClosedAt
  return {
    kind: 'appeal',
    heading: KIND_LABELS.appeal,
    facts: facts(
      ['Crime reference', text(reference)],
      ['When it happened', time(given.happenedAt)],
      ['Where it happened', text(given.happenedWhere)],
      ['What we want to know', text(given.whatWeNeed)],
    ),
    photo: null,
    action: closedAt
      ? null
      : {
          heading: 'How to contact us',
          lines: [
            ['Call ', tel('101'), `${quoting(reference)}.`],
            ...(online
              ? [
                  [
                    'Report online using ',
                    { text: 'our online form', href: online },
                    `${quoting(reference)}.`,
                  ],
                ]
              : []),
            ['To stay anonymous, call Crimestoppers on ', tel(CRIMESTOPPERS), '.'],
            ['If someone is in danger now, call ', tel('999'), '.'],
          ],
        },
    ended: closedAt
      ? {
          heading: 'This appeal is now closed',
          label: 'Closed',
          at: closedAt,
          text: 'Thank you to everyone who shared it or got in touch.',
        }
      : null,
  }
}

const photoOf = (value: unknown, caption?: string): KindDetails['photo'] => {
  const media = asMedia(value)
  return media ? { media, ...(caption ? { caption } : {}) } : null
}

const missingPerson = (release: News): KindDetails => {
  const person = release.missingPerson ?? {}
  const reference = present(person.reference)
  const foundAt = release.after?.foundAt
  return {
    kind: 'missing-person',
    heading: KIND_LABELS['missing-person'],
    facts: facts(
      ['Name', text(person.name)],
      ['Age', text(person.age)],
      ['Description', text(person.description)],
      ['Last seen', time(person.lastSeenAt)],
      ['Last seen at', text(person.lastSeenWhere)],
      ['Reference', text(reference)],
    ),
    photo: photoOf(person.photo),
    // Found: nothing of them is left to show, and nobody is to look out for them any more.
    action: foundAt
      ? null
      : { lines: [['If you see them, call ', tel('999'), `${quoting(reference)}.`]] },
    ended: foundAt
      ? {
          heading: 'Missing person found',
          label: 'Found',
          at: foundAt,
          text: 'Thank you for sharing our appeal.',
        }
      : null,
  }
}

const wanted = (release: News): KindDetails => {
  const person = release.wanted ?? {}
  const reference = present(person.reference)
  const arrestedAt = release.after?.arrestedAt
  return {
    kind: 'wanted',
    heading: KIND_LABELS.wanted,
    facts: facts(
      ['Name', text(person.name)],
      ['Age', text(person.age)],
      ['Area they are known to go to', text(person.area)],
      ['Wanted for', text(person.wantedFor)],
      ['Reference', text(reference)],
    ),
    // The workflow deletes the photo at the arrest; a stale copy of the release is no reason to show one.
    photo: arrestedAt ? null : photoOf(person.photo),
    action: arrestedAt
      ? null
      : { lines: [['Do not approach them; call ', tel('999'), `${quoting(reference)}.`]] },
    ended: arrestedAt
      ? {
          heading: 'They have been arrested',
          label: 'Arrested',
          at: arrestedAt,
          text: 'Thank you for your help.',
        }
      : null,
  }
}

const courtResult = (release: News): KindDetails => {
  const result = release.courtResult ?? {}
  return {
    kind: 'court-result',
    heading: KIND_LABELS['court-result'],
    facts: facts(
      ['Defendant', text(result.defendantName)],
      ['Age', text(result.defendantAge)],
      ['From', text(result.defendantTown)],
      ['Court', text(result.court)],
      ['Offences', text(result.offences)],
      ['Sentence', text(result.sentence)],
      ['Sentenced on', day(result.sentencedOn)],
    ),
    photo: photoOf(result.custodyImage, 'Custody image'),
    action: null,
    ended: null,
  }
}

/** What the release's kind adds, or null for news (and for a kind with nothing filled in). */
export const kindDetails = (release: News, options: KindOptions = {}): KindDetails | null => {
  const kind = kindOf(release)
  const details =
    kind === 'appeal'
      ? appeal(release, options)
      : kind === 'missing-person'
        ? missingPerson(release)
        : kind === 'wanted'
          ? wanted(release)
          : kind === 'court-result'
            ? courtResult(release)
            : null
  if (!details) return null
  return details.facts.length || details.photo || details.action || details.ended ? details : null
}

// ---------------------------------------------------------------- as plain text

export const factText = (value: FactValue): string =>
  'text' in value ? value.text : 'time' in value ? forceTime(value.time) : longDate(value.day)

/** A line as words: a link's address follows it in brackets, unless it is a phone number. */
export const lineText = (line: Line): string =>
  line
    .map((segment) =>
      typeof segment === 'string'
        ? segment
        : segment.href.startsWith('tel:')
          ? segment.text
          : `${segment.text} (${segment.href})`,
    )
    .join('')

/** The block as plain text, for the copy for the media: the heading in capitals, then each fact and line. */
export const kindText = (details: KindDetails): string =>
  [
    details.heading.toUpperCase(),
    ...details.facts.map((fact) => `${fact.label}: ${factText(fact.value)}`),
    ...(details.action
      ? [
          ...(details.action.heading ? [`${details.action.heading}:`] : []),
          ...details.action.lines.map((line) =>
            details.action!.heading ? `- ${lineText(line)}` : lineText(line),
          ),
        ]
      : []),
    ...(details.ended
      ? [
          `${details.ended.heading}. ${details.ended.label} ${forceTime(details.ended.at)}. ${details.ended.text}`,
        ]
      : []),
  ].join('\n')

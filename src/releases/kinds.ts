/**
 * The kinds of release a police force publishes, and what each says beyond the news itself:
 * an appeal for information, a missing person, a wanted person, a court result. Their fields
 * are in collections/News/kinds.ts; what happens to them after publication (found, arrested,
 * charged, the appeal closed, the review of pictures kept) is in src/workflow/ and
 * src/takedown/. This module holds the words and rules they share with the public site, the
 * copy for the media and the desk.
 */
import type { News } from '../payload-types'

export const KINDS = ['news', 'appeal', 'missing-person', 'wanted', 'court-result'] as const
export type Kind = (typeof KINDS)[number]

export const KIND_LABELS: Record<Kind, string> = {
  news: 'News',
  appeal: 'Appeal for information',
  'missing-person': 'Missing person',
  wanted: 'Wanted',
  'court-result': 'Court result',
}

/** The plural, for the public listing's filter ("Appeals for information"). */
export const KIND_PLURALS: Record<Kind, string> = {
  news: 'News',
  appeal: 'Appeals for information',
  'missing-person': 'Missing people',
  wanted: 'Wanted people',
  'court-result': 'Court results',
}

export const isKind = (value: unknown): value is Kind =>
  typeof value === 'string' && (KINDS as readonly string[]).includes(value)

export const kindOf = (release: Pick<News, 'kind'>): Kind =>
  isKind(release.kind) ? release.kind : 'news'

/**
 * Kinds whose address is not made from the headline: a missing or wanted person's name is
 * often in it, and an address outlives a takedown (it is kept, with a notice, after they are
 * found). Their address is neutral from the start: "missing-person-appeal", "-2"…
 */
export const NEUTRAL_ADDRESS: Partial<Record<Kind, string>> = {
  'missing-person': 'missing-person-appeal',
  wanted: 'wanted-appeal',
}

/** Crimestoppers' number, for anyone who would rather not give their name. */
export const CRIMESTOPPERS = '0800 555 111'

/** What the public reads once a missing person is found; nothing about them stays. */
export const FOUND_NOTICE =
  'The person we appealed for has been found. Thank you for sharing our appeal.'
export const FOUND_TITLE = 'Missing person found'

/** The line added to a wanted appeal once the person is arrested. */
export const ARRESTED_NOTE =
  'The person we wanted to trace has been arrested. Thank you for your help.'

/** What a court result or a custody picture is kept for before it is reviewed, unless the site settings say. */
export const DEFAULT_RETENTION_MONTHS = 12
/** How long a found person's page keeps its notice before it answers 410 Gone, unless the settings say. */
export const DEFAULT_FOUND_NOTICE_DAYS = 28

/** The pictures of people in a release: taken down with it (found, arrested, reviewed). */
export const peoplePictureIds = (release: Partial<News>): (number | string)[] =>
  [release.missingPerson?.photo, release.wanted?.photo, release.courtResult?.custodyImage]
    .map((value) =>
      value && typeof value === 'object' ? (value as { id: number | string }).id : value,
    )
    .filter((value): value is number | string => value != null)

/** The person a release names in its structured fields, if any (for the contempt-of-court warning). */
export const namedPerson = (release: Partial<News>): string | null => {
  const name =
    release.missingPerson?.name ?? release.wanted?.name ?? release.courtResult?.defendantName
  return typeof name === 'string' && name.trim() ? name.trim() : null
}

import type { News } from '../payload-types'
import { foldAccents, slateToPlainText } from '../richtext/slate'

export const MAX_QUERY_LENGTH = 200
const MAX_WORDS = 8

export type ParsedQuery = { query: string; words: string[]; error?: string }

/** The words to look for: letters and digits, lower case, each once, at most eight. */
export const parseQuery = (raw: unknown): ParsedQuery => {
  if (Array.isArray(raw)) return { query: '', words: [], error: 'Enter one search, not several.' }
  const query = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : ''
  if (query.length > MAX_QUERY_LENGTH) {
    return {
      query: query.slice(0, MAX_QUERY_LENGTH),
      words: [],
      error: `Enter ${MAX_QUERY_LENGTH} characters or fewer.`,
    }
  }
  const words = [
    ...new Set(
      foldAccents(query)
        .toLowerCase()
        .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [],
    ),
  ].slice(0, MAX_WORDS)
  return { query, words }
}

/**
 * The body as one line for an excerpt, its blocks (paragraphs, headings, list items) kept
 * apart: a block that ends without punctuation is followed by an ellipsis, so that list
 * items are not read as one sentence.
 */
const bodyText = (release: Pick<News, 'body'>) =>
  slateToPlainText(release.body)
    .split('\n')
    .map((block, i, blocks) =>
      i === blocks.length - 1 || /[.!?:;…,]$/.test(block) ? block : `${block} …`,
    )
    .join(' ')

/** Lower case with accents folded, a letter for a letter, so that positions in it are positions in the text. */
export const foldText = (text: string) =>
  [...text]
    .map((ch) =>
      ch.length > 1 ? '\u0000' : (foldAccents(ch).toLowerCase() || ch).slice(0, 1) || ch,
    )
    .join('')

const count = (text: string | null | undefined, word: string) => {
  if (!text) return 0
  const lower = foldAccents(text).toLowerCase()
  let n = 0
  for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + word.length)) n += 1
  return n
}

/**
 * Best first: the database's full-text ranking (which counts the body), lifted for the
 * words found in the title, then in the summary.
 */
export const rank = <T extends Pick<News, 'title' | 'summary'>>(
  releases: T[],
  words: string[],
): T[] =>
  releases
    .map((release, position) => ({
      release,
      position,
      score: words.reduce(
        (sum, word) =>
          sum +
          2 * Math.min(1, count(release.title, word)) +
          Math.min(1, count(release.summary, word)),
        0,
      ),
    }))
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map(({ release }) => release)

/** The summary when a word is in it, otherwise the part of the text around the first word found. */
export const snippet = (
  release: Pick<News, 'summary' | 'body'>,
  words: string[],
  width = 220,
): string => {
  if (release.summary && words.some((word) => count(release.summary, word) > 0))
    return release.summary
  const chars = [...bodyText(release).replace(/\s+/g, ' ')]
  const folded = foldText(chars.join(''))
  const at = Math.min(...words.map((word) => folded.indexOf(word)).filter((i) => i >= 0))
  if (!Number.isFinite(at)) return release.summary ?? ''
  const start = Math.max(0, at - Math.floor(width / 3))
  let piece = chars.slice(start, start + width).join('')
  if (start > 0) piece = piece.replace(/^\S*\s/, '')
  return `${start > 0 ? '…' : ''}${piece.trim()}${start + width < chars.length ? '…' : ''}`
}

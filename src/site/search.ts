import type { News } from '../payload-types'
import { slateToPlainText } from '../richtext/slate'

export const MAX_QUERY_LENGTH = 200
const MAX_WORDS = 8

export type ParsedQuery = { query: string; words: string[]; error?: string }

/** The words to look for: letters and digits, lower case, each once, at most eight. */
export const parseQuery = (raw: unknown): ParsedQuery => {
  if (Array.isArray(raw)) return { query: '', words: [], error: 'Enter one search, not several.' }
  const query = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : ''
  if (query.length > MAX_QUERY_LENGTH) {
    return { query: query.slice(0, MAX_QUERY_LENGTH), words: [], error: `Enter ${MAX_QUERY_LENGTH} characters or fewer.` }
  }
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [])].slice(0, MAX_WORDS)
  return { query, words }
}

const bodyText = (release: News) => slateToPlainText(release.body)

const count = (text: string | null | undefined, word: string) => {
  if (!text) return 0
  const lower = text.toLowerCase()
  let n = 0
  for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + word.length)) n += 1
  return n
}

/** Best first: a word in the title counts most, then in the summary, then in the body; newer wins a tie. */
export const rank = (releases: News[], words: string[]): News[] =>
  releases
    .map((release) => ({
      release,
      score: words.reduce(
        (sum, word) => sum + 6 * count(release.title, word) + 3 * count(release.summary, word) + count(bodyText(release), word),
        0,
      ),
    }))
    .sort((a, b) => b.score - a.score || Date.parse(b.release.publishAt ?? '') - Date.parse(a.release.publishAt ?? ''))
    .map(({ release }) => release)

/** The summary when a word is in it, otherwise the part of the text around the first word found. */
export const snippet = (release: News, words: string[], width = 220): string => {
  if (release.summary && words.some((word) => count(release.summary, word) > 0)) return release.summary
  const text = bodyText(release).replace(/\s+/g, ' ')
  const lower = text.toLowerCase()
  const at = Math.min(...words.map((word) => lower.indexOf(word)).filter((i) => i >= 0))
  if (!Number.isFinite(at)) return release.summary ?? ''
  const start = Math.max(0, at - width / 3)
  const piece = text.slice(start, start + width).replace(/^\S*\s/, start > 0 ? '' : '$&')
  return `${start > 0 ? '…' : ''}${piece.trim()}${start + width < text.length ? '…' : ''}`
}

import type { ReactNode } from 'react'

import type { SiteSetting } from '../../payload-types'
import type { PageModule } from '../page'
import { foldText, parseQuery, rank, snippet } from '../search'

import { ReleaseItem } from '../components/ReleaseList'
import { SearchForm } from '../components/SearchForm'
import type { ReleaseCard } from '../content'

export type SearchResult = { release: ReleaseCard; snippet: string }

/** The text with each matched word (accents or not) wrapped in <mark>; React escapes the rest. */
export const highlight = (text: string, words: string[]): ReactNode[] => {
  if (words.length === 0) return [text]
  const chars = [...text]
  const folded = foldText(text)
  const marked = new Array<boolean>(chars.length).fill(false)
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length))
      marked.fill(true, at, at + word.length)
  }
  const parts: ReactNode[] = []
  let start = 0
  for (let i = 1; i <= chars.length; i++) {
    if (i === chars.length || marked[i] !== marked[start]) {
      const piece = chars.slice(start, i).join('')
      parts.push(marked[start] ? <mark key={start}>{piece}</mark> : piece)
      start = i
    }
  }
  return parts
}

export const SearchPage = ({
  query,
  words,
  results,
  more = false,
  error,
}: {
  query: string
  words: string[]
  results: SearchResult[] | null
  more?: boolean
  error?: string
}) => (
  <>
    <h1>Search news</h1>
    <SearchForm query={query} />
    {error ? (
      <p className="error-message" role="alert">
        {error}
      </p>
    ) : null}
    {results?.length === 0 ? (
      <>
        <h2 className="search-count" aria-live="polite">{`No releases match “${query}”`}</h2>
        <p>Check the spelling, or try fewer or different words.</p>
      </>
    ) : results ? (
      <>
        <h2 className="search-count" aria-live="polite">
          {`${more ? 'The best ' : ''}${results.length} ${results.length === 1 ? 'result' : 'results'} for “${query}”`}
        </h2>
        {more ? <p>There are more. Add another word to narrow the search.</p> : null}
        <ul className="releases">
          {results.map(({ release, snippet }) => (
            <ReleaseItem
              key={release.id}
              release={release}
              headingLevel={3}
              title={highlight(release.title, words)}
              summary={<p className="release__summary">{highlight(snippet, words)}</p>}
            />
          ))}
        </ul>
      </>
    ) : null}
  </>
)

type Search = {
  settings: SiteSetting
  query: string
  words: string[]
  results: SearchResult[] | null
  more: boolean
  error?: string
}

/** /search?q=: the releases matching the words, best first. A refused query is a 400, never kept. */
export const searchPage: PageModule<Search> = {
  path: '/search',
  load: async (req, { content }) => {
    const { query, words, error } = parseQuery(req.query.q)
    const settings = await content.settings()
    const found = error || !query ? null : await content.matching(words)
    const results = found
      ? rank(found.docs, words).map((release) => ({ release, snippet: snippet(release, words) }))
      : null
    return { settings, query, words, results, more: found?.more ?? false, error }
  },
  metadata: ({ query }) => ({
    title: query ? `Search: ${query}` : 'Search news',
    canonicalPath: '/search',
    noindex: Boolean(query),
  }),
  Component: ({ query, words, results, more, error }) => (
    <SearchPage query={query} words={words} results={results} more={more} error={error} />
  ),
  status: ({ error }) => (error ? 400 : 200),
  noStore: ({ error }) => Boolean(error),
  cache: { query: ['q'], first: false },
}

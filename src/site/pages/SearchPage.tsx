import type { ReactNode } from 'react'

import { ReleaseItem } from '../components/ReleaseList'
import { SearchForm } from '../components/SearchForm'
import type { ReleaseCard } from '../content'

export type SearchResult = { release: ReleaseCard; snippet: string }

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The text with each matched word wrapped in <mark>; React escapes the rest. */
export const highlight = (text: string, words: string[]): ReactNode[] => {
  if (words.length === 0) return [text]
  const pattern = new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'gi')
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))
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
    {results ? (
      <>
        <h2 className="search-count" aria-live="polite">
          {results.length === 0
            ? `No news matches “${query}”`
            : `${more ? 'The best ' : ''}${results.length} ${results.length === 1 ? 'result' : 'results'} for “${query}”`}
        </h2>
        {more ? <p>There are more. Add another word to narrow the search.</p> : null}
        {results.length === 0 ? <p>Check the spelling, or try fewer or different words.</p> : null}
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

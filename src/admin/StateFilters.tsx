'use client'
import { useSearchParams } from 'next/navigation'

import { stateQuery } from '../releases/state'
import type { ReleaseState } from '../workflow/machine'

const FILTERS: { label: string; state: ReleaseState }[] = [
  { label: 'Drafts', state: 'draft' },
  { label: 'In review', state: 'in-review' },
  { label: 'Scheduled', state: 'scheduled' },
  { label: 'Published', state: 'published' },
  { label: 'Withdrawn', state: 'withdrawn' },
]

/** The same filter whatever moment it was made at: the times in it are the clock, not the choice. */
const withoutTimes = (query: string) =>
  decodeURIComponent(query)
    .split('&')
    .filter((part) => part.startsWith('where['))
    .map((part) => part.replace(/=\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, '=now'))
    .sort()
    .join('&')

/** Links that filter the list of releases by state; scheduled and published are told apart by the clock, now. */
export const StateFilters = () => {
  const search = useSearchParams()
  const now = new Date()
  const filters = [
    { label: 'All', query: '' },
    ...FILTERS.map(({ label, state }) => ({ label, query: stateQuery(state, now) })),
  ]
  const current = withoutTimes(search.toString())
  const isCurrent = (query: string) => withoutTimes(query) === current
  return (
    <nav className="newsroom-state-filters" aria-label="Filter releases by state">
      {filters.map((filter) => (
        <a
          key={filter.label}
          href={`?${filter.query}`}
          aria-current={isCurrent(filter.query) ? 'page' : undefined}
        >
          {filter.label}
        </a>
      ))}
    </nav>
  )
}

'use client'
import { useSearchParams } from 'next/navigation'

const param = (key: string, value: string) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`

/** Links that filter the list of releases by state; scheduled and published are told apart by the clock, now. */
export const StateFilters = () => {
  const search = useSearchParams()
  const now = new Date().toISOString()
  const filters = [
    { label: 'All', query: '' },
    { label: 'Drafts', query: param('where[workflowState][equals]', 'draft') },
    { label: 'In review', query: param('where[workflowState][equals]', 'in-review') },
    {
      label: 'Scheduled',
      query: [param('where[and][0][workflowState][equals]', 'approved'), param('where[and][1][publishAt][greater_than]', now)].join('&'),
    },
    {
      label: 'Published',
      query: [param('where[and][0][workflowState][equals]', 'approved'), param('where[and][1][publishAt][less_than_equal]', now)].join('&'),
    },
    { label: 'Withdrawn', query: param('where[workflowState][equals]', 'withdrawn') },
  ]
  const current = decodeURIComponent(search.toString())
  const isCurrent = (query: string) => {
    const decoded = decodeURIComponent(query)
    if (!decoded) return !current.includes('where[')
    const state = /workflowState\]\[equals\]=([a-z-]+)/.exec(decoded)?.[1]
    const time = /publishAt\]\[(greater_than|less_than_equal)\]/.exec(decoded)?.[1]
    return Boolean(state && current.includes(`[equals]=${state}`) && (!time || current.includes(`publishAt][${time}]`)))
  }
  return (
    <nav className="newsroom-state-filters" aria-label="Filter releases by state">
      {filters.map((filter) => (
        <a key={filter.label} href={`?${filter.query}`} aria-current={isCurrent(filter.query) ? 'page' : undefined}>
          {filter.label}
        </a>
      ))}
    </nav>
  )
}

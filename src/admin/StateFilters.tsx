'use client'
import { useSearchParams } from 'next/navigation'
import type { Where } from 'payload'

import { KIND_PLURALS, KINDS, type Kind } from '../releases/kinds'
import { whereState, whereToQuery } from '../releases/state'
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

type Choice = { state: ReleaseState | null; kind: Kind | null }

/** A state and a kind as the list's address carries them; a state alone is exactly `stateQuery`'s. */
const queryFor = ({ state, kind }: Choice, now: Date) => {
  const parts: Where[] = [
    ...(state ? [whereState(state, now)] : []),
    ...(kind ? [{ kind: { equals: kind } }] : []),
  ]
  if (parts.length === 0) return ''
  return whereToQuery(parts.length === 1 ? parts[0]! : { and: parts }).join('&')
}

const STATES = [null, ...FILTERS.map((f) => f.state)]
const ALL_KINDS = [null, ...KINDS]

/**
 * Links that filter the list of releases by state and by kind, each keeping the other's choice;
 * scheduled and published are told apart by the clock, now.
 */
export const StateFilters = () => {
  const search = useSearchParams()
  const now = new Date()
  const current = withoutTimes(search.toString())
  // None is current when the list is filtered some other way (Payload's own filters).
  const found = STATES.flatMap((state) => ALL_KINDS.map((kind) => ({ state, kind }))).find(
    (choice) => withoutTimes(queryFor(choice, now)) === current,
  )
  const chosen: Choice = found ?? { state: null, kind: null }
  const link = (label: string, choice: Choice, isCurrent: boolean) => (
    <a
      key={label}
      href={`?${queryFor(choice, now)}`}
      aria-current={found && isCurrent ? 'page' : undefined}
    >
      {label}
    </a>
  )
  return (
    <>
      <nav className="newsroom-state-filters" aria-label="Filter releases by state">
        {link('All', { ...chosen, state: null }, chosen.state === null)}
        {FILTERS.map(({ label, state }) =>
          link(label, { ...chosen, state }, chosen.state === state),
        )}
      </nav>
      <nav className="newsroom-state-filters" aria-label="Filter releases by kind">
        {link('All kinds', { ...chosen, kind: null }, chosen.kind === null)}
        {KINDS.map((kind) => link(KIND_PLURALS[kind], { ...chosen, kind }, chosen.kind === kind))}
      </nav>
    </>
  )
}

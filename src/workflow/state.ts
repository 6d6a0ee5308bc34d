import { isPublicNews } from '../embargo/visibility'
import { embargoLine } from '../time/ukTime'
import type { ReleaseState, StoredState } from './machine'

type Release = { workflowState?: StoredState | null; _status?: string | null; publishAt?: string | null }

/** Where a release stands now: its stored state, with "approved" told apart by the clock. */
export const releaseState = (release: Release, now: Date = new Date()): ReleaseState => {
  switch (release.workflowState) {
    case 'in-review':
      return 'in-review'
    case 'withdrawn':
      return 'withdrawn'
    case 'approved':
      return isPublicNews(release, now) ? 'published' : 'scheduled'
    default:
      return 'draft'
  }
}

/** "Scheduled — embargoed until 09:00 on Tuesday 24 November 2026 (UK time)", and the like. */
export const stateLabel = (release: Release, now: Date = new Date()): string => {
  const state = releaseState(release, now)
  switch (state) {
    case 'draft':
      return 'Draft'
    case 'in-review':
      return 'In review'
    case 'scheduled':
      return `Scheduled — embargoed until ${embargoLine(release.publishAt!)}`
    case 'published':
      return 'Published'
    case 'withdrawn':
      return 'Withdrawn'
  }
}

'use client'
import type { DefaultCellComponentProps } from 'payload'

import { stateLabel } from '../workflow/state'
import type { StoredState } from '../workflow/machine'

/** The release's state in the list: Draft, In review, Scheduled — embargoed until …, Published, Withdrawn. */
export const StateCell = ({ rowData }: DefaultCellComponentProps) => {
  const row = rowData as { workflowState?: StoredState; _status?: string; publishAt?: string }
  const label = stateLabel({ workflowState: row.workflowState, _status: row.workflowState === 'approved' ? 'published' : row._status, publishAt: row.publishAt })
  return <span className={`newsroom-state newsroom-state--${label.split(' ')[0]!.toLowerCase()}`}>{label}</span>
}

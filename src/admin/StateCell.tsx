'use client'
import type { DefaultCellComponentProps } from 'payload'

import { stateLabel, type ReleaseFields } from '../releases/state'

/** The release's state in the list: Draft, In review, Scheduled — embargoed until …, Published, Withdrawn. */
export const StateCell = ({ rowData }: DefaultCellComponentProps) => {
  const label = stateLabel(rowData as ReleaseFields)
  return (
    <span className={`newsroom-state newsroom-state--${label.split(' ')[0]!.toLowerCase()}`}>
      {label}
    </span>
  )
}

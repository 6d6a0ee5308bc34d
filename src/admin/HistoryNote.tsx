'use client'
import { DefaultCell } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'

/**
 * A note in the workflow history, in full and with its line breaks: Payload's own cell for
 * long text stops after about a hundred characters, and an editor's note to the author is
 * worth reading whole. In the first column it still opens the entry.
 */
export const HistoryNoteCell = (props: DefaultCellComponentProps) => {
  if (!props.cellData) return null
  return (
    <span className="newsroom-history-note">
      <DefaultCell
        {...props}
        field={{ ...props.field, type: 'text' } as DefaultCellComponentProps['field']}
      />
    </span>
  )
}

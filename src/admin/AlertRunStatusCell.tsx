import type { DefaultCellComponentProps } from 'payload'

/** An alert's progress in the press office's words, not the sender's (collections/AlertRuns). */
const WORDS: Record<string, string> = {
  queued: 'Waiting to go',
  fanning: 'Finding who gets it',
  sending: 'Sending',
  done: 'Sent',
  cancelled: 'Cancelled',
}

export const AlertRunStatusCell = ({ cellData }: DefaultCellComponentProps) => (
  <span>{WORDS[String(cellData)] ?? String(cellData ?? '')}</span>
)

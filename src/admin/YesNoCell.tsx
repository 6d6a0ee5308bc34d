'use client'
import type { DefaultCellComponentProps } from 'payload'

/** A tick box in a list column, as the press office says it: "Yes" or "No", not Payload's `true`. */
export const YesNoCell = ({ cellData }: DefaultCellComponentProps) => (
  <span>{cellData ? 'Yes' : 'No'}</span>
)

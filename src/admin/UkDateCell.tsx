'use client'
import { DefaultCell, useConfig, useTranslation } from '@payloadcms/ui'
import { formatDate } from '@payloadcms/ui/shared'
import type { DefaultCellComponentProps } from 'payload'

/**
 * A date column printed like every other time in the admin: `admin.dateFormat`, which names
 * the zone, in UK time (src/cli/patchDependencies.ts). Payload's own date cell would use the
 * field's picker format, which cannot name the zone: the picker shows UK wall-clock time in
 * a browser that may be elsewhere, so a zone in it would be the browser's. Drawn by Payload's
 * default cell as text, so that in the first column it still links to the document.
 */
export const UkDateCell = (props: DefaultCellComponentProps) => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  if (!props.cellData) return null
  const text = formatDate({
    date: props.cellData as string,
    i18n,
    pattern: config.admin.dateFormat,
  })
  return (
    <DefaultCell
      {...props}
      cellData={text}
      field={{ ...props.field, type: 'text' } as DefaultCellComponentProps['field']}
    />
  )
}

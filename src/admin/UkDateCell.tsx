'use client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import { formatDate } from '@payloadcms/ui/shared'
import type { DefaultCellComponentProps } from 'payload'

/**
 * A date column printed like every other time in the admin: `admin.dateFormat`, which names
 * the zone, in UK time (src/cli/patchDependencies.ts). Payload's own date cell would use the
 * field's picker format, which cannot name the zone: the picker shows UK wall-clock time in
 * a browser that may be elsewhere, so a zone in it would be the browser's.
 */
export const UkDateCell = ({ cellData }: DefaultCellComponentProps) => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  if (!cellData) return null
  return <span>{formatDate({ date: cellData as string, i18n, pattern: config.admin.dateFormat })}</span>
}

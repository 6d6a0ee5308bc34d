'use client'
import { useDocumentInfo } from '@payloadcms/ui'

/** On a subscriber: download everything held about them, for a subject access request. */
export const SubscriberExport = () => {
  const { id } = useDocumentInfo()
  if (!id) return null
  return (
    <a
      className="btn btn--style-secondary btn--size-small"
      href={`/api/subscribers/${id}/export`}
      download
    >
      Export what is held
    </a>
  )
}

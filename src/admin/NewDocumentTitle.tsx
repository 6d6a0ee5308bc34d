'use client'
import { getTranslation } from '@payloadcms/translations'
import {
  useConfig,
  useDocumentInfo,
  useDocumentTitle,
  useFormFields,
  useTranslation,
} from '@payloadcms/ui'
import { useEffect } from 'react'

/**
 * Heads a document that has no title yet "New release" (or "New quote", …). Payload falls back
 * to the record's id ("9"), which a release has from the moment "Create new" is pressed
 * because autosave makes it at once. Payload sets the heading again whenever the title field
 * or the saved document changes, so this answers each of those while the field is empty.
 */
export const NewDocumentTitle = () => {
  const { collectionSlug } = useDocumentInfo()
  const { getEntityConfig } = useConfig()
  const { i18n } = useTranslation()
  const collection = collectionSlug ? getEntityConfig({ collectionSlug }) : undefined
  const useAsTitle = collection?.admin?.useAsTitle
  const value = useFormFields(([fields]) => (useAsTitle ? fields?.[useAsTitle]?.value : undefined))
  const { title, setDocumentTitle } = useDocumentTitle()
  const heading = collection
    ? `New ${getTranslation(collection.labels.singular, i18n).toLowerCase()}`
    : ''

  useEffect(() => {
    if (!heading || value || title === heading) return
    // After this render's effects: Payload's own provider sets the title in an effect that runs
    // after this one, and would otherwise undo it unseen.
    const frame = requestAnimationFrame(() => setDocumentTitle(heading))
    return () => cancelAnimationFrame(frame)
  }, [heading, value, title, setDocumentTitle])
  return null
}

import type { CollectionBeforeChangeHook } from 'payload'

/** Publishing without an embargo time means "publish now". */
export const publishNowWhenNoTimeGiven: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status !== 'published') return data
  const publishAt = 'publishAt' in data ? data.publishAt : originalDoc?.publishAt
  if (!publishAt) data.publishAt = new Date().toISOString()
  return data
}

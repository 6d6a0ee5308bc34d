import type { News } from '../payload-types'

/** Fields the workflow owns, or that are derived: never copied from a draft into the published release. */
const NOT_CONTENT = new Set([
  'id',
  'createdAt',
  'updatedAt',
  '_status',
  'workflowState',
  'review',
  'approval',
  'withdrawal',
  'amendments',
  'history',
  'previewLinks',
  'searchText',
  'publishAt',
  'after',
])

/** Not the words the second pair of eyes reviews: who is credited, and what is derived from the body. */
const NOT_REVIEWED = new Set([
  ...NOT_CONTENT,
  'authors',
  'generateSlug',
  'inlineQuotes',
  'inlineReportLinks',
])

/** What an editor publishes: everything of a version but the workflow's own fields. */
export const contentOf = (release: Partial<News>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(release).filter(([key]) => !NOT_CONTENT.has(key)))

/** Empty is empty however it is written; a related document is its id; key order does not count. */
const normal = (value: unknown): unknown => {
  if (value === undefined || value === null || value === '') return null
  if (Array.isArray(value)) return value.length ? value.map(normal) : null
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>
    if ('id' in object && ('createdAt' in object || 'updatedAt' in object)) return object.id
    const entries = Object.keys(object)
      .sort()
      .map((key) => [key, normal(object[key])] as const)
      .filter(([, v]) => v !== null)
    return entries.length ? Object.fromEntries(entries) : null
  }
  return value
}

/** Whether a save changes anything a reviewer read: the fields it sends, against the version they had. */
export const changesReviewedContent = (
  data: Record<string, unknown>,
  before: Record<string, unknown>,
): boolean =>
  Object.keys(data).some(
    (key) =>
      !NOT_REVIEWED.has(key) &&
      JSON.stringify(normal(data[key])) !== JSON.stringify(normal(before[key])),
  )

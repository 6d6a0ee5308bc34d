import type { FieldHook, RowField, TextField, Where } from 'payload'
import { slugField } from 'payload'

/** Lower-case letters, digits and single hyphens: safe in any URL without escaping. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_SLUG_LENGTH = 96

/** "Café owner's £2.5m fraud: man charged" → "cafe-owners-2-5m-fraud-man-charged". */
export const toSlug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '')

/**
 * A slug made from the title must not stop a save because another document has the same
 * title ("Appeal for witnesses" is written every week), so a generated slug takes the
 * first free "-2", "-3"… A slug typed by hand is kept as typed, and a clash is refused.
 */
const makeGeneratedSlugUnique =
  (collection: string): FieldHook =>
  async ({ value, siblingData, originalDoc, req }) => {
    if (typeof value !== 'string' || !value || siblingData?.generateSlug === false) return value
    const notThisDocument: Where = originalDoc?.id ? { id: { not_equals: originalDoc.id } } : {}
    const { docs } = await req.payload.find({
      collection: collection as 'news',
      where: { and: [{ slug: { like: value } }, notThisDocument] },
      select: { slug: true },
      pagination: false,
      depth: 0,
      draft: false,
      overrideAccess: true,
      req,
    })
    const taken = new Set(docs.map((doc) => (doc as { slug?: string }).slug))
    if (!taken.has(value)) return value
    let n = 2
    while (taken.has(`${value}-${n}`)) n += 1
    return `${value}-${n}`
  }

const validateSlug = (value: unknown): true | string => {
  if (value == null || value === '') return true
  if (typeof value !== 'string' || !SLUG_PATTERN.test(value)) {
    return 'A slug may contain only lower-case letters, numbers and single hyphens, for example "road-closure-a12".'
  }
  if (value.length > MAX_SLUG_LENGTH) return `A slug may be at most ${MAX_SLUG_LENGTH} characters long.`
  return true
}

/**
 * The web-address part of a document: made from `useAsSlug` (the title) until someone
 * edits it, then kept; always URL-safe; unique in its collection.
 */
export const slug = (collection: string, useAsSlug = 'title'): RowField =>
  slugField({
    useAsSlug,
    slugify: ({ valueToSlugify }) => (typeof valueToSlugify === 'string' ? toSlug(valueToSlugify) || undefined : undefined),
    overrides: (row) => {
      const field = row.fields.find((f): f is TextField => 'name' in f && f.name === 'slug')!
      field.admin = { ...field.admin, description: 'The last part of the page address. Made from the title until you edit it.' }
      field.validate = validateSlug as TextField['validate']
      field.hooks = {
        ...field.hooks,
        beforeValidate: [({ value }) => (typeof value === 'string' && value !== '' ? toSlug(value) || value : value)],
        beforeChange: [...(field.hooks?.beforeChange ?? []), makeGeneratedSlugUnique(collection)],
      }
      return row
    },
  })

import type {
  CheckboxField,
  CollectionSlug,
  FieldHook,
  PayloadRequest,
  RowField,
  TextField,
  Where,
} from 'payload'
import { slugField } from 'payload'

import { isKind, NEUTRAL_ADDRESS } from '../releases/kinds'
import { liveWhere } from '../releases/state'

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
const uniqueSlug = async (
  req: PayloadRequest,
  collection: string,
  value: string,
  id: number | string | undefined,
) => {
  const notThisDocument: Where = id !== undefined ? { id: { not_equals: id } } : {}
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

const makeGeneratedSlugUnique =
  (collection: string): FieldHook =>
  async ({ value, siblingData, originalDoc, req }) => {
    if (typeof value !== 'string' || !value || siblingData?.generateSlug === false) return value
    return uniqueSlug(req, collection, value, originalDoc?.id)
  }

/**
 * Whether a document has gone out under its address: it is published or scheduled now, or it
 * was and its old address is kept as a redirect or a "gone" (a release unpublished in error).
 */
const hasGoneOut = async (req: PayloadRequest, collection: string, id: number | string) => {
  const live = await req.payload.count({
    collection: collection as CollectionSlug,
    where: { and: [{ id: { equals: id } }, liveWhere()] },
    overrideAccess: true,
    req,
  })
  if (live.totalDocs > 0) return true
  if (collection !== 'news') return false
  const retired = await req.payload.count({
    collection: 'redirects',
    where: { release: { equals: id } },
    overrideAccess: true,
    req,
  })
  return retired.totalDocs > 0
}

/**
 * Replaces Payload's slug generation for drafts, which stops following the title after the
 * second saved version (the first autosave). Here the slug follows the title until the
 * document first goes out or someone edits the slug by hand; after that it changes only on
 * purpose (a release's old address then redirects: see "Publish changes" in src/workflow).
 * The hook belongs to the hidden "generateSlug" checkbox, and returns whether to keep following.
 */
const followTitleUntilPublished =
  (
    collection: string,
    useAsSlug: string,
    slugify: (text: unknown) => string | undefined,
  ): FieldHook =>
  async ({ data, operation, originalDoc, req, value: following }) => {
    if (!data) return following
    const source = addressSource(collection, useAsSlug, { ...originalDoc, ...data })
    if (operation === 'create') {
      data.slug = slugify(data.slug || source)
      return !data.slug || data.slug === slugify(source)
    }
    if (!following) return false
    const editedByHand = data.slug !== undefined && data.slug !== originalDoc?.slug
    if (editedByHand) return false
    if (originalDoc?.id !== undefined && (await hasGoneOut(req, collection, originalDoc.id)))
      return false
    const fromTitle = slugify(source)
    if (!fromTitle) return true
    // "appeal-for-witnesses-2" already is the title's address, made unique: it stays put.
    const current = typeof originalDoc?.slug === 'string' ? originalDoc.slug : ''
    const sameTitle = current === fromTitle || new RegExp(`^${fromTitle}-\\d+$`).test(current)
    data.slug = sameTitle ? current : await uniqueSlug(req, collection, fromTitle, originalDoc?.id)
    return true
  }

/**
 * What a generated address is made from: the title, except for a release about a missing or
 * wanted person, whose address names nobody (src/releases/kinds.ts): it outlives a takedown.
 */
const addressSource = (collection: string, useAsSlug: string, data: Record<string, unknown>) =>
  (collection === 'news' && isKind(data.kind) && NEUTRAL_ADDRESS[data.kind]) || data[useAsSlug]

const validateSlug = (value: unknown): true | string => {
  if (value == null || value === '') return true
  if (typeof value !== 'string' || !SLUG_PATTERN.test(value)) {
    return 'A slug may contain only lower-case letters, numbers and single hyphens, for example "road-closure-a12".'
  }
  if (value.length > MAX_SLUG_LENGTH)
    return `A slug may be at most ${MAX_SLUG_LENGTH} characters long.`
  return true
}

const slugFrom = (text: unknown) =>
  typeof text === 'string' ? toSlug(text) || undefined : undefined

/**
 * The web-address part of a document: made from `useAsSlug` (the title) until someone
 * edits it or, with drafts, until it is first published; then kept. Always URL-safe;
 * unique in its collection.
 */
export const slug = (
  collection: string,
  useAsSlug = 'title',
  { drafts = collection === 'news' } = {},
): RowField =>
  slugField({
    useAsSlug,
    slugify: ({ valueToSlugify }) => slugFrom(valueToSlugify),
    overrides: (row) => {
      const field = row.fields.find((f): f is TextField => 'name' in f && f.name === 'slug')!
      if (drafts) {
        const following = row.fields.find(
          (f): f is CheckboxField => 'name' in f && f.name === 'generateSlug',
        )!
        following.hooks = {
          ...following.hooks,
          beforeChange: [followTitleUntilPublished(collection, useAsSlug, slugFrom)],
        }
      }
      const description = drafts
        ? 'The last part of the page address. Made from the title until you edit it or the release is first published.'
        : 'The last part of the page address. Made from the title until you edit it.'
      field.admin = { ...field.admin, description }
      field.validate = validateSlug as TextField['validate']
      field.hooks = {
        ...field.hooks,
        beforeValidate: [
          ({ value }) =>
            typeof value === 'string' && value !== '' ? toSlug(value) || value : value,
        ],
        beforeChange: [...(field.hooks?.beforeChange ?? []), makeGeneratedSlugUnique(collection)],
      }
      return row
    },
  })

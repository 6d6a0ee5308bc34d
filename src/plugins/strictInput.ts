import type {
  CollectionBeforeOperationHook,
  CollectionSlug,
  Config,
  FlattenedField,
  GlobalBeforeOperationHook,
  PayloadRequest,
} from 'payload'
import { ValidationError } from 'payload'

import { checkInputShape, type Reference } from '../fields/inputShape'

const ALWAYS = ['id', 'createdAt', 'updatedAt', '_status', 'deletedAt']
const AUTH = ['password', 'confirm-password']

/** References that point at nothing, as problems. Looked up in the request's transaction. */
const missingReferences = async (req: PayloadRequest, references: Reference[]) => {
  const byCollection = new Map<string, Reference[]>()
  for (const reference of references)
    byCollection.set(reference.collection, [
      ...(byCollection.get(reference.collection) ?? []),
      reference,
    ])
  const problems: { path: string; message: string }[] = []
  for (const [collection, wanted] of byCollection) {
    const ids = [...new Set(wanted.map((reference) => reference.id))]
    const { docs } = await req.payload.find({
      collection: collection as CollectionSlug,
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: true,
      select: {},
      req,
    })
    const found = new Set(docs.map((doc) => String(doc.id)))
    for (const reference of wanted) {
      if (!found.has(String(reference.id)))
        problems.push({
          path: reference.path,
          message: `There is no document ${reference.id} in "${collection}" to refer to.`,
        })
    }
  }
  return problems
}

const check = async (
  req: PayloadRequest,
  data: unknown,
  fields: FlattenedField[],
  extra: string[],
  owner: { collection: string } | { global: string },
) => {
  const { problems, references } = checkInputShape(data, fields, {
    extraTopLevel: new Set(extra),
    idsAreNumbers: req.payload.db.defaultIDType === 'number',
  })
  if (problems.length === 0) problems.push(...(await missingReferences(req, references)))
  if (problems.length > 0) throw new ValidationError({ ...owner, errors: problems.slice(0, 20) })
}

/** Only what comes in over REST and GraphQL: Newsroom's own code writes through the Local API. */
const fromOutside = (req: PayloadRequest) =>
  req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL'

const collectionHook: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (
    (operation !== 'create' && operation !== 'update') ||
    !fromOutside(req) ||
    args.data === undefined
  )
    return args
  await check(
    req,
    args.data,
    collection.flattenedFields,
    collection.auth ? [...ALWAYS, ...AUTH] : ALWAYS,
    { collection: collection.slug },
  )
  return args
}

const globalHook: GlobalBeforeOperationHook = async ({ args, global, operation, req }) => {
  if (operation !== 'update' || !fromOutside(req)) return args
  const data = (args as { data?: unknown }).data
  if (data !== undefined)
    await check(req, data, global.flattenedFields, [...ALWAYS, 'globalType'], {
      global: global.slug,
    })
  return args
}

/**
 * Every collection and global refuses, over the API, data that is not the shape of its
 * fields (see src/fields/inputShape.ts): a clear 400 naming the field, nothing stored.
 */
export const strictInput = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [collectionHook, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
  globals: (config.globals ?? []).map((global) => ({
    ...global,
    hooks: {
      ...global.hooks,
      beforeOperation: [globalHook, ...(global.hooks?.beforeOperation ?? [])],
    },
  })),
})

import type { CollectionBeforeChangeHook } from 'payload'

/** The first account made on a new Newsroom runs it: it is an admin whatever was asked for. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) data.roles = ['admin']
  return data
}

import type {
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'
import { ValidationError } from 'payload'

const otherAdmins = async (req: PayloadRequest, id: number | string) =>
  (
    await req.payload.count({
      collection: 'users',
      where: { and: [{ roles: { contains: 'admin' } }, { id: { not_equals: id } }] },
      overrideAccess: true,
      req,
    })
  ).totalDocs

const message = 'Newsroom needs at least one admin. Make someone else an admin first.'

/** Taking the admin role from the last admin would lock everyone out of users and settings. */
export const keepAnAdmin: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc?.roles?.includes('admin')) return data
  if (!Array.isArray(data.roles) || data.roles.includes('admin')) return data
  if ((await otherAdmins(req, originalDoc.id)) === 0) {
    throw new ValidationError({ collection: 'users', errors: [{ path: 'roles', message }] })
  }
  return data
}

export const keepAnAdminOnDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const user = await req.payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (user.roles?.includes('admin') && (await otherAdmins(req, id)) === 0) {
    throw new ValidationError({ collection: 'users', errors: [{ path: 'roles', message }] })
  }
}

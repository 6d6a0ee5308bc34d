import type { Access, PayloadRequest } from 'payload'

import { isEditorUser, isStaffUser } from '../../../src/access/roles'
import { notLiveWhere } from '../../../src/releases/state'

const wantsToPublish = (data: unknown) =>
  (data as { _status?: string } | undefined)?._status === 'published'

const isLive = async (req: PayloadRequest, id: number | string) => {
  const current = await req.payload.findByID({
    collection: 'news',
    id,
    depth: 0,
    select: { _status: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return current?._status === 'published'
}

/** Any staff member may start a release; only editors and admins may create one published. */
export const mayCreateRelease: Access = ({ req: { user }, data }) =>
  isStaffUser(user) && (!wantsToPublish(data) || isEditorUser(user))

/**
 * Editors and admins change any release. An author works on releases that are not
 * published or scheduled, and cannot publish one: that takes a second pair of eyes.
 */
export const mayUpdateRelease: Access = async ({ req, id, data }) => {
  if (isEditorUser(req.user)) return true
  if (!isStaffUser(req.user) || wantsToPublish(data)) return false
  if (id !== undefined) return !(await isLive(req, id))
  return notLiveWhere()
}

/** Editors and admins delete any release; an author only one that has not gone out. */
export const mayDeleteRelease: Access = async ({ req, id }) => {
  if (isEditorUser(req.user)) return true
  if (!isStaffUser(req.user)) return false
  if (id !== undefined) return !(await isLive(req, id))
  return notLiveWhere()
}

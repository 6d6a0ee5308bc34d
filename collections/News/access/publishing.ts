import type { Access } from 'payload'

import { isEditorUser, isStaffUser } from '../../../src/access/roles'

const wantsToPublish = (data: unknown) => (data as { _status?: string } | undefined)?._status === 'published'

/** Any staff member may start a release; only editors and admins may create one published. */
export const mayCreateRelease: Access = ({ req: { user }, data }) =>
  isStaffUser(user) && (!wantsToPublish(data) || isEditorUser(user))

/**
 * Editors and admins change any release. An author works on releases that are not live,
 * and cannot publish one.
 */
export const mayUpdateRelease: Access = ({ req: { user }, data }) => {
  if (isEditorUser(user)) return true
  if (!isStaffUser(user) || wantsToPublish(data)) return false
  return { _status: { not_equals: 'published' } }
}

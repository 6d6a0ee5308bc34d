import type { Access } from 'payload'

import { isStaffUser } from './roles'

/**
 * Staff read every quote, report link and picture; the public only those a public release
 * uses, from the moment it goes public (see src/embargo/publicFrom.ts).
 */
export const publicFromOrStaff: Access = ({ req: { user } }) =>
  isStaffUser(user) ? true : { publicFrom: { less_than_equal: new Date().toISOString() } }

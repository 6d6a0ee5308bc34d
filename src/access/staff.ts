import type { Access, FieldAccess } from 'payload'

import { isStaffUser } from './roles'

/** Signed in with any Newsroom role. */
export const staff: Access = ({ req: { user } }) => isStaffUser(user)
export const staffField: FieldAccess = ({ req: { user } }) => isStaffUser(user)

import type { Access, FieldAccess } from 'payload'

import { isAdminUser } from './roles'

export const admins: Access = ({ req: { user } }) => isAdminUser(user)
export const adminsField: FieldAccess = ({ req: { user } }) => isAdminUser(user)

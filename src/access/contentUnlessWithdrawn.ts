import type { FieldAccess } from 'payload'

import { isStaffUser } from './roles'

/** A withdrawn release keeps its address and title, with the notice; its content is no longer the public's. */
export const contentUnlessWithdrawn: FieldAccess = ({ req: { user }, doc }) =>
  isStaffUser(user) || !(doc as { withdrawal?: { withdrawnAt?: string | null } } | undefined)?.withdrawal?.withdrawnAt

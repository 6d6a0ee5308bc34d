import type { FieldAccess } from 'payload'

import { isWithdrawn, type ReleaseFields } from '../releases/state'
import { isStaffUser } from './roles'

/**
 * A withdrawn release keeps its address and title, with the notice; its content is no longer
 * the public's. Without a document (a filter or a sort, checked before anything is read) the
 * public may not use the field at all: `where[summary][like]=…` would otherwise tell, yes or
 * no, what a withdrawn release says.
 */
export const contentUnlessWithdrawn: FieldAccess = ({ req: { user }, doc }) =>
  isStaffUser(user) || (doc !== undefined && !isWithdrawn(doc as ReleaseFields))

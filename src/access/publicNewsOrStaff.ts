import type { Access } from 'payload'

import { publicNowWhere } from '../releases/state'
import { isStaffUser } from './roles'

/** Staff read every release; everyone else reads only what the embargo rule makes public. */
export const publicNewsOrStaff: Access = ({ req: { user } }) =>
  isStaffUser(user) ? true : publicNowWhere()

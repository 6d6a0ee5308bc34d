import type { Access } from 'payload'

import { isEditorUser } from './roles'

/** Editors and admins: the people who may publish. */
export const editors: Access = ({ req: { user } }) => isEditorUser(user)

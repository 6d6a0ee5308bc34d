import type { Access } from 'payload'

import { isEditorUser, isStaffUser } from './roles'

/**
 * Shared content that a published or scheduled release shows (a quote, a report link, a
 * picture) is published content: changing it changes the release, so it needs an editor.
 * Until then the author who is drafting may change it freely.
 */
export const editorsOrAuthorsWhileUnused: Access = ({ req: { user } }) => {
  if (isEditorUser(user)) return true
  if (!isStaffUser(user)) return false
  return { publicFrom: { exists: false } }
}

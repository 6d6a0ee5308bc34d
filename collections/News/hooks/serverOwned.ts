import type { CollectionBeforeChangeHook, FieldHook } from 'payload'

import { isEditorUser } from '../../../src/access/roles'

const idOf = (value: unknown) =>
  typeof value === 'object' && value !== null ? (value as { id: number | string }).id : value

/**
 * When a release was made and last changed is the server's to say: a date sent by whoever
 * saves it is ignored (it would reorder the desk and the history).
 */
export const serverOwnedTimestamps: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
}) => {
  const now = new Date().toISOString()
  if (operation === 'create') return { ...data, createdAt: now, updatedAt: now }
  return { ...data, createdAt: originalDoc?.createdAt }
}

/**
 * Whoever makes a release is its author; nobody credits someone else on creation. After that
 * only an editor or an admin may change who is credited (to add a co-writer, or hand a
 * release over). The Local API run by Newsroom itself (the demo content, imports) keeps
 * what it gives.
 */
export const serverOwnedAuthors: FieldHook = ({ operation, value, originalDoc, req }) => {
  if (!req.user) return value
  if (operation === 'create') return [req.user.id]
  if (!isEditorUser(req.user))
    return ((originalDoc?.authors as unknown[] | undefined) ?? []).map(idOf)
  return value
}

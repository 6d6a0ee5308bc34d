import type { Access } from 'payload'

import { idsUsedByReleases, type Reference } from './references'
import { isEditorUser, isStaffUser } from './roles'

/**
 * Shared content that a published or scheduled release shows (a quote, a report link, an
 * image) is published content: changing it changes the release, so it needs an editor.
 * Until then the author who is drafting may change it freely.
 */
export const editorsOrAuthorsWhileUnpublished =
  (key: string, references: Reference[]): Access =>
  async ({ req, id }) => {
    if (isEditorUser(req.user)) return true
    if (!isStaffUser(req.user)) return false
    const published = await idsUsedByReleases(req, key, references, { where: { _status: { equals: 'published' } } })
    if (id !== undefined) return !published.map(String).includes(String(id))
    return published.length > 0 ? { id: { not_in: published } } : true
  }

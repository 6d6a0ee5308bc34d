import type { Access } from 'payload'

import { notWithdrawnWhere } from '../embargo/visibility'
import { idsUsedByReleases, whereIdIn, type Reference } from './references'
import { isStaffUser } from './roles'

/**
 * Quotes, report links and media carry no embargo of their own: the public may read one
 * exactly when a release that the public may read (and that is not withdrawn) uses it. The releases are found by
 * asking as the public, so the embargo rule decides.
 */
export const usedByPublicNewsOrStaff =
  (key: string, references: Reference[]): Access =>
  async ({ req }) => {
    if (isStaffUser(req.user)) return true
    return whereIdIn(await idsUsedByReleases(req, key, references, { asThePublic: true, where: notWithdrawnWhere }))
  }

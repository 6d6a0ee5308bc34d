import type { GlobalAfterChangeHook } from 'payload'

import { syncPublicFrom } from '../../embargo/publicFrom'

const idOf = (value: unknown) =>
  value && typeof value === 'object'
    ? (value as { id: number | string }).id
    : (value as number | string | null | undefined)

/** A picture chosen as the force's logo becomes public; the one it replaces goes back to its releases' embargo. */
export const logoIsPublic: GlobalAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const [now, before] = [idOf(doc.logo), idOf(previousDoc?.logo)]
  if (String(now) === String(before)) return doc
  for (const id of [now, before]) if (id != null) await syncPublicFrom(req, 'media', id)
  return doc
}

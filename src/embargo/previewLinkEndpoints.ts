import type { Endpoint } from 'payload'

import { bodyOf, json } from '../http/json'
import { createPreviewLink, listPreviewLinks, revokePreviewLink } from './previewLinks'

/**
 * POST   /api/news/:id/preview-links          → { id, url, expiresAt }
 * GET    /api/news/:id/preview-links          → the links, with last use (never the tokens)
 * DELETE /api/news/:id/preview-links/:linkId  → revoked
 */
export const previewLinkEndpoints: Endpoint[] = [
  {
    path: '/:id/preview-links',
    method: 'post',
    handler: async (req) =>
      json(req, await createPreviewLink(req, String(req.routeParams?.id), await bodyOf(req)), 201),
  },
  {
    path: '/:id/preview-links',
    method: 'get',
    handler: async (req) => json(req, await listPreviewLinks(req, String(req.routeParams?.id))),
  },
  {
    path: '/:id/preview-links/:linkId',
    method: 'delete',
    handler: async (req) =>
      json(
        req,
        await revokePreviewLink(req, String(req.routeParams?.id), String(req.routeParams?.linkId)),
      ),
  },
]

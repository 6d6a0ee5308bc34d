import type { Endpoint } from 'payload'

import { bodyOf, json } from '../http/json'
import { mediaListSummary, sendToMediaList } from './send'

/**
 * GET  /api/news/:id/media-send  whether it can be sent, the lists (how many on each), the send log
 * POST /api/news/:id/media-send  { "lists": [ids], "contacts": [ids], "resend": false }
 *                                → { message, version, queued: [...], refused: [...] }
 */
export const mediaListEndpoints: Endpoint[] = [
  {
    path: '/:id/media-send',
    method: 'get',
    handler: async (req) => json(req, await mediaListSummary(req, String(req.routeParams?.id))),
  },
  {
    path: '/:id/media-send',
    method: 'post',
    handler: async (req) =>
      json(req, await sendToMediaList(req, String(req.routeParams?.id), await bodyOf(req))),
  },
]

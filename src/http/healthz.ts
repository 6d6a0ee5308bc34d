import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { databaseAnswers } from '../db/health'

/** 200 {"status":"ok"} when the database answers, 503 when it does not (or not in time). */
export const healthz =
  (payload: Payload, stopping: () => boolean = () => false): RequestHandler =>
  async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    // A load balancer should stop sending work to a server that is shutting down.
    if (stopping())
      return void res
        .status(503)
        .json({ status: 'stopping', message: 'This server is shutting down.' })
    if (await databaseAnswers(payload)) return void res.json({ status: 'ok' })
    res.status(503).json({ status: 'unavailable', message: 'The database is not answering.' })
  }

import type { PayloadRequest } from 'payload'
import { addDataAndFileToRequest, headersWithCors } from 'payload'

/** A JSON answer from a custom endpoint, with Payload's CORS headers. */
export const json = (req: PayloadRequest, body: unknown, status = 200) =>
  Response.json(body, {
    status,
    headers: headersWithCors({ headers: new Headers({ 'Cache-Control': 'no-store' }), req }),
  })

/** The request's JSON body as an object ({} when there is none). */
export const bodyOf = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  await addDataAndFileToRequest(req)
  const data = req.data
  return data && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {}
}

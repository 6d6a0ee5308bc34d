import crypto from 'node:crypto'
import zlib from 'node:zlib'

import type { Request, Response } from 'express'

import type { Rendered } from './cache'

type Compressed = Rendered & { raw?: Buffer; br?: Buffer; gzip?: Buffer; etags?: WeakMap<Buffer, string> }

/** The weak ETag express would make of a body (its length and SHA-1), made once per body instead of per request. */
const etagOf = (response: Compressed, body: Buffer) => {
  response.etags ??= new WeakMap()
  let tag = response.etags.get(body)
  if (!tag) {
    tag = `W/"${body.length.toString(16)}-${crypto.createHash('sha1').update(body).digest('base64').slice(0, 27)}"`
    response.etags.set(body, tag)
  }
  return tag
}

const MIN_COMPRESSIBLE = 1024

/**
 * Sends a rendered response, compressed with Brotli or gzip when the browser accepts it.
 * Each compressed form is made once and kept with the response, so a cached page costs
 * nothing to compress again, and so is its ETag; express answers 304 when it matches.
 */
export const sendRendered = (req: Request, res: Response, rendered: Rendered, cacheControl: string) => {
  const response = rendered as Compressed
  response.raw ??= Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body)
  res.status(response.status)
  res.type(response.type)
  res.set('Cache-Control', cacheControl)
  if (response.headers) res.set(response.headers)
  res.vary('Accept-Encoding')
  let body = response.raw
  if (body.length >= MIN_COMPRESSIBLE) {
    const encoding = req.acceptsEncodings('br', 'gzip', 'identity')
    if (encoding === 'br') {
      response.br ??= zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
      body = response.br
      res.set('Content-Encoding', 'br')
    } else if (encoding === 'gzip') {
      response.gzip ??= zlib.gzipSync(body, { level: 9 })
      body = response.gzip
      res.set('Content-Encoding', 'gzip')
    }
  }
  res.set('ETag', etagOf(response, body))
  res.send(body)
}

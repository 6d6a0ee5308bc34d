import zlib from 'node:zlib'

import type { Request, Response } from 'express'

import type { Rendered } from './cache'

type Compressed = Rendered & { raw?: Buffer; br?: Buffer; gzip?: Buffer }

const MIN_COMPRESSIBLE = 1024

/**
 * Sends a rendered response, compressed with Brotli or gzip when the browser accepts it.
 * Each compressed form is made once and kept with the response, so a cached page costs
 * nothing to compress again; express adds the ETag and answers 304 when it matches.
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
  res.send(body)
}

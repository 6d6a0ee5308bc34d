import crypto from 'node:crypto'
import zlib from 'node:zlib'

import type { Request, Response } from 'express'

import type { Rendered } from './cache'

type Compressed = Rendered & {
  raw?: Buffer
  br?: Buffer
  gzip?: Buffer
  etags?: WeakMap<Buffer, string>
}

/** The encodings a rendered response can be sent in, best first, as the browser is asked. */
export const ENCODINGS = ['br', 'gzip', 'identity'] as const
export type Encoding = (typeof ENCODINGS)[number]

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
 * What goes out for a rendered response in `encoding` (when the browser accepts none of them:
 * false): its status, its own headers and its body, compressed with Brotli or gzip when that
 * is worth it. Each compressed form is made once and kept with the response, so a cached page
 * costs nothing to compress again, and so is its ETag.
 */
export const answerFor = (
  rendered: Rendered,
  encoding: Encoding | false,
  cacheControl: string,
  /** Headers for a shared cache in front (src/cdn/settings.ts): its surrogate key. */
  caching: Record<string, string> = {},
) => {
  const response = rendered as Compressed
  response.raw ??= Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body)
  let body = response.raw
  let contentEncoding: string | undefined
  if (body.length >= MIN_COMPRESSIBLE) {
    if (encoding === 'br') {
      response.br ??= zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 },
      })
      body = response.br
      contentEncoding = 'br'
    } else if (encoding === 'gzip') {
      response.gzip ??= zlib.gzipSync(body, { level: 9 })
      body = response.gzip
      contentEncoding = 'gzip'
    }
  }
  const headers: Record<string, string> = {
    'Content-Type': response.type,
    'Cache-Control': cacheControl,
    ...caching,
    ...response.headers,
    Vary: 'Accept-Encoding',
    ...(contentEncoding ? { 'Content-Encoding': contentEncoding } : {}),
    ETag: etagOf(response, body),
  }
  return { status: response.status, headers, body }
}

/** Sends a rendered response through express, which answers 304 when the ETag matches. */
export const sendRendered = (
  req: Request,
  res: Response,
  rendered: Rendered,
  cacheControl: string,
  caching: Record<string, string> = {},
) => {
  const { status, headers, body } = answerFor(
    rendered,
    req.acceptsEncodings(...ENCODINGS) as Encoding | false,
    cacheControl,
    caching,
  )
  res.status(status)
  for (const [name, value] of Object.entries(headers)) {
    // `Vary` adds to what is already there, as express's res.vary does.
    if (name === 'Vary') res.vary(value)
    else res.set(name, value)
  }
  res.send(body)
}

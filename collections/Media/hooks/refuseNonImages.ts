import type { CollectionBeforeOperationHook } from 'payload'
import { APIError, ValidationError } from 'payload'
import sharp from 'sharp'

import { MAX_UPLOAD_PIXELS } from '../uploadLimits'

const READABLE_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'gif'])

/** The extensions for what sharp found the file to be, the usual one first (AVIF is a kind of HEIF to sharp). */
const extensionsFor = (format: string, compression?: string): string[] =>
  format === 'jpeg' ? ['jpg', 'jpeg'] : format === 'heif' ? (compression === 'av1' ? ['avif'] : ['heic', 'heif']) : [format]

/** `poly.html` holding a JPEG is kept as `poly.jpg`: a stored file's name never claims another type. */
const namedForContent = (name: string, extensions: string[]) => {
  const dot = name.lastIndexOf('.')
  const base = dot > 0 ? name.slice(0, dot) : name
  if (dot > 0 && extensions.includes(name.slice(dot + 1).toLowerCase())) return name
  return `${base || 'picture'}.${extensions[0]}`
}

/**
 * Decides by the file's content, not its name, that an upload is a picture sharp can
 * read, before anything is stored. A renamed text file or a broken JPEG gets a plain answer,
 * and so does a picture too big to open safely (its size is read from its header, not decoded).
 * The file is renamed for what it holds, so that its name can never make it pass for a page.
 */
export const refuseNonImages: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  let format: string | undefined
  let compression: string | undefined
  let pixels = 0
  try {
    const input = file.tempFilePath && (!file.data || file.data.length === 0) ? file.tempFilePath : file.data
    const metadata = await sharp(input).metadata()
    format = metadata.format
    compression = metadata.compression
    pixels = (metadata.width ?? 0) * (metadata.height ?? 0) * Math.max(1, metadata.pages ?? 1)
  } catch {
    format = undefined
  }
  if (!format || !READABLE_FORMATS.has(format)) {
    throw new ValidationError({
      collection: 'media',
      errors: [
        {
          path: 'file',
          message: `"${file.name}" is not a picture Newsroom can use. Upload a JPEG, PNG, WebP, AVIF or GIF image.`,
        },
      ],
    })
  }
  if (pixels > MAX_UPLOAD_PIXELS) {
    throw new APIError(
      `"${file.name}" is too big a picture: at most ${MAX_UPLOAD_PIXELS / 1_000_000} megapixels (for example 8,000 × 6,000). Make it smaller and upload it again.`,
      413,
      undefined,
      true,
    )
  }
  file.name = namedForContent(file.name, extensionsFor(format, compression))
  return args
}

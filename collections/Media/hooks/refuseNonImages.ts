import type { CollectionBeforeOperationHook } from 'payload'
import { ValidationError } from 'payload'
import sharp from 'sharp'

const READABLE_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'gif'])

/**
 * Decides by the file's content, not its name, that an upload is a picture sharp can
 * read, before anything is stored. A renamed text file or a broken JPEG gets a plain answer.
 */
export const refuseNonImages: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  let format: string | undefined
  try {
    const input = file.tempFilePath && (!file.data || file.data.length === 0) ? file.tempFilePath : file.data
    format = (await sharp(input).metadata()).format
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
  return args
}

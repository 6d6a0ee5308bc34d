import sharp from 'sharp'

/** The largest upload, in bytes: a press photo is rarely more than a few. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

/** The most pixels a picture may have. Decoding takes about 4 bytes a pixel, so 50 megapixels is 200 MB of memory. */
export const MAX_UPLOAD_PIXELS = 50_000_000

/**
 * sharp for Payload, refusing to decode a picture of more than 50 megapixels: a small file
 * can describe an enormous picture, and opening it would take the server's memory.
 * (Uploads are checked, with a clear message, before this is ever reached: see
 * collections/Media/hooks/refuseNonImages.ts.)
 */
export const sharpWithLimits = Object.assign(
  (input?: string | Buffer, options?: sharp.SharpOptions) => sharp(input, { limitInputPixels: MAX_UPLOAD_PIXELS, ...options }),
  sharp,
) as unknown as typeof sharp

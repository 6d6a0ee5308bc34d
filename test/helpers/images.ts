import sharp from 'sharp'

/** A real JPEG of the given size, made here: tests never download anything. */
export const jpeg = (width = 1600, height = 1000, colour = '#13315c') =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toBuffer()

export const imageForm = (
  file: Buffer,
  name: string,
  type: string,
  fields: Record<string, string> = {},
) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type }), name)
  form.append('_payload', JSON.stringify(fields))
  return form
}

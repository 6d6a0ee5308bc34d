import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'

import type { S3Client } from '@aws-sdk/client-s3'
import type { Request, RequestHandler, Response } from 'express'
import type { Payload, TypedUser, Where } from 'payload'

import { IMAGE_MIME_TYPES, IMAGE_SIZE_NAMES } from '../../collections/Media'
import { isStaffUser } from '../access/roles'
import { cdnSettings, surrogateHeaders } from '../cdn/settings'
import { mediaDir } from '../config/paths'
import type { Media } from '../payload-types'
import { s3Settings } from '../plugins/storage'

let client: S3Client | undefined

/** An uploaded file, from the media folder or from the S3 bucket, as configured. Null when it is not there. */
export const readMediaFile = async (filename: string): Promise<Readable | null> => {
  const name = path.basename(filename)
  const s3 = s3Settings()
  if (!s3) {
    const file = path.join(mediaDir(), name)
    return fs.existsSync(file) ? fs.createReadStream(file) : null
  }
  // Loaded only when a bucket is in use: the AWS SDK is large.
  const { GetObjectCommand, S3Client } = await import('@aws-sdk/client-s3')
  client ??= new S3Client(s3.config)
  try {
    const object = await client.send(
      new GetObjectCommand({ Bucket: s3.bucket, Key: `${s3.prefix}/${name}` }),
    )
    return object.Body as Readable
  } catch {
    return null
  }
}

/** A picture the public may see may be kept a minute by a browser or a CDN: one taken down with its release lingers no longer. */
export const PUBLIC_PICTURE_CACHE_CONTROL = 'public, max-age=60'

/**
 * A picture of a person (a missing or wanted person's photo, a custody image) may have to come
 * down at any moment: found, arrested, reviewed. Anyone may keep it, but a shared cache must ask
 * first every time (a 304 while it stands), so that a takedown is seen everywhere within a second.
 */
export const PEOPLE_PICTURE_CACHE_CONTROL = 'public, no-cache'

/** A picture not public yet (under embargo, unpublished, withdrawn) is for whoever asked, and kept by nobody. */
export const PRIVATE_PICTURE_CACHE_CONTROL = 'private, no-store'

/**
 * Releases that use this picture as a person's: in the fields of their kind, or anywhere on a
 * missing person's appeal, whose pictures all go when the person is found (src/takedown/).
 */
const asPictureOfPerson = (id: number | string): Where => ({
  or: [
    { 'missingPerson.photo': { equals: id } },
    { 'wanted.photo': { equals: id } },
    { 'courtResult.custodyImage': { equals: id } },
    {
      and: [
        { kind: { equals: 'missing-person' } },
        { or: [{ heroImage: { equals: id } }, { 'meta.image': { equals: id } }] },
      ],
    },
  ],
})

/**
 * Whether a public picture is of a person. Read past the access rules: these fields are content
 * the public may not filter on, and the answer is only which of two ways to cache a picture
 * the public may already see.
 */
const isPictureOfPerson = async (payload: Payload, media: Media) =>
  (
    await payload.count({
      collection: 'news',
      where: asPictureOfPerson(media.id),
      overrideAccess: true,
    })
  ).totalDocs > 0

/** The media record with this file: the original or one of its sizes. */
export const byFilename = (filename: string): Where => ({
  or: [
    { filename: { equals: filename } },
    ...IMAGE_SIZE_NAMES.map((name) => ({ [`sizes.${name}.filename`]: { equals: filename } })),
  ],
})

/**
 * The type the file was stored as: Payload reads it from the content at upload (sizes are
 * WebP), never from the name. Anything else is sent as bytes to download, never as a page.
 */
const storedType = (media: Media, filename: string): string => {
  const stored =
    media.filename === filename
      ? media
      : Object.values(media.sizes ?? {}).find((size) => size?.filename === filename)
  const type = stored?.mimeType ?? ''
  return IMAGE_MIME_TYPES.includes(type) ? type : 'application/octet-stream'
}

/** The surrogate-key headers for public pictures: worked out once, from the environment. */
let pictureCaching: Record<string, string> | undefined

/**
 * Sends one stored picture of a media record, for GET and HEAD, with the type it was stored
 * as and who may keep it. Local files go through express's `sendFile` (ranges, ETag, 304).
 */
export const sendMediaFile = async (
  req: Request,
  res: Response,
  media: Media,
  filename: string,
  cacheControl: string,
) => {
  const notThere = () =>
    res.status(404).set('Cache-Control', 'no-store').type('text/plain').send('Not found')
  res.set({
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
    'Content-Type': storedType(media, filename),
  })
  if (cacheControl === PRIVATE_PICTURE_CACHE_CONTROL) res.vary('Cookie').vary('Authorization')
  // A public picture a shared cache keeps is purged with the pages (src/cdn/purge.ts).
  else res.set((pictureCaching ??= surrogateHeaders(cdnSettings())))
  const name = path.basename(filename)
  if (!s3Settings()) {
    await new Promise<void>((resolve) => {
      res.sendFile(name, { root: mediaDir(), cacheControl: false, dotfiles: 'deny' }, (error) => {
        if (error && !res.headersSent) notThere()
        resolve()
      })
    })
    return
  }
  const file = await readMediaFile(name)
  if (!file) return void notThere()
  if (req.method === 'HEAD') {
    file.destroy()
    return void res.status(200).end()
  }
  file.on('error', () => res.destroy())
  file.pipe(res)
}

/**
 * GET and HEAD /api/media/file/:filename, in place of Payload's own file route (which has no
 * HEAD, names no type it did not sniff, and says "public" to staff about pictures under
 * embargo). A picture the public may see (the media access rule, read as the public) is
 * cacheable by anyone, for a minute, or, a picture of a person, only after asking again; one
 * that is not yet is sent only to staff, as private and not to be kept, so that no cache in
 * front can hand it to the public. Everyone else gets a 404 that
 * does not say whether the file exists.
 */
export const mediaFileRoute =
  (payload: Payload): RequestHandler =>
  async (req, res, next) => {
    try {
      const filename = String(req.params.filename)
      const find = async (user: TypedUser | null) => {
        const where = byFilename(filename)
        const { docs } = await payload.find({
          collection: 'media',
          where,
          limit: 1,
          pagination: false,
          depth: 0,
          overrideAccess: false,
          user,
        })
        return docs[0] as Media | undefined
      }
      const asPublic = await find(null)
      if (asPublic)
        return await sendMediaFile(
          req,
          res,
          asPublic,
          filename,
          (await isPictureOfPerson(payload, asPublic))
            ? PEOPLE_PICTURE_CACHE_CONTROL
            : PUBLIC_PICTURE_CACHE_CONTROL,
        )
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string') headers.set(name, value)
      const { user } = await payload.auth({ headers })
      const asStaff = isStaffUser(user) ? await find(user) : undefined
      if (asStaff)
        return await sendMediaFile(req, res, asStaff, filename, PRIVATE_PICTURE_CACHE_CONTROL)
      res
        .status(404)
        .set({ 'Cache-Control': 'no-store', Vary: 'Cookie, Authorization' })
        .type('text/plain')
        .send('Not found')
    } catch (error) {
      next(error)
    }
  }

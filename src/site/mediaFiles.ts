import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'

import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'

import { mediaDir } from '../config/paths'
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
  client ??= new S3Client(s3.config)
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `${s3.prefix}/${name}` }))
    return object.Body as Readable
  } catch {
    return null
  }
}

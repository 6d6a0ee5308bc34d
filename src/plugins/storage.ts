import type { Plugin } from 'payload'

import { ConfigurationError } from '../config/env'

/**
 * Where uploaded pictures are kept. By default the media/ folder (MEDIA_DIR), which is right
 * for one server. Several servers need one store they all see: an S3-compatible bucket
 * (Amazon S3, MinIO, Ceph, Cloudflare R2…), named by S3_BUCKET. The bucket must be private:
 * files are served through Newsroom, which applies the embargo to them.
 */
export const s3Settings = () => {
  const bucket = process.env.S3_BUCKET
  if (!bucket) return null
  const accessKeyId = process.env.S3_ACCESS_KEY_ID
  const secretAccessKey = process.env.S3_SECRET_ACCESS_KEY
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigurationError(
      'Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (to use the machine’s own credentials).',
    )
  }
  return {
    bucket,
    prefix: process.env.S3_PREFIX ?? 'media',
    config: {
      region: process.env.S3_REGION ?? 'eu-west-2',
      endpoint: process.env.S3_ENDPOINT || undefined,
      forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    },
  }
}

/** The storage plugin when a bucket is named; none (and the AWS SDK not even loaded) otherwise. */
export const storage = async (): Promise<Plugin[]> => {
  const settings = s3Settings()
  if (!settings) return []
  const { s3Storage } = await import('@payloadcms/storage-s3')
  return [
    s3Storage({
      bucket: settings.bucket,
      config: settings.config,
      acl: 'private',
      // Files go through Newsroom's access rules (and so through the embargo), never straight from the bucket.
      collections: { media: { prefix: settings.prefix } },
    }),
  ]
}

import path from 'node:path'

import type { Payload } from 'payload'

import { closePayload } from '../../src/db/close'
import { databaseFor } from './database'
import { makeTempDir } from './tempDir'

/**
 * Payload in this test process, on a fresh SQLite database file (or on DATABASE_URL when a
 * test passes one), with the schema made by the committed migrations, exactly as the
 * server does at start-up.
 */
export const startLocalPayload = async ({
  databaseUrl,
  runJobs = true,
}: { databaseUrl?: string; runJobs?: boolean } = {}) => {
  const temp = makeTempDir()
  process.env.NEWSROOM_DATA_DIR = temp.dir
  process.env.MEDIA_DIR = path.join(temp.dir, 'media')
  const database = databaseUrl
    ? { url: databaseUrl, drop: async () => {} }
    : await databaseFor(temp.dir)
  process.env.DATABASE_URL = database.url
  const { bootPayload } = await import('../../src/boot')
  const payload: Payload = await bootPayload({ log: () => {}, runJobs })
  return {
    payload,
    dir: temp.dir,
    mediaDir: process.env.MEDIA_DIR,
    stop: async () => {
      await closePayload(payload)
      temp.remove()
      await database.drop()
    },
  }
}

/**
 * The rows of content-changes (collections/ContentChanges), on each database: the change watcher
 * deletes those older than ten minutes (src/site/changeWatcher.ts `pruneChanges`), and keeps
 * the rest, which the servers still read.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'

import { pruneChanges } from '../../src/site/changeWatcher'
import { startLocalPayload } from '../helpers/localPayload'

let local: Awaited<ReturnType<typeof startLocalPayload>>

beforeAll(async () => {
  local = await startLocalPayload({ runJobs: false })
})
afterAll(async () => {
  await local?.stop()
})

it('deletes the rows older than ten minutes, and keeps the newer ones', async () => {
  const { payload } = local
  /** A row as if written `minutesAgo`: Payload sets createdAt itself on create. */
  const row = async (stamp: string, minutesAgo = 0) => {
    const { id } = await payload.create({
      collection: 'content-changes',
      data: { server: 'a server', stamp, tags: ['lists'] },
      overrideAccess: true,
    })
    if (minutesAgo > 0)
      await payload.db.updateOne({
        collection: 'content-changes',
        id,
        data: { createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString() },
      })
  }
  await row('eleven minutes ago', 11)
  await row('nine minutes ago', 9)
  await row('now')
  await pruneChanges(payload)
  const { docs } = await payload.find({
    collection: 'content-changes',
    sort: 'createdAt',
    pagination: false,
    overrideAccess: true,
  })
  expect(docs.map((doc) => doc.stamp)).toEqual(['nine minutes ago', 'now'])
})

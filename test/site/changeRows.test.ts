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
  const row = (stamp: string) =>
    payload.create({
      collection: 'content-changes',
      data: { server: 'a server', stamp, tags: ['lists'] },
      overrideAccess: true,
    })
  const old = await row('eleven minutes ago')
  // Written as if eleven minutes ago: Payload sets createdAt itself on create.
  await payload.db.updateOne({
    collection: 'content-changes',
    id: old.id,
    data: { createdAt: new Date(Date.now() - 11 * 60_000).toISOString() },
  })
  await row('nine minutes ago').then((recent) =>
    payload.db.updateOne({
      collection: 'content-changes',
      id: recent.id,
      data: { createdAt: new Date(Date.now() - 9 * 60_000).toISOString() },
    }),
  )
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

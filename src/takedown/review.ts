/**
 * Custody images and court results are kept only for a set time (the site settings: 12 months
 * unless set). At a release's review date (`after.reviewAt`, set when it goes out, moved on by
 * "Keep the pictures past their review" with a reason), its pictures of people come down by the
 * same path as a takedown (src/takedown/index.ts), and its history says so.
 *
 * Every server looks every few seconds; the first to reach a release claims the review (a
 * unique key), so it happens once, and a server that stopped halfway leaves it to be finished
 * by the next look (deleting a picture already gone is nothing).
 */
import { createLocalReq, type Payload } from 'payload'

import type { News } from '../payload-types'
import { recordTransition } from '../workflow/audit'
import { takeDownPictures } from '.'

const EVERY_MS = 10_000

const isClash = (error: unknown) =>
  (error as { name?: string })?.name === 'ValidationError' ||
  /unique|duplicate|E11000/i.test(String((error as Error)?.message ?? error))

/** Takes down what is due now; how many releases it reviewed. */
export const reviewDuePictures = async (payload: Payload, now = new Date()) => {
  const { docs } = await payload.find({
    collection: 'news',
    where: {
      and: [
        { 'after.reviewAt': { less_than_equal: now.toISOString() } },
        { 'after.picturesTakenDownAt': { exists: false } },
      ],
    },
    limit: 20,
    depth: 0,
    overrideAccess: true,
  })
  let reviewed = 0
  for (const release of docs as News[]) {
    const key = `review:${release.id}@${release.after?.reviewAt}`
    const claimed = await payload
      .create({
        collection: 'takedowns',
        data: { key, release: release.id, why: 'review' },
        overrideAccess: true,
      })
      .then(
        () => true,
        (error) => (isClash(error) ? false : Promise.reject(error)),
      )
    if (!claimed) continue
    const req = await createLocalReq({ context: { workflow: 'review' } }, payload)
    const latest = (await payload.findByID({
      collection: 'news',
      id: release.id,
      draft: true,
      depth: 0,
      overrideAccess: true,
      req,
    })) as News
    const pictures = await takeDownPictures(req, release.id, [release, latest], {
      allOfTheRelease: false,
    })
    const at = new Date().toISOString()
    const written = (await payload.update({
      collection: 'news',
      id: release.id,
      data: {
        courtResult: { ...(release.courtResult ?? {}), custodyImage: null },
        after: { ...(release.after ?? {}), picturesTakenDownAt: at },
      },
      overrideAccess: true,
      context: { workflow: 'review' },
      depth: 0,
      req,
    })) as News
    await recordTransition(req, {
      release: written,
      action: 'picturesReviewed',
      note: `Reviewed on ${at.slice(0, 10)}: ${pictures === 1 ? 'one picture' : `${pictures} pictures`} taken down, every size.`,
    })
    await payload.update({
      collection: 'takedowns',
      where: { key: { equals: key } },
      data: { pictures },
      overrideAccess: true,
      req,
    })
    reviewed += 1
  }
  return reviewed
}

/** Each server looks for pictures due for review every few seconds, from start-up. */
export const startPictureReview = (payload: Payload) => {
  let running = false
  const look = async () => {
    if (running) return
    running = true
    try {
      await reviewDuePictures(payload)
    } catch (error) {
      payload.logger.warn(`The review of pictures will try again: ${(error as Error).message}`)
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void look(), EVERY_MS)
  timer.unref()
  void look()
  return async () => clearInterval(timer)
}

/**
 * Taking down what a release said about a person: the duty that follows a missing person
 * found (the charity Missing People's "right to be forgotten"), a wanted person arrested
 * (the College of Policing: their image comes down as soon as possible), and a custody image
 * at its review.
 *
 * - The pictures of the person are deleted: the media record and every size of its file, from
 *   the media folder or the S3 bucket (Payload's upload delete). So are any other pictures of
 *   the release that no other release uses. Their old addresses answer 404 from then on.
 * - For a person found, the release's words go too (the workflow writes the notice in their
 *   place: src/workflow/plans.ts), and so does every earlier version of the release, the drafts
 *   with them, and its title wherever the history and the media list's log copied it. What was
 *   removed is kept nowhere: not in versions, the search text or a cache.
 *
 * Runs in the transition's transaction; the page caches empty with the change, on every server.
 */
import type { PayloadRequest } from 'payload'

import type { News } from '../payload-types'
import { FOUND_TITLE, peoplePictureIds } from '../releases/kinds'

type Id = number | string

const idOf = (value: unknown): Id | null =>
  value && typeof value === 'object'
    ? (value as { id: Id }).id
    : typeof value === 'number' || typeof value === 'string'
      ? value
      : null

/** Every picture a release points at in its own fields (not the force logo, not quotes' pictures). */
const picturesOf = (release: Partial<News>): Id[] =>
  [
    ...peoplePictureIds(release),
    idOf(release.heroImage),
    idOf((release as { meta?: { image?: unknown } }).meta?.image),
  ].filter((id): id is Id => id != null)

/** Whether a release other than this one uses the picture (then it is detached here, not deleted). */
const usedElsewhere = async (req: PayloadRequest, mediaId: Id, releaseId: Id) => {
  const { totalDocs } = await req.payload.count({
    collection: 'news',
    where: {
      and: [
        { id: { not_equals: releaseId } },
        {
          or: [
            { heroImage: { equals: mediaId } },
            { 'meta.image': { equals: mediaId } },
            { 'missingPerson.photo': { equals: mediaId } },
            { 'wanted.photo': { equals: mediaId } },
            { 'courtResult.custodyImage': { equals: mediaId } },
          ],
        },
      ],
    },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/** Deletes a picture, with every size of its file. Already gone is fine (a takedown may run twice). */
const deletePicture = async (req: PayloadRequest, id: Id) => {
  try {
    await req.payload.delete({ collection: 'media', id, overrideAccess: true, req })
    return true
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false
    throw error
  }
}

/**
 * Deletes the pictures of the person (always: wherever else they are used, they must go) and,
 * for a person found, every other picture of the release that nothing else uses. Give the
 * release as it was before the takedown was written, and its latest draft.
 */
export const takeDownPictures = async (
  req: PayloadRequest,
  releaseId: Id,
  before: Partial<News>[],
  { allOfTheRelease }: { allOfTheRelease: boolean },
): Promise<number> => {
  const people = new Set(before.flatMap(peoplePictureIds).map(String))
  const others = allOfTheRelease
    ? [...new Set(before.flatMap(picturesOf).map(String))].filter((id) => !people.has(id))
    : []
  let deleted = 0
  for (const id of people) if (await deletePicture(req, id)) deleted += 1
  for (const id of others)
    if (!(await usedElsewhere(req, id, releaseId)) && (await deletePicture(req, id))) deleted += 1
  return deleted
}

/**
 * A person found: nothing the release said of them is kept. Every version but the one just
 * written (the notice) is deleted, drafts and autosaves included, and the title the history
 * and the media list's log copied becomes the notice's.
 */
export const forgetWhatWasSaid = async (req: PayloadRequest, releaseId: Id) => {
  const { docs } = await req.payload.findVersions({
    collection: 'news',
    where: { parent: { equals: releaseId } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const keep = docs[0]?.id
  await req.payload.db.deleteVersions({
    collection: 'news',
    where: {
      and: [{ parent: { equals: releaseId } }, ...(keep ? [{ id: { not_equals: keep } }] : [])],
    },
    req,
  })
  await req.payload.update({
    collection: 'audit-log',
    where: { releaseRef: { equals: String(releaseId) } },
    data: { releaseTitle: FOUND_TITLE, summary: FOUND_TITLE },
    overrideAccess: true,
    depth: 0,
    req,
  })
  await req.payload.update({
    collection: 'media-sends',
    where: { release: { equals: releaseId } },
    data: { releaseTitle: FOUND_TITLE } as never,
    overrideAccess: true,
    depth: 0,
    req,
  })
}

/**
 * What a cached public page shows, named by tags, so that a change drops only the pages it
 * affects (issue 16: on a big day the press office amends one release every few minutes, and
 * the rest of the site should stay cached). The page cache in memory (./cache.ts) drops by them
 * what a change (made by any server: ./changeWatcher.ts) or an embargo lift affects, and a
 * shared cache in front is purged by them (src/cdn/, as surrogate keys).
 *
 * - `lists`: every page that shows which releases are listed: the home page, the news and
 *   category listings, searches, feeds, sitemaps, and the "not found" page (it shows the latest,
 *   and the address may be a release about to be published). A page that says nothing of its
 *   tags is given this one.
 * - `release-<id>`: the page of one release (its article, or the notice that it was withdrawn).
 * - `category-<id>`: a release page whose "more in this category" shows that category's latest.
 *
 * A change to a release drops `lists`, its own page, the pages of its category before and after
 * (their "more" section may show it) and the page of the release it follows up, before and after
 * (that page links its updates). Every other change (the settings, a category, a picture, a
 * call to action, a redirect) may show anywhere, and drops everything: its tags are `undefined`.
 */

export const LISTS = 'lists'

export const releaseTag = (id: number | string) => `release-${id}`
export const categoryTag = (id: number | string) => `category-${id}`

type Reference = number | string | { id: number | string } | null | undefined

const idOf = (value: Reference) =>
  value && typeof value === 'object' ? value.id : (value ?? undefined)

/** What a release's page, or a card of it, depends on: the fields read here. */
export type ReleaseLinks = {
  id?: number | string
  category?: Reference
  followUpOf?: Reference
}

/** The tags a change to a release drops: `doc` as it is now, `previous` as it was (if it was). */
export const releaseChangeTags = (
  doc: ReleaseLinks | null | undefined,
  previous?: ReleaseLinks | null,
): string[] => {
  const tags = new Set([LISTS])
  for (const version of [doc, previous]) {
    if (!version) continue
    if (version.id !== undefined) tags.add(releaseTag(version.id))
    const category = idOf(version.category)
    if (category !== undefined) tags.add(categoryTag(category))
    const followed = idOf(version.followUpOf)
    if (followed !== undefined) tags.add(releaseTag(followed))
  }
  return [...tags]
}

/** The union of several changes' tags: `undefined` (everything) when any of them is. */
export const unionOfTags = (changes: (readonly string[] | null | undefined)[]) => {
  const tags = new Set<string>()
  for (const change of changes) {
    if (!change) return undefined
    for (const tag of change) tags.add(tag)
  }
  return [...tags]
}

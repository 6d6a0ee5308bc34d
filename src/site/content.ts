import type { Payload, Where } from 'payload'

import { fullTextSearch } from '../db/search'
import { KINDS, type Kind } from '../releases/kinds'
import { listedNowWhere } from '../releases/state'
import { DEFAULT_QUICK_EXIT_URL } from '../globals/SiteSettings'
import type { Category, News, SiteSetting } from '../payload-types'

export const PAGE_SIZE = 12

/** How many of the best matches a search looks at. */
export const SEARCH_CANDIDATES = 50

/** What a listing needs of each release. */
const cardSelect = {
  title: true,
  slug: true,
  summary: true,
  publishAt: true,
  heroImage: true,
  category: true,
} as const

const cardPopulate = {
  media: { alt: true, url: true, width: true, height: true, sizes: true },
  categories: { name: true, slug: true },
} as const

export type ReleaseCard = Pick<
  News,
  'id' | 'title' | 'slug' | 'summary' | 'publishAt' | 'heroImage' | 'category'
>

/** A release that follows another up ("UPDATE: man charged"), as the earlier one links to it. */
export type FollowUp = Pick<News, 'id' | 'title' | 'slug' | 'publishAt'>

/** A release found by a search: a card, and its body for the snippet. */
export type SearchHit = ReleaseCard & Pick<News, 'body'>

/** Enough settings for a page before the database has ever answered: the quick exit above all. */
const FALLBACK_SETTINGS = {
  id: 0,
  forceName: 'Police news',
  quickExit: { label: 'Leave this site', url: DEFAULT_QUICK_EXIT_URL },
  betaBanner: { enabled: false },
  footerLinks: [],
} as unknown as SiteSetting

/** A page of a listing. Only whether there is a next page is known: counting every release would grow with them. */
export type Page<T> = { docs: T[]; page: number; hasNext: boolean }

/**
 * Everything the public site reads, read as the public: no user and access enforced
 * (never overrideAccess), so the embargo rule in the news access control decides what
 * is there.
 */
export const siteContent = (payload: Payload) => {
  let lastKnownSettings: SiteSetting | undefined
  const asThePublic = { overrideAccess: false, user: null } as const
  /**
   * Releases the public finds in listings, search, feeds and sitemaps (src/releases/state.ts):
   * the access rule already hides what is under embargo; this says so, and leaves out the withdrawn.
   */
  const listed = (where: Where = {}): Where => ({ and: [where, listedNowWhere(new Date())] })

  const list = async (
    where: Where,
    page: number,
    limit = PAGE_SIZE,
  ): Promise<Page<ReleaseCard>> => {
    // No count: counting every release would take longer the more there are. Whether there
    // is a next page is the question "is there a release just after this page?".
    const query = {
      collection: 'news' as const,
      where: listed(where),
      sort: '-publishAt',
      pagination: false as const,
      ...asThePublic,
    }
    const { docs } = await payload.find({
      ...query,
      limit,
      page,
      depth: 1,
      select: cardSelect,
      populate: cardPopulate,
    })
    const next =
      docs.length < limit
        ? []
        : (
            await payload.find({
              ...query,
              limit: 1,
              page: page * limit + 1,
              depth: 0,
              select: { slug: true },
            })
          ).docs
    return { docs: docs as ReleaseCard[], page, hasNext: next.length > 0 }
  }

  return {
    settings: async (): Promise<SiteSetting> => {
      lastKnownSettings = await payload.findGlobal({
        slug: 'site-settings',
        depth: 1,
        ...asThePublic,
      })
      return lastKnownSettings
    },

    /** The settings last read, for a page that must not touch the database (it may be down). */
    lastKnownSettings: (): SiteSetting => lastKnownSettings ?? FALLBACK_SETTINGS,

    /** The latest releases, or the latest of one kind (an appeal, a missing person…). */
    latest: (page: number, kind?: Kind) => list(kind ? { kind: { equals: kind } } : {}, page),

    /** The kinds that have releases listed now, in the order of KINDS: the listing's filter offers only these. */
    kindsListed: async (): Promise<Kind[]> => {
      const counts = await Promise.all(
        KINDS.map(async (kind) => ({
          kind,
          count: (
            await payload.count({
              collection: 'news',
              where: listed({ kind: { equals: kind } }),
              ...asThePublic,
            })
          ).totalDocs,
        })),
      )
      return counts.filter(({ count }) => count > 0).map(({ kind }) => kind)
    },

    /**
     * The releases that follow this one up and are listed now, newest first. Which release
     * another follows up is content the public may not filter on (a withdrawn release's would
     * tell), so this is read past the access rules, only among what is listed, and only their
     * titles and addresses.
     */
    followUps: async (release: Pick<News, 'id'>): Promise<FollowUp[]> =>
      (
        await payload.find({
          collection: 'news',
          where: listed({ followUpOf: { equals: release.id } }),
          sort: '-publishAt',
          limit: 10,
          pagination: false,
          depth: 0,
          select: { title: true, slug: true, publishAt: true },
          overrideAccess: true,
        })
      ).docs as FollowUp[],

    inCategory: (category: Category, page: number) =>
      list({ category: { equals: category.id } }, page),

    related: async (release: News, limit = 3): Promise<ReleaseCard[]> => {
      const categoryId =
        typeof release.category === 'object' ? release.category?.id : release.category
      if (!categoryId) return []
      const { docs } = await list(
        { and: [{ category: { equals: categoryId } }, { id: { not_equals: release.id } }] },
        1,
        limit,
      )
      return docs
    },

    release: async (slug: string): Promise<News | null> => {
      const { docs } = await payload.find({
        collection: 'news',
        where: { slug: { equals: slug } },
        limit: 1,
        pagination: false,
        depth: 1,
        ...asThePublic,
      })
      return docs[0] ?? null
    },

    category: async (slug: string): Promise<Category | null> => {
      const { docs } = await payload.find({
        collection: 'categories',
        where: { slug: { equals: slug } },
        limit: 1,
        pagination: false,
        depth: 0,
        ...asThePublic,
      })
      return docs[0] ?? null
    },

    categories: async (): Promise<Category[]> =>
      (
        await payload.find({
          collection: 'categories',
          sort: 'name',
          pagination: false,
          depth: 0,
          ...asThePublic,
        })
      ).docs,

    /**
     * Public releases matching every word, best first, found by the database's full-text
     * search and then read as the public, so that only what the public may see is kept.
     */
    matching: async (
      words: string[],
      limit = SEARCH_CANDIDATES,
    ): Promise<{ docs: SearchHit[]; more: boolean }> => {
      const ids = await fullTextSearch(payload, words, limit)
      if (ids.length === 0) return { docs: [], more: false }
      const { docs } = await payload.find({
        collection: 'news',
        where: listed({ id: { in: ids } }),
        pagination: false,
        limit: ids.length,
        depth: 1,
        select: { ...cardSelect, body: true },
        populate: cardPopulate,
        ...asThePublic,
      })
      const order = new Map(ids.map((id, i) => [String(id), i]))
      return {
        docs: (docs as SearchHit[]).sort(
          (a, b) => order.get(String(a.id))! - order.get(String(b.id))!,
        ),
        more: ids.length === limit,
      }
    },

    /** The newest releases in full, for feeds. Not counted: a count grows with the releases. */
    forFeed: async (limit = 20): Promise<News[]> =>
      (
        await payload.find({
          collection: 'news',
          where: listed(),
          sort: '-publishAt',
          limit,
          pagination: false,
          depth: 1,
          ...asThePublic,
        })
      ).docs,

    /**
     * Where an address that shows no release now sends readers: elsewhere (301) or nowhere (410).
     * The public may not list the redirects (old addresses can name people), so this one is
     * read past the access rules, and only where it leads.
     */
    redirectFor: async (path: string) => {
      const { docs } = await payload.find({
        collection: 'redirects',
        where: { from: { equals: path } },
        select: { from: true, to: true },
        limit: 1,
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
      return docs[0] ?? null
    },

    /** Public releases' addresses and dates, for sitemaps: all of them, or one part. */
    forSitemap: async (where: Where = {}, part?: { page: number; size: number }) =>
      (
        await payload.find({
          collection: 'news',
          where: listed(where),
          sort: part ? 'id' : '-publishAt',
          pagination: false,
          ...(part ? { limit: part.size, page: part.page } : { limit: 0 }),
          depth: 0,
          select: { slug: true, title: true, publishAt: true, updatedAt: true },
          ...asThePublic,
        })
      ).docs,

    /** How many public releases are listed (in a category, when given): for sitemaps, and to know a listing's last page. */
    countListed: async (where: Where = {}) =>
      (await payload.count({ collection: 'news', where: listed(where), ...asThePublic })).totalDocs,
  }
}

export type SiteContent = ReturnType<typeof siteContent>

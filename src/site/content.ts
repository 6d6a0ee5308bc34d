import type { Payload, Where } from 'payload'

import { notWithdrawnWhere } from '../embargo/visibility'
import type { Category, News, SiteSetting } from '../payload-types'

export const PAGE_SIZE = 12

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

export type ReleaseCard = Pick<News, 'id' | 'title' | 'slug' | 'summary' | 'publishAt' | 'heroImage' | 'category'>

export type Page<T> = { docs: T[]; page: number; totalPages: number; totalDocs: number }

/**
 * Everything the public site reads, read as the public: no user and access enforced
 * (never overrideAccess), so the embargo rule in the news access control decides what
 * is there.
 */
export const siteContent = (payload: Payload) => {
  const asThePublic = { overrideAccess: false, user: null } as const

  const list = async (where: Where, page: number, limit = PAGE_SIZE): Promise<Page<ReleaseCard>> => {
    const result = await payload.find({
      collection: 'news',
      where: { and: [where, notWithdrawnWhere] },
      sort: '-publishAt',
      limit,
      page,
      depth: 1,
      select: cardSelect,
      populate: cardPopulate,
      ...asThePublic,
    })
    return { docs: result.docs as ReleaseCard[], page: result.page ?? page, totalPages: result.totalPages, totalDocs: result.totalDocs }
  }

  return {
    settings: (): Promise<SiteSetting> => payload.findGlobal({ slug: 'site-settings', depth: 1, ...asThePublic }),

    latest: (page: number) => list({}, page),

    inCategory: (category: Category, page: number) => list({ category: { equals: category.id } }, page),

    related: async (release: News, limit = 3): Promise<ReleaseCard[]> => {
      const categoryId = typeof release.category === 'object' ? release.category?.id : release.category
      if (!categoryId) return []
      const { docs } = await list({ and: [{ category: { equals: categoryId } }, { id: { not_equals: release.id } }] }, 1, limit)
      return docs
    },

    release: async (slug: string): Promise<News | null> => {
      const { docs } = await payload.find({ collection: 'news', where: { slug: { equals: slug } }, limit: 1, depth: 1, ...asThePublic })
      return docs[0] ?? null
    },

    category: async (slug: string): Promise<Category | null> => {
      const { docs } = await payload.find({ collection: 'categories', where: { slug: { equals: slug } }, limit: 1, depth: 0, ...asThePublic })
      return docs[0] ?? null
    },

    categories: async (): Promise<Category[]> =>
      (await payload.find({ collection: 'categories', sort: 'name', pagination: false, depth: 0, ...asThePublic })).docs,

    /** Releases containing every word, newest first; the caller ranks them. */
    matching: async (words: string[], limit = 200): Promise<News[]> => {
      if (words.length === 0) return []
      const { docs } = await payload.find({
        collection: 'news',
        where: { and: [...words.map((word) => ({ searchText: { like: word } })), notWithdrawnWhere] },
        sort: '-publishAt',
        limit,
        depth: 1,
        populate: cardPopulate,
        ...asThePublic,
      })
      return docs
    },

    /** The newest releases in full, for feeds. */
    forFeed: async (limit = 20): Promise<News[]> =>
      (await payload.find({ collection: 'news', where: notWithdrawnWhere, sort: '-publishAt', limit, depth: 1, ...asThePublic })).docs,

    /** Where an address that shows no release now sends readers: elsewhere (301) or nowhere (410). */
    redirectFor: async (path: string) => {
      const { docs } = await payload.find({ collection: 'redirects', where: { from: { equals: path } }, limit: 1, depth: 0, ...asThePublic })
      return docs[0] ?? null
    },

    /** Every public release's address and dates, for sitemaps. */
    forSitemap: async (where: Where = {}) =>
      (
        await payload.find({
          collection: 'news',
          where: { and: [where, notWithdrawnWhere] },
          sort: '-publishAt',
          pagination: false,
          depth: 0,
          select: { slug: true, title: true, publishAt: true, updatedAt: true },
          ...asThePublic,
        })
      ).docs,
  }
}

export type SiteContent = ReturnType<typeof siteContent>

import type { Request } from 'express'

import type { Category, SiteSetting } from '../../payload-types'
import { isKind, KIND_PLURALS, KINDS, type Kind } from '../../releases/kinds'
import { categoryPath, ReleaseList } from '../components/ReleaseList'
import { Pagination } from '../components/Pagination'
import { PAGE_SIZE, type Page, type ReleaseCard } from '../content'
import {
  BadRequest,
  cacheKeyOf,
  pageNumber,
  paramsOf,
  type PageContext,
  type PageModule,
} from '../page'

/** Where the listing of one kind is: `/news?kind=appeal`. */
export const kindPath = (kind: Kind) => `/news?kind=${kind}`

/**
 * Links to the listing of each kind of release that has any (appeals, missing people…), and
 * back to all of them. Not shown while every release is news: there would be nothing to choose.
 */
const KindFilter = ({ kinds, kind }: { kinds: Kind[]; kind?: Kind }) =>
  kind || kinds.length > 1 ? (
    <nav className="kinds" aria-labelledby="kinds-heading">
      <h2 id="kinds-heading" className="kinds__heading">
        News by type
      </h2>
      <ul>
        {kind ? (
          <li>
            <a href="/news">All news</a>
          </li>
        ) : null}
        {kinds.map((each) => (
          <li key={each}>
            <a href={kindPath(each)} aria-current={each === kind ? 'page' : undefined}>
              {KIND_PLURALS[each]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  ) : null

/** The latest releases, newest first, a page at a time: the home page, /news (of one kind, or all) and each category. */
export const NewsListPage = ({
  heading,
  releases,
  basePath,
  categories,
  current,
  kinds = [],
  kind,
}: {
  heading: string
  releases: Page<ReleaseCard>
  basePath: string
  categories: Category[]
  current?: Category
  /** The kinds of release there are to choose from (the home page and /news only). */
  kinds?: Kind[]
  kind?: Kind
}) => (
  <>
    <h1>
      {heading}
      {releases.page > 1 ? <span className="visually-hidden">, page {releases.page}</span> : null}
    </h1>
    <KindFilter kinds={kinds} kind={kind} />
    {releases.docs.length ? (
      <ReleaseList releases={releases.docs} />
    ) : (
      <p>There is no news here yet.</p>
    )}
    <Pagination basePath={basePath} page={releases.page} hasNext={releases.hasNext} />
    {categories.length ? (
      <nav className="topics" aria-labelledby="topics-heading">
        <h2 id="topics-heading">News by topic</h2>
        <ul>
          {categories.map((category) => (
            <li key={category.id}>
              <a
                href={categoryPath(category.slug)}
                aria-current={current?.id === category.id ? 'page' : undefined}
              >
                {category.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    ) : null}
  </>
)

type Listing = {
  settings: SiteSetting
  heading: string
  basePath: string
  releases: Page<ReleaseCard>
  categories: Category[]
  current?: Category
  kinds?: Kind[]
  kind?: Kind
}

const KIND_PROBLEM = `The kind of release in the address must be one of: ${KINDS.join(', ')}.`

/**
 * `?kind=` of /news, read as the page cache's key reads it (`paramsOf`): undefined when
 * absent, null when it is not one kind of release.
 */
const kindParam = (given: URLSearchParams): Kind | undefined | null => {
  const kinds = given.getAll('kind')
  if (kinds.length === 0) return undefined
  return kinds.length === 1 && isKind(kinds[0]) ? kinds[0] : null
}

/** A page of a listing: every release, one kind's, or a category's. Past the last page there is nothing. */
const loadListing = async (
  req: Request,
  { content, cache }: PageContext,
  heading: string,
  basePath: string,
  { category, kinds: offerKinds = false }: { category?: Category; kinds?: boolean } = {},
): Promise<Listing | null> => {
  const pageNo = pageNumber(req)
  const kind = offerKinds ? kindParam(paramsOf(req)) : undefined
  if (kind === null) throw new BadRequest(KIND_PROBLEM)
  const [settings, releases, categories, kinds] = await Promise.all([
    content.settings(),
    category ? content.inCategory(category, pageNo) : content.latest(pageNo, kind),
    content.categories(),
    offerKinds ? cache.remember('kinds', () => content.kindsListed()) : [],
  ])
  if (pageNo > 1 && releases.docs.length === 0) return null
  return {
    settings,
    heading: kind ? KIND_PLURALS[kind] : heading,
    basePath: kind ? kindPath(kind) : basePath,
    releases,
    categories,
    current: category,
    kinds,
    kind,
  }
}

const listingMetadata = ({ settings, heading, basePath, releases, current, kind }: Listing) => {
  const paged = releases.page > 1
  return {
    // The home page is the site's own: its title is the force's name.
    title:
      basePath === '/'
        ? settings.forceName
        : paged
          ? `${heading} (page ${releases.page})`
          : heading,
    description: current
      ? `${current.name}: news from ${settings.forceName}.`
      : kind
        ? `${KIND_PLURALS[kind]} from ${settings.forceName}.`
        : `The latest news, appeals and updates from ${settings.forceName}.`,
    canonicalPath: paged
      ? `${basePath}${basePath.includes('?') ? '&' : '?'}page=${releases.page}`
      : basePath,
  }
}

const ListingPage = ({
  heading,
  releases,
  basePath,
  categories,
  current,
  kinds,
  kind,
}: Listing) => (
  <NewsListPage
    heading={heading}
    releases={releases}
    basePath={basePath}
    categories={categories}
    current={current}
    kinds={kinds}
    kind={kind}
  />
)

/**
 * The key of a page of a listing of `count` releases. Pages past the last share one key, so a
 * crowd asking for `?page=2`, `?page=3`… of a short list costs one count and one 404.
 * Undefined when the count is needed and not known (not given).
 */
const listingKeyOf = (
  path: string,
  given: URLSearchParams,
  count: number | null | undefined,
  query: readonly string[] = ['page'],
): string | undefined => {
  const key = cacheKeyOf(path, given, query)
  const pages = given.getAll('page')
  // Anything but one plain page number is the page's own business (a 400), keyed as given.
  if (pages.length !== 1 || !/^[1-9]\d{0,5}$/.test(pages[0]!) || pages[0] === '1') return key
  if (count === undefined) return undefined
  // Every page past the last is one key: the listing's own (of its kind, if any), so marked.
  return count !== null && Number(pages[0]) > Math.max(1, Math.ceil(count / PAGE_SIZE))
    ? `${cacheKeyOf(
        path,
        given,
        query.filter((name) => name !== 'page'),
      )} (past the end)`
    : key
}

/** The cache key of a page of a listing, counting its releases when that is needed. */
const listingKey =
  (
    countListed: (req: Request, context: PageContext) => Promise<number | null>,
    query?: readonly string[],
  ) =>
  async (req: Request, context: PageContext): Promise<string> =>
    listingKeyOf(req.path, paramsOf(req), undefined, query) ??
    listingKeyOf(req.path, paramsOf(req), await countListed(req, context), query)!

/** What the page cache remembers the count of a listing as: every release, or one kind's. */
const countKeyOf = (given: URLSearchParams, offerKinds: boolean) => {
  const kind = offerKinds ? kindParam(given) : undefined
  return kind ? `listed:kind:${kind}` : 'listed'
}

const everyRelease = (path: string, heading: string, offerKinds: boolean): PageModule<Listing> => {
  // /news reads `kind`, and it is part of the page's key; the home page reads only `page`.
  const query = offerKinds ? ['page', 'kind'] : ['page']
  return {
    path,
    load: (req, context) => loadListing(req, context, heading, path, { kinds: offerKinds }),
    metadata: listingMetadata,
    Component: ListingPage,
    cache: {
      key: listingKey((req, { cache, content }) => {
        const kind = offerKinds ? kindParam(paramsOf(req)) : undefined
        // A kind that is not one is answered 400 by the loader, whatever the count.
        if (kind === null) return Promise.resolve(null)
        return cache.remember(countKeyOf(paramsOf(req), offerKinds), () =>
          content.countListed(kind ? { kind: { equals: kind } } : {}),
        )
      }, query),
      // The count as the cache last worked it out, when it still holds.
      keyNow:
        (asked, { cache }) =>
        (given) =>
          listingKeyOf(
            asked,
            given,
            kindParam(given) === null && offerKinds
              ? null
              : cache.peekRemembered<number | null>(countKeyOf(given, offerKinds)),
            query,
          ),
    },
  }
}

/** The home page: the latest releases. */
export const homePage = everyRelease('/', 'Latest news', false)

/** /news: the same list under its own address, or one kind of release (`?kind=appeal`). */
export const newsPage = everyRelease('/news', 'News', true)

/** /news/category/:slug: a category's releases. */
export const categoryPage: PageModule<Listing> = {
  path: '/news/category/:slug',
  load: async (req, context) => {
    const category = await context.content.category(String(req.params.slug))
    if (!category) return null
    return loadListing(
      req,
      context,
      category.name,
      `/news/category/${encodeURIComponent(category.slug)}`,
      { category },
    )
  },
  metadata: listingMetadata,
  Component: ListingPage,
  cache: {
    key: listingKey(async (req, { cache, content }) => {
      const category =
        (await cache.remember('categories', () => content.categories())).find(
          (c) => c.slug === String(req.params.slug),
        ) ?? null
      if (!category) return null
      return cache.remember(`listed:${category.id}`, () =>
        content.countListed({ category: { equals: category.id } }),
      )
    }),
  },
}

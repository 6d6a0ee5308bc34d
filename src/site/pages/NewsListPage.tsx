import type { Request } from 'express'

import type { Category, SiteSetting } from '../../payload-types'
import { categoryPath, ReleaseList } from '../components/ReleaseList'
import { Pagination } from '../components/Pagination'
import { PAGE_SIZE, type Page, type ReleaseCard } from '../content'
import { cacheKeyOf, pageNumber, paramsOf, type PageContext, type PageModule } from '../page'

/** The latest releases, newest first, a page at a time: the home page, /news and each category. */
export const NewsListPage = ({
  heading,
  releases,
  basePath,
  categories,
  current,
}: {
  heading: string
  releases: Page<ReleaseCard>
  basePath: string
  categories: Category[]
  current?: Category
}) => (
  <>
    <h1>
      {heading}
      {releases.page > 1 ? <span className="visually-hidden">, page {releases.page}</span> : null}
    </h1>
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
}

/** A page of a listing: every release, or a category's. Past the last page there is nothing. */
const loadListing = async (
  req: Request,
  { content }: PageContext,
  heading: string,
  basePath: string,
  category?: Category,
): Promise<Listing | null> => {
  const pageNo = pageNumber(req)
  const [settings, releases, categories] = await Promise.all([
    content.settings(),
    category ? content.inCategory(category, pageNo) : content.latest(pageNo),
    content.categories(),
  ])
  if (pageNo > 1 && releases.docs.length === 0) return null
  return { settings, heading, basePath, releases, categories, current: category }
}

const listingMetadata = ({ settings, heading, basePath, releases, current }: Listing) => {
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
      : `The latest news, appeals and updates from ${settings.forceName}.`,
    canonicalPath: paged ? `${basePath}?page=${releases.page}` : basePath,
  }
}

const ListingPage = ({ heading, releases, basePath, categories, current }: Listing) => (
  <NewsListPage
    heading={heading}
    releases={releases}
    basePath={basePath}
    categories={categories}
    current={current}
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
): string | undefined => {
  const key = cacheKeyOf(path, given, ['page'])
  const pages = given.getAll('page')
  // Anything but one plain page number is the page's own business (a 400), keyed as given.
  if (pages.length !== 1 || !/^[1-9]\d{0,5}$/.test(pages[0]!) || pages[0] === '1') return key
  if (count === undefined) return undefined
  return count !== null && Number(pages[0]) > Math.max(1, Math.ceil(count / PAGE_SIZE))
    ? `${path}?page=past-the-end`
    : key
}

/** The cache key of a page of a listing, counting its releases when that is needed. */
const listingKey =
  (countListed: (req: Request, context: PageContext) => Promise<number | null>) =>
  async (req: Request, context: PageContext): Promise<string> =>
    listingKeyOf(req.path, paramsOf(req), undefined) ??
    listingKeyOf(req.path, paramsOf(req), await countListed(req, context))!

const everyReleaseKey = listingKey((_req, { cache, content }) =>
  cache.remember('listed', () => content.countListed()),
)

const everyRelease = (path: string, heading: string): PageModule<Listing> => ({
  path,
  load: (req, context) => loadListing(req, context, heading, path),
  metadata: listingMetadata,
  Component: ListingPage,
  cache: {
    key: everyReleaseKey,
    // The count as the cache last worked it out, when it still holds.
    keyNow:
      (asked, { cache }) =>
      (given) =>
        listingKeyOf(asked, given, cache.peekRemembered<number | null>('listed')),
  },
})

/** The home page: the latest releases. */
export const homePage = everyRelease('/', 'Latest news')

/** /news: the same list under its own address. */
export const newsPage = everyRelease('/news', 'News')

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
      category,
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

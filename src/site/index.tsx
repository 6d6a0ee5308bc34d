import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express'
import type { Payload } from 'payload'
import sharp from 'sharp'
import path from 'node:path'

import { projectRoot } from '../config/paths'
import { databaseAnswers } from '../db/health'
import { assets } from './assets'
import { nextScheduledChange } from '../embargo/nextChange'
import { onContentChange } from '../plugins/contentChanged'
import type { RecruitmentCta, SiteSetting } from '../payload-types'
import { PageCache, type Rendered } from './cache'
import { watchForChanges } from './changeWatcher'
import { PAGE_SIZE, siteContent } from './content'
import { buildFeed, jsonFeed11 } from './feeds'
import { AccessibilityPage } from './pages/AccessibilityPage'
import { ArticlePage } from './pages/ArticlePage'
import { NewsListPage } from './pages/NewsListPage'
import { ErrorPage, NotFoundPage } from './pages/NotFoundPage'
import { SearchPage } from './pages/SearchPage'
import { GonePage, WithdrawnPage } from './pages/WithdrawnPage'
import { livePreview } from '../livePreview/route'
import { mediaFileRoute } from './mediaFiles'
import { previewRoutes } from './embargoPreview/routes'
import { newsArticleJsonLd, releaseFacts } from './releaseFacts'
import { htmlPage } from './render'
import { Busy, RenderLimit } from './renderLimit'
import { sendRendered } from './respond'
import { parseQuery, rank, snippet } from './search'
import { newsSitemapXml, pagesSitemapXml, releasesSitemapXml, SITEMAP_SIZE, sitemapIndexXml, sitemapXml } from './sitemaps'
import { isoWithUkOffset } from '../time/ukTime'

const TWO_DAYS = 2 * 24 * 60 * 60 * 1000

const isCta = (value: unknown): value is RecruitmentCta => Boolean(value) && typeof value === 'object' && 'heading' in (value as object)

/** Thrown by a page for bad input in the address: answered with a page saying what is wrong. */
class BadRequest extends Error {}

type RouteOptions = {
  /** The parameters of the address the page reads: the others are no part of its cache key. */
  query?: readonly string[]
  /** The page's key in the cache, when it is more than its path and `query`. */
  key?: (req: Request) => string | Promise<string>
  /** Whether the page, when it was cached before the last change, is made again before new addresses (not searches). */
  first?: boolean
}

const pageNumber = (req: Request): number => {
  const raw = req.query.page
  if (raw === undefined) return 1
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) throw new BadRequest('The page number in the address must be a whole number, such as 2.')
  return Number(raw)
}

/**
 * The page cache's key for an address: its path and only the parameters the page reads, so
 * that `/?cb=1`, `/?cb=2`… or `/?utm_source=…` are all the one cached `/`.
 */
const cacheKey = (req: Request, query: readonly string[] = []): string => {
  const given = new URL(req.originalUrl, 'http://site').searchParams
  const kept = new URLSearchParams()
  for (const name of query) for (const value of given.getAll(name)) kept.append(name, value)
  const search = kept.toString()
  return search ? `${req.path}?${search}` : req.path
}

/** Every page past the last of a listing is one entry in the cache: the same 404. */
const pastTheEnd = (req: Request) => `${req.path}?page=past-the-end`

// Shared caches (a CDN) may keep public pages but must check with us before each use,
// which costs a 304 at most: an embargo lift or a withdrawal shows at once.
const PAGE_CACHE_CONTROL = 'no-cache'

/**
 * The public news site: server-rendered pages, feeds and sitemaps, read as the public
 * through Payload's access rules, kept in a page cache that empties on every change and
 * at every embargo lift.
 */
export const publicSite = ({ payload, siteUrl }: { payload: Payload; siteUrl: string }) => {
  const content = siteContent(payload)
  const cache = new PageCache(() => nextScheduledChange(payload))
  const stopListening = onContentChange(() => cache.invalidate())
  const stopWatching = watchForChanges(payload, () => cache.invalidate())

  /** Nothing here: a redirect or "gone" recorded for the address, else a helpful 404. */
  const notFound = async (req: Request): Promise<Rendered> => {
    const redirect = await content.redirectFor(req.path)
    if (redirect?.to) return { status: 301, type: 'text/plain; charset=utf-8', body: `Moved to ${redirect.to}`, headers: { Location: redirect.to } }
    const [settings, latest] = await Promise.all([content.settings(), content.latest(1)])
    if (redirect) return htmlPage(410, { settings, siteUrl, meta: { title: 'This page has been removed', noindex: true } }, <GonePage />)
    return htmlPage(404, { settings, siteUrl, meta: { title: 'Page not found', noindex: true } }, <NotFoundPage latest={latest.docs.slice(0, 5)} />)
  }

  const badRequest = async (message: string): Promise<Rendered> => {
    const settings = await content.settings()
    return { ...htmlPage(400, { settings, siteUrl, meta: { title: 'There is a problem with the address', noindex: true } }, <ErrorPage title="There is a problem with the address" message={message} />), noStore: true }
  }

  const limit = new RenderLimit()
  const busyPages = new WeakMap<SiteSetting, Rendered>()

  /** Too many pages being made: a page made without the database, once for each version of the settings. */
  const busy = (req: Request, res: Response) => {
    const settings = content.lastKnownSettings()
    let page = busyPages.get(settings)
    if (!page) {
      page = htmlPage(
        503,
        { settings, siteUrl, meta: { title: 'This website is busy', noindex: true } },
        <ErrorPage
          title="Sorry, this website is busy"
          message="Please try again in a few seconds. If you need the police urgently, call 999. For anything else, call 101."
        />,
      )
      busyPages.set(settings, page)
    }
    res.set('Retry-After', '5')
    sendRendered(req, res, page, 'no-store')
  }

  /**
   * A cached public route: the cache answers, or `render` does, within the render limit
   * (src/site/renderLimit.ts). `query` names the parameters the page reads; any other is
   * ignored, and is not part of the cache's key. `X-Page-Cache` says which it was.
   */
  const route =
    (
      render: (req: Request) => Promise<Rendered>,
      { query = [], key = (req) => cacheKey(req, query), first = true }: RouteOptions = {},
    ): RequestHandler =>
    async (req, res, next) => {
      try {
        const pageKey = await key(req)
        let made = false
        const make = () => {
          made = true
          const rendering = () =>
            render(req).catch((error) => (error instanceof BadRequest ? badRequest(error.message) : Promise.reject(error)))
          return limit.run(req.ip ?? '', rendering, { first: first && cache.wasKept(pageKey) })
        }
        const rendered = await cache.serve(pageKey, make)
        res.set('X-Page-Cache', made ? 'miss' : 'hit')
        sendRendered(req, res, rendered, PAGE_CACHE_CONTROL)
      } catch (error) {
        if (error instanceof Busy) return busy(req, res)
        next(error)
      }
    }

  /**
   * The cache key of a page of a listing. Pages past the last share one key, so a crowd
   * asking for `?page=2`, `?page=3`… of a short list costs one count and one 404.
   */
  const listingKey =
    (countListed: (req: Request) => Promise<number | null>) =>
    async (req: Request): Promise<string> => {
      const key = cacheKey(req, ['page'])
      let pageNo: number
      try {
        pageNo = pageNumber(req)
      } catch {
        return key
      }
      if (pageNo === 1) return key
      const count = await countListed(req)
      return count !== null && pageNo > Math.max(1, Math.ceil(count / PAGE_SIZE)) ? pastTheEnd(req) : key
    }

  const categoryBySlug = async (slug: string) =>
    (await cache.remember('categories', () => content.categories())).find((c) => c.slug === slug) ?? null

  const listing = (heading: string, basePath: string) => async (req: Request) => {
    const pageNo = pageNumber(req)
    const [settings, releases, categories] = await Promise.all([content.settings(), content.latest(pageNo), content.categories()])
    if (pageNo > 1 && releases.docs.length === 0) return notFound(req)
    return htmlPage(
      200,
      {
        settings,
        siteUrl,
        meta: {
          title: heading === 'Latest news' ? settings.forceName : pageNo > 1 ? `${heading} (page ${pageNo})` : heading,
          description: `The latest news, appeals and updates from ${settings.forceName}.`,
          canonicalPath: pageNo > 1 ? `${basePath}?page=${pageNo}` : basePath,
        },
      },
      <NewsListPage heading={heading} releases={releases} basePath={basePath} categories={categories} />,
    )
  }

  const router = express.Router()

  const everyRelease = listingKey(() => cache.remember('listed', () => content.countListed()))
  router.get('/', route(listing('Latest news', '/'), { key: everyRelease }))
  router.get('/news', route(listing('News', '/news'), { key: everyRelease }))
  router.get('/api/media/file/:filename', mediaFileRoute(payload))

  router.get(
    '/news/category/:slug',
    route(async (req) => {
      const category = await content.category(String(req.params.slug))
      if (!category) return notFound(req)
      const pageNo = pageNumber(req)
      const basePath = `/news/category/${encodeURIComponent(category.slug)}`
      const [settings, releases, categories] = await Promise.all([content.settings(), content.inCategory(category, pageNo), content.categories()])
      if (pageNo > 1 && releases.docs.length === 0) return notFound(req)
      return htmlPage(
        200,
        {
          settings,
          siteUrl,
          meta: {
            title: pageNo > 1 ? `${category.name} (page ${pageNo})` : category.name,
            description: `${category.name}: news from ${settings.forceName}.`,
            canonicalPath: pageNo > 1 ? `${basePath}?page=${pageNo}` : basePath,
          },
        },
        <NewsListPage heading={category.name} releases={releases} basePath={basePath} categories={categories} current={category} />,
      )
    }, {
      key: listingKey(async (req) => {
        const category = await categoryBySlug(String(req.params.slug))
        if (!category) return null
        return cache.remember(`listed:${category.id}`, () => content.countListed({ category: { equals: category.id } }))
      }),
    }),
  )

  router.get(
    '/news/:slug',
    route(async (req) => {
      const release = await content.release(String(req.params.slug))
      if (!release) return notFound(req)
      if (release.withdrawal?.withdrawnAt) {
        const settings = await content.settings()
        return htmlPage(
          200,
          { settings, siteUrl, meta: { title: `Withdrawn: ${release.title}`, canonicalPath: `/news/${encodeURIComponent(release.slug)}`, noindex: true } },
          <WithdrawnPage release={release} />,
        )
      }
      const [settings, related] = await Promise.all([content.settings(), content.related(release)])
      const cta = isCta(release.recruitmentCta) ? release.recruitmentCta : isCta(settings.defaultRecruitmentCta) ? settings.defaultRecruitmentCta : null
      const facts = releaseFacts(release, siteUrl)
      return htmlPage(
        200,
        {
          settings,
          siteUrl,
          meta: {
            title: facts.title,
            description: facts.description,
            canonicalPath: `/news/${encodeURIComponent(release.slug)}`,
            type: 'article',
            image: facts.image,
            publishedTime: isoWithUkOffset(facts.published),
            modifiedTime: isoWithUkOffset(facts.modified),
            jsonLd: newsArticleJsonLd(release, settings, siteUrl),
          },
        },
        <ArticlePage release={release} cta={cta} related={related} />,
      )
    }),
  )

  router.get(
    '/search',
    route(async (req) => {
      const { query, words, error } = parseQuery(req.query.q)
      const settings = await content.settings()
      const found = error || !query ? null : await content.matching(words)
      const results = found ? rank(found.docs, words).map((release) => ({ release, snippet: snippet(release, words) })) : null
      const rendered = htmlPage(
        error ? 400 : 200,
        { settings, siteUrl, meta: { title: query ? `Search: ${query}` : 'Search news', canonicalPath: '/search', noindex: Boolean(query) } },
        <SearchPage query={query} words={words} results={results} more={found?.more ?? false} error={error} />,
      )
      return { ...rendered, noStore: Boolean(error) }
    }, { query: ['q'], first: false }),
  )

  router.get(
    '/accessibility',
    route(async () => {
      const settings = await content.settings()
      return htmlPage(200, { settings, siteUrl, meta: { title: 'Accessibility statement', canonicalPath: '/accessibility' } }, <AccessibilityPage forceName={settings.forceName} feedbackUrl={settings.betaBanner?.feedbackUrl} />)
    }),
  )

  const feed = (format: 'rss' | 'atom' | 'json') =>
    route(async () => {
      const [settings, releases] = await Promise.all([content.settings(), content.forFeed()])
      const built = buildFeed(releases, settings, siteUrl, { format: format === 'json' ? 'json' : 'xml' })
      if (format === 'rss') return { status: 200, type: 'application/rss+xml; charset=utf-8', body: built.rss2() }
      if (format === 'atom') return { status: 200, type: 'application/atom+xml; charset=utf-8', body: built.atom1() }
      return { status: 200, type: 'application/feed+json; charset=utf-8', body: jsonFeed11(built) }
    })
  router.get('/feed.xml', feed('rss'))
  router.get('/feed.atom', feed('atom'))
  router.get('/feed.json', feed('json'))

  const xml = (body: string): Rendered => ({ status: 200, type: 'application/xml; charset=utf-8', body })

  router.get(
    '/sitemap.xml',
    route(async () => {
      const count = await content.countListed()
      if (count > SITEMAP_SIZE) return xml(await sitemapIndexXml(siteUrl, Math.ceil(count / SITEMAP_SIZE)))
      const [releases, categories] = await Promise.all([content.forSitemap(), content.categories()])
      return xml(await sitemapXml(siteUrl, releases, categories))
    }),
  )
  router.get(
    '/sitemaps/pages.xml',
    route(async () => xml(await pagesSitemapXml(siteUrl, await content.categories()))),
  )
  router.get(
    '/sitemaps/releases-:part.xml',
    route(async (req) => {
      const part = Number(req.params.part)
      if (!Number.isInteger(part) || part < 1) return notFound(req)
      const releases = await content.forSitemap({}, { page: part, size: SITEMAP_SIZE })
      if (releases.length === 0) return notFound(req)
      return xml(await releasesSitemapXml(siteUrl, releases))
    }),
  )

  router.get(
    '/news-sitemap.xml',
    route(async () => {
      const since = new Date(Date.now() - TWO_DAYS).toISOString()
      const [settings, releases] = await Promise.all([content.settings(), content.forSitemap({ publishAt: { greater_than_equal: since } })])
      // Releases leave this sitemap two days after they went out: keep it a minute at most.
      return { status: 200, type: 'application/xml; charset=utf-8', body: await newsSitemapXml(siteUrl, releases, settings), maxAgeMs: 60_000 }
    }),
  )

  router.get(
    '/robots.txt',
    route(async () => ({
      status: 200,
      type: 'text/plain; charset=utf-8',
      body: ['User-agent: *', 'Disallow: /admin', 'Disallow: /api/', 'Disallow: /search', '', `Sitemap: ${siteUrl}/sitemap.xml`, `Sitemap: ${siteUrl}/news-sitemap.xml`, ''].join('\n'),
    })),
  )

  for (const asset of Object.values(assets)) {
    router.get(asset.path, (req, res) => sendRendered(req, res, asset.rendered, req.query.v === asset.version ? 'public, max-age=31536000, immutable' : 'public, max-age=3600'))
  }

  let logo: Promise<Buffer> | undefined
  router.get('/logo.png', async (_req, res, next) => {
    try {
      logo ??= sharp(path.join(projectRoot, 'public', 'favicon.svg'), { density: 1200 }).resize(512, 512).png().toBuffer()
      res.type('image/png').set('Cache-Control', 'public, max-age=86400').send(await logo)
    } catch (error) {
      next(error)
    }
  })

  /** Anything no route answered: a redirect, a "gone", or a helpful 404 page. */
  const notFoundHandler: RequestHandler = route(notFound)

  const preview = previewRoutes({ payload, content, siteUrl })
  router.get('/preview/:token', preview.page)
  router.get('/preview/:token/media/:filename', preview.media)
  router.get('/live-preview/news/:id', livePreview({ payload, content }))

  /**
   * A failure while answering: a plain page, no details (they go to the log). When the
   * database is not answering it is a 503 that says to come back soon (and how to reach the
   * police meanwhile); the page is made without the database.
   */
  const errorHandler: ErrorRequestHandler = async (error, req, res, _next) => {
    if (res.headersSent) {
      console.error(`Error serving ${req.method} ${req.originalUrl}:`, error)
      return void res.destroy()
    }
    const down = !(await databaseAnswers(payload, 1000))
    if (down) console.error(`The database is not answering: ${req.method} ${req.originalUrl} got the 503 page.`)
    else console.error(`Error serving ${req.method} ${req.originalUrl}:`, error)
    const settings = content.lastKnownSettings()
    const rendered = down
      ? htmlPage(
          503,
          { settings, siteUrl, meta: { title: 'This website is not available at the moment', noindex: true } },
          <ErrorPage title="Sorry, this website is not available at the moment" message="Please try again in a few minutes. If you need the police urgently, call 999. For anything else, call 101." />,
        )
      : htmlPage(500, { settings, siteUrl, meta: { title: 'Sorry, there is a problem', noindex: true } }, <ErrorPage title="Sorry, there is a problem with this website" message="Please try again in a few minutes." />)
    res.status(rendered.status).set('Cache-Control', 'no-store')
    if (down) res.set('Retry-After', '30')
    res.type(rendered.type).send(rendered.body)
  }

  const close = () => {
    stopListening()
    stopWatching()
  }
  return { router, notFound: notFoundHandler, errorHandler, cache, close }
}

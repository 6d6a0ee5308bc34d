import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express'
import type { Payload } from 'payload'
import sharp from 'sharp'
import path from 'node:path'

import { projectRoot } from '../config/paths'
import { databaseAnswers } from '../db/health'
import { assets } from './assets'
import { purgeOnChange } from '../cdn/purge'
import { cdnSettings, publicPageCacheControl, surrogateHeaders } from '../cdn/settings'
import { nextScheduledChange } from '../embargo/nextChange'
import { onContentChange, thisProcess } from '../plugins/contentChanged'
import type { SiteSetting } from '../payload-types'
import { PageCache, tagsOf, type Rendered } from './cache'
import { CachedAnswers } from './cachedAnswers'
import { unionOfTags } from './cacheTags'
import { watchForChanges } from './changeWatcher'
import { siteContent, type SiteContent } from './content'
import { buildFeed, jsonFeed11 } from './feeds'
import {
  BadRequest,
  cacheKey,
  cacheKeyOf,
  type CachePolicy,
  type PageContext,
  type PageModule,
} from './page'
import { accessibilityPage } from './pages/AccessibilityPage'
import { articlePage } from './pages/ArticlePage'
import { categoryPage, homePage, newsPage } from './pages/NewsListPage'
import { ErrorPage, NotFoundPage } from './pages/NotFoundPage'
import { searchPage } from './pages/SearchPage'
import { GonePage } from './pages/WithdrawnPage'
import { alertsPage } from '../alerts/pages'
import { alertRoutes } from '../alerts/routes'
import { livePreview } from '../livePreview/route'
import { mediaFileRoute } from './mediaFiles'
import { previewRoutes } from './embargoPreview/routes'
import { htmlPage } from './render'
import { Busy, RenderLimit } from './renderLimit'
import { sendRendered } from './respond'
import {
  newsSitemapXml,
  pagesSitemapXml,
  releasesSitemapXml,
  SITEMAP_SIZE,
  sitemapIndexXml,
  sitemapXml,
} from './sitemaps'

const TWO_DAYS = 2 * 24 * 60 * 60 * 1000

/**
 * The public news site: server-rendered pages, feeds and sitemaps, read as the public
 * through Payload's access rules, kept in a page cache that drops the pages a change or an
 * embargo lift affects (./cacheTags.ts); behind a shared cache, a change purges those pages.
 */
export const publicSite = ({ payload, siteUrl }: { payload: Payload; siteUrl: string }) => {
  const cache = new PageCache(() => nextScheduledChange(payload))
  const read = siteContent(payload)
  // The settings are on every page: read once until the next change (or scheduled change, such
  // as a call to action starting), not once for every page made.
  const content: SiteContent = {
    ...read,
    settings: () => cache.remember('settings', read.settings),
  }
  const context: PageContext = { content, siteUrl, cache }
  // Behind a shared cache (CDN), public pages may be kept there too, and it is purged on every
  // change; without one they say `no-cache`: checked with us before each use (src/cdn/).
  const cdn = cdnSettings()
  const purger = cdn ? purgeOnChange(payload, cdn) : null
  // A change made here drops the pages it affects (their tags) at once. Once a change is seen
  // committed, by any server, the pages it affects are dropped again (one being made while it
  // was committed may hold the old words), and the server that made it purges the shared cache
  // of them (./changeWatcher.ts).
  const stopListening = onContentChange(({ tags }) => cache.invalidate(tags))
  const stopWatching = watchForChanges(payload, (changes, everything) => {
    // This cache first: a shared cache purged next fetches the page again from it.
    cache.invalidate(everything ? undefined : unionOfTags(changes.map((change) => change.tags)))
    const madeHere = changes.filter((change) => change.server === thisProcess)
    if (madeHere.length > 0) purger?.purge(unionOfTags(madeHere.map((change) => change.tags)))
  })

  /** Nothing here: a redirect or "gone" recorded for the address, else a helpful 404. */
  const notFound = async (req: Request): Promise<Rendered> => {
    const redirect = await content.redirectFor(req.path)
    if (redirect?.to)
      return {
        status: 301,
        type: 'text/plain; charset=utf-8',
        body: `Moved to ${redirect.to}`,
        headers: { Location: redirect.to },
      }
    const [settings, latest] = await Promise.all([content.settings(), content.latest(1)])
    if (redirect)
      return htmlPage(
        410,
        { settings, siteUrl, meta: { title: 'This page has been removed', noindex: true } },
        <GonePage />,
      )
    return htmlPage(
      404,
      { settings, siteUrl, meta: { title: 'Page not found', noindex: true } },
      <NotFoundPage latest={latest.docs.slice(0, 5)} />,
    )
  }

  const badRequest = async (message: string): Promise<Rendered> => {
    const settings = await content.settings()
    return {
      ...htmlPage(
        400,
        {
          settings,
          siteUrl,
          meta: { title: 'There is a problem with the address', noindex: true },
        },
        <ErrorPage title="There is a problem with the address" message={message} />,
      ),
      noStore: true,
    }
  }

  const limit = new RenderLimit()
  const busyPages = new WeakMap<SiteSetting, Rendered>()

  /** Too many pages being made: a page made without the database, once for each version of the settings. */
  const busyPage = (): Rendered => {
    const settings = content.lastKnownSettings()
    let page = busyPages.get(settings)
    if (!page) {
      page = {
        ...htmlPage(
          503,
          { settings, siteUrl, meta: { title: 'This website is busy', noindex: true } },
          <ErrorPage
            title="Sorry, this website is busy"
            message="Please try again in a few seconds. If you need the police urgently, call 999. For anything else, call 101."
          />,
        ),
        headers: { 'Retry-After': '5' },
      }
      busyPages.set(settings, page)
    }
    return page
  }
  // A page's surrogate keys, worked out once for each page made (they are on every answer).
  const keysOf = new WeakMap<Rendered, Record<string, string>>()
  const surrogateKeys = (rendered: Rendered) => {
    let headers = keysOf.get(rendered)
    if (!headers) keysOf.set(rendered, (headers = surrogateHeaders(cdn, tagsOf(rendered))))
    return headers
  }
  /** What a shared cache in front may do with the page kept for `key` (src/cdn/settings.ts). */
  const caching = (key: string, rendered: Rendered) => ({
    cacheControl: publicPageCacheControl(cdn, cache.freshFor(key, rendered)),
    headers: surrogateKeys(rendered),
  })
  const cached = new CachedAnswers(cache, caching, { limit, page: busyPage })

  /**
   * A cached public route: the cache answers, or `render` does, within the render limit
   * (src/site/renderLimit.ts). `query` names the parameters the page reads; any other is
   * ignored, and is not part of the cache's key. `X-Page-Cache` says which it was.
   */
  const route =
    (
      render: (req: Request) => Promise<Rendered>,
      { query = [], key, keyNow, first = true }: CachePolicy = {},
    ): RequestHandler =>
    async (req, res, next) => {
      try {
        const pageKey = key ? await key(req, context) : cacheKey(req, query)
        const knownBy = key
          ? keyNow
          : (path: string) => (given: URLSearchParams) => cacheKeyOf(path, given, query)
        // Only the spelling the browser sent, unchanged on the way (src/http/canonicalPath.ts).
        if (knownBy && req.originalUrl.split('?')[0] === req.path)
          cached.learn(req.path, knownBy(req.path, context), { first })
        let made = false
        const make = () => {
          made = true
          const rendering = () =>
            render(req).catch((error) =>
              error instanceof BadRequest ? badRequest(error.message) : Promise.reject(error),
            )
          return limit.run(req.ip ?? '', rendering, { first: first && cache.wasKept(pageKey) })
        }
        const rendered = await cache.serve(pageKey, make)
        res.set('X-Page-Cache', made ? 'miss' : 'hit')
        const { cacheControl, headers } = caching(pageKey, rendered)
        sendRendered(req, res, rendered, cacheControl, headers)
      } catch (error) {
        if (error instanceof Busy) return sendRendered(req, res, busyPage(), 'no-store')
        next(error)
      }
    }

  /** A page module (src/site/page.ts) as a cached route: its loader, then its metadata and component in the layout. */
  const pageRoute = <Data extends { settings: SiteSetting }>(
    page: PageModule<Data>,
  ): [string, RequestHandler] => [
    page.path,
    route(async (req) => {
      const data = await page.load(req, context)
      if (!data) return notFound(req)
      const rendered = htmlPage(
        page.status?.(data) ?? 200,
        { settings: data.settings, siteUrl, meta: page.metadata(data, context) },
        <page.Component {...data} />,
      )
      if (page.noStore?.(data)) return { ...rendered, noStore: true }
      const tags = page.tags?.(data)
      const maxAgeMs = page.maxAgeMs?.(data)
      return {
        ...rendered,
        ...(tags ? { tags } : {}),
        ...(maxAgeMs === undefined ? {} : { maxAgeMs: Math.max(1, maxAgeMs) }),
      }
    }, page.cache),
  ]

  /** The public pages, each one module with its loader, metadata and component. */
  const PAGES = [
    pageRoute(homePage),
    pageRoute(newsPage),
    pageRoute(categoryPage),
    pageRoute(articlePage),
    pageRoute(searchPage),
    pageRoute(accessibilityPage),
    pageRoute(alertsPage),
  ]

  const router = express.Router()

  for (const [address, handler] of PAGES) router.get(address, handler)
  router.get('/api/media/file/:filename', mediaFileRoute(payload))

  const feed = (format: 'rss' | 'atom' | 'json') =>
    route(async () => {
      const [settings, releases] = await Promise.all([content.settings(), content.forFeed()])
      const built = buildFeed(releases, settings, siteUrl, {
        format: format === 'json' ? 'json' : 'xml',
      })
      if (format === 'rss')
        return { status: 200, type: 'application/rss+xml; charset=utf-8', body: built.rss2() }
      if (format === 'atom')
        return { status: 200, type: 'application/atom+xml; charset=utf-8', body: built.atom1() }
      return { status: 200, type: 'application/feed+json; charset=utf-8', body: jsonFeed11(built) }
    })
  router.get('/feed.xml', feed('rss'))
  router.get('/feed.atom', feed('atom'))
  router.get('/feed.json', feed('json'))

  const xml = (body: string): Rendered => ({
    status: 200,
    type: 'application/xml; charset=utf-8',
    body,
  })

  router.get(
    '/sitemap.xml',
    route(async () => {
      const count = await content.countListed()
      if (count > SITEMAP_SIZE)
        return xml(await sitemapIndexXml(siteUrl, Math.ceil(count / SITEMAP_SIZE)))
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
      const [settings, releases] = await Promise.all([
        content.settings(),
        content.forSitemap({ publishAt: { greater_than_equal: since } }),
      ])
      // Releases leave this sitemap two days after they went out: keep it a minute at most.
      return {
        status: 200,
        type: 'application/xml; charset=utf-8',
        body: await newsSitemapXml(siteUrl, releases, settings),
        maxAgeMs: 60_000,
      }
    }),
  )

  router.get(
    '/robots.txt',
    route(async () => ({
      status: 200,
      type: 'text/plain; charset=utf-8',
      body: [
        'User-agent: *',
        'Disallow: /admin',
        'Disallow: /api/',
        'Disallow: /search',
        '',
        `Sitemap: ${siteUrl}/sitemap.xml`,
        `Sitemap: ${siteUrl}/news-sitemap.xml`,
        '',
      ].join('\n'),
    })),
  )

  for (const asset of Object.values(assets)) {
    router.get(asset.path, (req, res) =>
      sendRendered(
        req,
        res,
        asset.rendered,
        req.query.v === asset.version
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=3600',
      ),
    )
  }

  let logo: Promise<Buffer> | undefined
  router.get('/logo.png', async (_req, res, next) => {
    try {
      logo ??= sharp(path.join(projectRoot, 'public', 'favicon.svg'), { density: 1200 })
        .resize(512, 512)
        .png()
        .toBuffer()
      res
        .type('image/png')
        .set('Cache-Control', 'public, max-age=86400')
        .send(await logo)
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
  router.use(alertRoutes({ payload, content, siteUrl }))

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
    if (down)
      console.error(
        `The database is not answering: ${req.method} ${req.originalUrl} got the 503 page.`,
      )
    else console.error(`Error serving ${req.method} ${req.originalUrl}:`, error)
    const settings = content.lastKnownSettings()
    const rendered = down
      ? htmlPage(
          503,
          {
            settings,
            siteUrl,
            meta: { title: 'This website is not available at the moment', noindex: true },
          },
          <ErrorPage
            title="Sorry, this website is not available at the moment"
            message="Please try again in a few minutes. If you need the police urgently, call 999. For anything else, call 101."
          />,
        )
      : htmlPage(
          500,
          { settings, siteUrl, meta: { title: 'Sorry, there is a problem', noindex: true } },
          <ErrorPage
            title="Sorry, there is a problem with this website"
            message="Please try again in a few minutes."
          />,
        )
    res.status(rendered.status).set('Cache-Control', 'no-store')
    if (down) res.set('Retry-After', '30')
    res.type(rendered.type).send(rendered.body)
  }

  const close = () => {
    stopListening()
    stopWatching()
    purger?.stop()
  }
  return { router, notFound: notFoundHandler, errorHandler, cache, cachedAnswers: cached, close }
}

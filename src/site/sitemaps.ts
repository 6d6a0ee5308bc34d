import { Readable } from 'node:stream'

import { EnumChangefreq, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap'

import type { Category, News, SiteSetting } from '../payload-types'
import { isoWithUkOffset } from '../time/ukTime'

type Entry = Pick<News, 'slug' | 'title' | 'publishAt' | 'updatedAt'>

const write = async (hostname: string, items: SitemapItemLoose[], news = false): Promise<string> => {
  const stream = new SitemapStream({ hostname, xmlns: { news, xhtml: false, image: false, video: false } })
  const done = streamToPromise(Readable.from(items).pipe(stream))
  return (await done).toString()
}

/** Every public page: the listings, each topic, each release. Written by the `sitemap` library. */
export const sitemapXml = (siteUrl: string, releases: Entry[], categories: Category[]) =>
  write(siteUrl, [
    { url: '/', changefreq: EnumChangefreq.HOURLY },
    { url: '/news', changefreq: EnumChangefreq.HOURLY },
    ...categories.map((category) => ({ url: `/news/category/${encodeURIComponent(category.slug)}`, changefreq: EnumChangefreq.DAILY })),
    ...releases.map((release) => ({ url: `/news/${encodeURIComponent(release.slug)}`, lastmod: release.updatedAt })),
    { url: '/accessibility', changefreq: EnumChangefreq.YEARLY },
  ])

/** Google News sitemap: releases published in the last two days. */
export const newsSitemapXml = (siteUrl: string, releases: Entry[], settings: SiteSetting) =>
  write(
    siteUrl,
    releases.map((release) => ({
      url: `/news/${encodeURIComponent(release.slug)}`,
      news: {
        publication: { name: settings.forceName, language: 'en' },
        publication_date: isoWithUkOffset(release.publishAt!),
        title: release.title,
      },
    })),
    true,
  )

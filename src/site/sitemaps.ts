import { Readable } from 'node:stream'

import {
  EnumChangefreq,
  SitemapIndexStream,
  SitemapStream,
  streamToPromise,
  type SitemapItemLoose,
} from 'sitemap'

import type { Category, News, SiteSetting } from '../payload-types'
import { isoWithUkOffset } from '../fields/ukTime'

type Entry = Pick<News, 'slug' | 'title' | 'publishAt' | 'updatedAt'>

const write = async (
  hostname: string,
  items: SitemapItemLoose[],
  news = false,
): Promise<string> => {
  const stream = new SitemapStream({
    hostname,
    xmlns: { news, xhtml: false, image: false, video: false },
  })
  const done = streamToPromise(Readable.from(items).pipe(stream))
  return (await done).toString()
}

/** A sitemap may list 50 000 addresses; Newsroom splits well before that. */
export const SITEMAP_SIZE = 40_000

const pages = (categories: Category[]): SitemapItemLoose[] => [
  { url: '/', changefreq: EnumChangefreq.HOURLY },
  { url: '/news', changefreq: EnumChangefreq.HOURLY },
  ...categories.map((category) => ({
    url: `/news/category/${encodeURIComponent(category.slug)}`,
    changefreq: EnumChangefreq.DAILY,
  })),
  { url: '/accessibility', changefreq: EnumChangefreq.YEARLY },
]

const releaseItems = (releases: Entry[]): SitemapItemLoose[] =>
  releases.map((release) => ({
    url: `/news/${encodeURIComponent(release.slug)}`,
    lastmod: release.updatedAt,
  }))

/** Every public page: the listings, each topic, each release. Written by the `sitemap` library. */
export const sitemapXml = (siteUrl: string, releases: Entry[], categories: Category[]) =>
  write(siteUrl, [...pages(categories), ...releaseItems(releases)])

/** The listings and topics, when the releases have sitemaps of their own. */
export const pagesSitemapXml = (siteUrl: string, categories: Category[]) =>
  write(siteUrl, pages(categories))

/** One part of the releases, when there are too many for one sitemap. */
export const releasesSitemapXml = (siteUrl: string, releases: Entry[]) =>
  write(siteUrl, releaseItems(releases))

/** With more releases than one sitemap may list: an index of the sitemaps. */
export const sitemapIndexXml = async (siteUrl: string, parts: number) => {
  const stream = new SitemapIndexStream()
  const done = streamToPromise(
    Readable.from([
      `${siteUrl}/sitemaps/pages.xml`,
      ...Array.from({ length: parts }, (_, i) => `${siteUrl}/sitemaps/releases-${i + 1}.xml`),
    ]).pipe(stream),
  )
  return (await done).toString()
}

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

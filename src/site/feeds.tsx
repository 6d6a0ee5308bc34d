import { Feed } from 'feed'
import { renderToStaticMarkup } from 'react-dom/server'

import type { News, Quote, ReportLink, SiteSetting } from '../payload-types'
import { KIND_LABELS } from '../releases/kinds'
import { KindBlock } from './components/KindBlock'
import { QuoteFigure } from './components/QuoteFigure'
import { ReportCard } from './components/ReportCard'
import { RichText } from './components/RichText'
import { kindDetails } from './kindFacts'
import { releaseFacts } from './releaseFacts'

const populated = <T,>(values: unknown): T[] =>
  (Array.isArray(values) ? values.filter((v) => v && typeof v === 'object') : []) as T[]

/**
 * A release's full text as HTML for feed readers: the block of its kind (without the person's
 * picture: a feed reader's copy would outlive its takedown), body, quotes and report links,
 * all escaped.
 */
const contentHtml = (release: News, settings: SiteSetting) => {
  const kind = kindDetails(release, { onlineReportUrl: settings.onlineReportUrl })
  return renderToStaticMarkup(
    <>
      {release.summary ? <p>{release.summary}</p> : null}
      {kind ? <KindBlock details={kind} pictures={false} /> : null}
      <RichText content={release.body} />
      {populated<Quote>(release.quotes).map((quote) => (
        <QuoteFigure key={quote.id} quote={quote} />
      ))}
      {populated<ReportLink>(release.reportLinks).map((report) => (
        <ReportCard key={report.id} report={report} headingId={`report-${report.id}`} />
      ))}
    </>,
  )
}

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

/**
 * The news feed, built by the `feed` library, which writes RSS 2.0, Atom and JSON Feed.
 *
 * Feed readers take an RSS or Atom title and description as HTML (Atom says so: type="html"),
 * so for those formats the text is escaped first and a headline with "<script>" in it stays
 * words. JSON Feed's title and summary are plain text by definition, so for it they are not.
 */
export const buildFeed = (
  releases: News[],
  settings: SiteSetting,
  siteUrl: string,
  { format }: { format: 'xml' | 'json' },
): Feed => {
  const text = format === 'xml' ? escapeHtml : (value: string) => value
  const force = { name: settings.forceName, link: `${siteUrl}/` }
  const author = { ...force, name: text(force.name) }
  const facts = releases.map((release) => ({ release, ...releaseFacts(release, siteUrl) }))
  const feed = new Feed({
    title: text(`${settings.forceName} news`),
    description: text(`The latest news and appeals from ${settings.forceName}.`),
    id: `${siteUrl}/news`,
    link: `${siteUrl}/news`,
    language: 'en-GB',
    image: `${siteUrl}/logo.png`,
    favicon: `${siteUrl}/favicon.svg`,
    copyright: text(`© ${settings.forceName}`),
    updated: facts[0]
      ? new Date(Math.max(...facts.map((f) => Date.parse(f.modified))))
      : new Date(0),
    generator: 'Newsroom',
    feedLinks: {
      rss: `${siteUrl}/feed.xml`,
      atom: `${siteUrl}/feed.atom`,
      json: `${siteUrl}/feed.json`,
    },
    author,
  })
  for (const {
    release,
    url,
    title,
    description,
    published,
    modified,
    category,
    kind,
    image,
  } of facts) {
    feed.addItem({
      title: text(title),
      id: url,
      link: url,
      description: text(description),
      content: contentHtml(release, settings),
      date: new Date(modified),
      published: new Date(published),
      image: image ? { url: image.url, type: 'image/webp' } : undefined,
      // The topic, and the kind of release ("Appeal for information", term "appeal"), so that a
      // reader or a newsroom's system can pick out appeals or court results.
      category: [
        ...(category ? [{ name: text(category.name), term: category.slug }] : []),
        { name: text(KIND_LABELS[kind]), term: kind },
      ],
      author: [author],
    })
  }
  return feed
}

/**
 * JSON Feed 1.1. The `feed` library writes version 1, whose `author` became `authors` (a
 * list) in 1.1, which also added `language`; the rest is the same.
 */
export const jsonFeed11 = (feed: Feed): string => {
  const json = JSON.parse(feed.json1()) as Record<string, unknown> & {
    items: Record<string, unknown>[]
  }
  const toAuthors = (object: Record<string, unknown>) => {
    if (object.author) object.authors = [object.author]
    delete object.author
  }
  json.version = 'https://jsonfeed.org/version/1.1'
  json.language = 'en-GB'
  toAuthors(json)
  json.items.forEach(toAuthors)
  return JSON.stringify(json, null, 2)
}

import type { Category, Media, News, SiteSetting } from '../payload-types'
import { isoWithUkOffset } from '../fields/ukTime'
import { KIND_LABELS, kindOf } from '../releases/kinds'
import { asMedia } from './components/Picture'
import type { SocialImage } from './layout/Layout'

/** The latest significant change made after publication, if any. */
export const latestAmendment = (release: News) =>
  [...(release.amendments ?? [])].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0] ?? null

/** Facts about a release that its page head, its structured data and the feeds all use. */
export const releaseFacts = (release: News, siteUrl: string) => {
  const url = `${siteUrl}/news/${encodeURIComponent(release.slug)}`
  const published = release.publishAt ?? release.createdAt
  const amendment = latestAmendment(release)
  const modified = amendment?.at ?? published
  const shareImage = asMedia(release.meta?.image) ?? asMedia(release.heroImage)
  const category =
    release.category && typeof release.category === 'object' ? (release.category as Category) : null
  return {
    url,
    title: release.meta?.title || release.title,
    description: release.meta?.description || release.summary || '',
    published,
    modified,
    category,
    kind: kindOf(release),
    image: shareImage ? socialImage(shareImage) : undefined,
  }
}

/** The Open Graph size of a picture (1200×630), or the largest there is. */
export const socialImage = (media: Media): SocialImage | undefined => {
  const og = media.sizes?.og
  if (og?.url && og.width && og.height)
    return { url: og.url, width: og.width, height: og.height, alt: media.alt }
  if (media.url && media.width && media.height)
    return { url: media.url, width: media.width, height: media.height, alt: media.alt }
  return undefined
}

/**
 * schema.org NewsArticle for search engines: headline, dates with their UK offset, image,
 * its sections (the category, and the kind of police release), author, publisher. It is made
 * from the release each time the page is, so it says no more than the page does at that
 * moment; the person in an appeal is left to the page's words, and their picture is never its
 * image (search engines keep copies of images apart from the page).
 */
export const newsArticleJsonLd = (release: News, settings: SiteSetting, siteUrl: string) => {
  const facts = releaseFacts(release, siteUrl)
  const force = { '@type': 'Organization', name: settings.forceName, url: `${siteUrl}/` }
  const sections = [
    facts.category?.name,
    facts.kind === 'news' ? undefined : KIND_LABELS[facts.kind],
  ].filter((section): section is string => Boolean(section))
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: release.title.slice(0, 110),
    description: facts.description || undefined,
    url: facts.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': facts.url },
    datePublished: isoWithUkOffset(facts.published),
    dateModified: isoWithUkOffset(facts.modified),
    image: facts.image ? [facts.image.url] : undefined,
    articleSection: sections.length > 1 ? sections : sections[0],
    inLanguage: 'en-GB',
    isAccessibleForFree: true,
    author: [force],
    publisher: {
      ...force,
      logo: { '@type': 'ImageObject', url: `${siteUrl}/logo.png`, width: 512, height: 512 },
    },
  }
}

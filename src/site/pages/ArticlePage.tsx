import type {
  Category,
  News,
  Quote,
  RecruitmentCta,
  ReportLink,
  SiteSetting,
} from '../../payload-types'
import { isoWithUkOffset } from '../../fields/ukTime'
import { DEFAULT_FOUND_NOTICE_DAYS, FOUND_TITLE } from '../../releases/kinds'
import { isWithdrawn } from '../../releases/state'
import { KindBlock } from '../components/KindBlock'
import { categoryPath, releasePath, ReleaseList } from '../components/ReleaseList'
import { asMedia, Picture } from '../components/Picture'
import { QuoteFigure } from '../components/QuoteFigure'
import { RecruitmentPanel } from '../components/RecruitmentPanel'
import { ReportCard } from '../components/ReportCard'
import { RichText } from '../components/RichText'
import { Published, Time } from '../components/Time'
import type { FollowUp, ReleaseCard } from '../content'
import { categoryTag, releaseTag } from '../cacheTags'
import { kindDetails } from '../kindFacts'
import type { PageModule } from '../page'
import { latestAmendment, newsArticleJsonLd, releaseFacts } from '../releaseFacts'
import { FoundPage, GonePage, WithdrawnPage } from './WithdrawnPage'

const populated = <T extends { id: number }>(values: unknown): T[] =>
  Array.isArray(values) ? values.filter((v): v is T => Boolean(v) && typeof v === 'object') : []

/**
 * A release: headline, time, the updates that follow it up, summary, picture, the block of its
 * kind (an appeal, a missing or wanted person, a court result), body, quotes, report links and
 * the call to action.
 */
export const ArticlePage = ({
  release,
  cta,
  related,
  followUps = [],
  onlineReportUrl,
}: {
  release: News
  cta: RecruitmentCta | null
  related: ReleaseCard[]
  followUps?: FollowUp[]
  onlineReportUrl?: string | null
}) => {
  const category =
    release.category && typeof release.category === 'object' ? (release.category as Category) : null
  const hero = asMedia(release.heroImage)
  const amendment = latestAmendment(release)
  const quotes = populated<Quote>(release.quotes)
  const reports = populated<ReportLink>(release.reportLinks)
  const kind = kindDetails(release, { onlineReportUrl })
  return (
    <>
      <article className="article">
        <header className="article__header">
          {category ? (
            <p className="article__category">
              <a href={categoryPath(category.slug)}>{category.name}</a>
            </p>
          ) : null}
          <h1>{release.title}</h1>
          <p className="article__time">
            {release.publishAt ? <Published iso={release.publishAt} /> : null}
          </p>
          {amendment ? (
            <p className="article__updated">
              Updated <Time iso={amendment.at} />: {amendment.note}
            </p>
          ) : null}
          {followUps.map((update) => (
            <p key={update.id} className="article__updated article__follow-up">
              Update:{' '}
              <a href={releasePath(update.slug)}>
                {/* Follow-ups are often headed "UPDATE: …" already: said once. */}
                {update.title.replace(/^\s*update\s*[:\-–—]\s*/i, '')}
              </a>
            </p>
          ))}
          {release.summary ? <p className="article__summary">{release.summary}</p> : null}
        </header>
        {hero ? (
          <figure className="article__hero">
            <Picture media={hero} main="hero" sizes="(min-width: 48rem) 46rem, 100vw" priority />
            {hero.credit ? <figcaption>Picture: {hero.credit}</figcaption> : null}
          </figure>
        ) : null}
        {kind ? <KindBlock details={kind} /> : null}
        <div className="article__body">
          <RichText content={release.body} />
          {quotes.map((quote) => (
            <QuoteFigure key={quote.id} quote={quote} />
          ))}
        </div>
        {reports.map((report) => (
          <ReportCard key={report.id} report={report} headingId={`report-${report.id}`} />
        ))}
        {cta ? <RecruitmentPanel cta={cta} /> : null}
      </article>
      {related.length ? (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">More {category ? category.name.toLowerCase() : 'news'}</h2>
          <ReleaseList releases={related} headingLevel={3} />
        </section>
      ) : null}
    </>
  )
}

type Article =
  | { settings: SiteSetting; release: News; view: 'withdrawn' }
  | { settings: SiteSetting; release: News; view: 'gone' }
  | { settings: SiteSetting; release: News; view: 'found'; goneAt: number }
  | {
      settings: SiteSetting
      release: News
      view: 'article'
      cta: RecruitmentCta | null
      related: ReleaseCard[]
      followUps: FollowUp[]
    }

const isCta = (value: unknown): value is RecruitmentCta =>
  Boolean(value) && typeof value === 'object' && 'heading' in (value as object)

const DAY = 24 * 60 * 60 * 1000

/**
 * A missing person's appeal after they were found: until when its page says so (the site
 * settings' days after `foundAt`), or null for any other release. After that it is gone (410).
 */
export const foundNoticeUntil = (
  release: Pick<News, 'after' | 'withdrawal'>,
  settings: Pick<SiteSetting, 'foundNoticeDays'>,
): number | null => {
  const foundAt = release.after?.foundAt
  if (!foundAt || !isWithdrawn(release)) return null
  return Date.parse(foundAt) + (settings.foundNoticeDays ?? DEFAULT_FOUND_NOTICE_DAYS) * DAY
}

/** /news/:slug: a release, the notice that it was withdrawn, or that the person appealed for was found. */
export const articlePage: PageModule<Article> = {
  path: '/news/:slug',
  load: async (req, { content }) => {
    const release = await content.release(String(req.params.slug))
    if (!release) return null
    if (isWithdrawn(release)) {
      const settings = await content.settings()
      const goneAt = foundNoticeUntil(release, settings)
      if (goneAt === null) return { settings, release, view: 'withdrawn' }
      return goneAt > Date.now()
        ? { settings, release, view: 'found', goneAt }
        : { settings, release, view: 'gone' }
    }
    const [settings, related, followUps] = await Promise.all([
      content.settings(),
      content.related(release),
      content.followUps(release),
    ])
    const cta = isCta(release.recruitmentCta)
      ? release.recruitmentCta
      : isCta(settings.defaultRecruitmentCta)
        ? settings.defaultRecruitmentCta
        : null
    return { settings, release, view: 'article', cta, related, followUps }
  },
  metadata: (article, { siteUrl }) => {
    const { release, settings } = article
    const canonicalPath = `/news/${encodeURIComponent(release.slug)}`
    if (article.view === 'gone') return { title: 'This page has been removed', noindex: true }
    if (article.view === 'found') return { title: FOUND_TITLE, canonicalPath, noindex: true }
    if (article.view === 'withdrawn')
      return { title: `Withdrawn: ${release.title}`, canonicalPath, noindex: true }
    const facts = releaseFacts(release, siteUrl)
    return {
      title: facts.title,
      description: facts.description,
      canonicalPath,
      type: 'article',
      image: facts.image,
      publishedTime: isoWithUkOffset(facts.published),
      modifiedTime: isoWithUkOffset(facts.modified),
      jsonLd: newsArticleJsonLd(release, settings, siteUrl),
    }
  },
  status: (article) => (article.view === 'gone' ? 410 : 200),
  // The release, and the category its "more" section lists (src/site/cacheTags.ts).
  tags: (article) => {
    const { release } = article
    const category =
      release.category && typeof release.category === 'object'
        ? release.category.id
        : release.category
    return article.view === 'article' && category != null
      ? [releaseTag(release.id), categoryTag(category)]
      : [releaseTag(release.id)]
  },
  // The notice is kept no longer than it stands: then the address answers 410.
  maxAgeMs: (article) => (article.view === 'found' ? article.goneAt - Date.now() : undefined),
  Component: (article) => {
    if (article.view === 'gone') return <GonePage />
    if (article.view === 'found') return <FoundPage />
    if (article.view === 'withdrawn') return <WithdrawnPage release={article.release} />
    return (
      <ArticlePage
        release={article.release}
        cta={article.cta}
        related={article.related}
        followUps={article.followUps}
        onlineReportUrl={article.settings.onlineReportUrl}
      />
    )
  },
}

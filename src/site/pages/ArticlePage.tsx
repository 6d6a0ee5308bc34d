import type {
  Category,
  News,
  Quote,
  RecruitmentCta,
  ReportLink,
  SiteSetting,
} from '../../payload-types'
import { isoWithUkOffset } from '../../fields/ukTime'
import { isWithdrawn } from '../../releases/state'
import { categoryPath, ReleaseList } from '../components/ReleaseList'
import { asMedia, Picture } from '../components/Picture'
import { QuoteFigure } from '../components/QuoteFigure'
import { RecruitmentPanel } from '../components/RecruitmentPanel'
import { ReportCard } from '../components/ReportCard'
import { RichText } from '../components/RichText'
import { Published, Time } from '../components/Time'
import type { ReleaseCard } from '../content'
import type { PageModule } from '../page'
import { latestAmendment, newsArticleJsonLd, releaseFacts } from '../releaseFacts'
import { WithdrawnPage } from './WithdrawnPage'

const populated = <T extends { id: number }>(values: unknown): T[] =>
  Array.isArray(values) ? values.filter((v): v is T => Boolean(v) && typeof v === 'object') : []

/** A release: headline, time, summary, picture, body, quotes, report links and the call to action. */
export const ArticlePage = ({
  release,
  cta,
  related,
}: {
  release: News
  cta: RecruitmentCta | null
  related: ReleaseCard[]
}) => {
  const category =
    release.category && typeof release.category === 'object' ? (release.category as Category) : null
  const hero = asMedia(release.heroImage)
  const amendment = latestAmendment(release)
  const quotes = populated<Quote>(release.quotes)
  const reports = populated<ReportLink>(release.reportLinks)
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
          {release.summary ? <p className="article__summary">{release.summary}</p> : null}
        </header>
        {hero ? (
          <figure className="article__hero">
            <Picture media={hero} main="hero" sizes="(min-width: 48rem) 46rem, 100vw" priority />
            {hero.credit ? <figcaption>Picture: {hero.credit}</figcaption> : null}
          </figure>
        ) : null}
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
  | { settings: SiteSetting; release: News; withdrawn: true }
  | {
      settings: SiteSetting
      release: News
      withdrawn: false
      cta: RecruitmentCta | null
      related: ReleaseCard[]
    }

const isCta = (value: unknown): value is RecruitmentCta =>
  Boolean(value) && typeof value === 'object' && 'heading' in (value as object)

/** /news/:slug: a release, or the notice that it was withdrawn. */
export const articlePage: PageModule<Article> = {
  path: '/news/:slug',
  load: async (req, { content }) => {
    const release = await content.release(String(req.params.slug))
    if (!release) return null
    if (isWithdrawn(release))
      return { settings: await content.settings(), release, withdrawn: true }
    const [settings, related] = await Promise.all([content.settings(), content.related(release)])
    const cta = isCta(release.recruitmentCta)
      ? release.recruitmentCta
      : isCta(settings.defaultRecruitmentCta)
        ? settings.defaultRecruitmentCta
        : null
    return { settings, release, withdrawn: false, cta, related }
  },
  metadata: (article, { siteUrl }) => {
    const { release, settings } = article
    const canonicalPath = `/news/${encodeURIComponent(release.slug)}`
    if (article.withdrawn)
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
  Component: (article) =>
    article.withdrawn ? (
      <WithdrawnPage release={article.release} />
    ) : (
      <ArticlePage release={article.release} cta={article.cta} related={article.related} />
    ),
}

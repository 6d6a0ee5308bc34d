/**
 * A release made ready for the media list: the plain text and the HTML that a comms officer
 * pastes into an email or attaches, with the embargo line at the top while it is scheduled,
 * and the block of its kind (how to answer an appeal, what to do on seeing a missing or wanted
 * person, a court result's details) as the page has it.
 *
 * The words are the release's published (or scheduled) version, never changes still waiting
 * for approval; a release not yet approved says so at the top, in capitals.
 */
import { renderToStaticMarkup } from 'react-dom/server'

import type { News, Quote, ReportLink } from '../payload-types'
import { isLeaf, safeHref, type SlateElement, type SlateNode } from '../richtext/slate'
import { KindBlock } from '../site/components/KindBlock'
import { QuoteFigure } from '../site/components/QuoteFigure'
import { RichText } from '../site/components/RichText'
import { kindDetails, kindText, type KindDetails } from '../site/kindFacts'
import { releaseState } from '../releases/state'
import { embargoLine, forceTime, longDate } from '../fields/ukTime'

export type MediaCopy = {
  text: string
  html: string
  /** The HTML's body alone, for a message that carries the release (the media list's e-mail). */
  bodyHtml: string
  filename: string
}

type Context = {
  forceName: string
  siteUrl: string
  now?: Date
  /** The force's online report form (site settings), given with an appeal's ways to answer. */
  onlineReportUrl?: string | null
}

const populated = <T extends object>(values: unknown): T[] =>
  Array.isArray(values) ? values.filter((v): v is T => typeof v === 'object' && v !== null) : []

/** The line above everything else, or none for a release that is out: the state module's word for it, now. */
export const statusLine = (
  release: Pick<News, '_status' | 'workflowState' | 'publishAt' | 'withdrawal'>,
  now = new Date(),
): string | null => {
  switch (releaseState(release, now)) {
    case 'withdrawn':
      return `WITHDRAWN on ${longDate(release.withdrawal!.withdrawnAt!)}: do not use.${release.withdrawal?.reason ? ` ${release.withdrawal.reason}` : ''}`
    case 'draft':
    case 'in-review':
      return 'DRAFT: not approved for issue. Do not send.'
    case 'scheduled':
      return `EMBARGOED: not for publication until ${embargoLine(release.publishAt!)}`
    case 'published':
      return null
  }
}

// ---------------------------------------------------------------- plain text

const inlineText = (nodes: SlateNode[] | undefined): string =>
  (nodes ?? [])
    .map((node) => {
      if (isLeaf(node)) return node.text
      const words = inlineText(node.children)
      if (node.type !== 'link') return words
      const href = safeHref(node.url)
      return href && href !== words ? `${words} (${href})` : words
    })
    .join('')

const blockText = (node: SlateNode): string[] => {
  if (isLeaf(node)) return [node.text]
  const element = node as SlateElement
  switch (element.type) {
    case 'ul':
      return [
        (element.children ?? [])
          .map((item) => `- ${inlineText((item as SlateElement).children)}`)
          .join('\n'),
      ]
    case 'ol':
      return [
        (element.children ?? [])
          .map((item, i) => `${i + 1}. ${inlineText((item as SlateElement).children)}`)
          .join('\n'),
      ]
    case 'blockquote':
      return [
        inlineText(element.children)
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n'),
      ]
    case 'relationship': {
      // A quote or report link placed in the body, where the editor put it.
      const value = element.value as Record<string, unknown> | null | undefined
      if (!value || typeof value !== 'object' || !('createdAt' in value)) return []
      if (element.relationTo === 'quotes') return [quoteText(value as unknown as Quote)]
      if (element.relationTo === 'report-links') return [reportText(value as unknown as ReportLink)]
      return []
    }
    default:
      return [inlineText(element.children)]
  }
}

const quoteText = (quote: Quote) => {
  const paragraphs = quote.text
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[“"']+|[”"']+$/g, ''),
    )
    .filter(Boolean)
  const words = paragraphs
    .map((p, i) => `“${p}${i === paragraphs.length - 1 ? '”' : ''}`)
    .join('\n\n')
  return `${words}\n— ${[quote.speakerName, quote.speakerRole, quote.organisation].filter(Boolean).join(', ')}`
}

const reportText = (report: ReportLink) =>
  [
    `${report.title} (${report.publisher}${report.publishedOn ? `, ${longDate(report.publishedOn)}` : ''})`,
    ...(report.findings ?? []).map((finding) => `- ${finding.area}: ${finding.grade}`),
    safeHref(report.url)
      ? `Read the full report on the ${report.publisher} website: ${safeHref(report.url)}`
      : '',
  ]
    .filter(Boolean)
    .join('\n')

const asText = (
  release: News,
  { forceName }: Context,
  line: string | null,
  url: string | null,
  kind: KindDetails | null,
) => {
  const body = Array.isArray(release.body) ? (release.body as SlateNode[]).flatMap(blockText) : []
  const parts = [
    line,
    release.title.toUpperCase(),
    release.summary,
    kind ? kindText(kind) : null,
    ...body,
    ...populated<Quote>(release.quotes).map(quoteText),
    ...populated<ReportLink>(release.reportLinks).map(reportText),
    url ? `${line ? 'Online from the embargo' : 'Online'}: ${url}` : null,
    release.publishAt && !line ? `Published ${forceTime(release.publishAt)}` : null,
    'ENDS',
    forceName,
  ]
  return `${parts
    .filter((part): part is string => Boolean(part && part.trim()))
    .map((part) => part.trim())
    .join('\n\n')}\n`
}

// ---------------------------------------------------------------- HTML

const AsBody = ({
  release,
  line,
  url,
  forceName,
  kind,
}: {
  release: News
  line: string | null
  url: string | null
  forceName: string
  kind: KindDetails | null
}) => (
  <>
    {line ? (
      <p>
        <strong>{line}</strong>
      </p>
    ) : null}
    <h1>{release.title}</h1>
    {release.summary ? (
      <p>
        <strong>{release.summary}</strong>
      </p>
    ) : null}
    {/* The person's picture stays on the site: a copy in someone's inbox would outlive its takedown. */}
    {kind ? <KindBlock details={kind} pictures={false} /> : null}
    <RichText content={release.body} />
    {populated<Quote>(release.quotes).map((quote) => (
      <QuoteFigure key={quote.id} quote={quote} />
    ))}
    {populated<ReportLink>(release.reportLinks).map((report) => {
      const href = safeHref(report.url)
      return (
        <div key={report.id}>
          <p>
            <strong>{report.title}</strong> ({report.publisher}
            {report.publishedOn ? `, ${longDate(report.publishedOn)}` : ''})
          </p>
          {report.findings?.length ? (
            <ul>
              {report.findings.map((finding, i) => (
                <li key={finding.id ?? i}>
                  {finding.area}: {finding.grade}
                </li>
              ))}
            </ul>
          ) : null}
          {href ? (
            <p>
              <a href={href}>Read the full report on the {report.publisher} website</a>
            </p>
          ) : null}
        </div>
      )
    })}
    {url ? (
      <p>
        {line ? 'Online from the embargo' : 'Online'}: <a href={url}>{url}</a>
      </p>
    ) : null}
    {release.publishAt && !line ? <p>Published {forceTime(release.publishAt)}</p> : null}
    <p>ENDS</p>
    <p>{forceName}</p>
  </>
)

/** The release as plain text and as HTML, and a file name for either. */
export const releaseForMedia = (release: News, context: Context): MediaCopy => {
  const line = statusLine(release, context.now)
  // A draft has no address to give yet; a scheduled release's address works from the embargo.
  const state = releaseState(release, context.now)
  const url =
    state === 'scheduled' || state === 'published'
      ? `${context.siteUrl}/news/${encodeURIComponent(release.slug ?? '')}`
      : null
  const kind = kindDetails(release, { onlineReportUrl: context.onlineReportUrl })
  const bodyHtml = renderToStaticMarkup(
    <AsBody release={release} line={line} url={url} forceName={context.forceName} kind={kind} />,
  )
  return {
    text: asText(release, context, line, url, kind),
    html: `<!DOCTYPE html>${renderToStaticMarkup(
      <html lang="en-GB">
        <head>
          <meta charSet="utf-8" />
          <title>{release.title}</title>
        </head>
        <body dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      </html>,
    )}`,
    bodyHtml,
    filename: (release.slug || `release-${release.id}`).replace(/[^a-z0-9-]/gi, '-'),
  }
}

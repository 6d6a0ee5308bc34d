import type { ReactNode } from 'react'

import type { SiteSetting } from '../../payload-types'
import { safeHref } from '../../richtext/slate'
import { assets } from '../assets'
import { QuickExit, QuickExitHint } from '../components/quickExit/QuickExit'

export type SocialImage = { url: string; width: number; height: number; alt: string }

export type PageMeta = {
  title: string
  description?: string
  /** Path on this site, such as /news/road-closed. */
  canonicalPath?: string
  type?: 'website' | 'article'
  image?: SocialImage
  publishedTime?: string
  modifiedTime?: string
  jsonLd?: object
  noindex?: boolean
  /** Scripts of this site beyond the quick exit (the live preview's). */
  scripts?: string[]
}

/** JSON for a <script> data block: `<` is escaped so that no text in it can close the element. */
const jsonForScript = (value: object) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')

const BetaBanner = ({ settings }: { settings: SiteSetting }) => {
  if (!settings.betaBanner?.enabled) return null
  const feedback = safeHref(settings.betaBanner.feedbackUrl)
  return (
    <div className="beta-banner">
      <p className="container">
        <strong className="beta-banner__tag">Beta</strong>
        <span>
          {settings.betaBanner.text}{' '}
          {feedback ? (
            <a href={feedback}>
              Give feedback<span className="visually-hidden"> about this website</span>
            </a>
          ) : null}
        </span>
      </p>
    </div>
  )
}

const Footer = ({ settings }: { settings: SiteSetting }) => {
  const links = (settings.footerLinks ?? [])
    .map((link) => ({ ...link, href: safeHref(link.url) }))
    .filter((link) => link.href)
  return (
    <footer className="site-footer">
      <div className="container">
        {links.length ? (
          <nav aria-label="Footer">
            <ul>
              {links.map((link, i) => (
                <li key={link.id ?? i}>
                  <a href={link.href!}>{link.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <p>
          In an emergency call 999. If you cannot speak, press 55 when asked. For anything else,
          call 101 or report online.
        </p>
        <p>© {settings.forceName}</p>
      </div>
    </footer>
  )
}

/** Every public page: head, quick exit, skip link, header, beta banner, main, footer. */
export const Layout = ({
  settings,
  meta,
  siteUrl,
  children,
}: {
  settings: SiteSetting
  meta: PageMeta
  siteUrl: string
  children: ReactNode
}) => {
  const title =
    meta.title === settings.forceName
      ? `News · ${settings.forceName}`
      : `${meta.title} · ${settings.forceName}`
  const canonical = meta.canonicalPath ? `${siteUrl}${meta.canonicalPath}` : undefined
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.noindex ? <meta name="robots" content="noindex, nofollow" /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <link rel="stylesheet" href={assets.css.url} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link
          rel="alternate"
          type="application/rss+xml"
          title={`${settings.forceName} news (RSS)`}
          href="/feed.xml"
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${settings.forceName} news (Atom)`}
          href="/feed.atom"
        />
        <link
          rel="alternate"
          type="application/feed+json"
          title={`${settings.forceName} news (JSON Feed)`}
          href="/feed.json"
        />
        <meta property="og:site_name" content={settings.forceName} />
        <meta property="og:locale" content="en_GB" />
        <meta property="og:type" content={meta.type ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        {canonical ? <meta property="og:url" content={canonical} /> : null}
        {meta.image ? (
          <>
            <meta property="og:image" content={meta.image.url} />
            <meta property="og:image:width" content={String(meta.image.width)} />
            <meta property="og:image:height" content={String(meta.image.height)} />
            <meta property="og:image:alt" content={meta.image.alt} />
          </>
        ) : null}
        {meta.publishedTime ? (
          <meta property="article:published_time" content={meta.publishedTime} />
        ) : null}
        {meta.modifiedTime ? (
          <meta property="article:modified_time" content={meta.modifiedTime} />
        ) : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        {meta.description ? <meta name="twitter:description" content={meta.description} /> : null}
        {meta.image ? (
          <>
            <meta name="twitter:image" content={meta.image.url} />
            <meta name="twitter:image:alt" content={meta.image.alt} />
          </>
        ) : null}
        <script src={assets.quickExit.url} defer></script>
        {meta.scripts?.map((src) => (
          <script key={src} src={src} defer></script>
        ))}
        {meta.jsonLd ? (
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{ __html: jsonForScript(meta.jsonLd) }}
          />
        ) : null}
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <QuickExit settings={settings} />
        <header className="site-header">
          <QuickExitHint />
          <div className="site-header__bar">
            <div className="container site-header__inner">
              <a className="site-header__name" href="/">
                {settings.forceName}
              </a>
              <nav aria-label="Main" className="site-header__nav">
                <ul>
                  <li>
                    <a href="/news">News</a>
                  </li>
                  <li>
                    <a href="/search">Search</a>
                  </li>
                  <li>
                    <a href="/alerts">E-mail alerts</a>
                  </li>
                </ul>
              </nav>
            </div>
          </div>
          <BetaBanner settings={settings} />
        </header>
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <Footer settings={settings} />
      </body>
    </html>
  )
}

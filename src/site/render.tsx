import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import type { SiteSetting } from '../payload-types'
import type { Rendered } from './cache'
import { Layout, type PageMeta } from './layout/Layout'

/** A whole HTML page, rendered to static markup on the server: React escapes all text. */
export const htmlPage = (
  status: number,
  { settings, meta, siteUrl }: { settings: SiteSetting; meta: PageMeta; siteUrl: string },
  content: ReactNode,
): Rendered => ({
  status,
  type: 'text/html; charset=utf-8',
  body:
    '<!DOCTYPE html>' +
    renderToStaticMarkup(
      <Layout settings={settings} meta={meta} siteUrl={siteUrl}>
        {content}
      </Layout>,
    ),
})

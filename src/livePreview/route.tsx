import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { isStaffUser } from '../access/roles'
import type { News } from '../payload-types'
import { adminTime, embargoLine } from '../fields/ukTime'
import { isLive, releaseState } from '../releases/state'
import { assets } from '../site/assets'
import type { SiteContent } from '../site/content'
import { ErrorPage } from '../site/pages/NotFoundPage'
import { ArticlePage } from '../site/pages/ArticlePage'
import { htmlPage } from '../site/render'

const STATE_WORDS = {
  draft: 'a draft',
  'in-review': 'in review',
  scheduled: 'scheduled',
  published: 'published',
  withdrawn: 'withdrawn',
} as const

/**
 * /live-preview/news/:id — the latest saved version of a release in the public page
 * template, for the admin's live preview frame (desktop and mobile widths). For the
 * newsroom only (the admin's own session decides), never cached or indexed, and framed only
 * by this site's admin. It reloads itself on every save (public/live-preview.js).
 */
export const livePreview =
  ({ payload, content }: { payload: Payload; content: SiteContent }): RequestHandler =>
  async (req, res, next) => {
    try {
      res.set({
        'Cache-Control': 'no-store',
        'X-Robots-Tag': 'noindex, nofollow',
        'X-Frame-Options': 'SAMEORIGIN',
      })
      // The public pages refuse every frame; this one may sit in the admin's.
      const policy = res.getHeader('Content-Security-Policy')
      if (typeof policy === 'string')
        res.set(
          'Content-Security-Policy',
          policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
        )
      const settings = await content.settings()
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string') headers.set(name, value)
      const { user } = await payload.auth({ headers })
      const refuse = (status: number, title: string, message: string) => {
        const rendered = htmlPage(
          status,
          { settings, siteUrl: '', meta: { title, noindex: true } },
          <ErrorPage title={title} message={message} />,
        )
        res.status(status).type(rendered.type).send(rendered.body)
      }
      if (!user || !isStaffUser(user))
        return refuse(
          401,
          'Sign in to preview',
          'The live preview is for the newsroom: sign in to the admin first.',
        )
      const release = (await payload.findByID({
        collection: 'news',
        id: String(req.params.id),
        depth: 1,
        draft: true,
        user,
        overrideAccess: false,
        disableErrors: true,
      })) as News | null
      if (!release) return refuse(404, 'Release not found', 'It may have been deleted.')
      // Where it stands is the approved version's state; the words are the latest saved.
      const approved = (await payload.findByID({
        collection: 'news',
        id: release.id,
        depth: 0,
        draft: false,
        user,
        overrideAccess: false,
        disableErrors: true,
        select: { workflowState: true, _status: true, publishAt: true, withdrawal: true },
      })) as News | null
      const state = releaseState(approved ?? release)
      const pending = (state === 'published' || state === 'scheduled') && !isLive(release)
      const rendered = htmlPage(
        200,
        {
          settings,
          siteUrl: '',
          meta: {
            title: `Preview: ${release.title || 'Untitled'}`,
            noindex: true,
            scripts: [assets.livePreview.url],
          },
        },
        <>
          <div className="embargo-banner" role="note">
            <p className="embargo-banner__line">
              PREVIEW: not public. This is {STATE_WORDS[state]}, as last saved at{' '}
              {adminTime(release.updatedAt)}.
            </p>
            {state === 'scheduled' && approved?.publishAt ? (
              <p>Embargoed until {embargoLine(approved.publishAt)}.</p>
            ) : null}
            {pending ? (
              <p>
                Changes saved since it was approved are shown here; they are not public until an
                editor publishes them.
              </p>
            ) : null}
          </div>
          <ArticlePage
            release={{ ...release, title: release.title || 'Untitled release' }}
            cta={null}
            related={[]}
          />
        </>,
      )
      res.status(200).type(rendered.type).send(rendered.body)
    } catch (error) {
      next(error)
    }
  }

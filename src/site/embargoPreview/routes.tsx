import type { RequestHandler, Response } from 'express'
import type { Payload } from 'payload'

import { lookUpPreviewToken, markPreviewUsed } from '../../embargo/previewLinks'
import type { Media, News } from '../../payload-types'
import { releaseState } from '../../releases/state'
import type { SiteContent } from '../content'
import { ErrorPage } from '../pages/NotFoundPage'
import { EmbargoPreviewPage } from './EmbargoPreviewPage'
import { htmlPage } from '../render'
import { PRIVATE_PICTURE_CACHE_CONTROL, sendMediaFile } from '../mediaFiles'
import { sendRendered } from '../respond'

/** Preview pages are private: never cached anywhere, never indexed, never passed on as a referrer. */
const privateHeaders = (res: Response) => {
  res.set({
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex, nofollow',
    'Referrer-Policy': 'no-referrer',
  })
}

/** The pictures the preview shows: the hero, the sharing picture, and the people's in its kind's block. */
const mediaOf = (release: News): Media[] =>
  [
    release.heroImage,
    release.meta?.image,
    release.missingPerson?.photo,
    release.wanted?.photo,
    release.courtResult?.custodyImage,
  ].filter((m): m is Media => Boolean(m) && typeof m === 'object')

/** The release's pictures, fetched through the preview link (they are not public yet). */
const withPreviewMedia = (release: News, token: string): News => {
  const local = (url: string | null | undefined, filename: string | null | undefined) =>
    filename ? `/preview/${token}/media/${encodeURIComponent(filename)}` : url
  const rewrite = (media: Media): Media => ({
    ...media,
    url: local(media.url, media.filename),
    sizes: Object.fromEntries(
      Object.entries(media.sizes ?? {}).map(([name, size]) => [
        name,
        size ? { ...size, url: local(size.url, size.filename) } : size,
      ]),
    ) as Media['sizes'],
  })
  const through = <T,>(value: T): T =>
    value && typeof value === 'object' ? (rewrite(value as unknown as Media) as T) : value
  return {
    ...release,
    heroImage: through(release.heroImage),
    meta: release.meta ? { ...release.meta, image: through(release.meta.image) } : release.meta,
    missingPerson: release.missingPerson
      ? { ...release.missingPerson, photo: through(release.missingPerson.photo) }
      : release.missingPerson,
    wanted: release.wanted
      ? { ...release.wanted, photo: through(release.wanted.photo) }
      : release.wanted,
    courtResult: release.courtResult
      ? { ...release.courtResult, custodyImage: through(release.courtResult.custodyImage) }
      : release.courtResult,
  }
}

/**
 * /preview/:token — a scheduled release for journalists under embargo. The token is the
 * authority here, so the release is read past the public's access rules; it is shown only
 * while it is scheduled, and after the lift the link forwards to the public page.
 */
export const previewRoutes = ({
  payload,
  content,
}: {
  payload: Payload
  content: SiteContent
  siteUrl: string
}) => {
  const answer = async (res: Response, status: number, title: string, message: string) => {
    const settings = await content.settings()
    privateHeaders(res)
    const rendered = htmlPage(
      status,
      { settings, siteUrl: '', meta: { title, noindex: true } },
      <ErrorPage title={title} message={message} />,
    )
    res.status(status).type(rendered.type).send(rendered.body)
  }

  const release = async (token: string) => {
    const lookup = await lookUpPreviewToken(payload, token)
    if (lookup.status !== 'valid') return { lookup, release: null }
    const found = (await payload.findByID({
      collection: 'news',
      id: lookup.releaseId,
      depth: 1,
      overrideAccess: true,
      disableErrors: true,
    })) as News | null
    return { lookup, release: found }
  }

  const page: RequestHandler = async (req, res, next) => {
    try {
      const token = String(req.params.token)
      const { lookup, release: found } = await release(token)
      if (lookup.status === 'expired')
        return answer(
          res,
          410,
          'This preview link has expired',
          'Ask the press office for a new link.',
        )
      if (lookup.status === 'revoked')
        return answer(
          res,
          410,
          'This preview link has been withdrawn',
          'Ask the press office if you still need to see this release.',
        )
      if (lookup.status !== 'valid' || !found)
        return answer(res, 404, 'Preview not found', 'Check that you copied the whole link.')
      const state = releaseState(found)
      if (state === 'published') {
        privateHeaders(res)
        return res.redirect(303, `/news/${encodeURIComponent(found.slug)}`)
      }
      if (state !== 'scheduled')
        return answer(
          res,
          404,
          'This preview is no longer available',
          'The release is not scheduled at the moment. Ask the press office for details.',
        )
      await markPreviewUsed(payload, lookup.link)
      const settings = await content.settings()
      privateHeaders(res)
      const rendered = htmlPage(
        200,
        { settings, siteUrl: '', meta: { title: `EMBARGOED: ${found.title}`, noindex: true } },
        <EmbargoPreviewPage
          release={withPreviewMedia(found, token)}
          onlineReportUrl={settings.onlineReportUrl}
        />,
      )
      sendRendered(req, res, rendered, 'no-store')
    } catch (error) {
      next(error)
    }
  }

  const media: RequestHandler = async (req, res, next) => {
    try {
      const { lookup, release: found } = await release(String(req.params.token))
      const filename = String(req.params.filename)
      const owner = found
        ? mediaOf(found).find(
            (m) =>
              m.filename === filename ||
              Object.values(m.sizes ?? {}).some((size) => size?.filename === filename),
          )
        : undefined
      privateHeaders(res)
      if (lookup.status !== 'valid' || !found || releaseState(found) !== 'scheduled' || !owner) {
        return res.status(404).type('text/plain').send('Not found')
      }
      // Under embargo: for the holder of the link only, kept by no cache.
      await sendMediaFile(req, res, owner, filename, PRIVATE_PICTURE_CACHE_CONTROL)
    } catch (error) {
      next(error)
    }
  }

  return { page, media }
}

import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { isStaffUser } from '../access/roles'
import { siteUrl } from '../config/env'
import type { News } from '../payload-types'
import { releaseForMedia } from './forMedia'

const FORMATS = { txt: 'text/plain; charset=utf-8', html: 'text/html; charset=utf-8' } as const

/** The path, under Payload's API, of a release made ready for the media. */
export const MEDIA_COPY_PATH = '/api/news/:id/copy/:format'

/**
 * GET /api/news/:id/copy/txt   the release as plain text, for the body of an email
 * GET /api/news/:id/copy/html  the release as HTML, for a formatted email
 * Add `?download` for a file (`<slug>.txt`, `<slug>.html`). For the newsroom only.
 *
 * Served by express beside Payload's API rather than inside it, because the HTML is rendered
 * with react-dom/server, as the public site's pages are, which Next.js will not bundle.
 * Who is asking is decided by Payload (session cookie or API token), and the release is read
 * with that person's access.
 */
export const mediaCopy =
  (payload: Payload): RequestHandler =>
  async (req, res, next) => {
    try {
      const refuse = (status: number, message: string) =>
        res
          .status(status)
          .set('Cache-Control', 'no-store')
          .json({ errors: [{ message }] })
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string') headers.set(name, value)
      const { user } = await payload.auth({ headers })
      if (!user) return refuse(401, 'Sign in to copy a release for the media.')
      if (!isStaffUser(user))
        return refuse(403, 'Only the newsroom may copy a release for the media.')
      const format = String(req.params.format)
      if (format !== 'txt' && format !== 'html')
        return refuse(404, `There is no format "${format}": use txt or html.`)
      const id = String(req.params.id)
      const release = (await payload.findByID({
        collection: 'news',
        id,
        depth: 1,
        draft: false,
        overrideAccess: false,
        user,
        disableErrors: true,
      })) as News | null
      if (!release) return refuse(404, `There is no release with the id ${id}.`)
      const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
      const copy = releaseForMedia(release, {
        forceName: settings.forceName,
        siteUrl: siteUrl(),
        onlineReportUrl: settings.onlineReportUrl,
      })
      res.status(200).set({ 'Content-Type': FORMATS[format], 'Cache-Control': 'no-store' })
      if ('download' in req.query)
        res.set('Content-Disposition', `attachment; filename="${copy.filename}.${format}"`)
      res.send(format === 'txt' ? copy.text : copy.html)
    } catch (error) {
      next(error)
    }
  }

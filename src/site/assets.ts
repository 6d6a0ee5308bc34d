import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../config/paths'
import type { Rendered } from './cache'

/** `address` on the site serves `file` (relative to the project). */
const asset = (address: string, file: string, type: string) => {
  const body = fs.readFileSync(path.join(projectRoot, file))
  const version = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10)
  const rendered: Rendered = { status: 200, type, body }
  return { path: address, version, url: `${address}?v=${version}`, rendered }
}

/**
 * The site's own stylesheet and scripts (the quick exit on every page; the live preview only
 * in the admin's preview frame), read once and served from memory,
 * compressed once. Pages link them with a content hash in the address, so browsers may
 * keep them for a year and still get the new one the moment it changes.
 */
export const assets = {
  css: asset('/site.css', 'public/site.css', 'text/css; charset=utf-8'),
  quickExit: asset('/quick-exit.js', 'src/site/components/quickExit/quick-exit.js', 'text/javascript; charset=utf-8'),
  livePreview: asset('/live-preview.js', 'public/live-preview.js', 'text/javascript; charset=utf-8'),
}

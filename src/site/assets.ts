import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../config/paths'
import type { Rendered } from './cache'

/** `address` on the site serves `files` (relative to the project), one after the other. */
const asset = (address: string, files: string[], type: string) => {
  const body = Buffer.concat(files.map((file) => fs.readFileSync(path.join(projectRoot, file))))
  const version = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10)
  const rendered: Rendered = { status: 200, type, body }
  return { path: address, version, url: `${address}?v=${version}`, rendered }
}

const QUICK_EXIT = 'src/site/components/quickExit'

/**
 * The site's own stylesheet and scripts (the quick exit on every page; the live preview only
 * in the admin's preview frame), read once and served from memory,
 * compressed once. Pages link them with a content hash in the address, so browsers may
 * keep them for a year and still get the new one the moment it changes.
 */
export const assets = {
  // One stylesheet: the site's, then the quick exit's, which lives with its component.
  css: asset(
    '/site.css',
    ['public/site.css', `${QUICK_EXIT}/quick-exit.css`],
    'text/css; charset=utf-8',
  ),
  quickExit: asset(
    '/quick-exit.js',
    [`${QUICK_EXIT}/quick-exit.js`],
    'text/javascript; charset=utf-8',
  ),
  livePreview: asset(
    '/live-preview.js',
    ['public/live-preview.js'],
    'text/javascript; charset=utf-8',
  ),
}

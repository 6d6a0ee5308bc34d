import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../config/paths'

const versioned = (file: string) => {
  const content = fs.readFileSync(path.join(projectRoot, 'public', file))
  return `/${file}?v=${crypto.createHash('sha256').update(content).digest('hex').slice(0, 10)}`
}

/**
 * The site's own stylesheet and its one script, with a content hash in the address so
 * browsers may keep them for a year and still get a new one the moment it changes.
 */
export const assets = {
  css: versioned('site.css'),
  quickExit: versioned('quick-exit.js'),
}

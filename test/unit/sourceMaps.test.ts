/**
 * The bundles that `npm start` and the commands run carry source maps, and their npm scripts
 * have Node use them: a stack trace in a production log names the line in src/, not a line of
 * dist/server/start.mjs.
 */
import fs from 'node:fs'
import { SourceMap } from 'node:module'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { bundleOf, COMMANDS, NODE_FLAGS, SERVER_BUNDLE } from '../../src/cli/build'
import { projectRoot } from '../../src/config/paths'

describe('the server bundle’s source map', () => {
  it('maps a line of the bundle back to its line in src/', () => {
    const bundle = fs.readFileSync(SERVER_BUNDLE, 'utf8')
    expect(bundle.trimEnd().split('\n').at(-1)).toBe('//# sourceMappingURL=start.mjs.map')
    const map = new SourceMap(JSON.parse(fs.readFileSync(`${SERVER_BUNDLE}.map`, 'utf8')))

    const lines = bundle.split('\n')
    const line = lines.findIndex((text) => text.includes('Public site:'))
    const entry = map.findEntry(line, lines[line]!.indexOf('console.log'))
    if (!('originalSource' in entry)) throw new Error('The line has no place in the map')
    const source = path.resolve(path.dirname(SERVER_BUNDLE), entry.originalSource)
    expect(path.relative(projectRoot, source)).toBe(path.join('src', 'cli', 'start.ts'))
    expect(fs.readFileSync(source, 'utf8').split('\n')[entry.originalLine]).toContain(
      'Public site:',
    )
  })

  it('is used by npm start and by every command’s npm script', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'))
    for (const command of COMMANDS) {
      const run = `node ${NODE_FLAGS.join(' ')} ${path.relative(projectRoot, bundleOf(command))}`
      expect(scripts[command]).toContain(run)
      expect(fs.existsSync(`${bundleOf(command)}.map`)).toBe(true)
    }
  })
})

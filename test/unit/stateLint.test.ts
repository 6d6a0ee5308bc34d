import path from 'node:path'

import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The rule in eslint.config.mjs that keeps every question about a release's state in
 * src/releases/state.ts, run through ESLint's own API with the project's configuration on
 * snippets placed where they would live.
 */
const root = path.resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: root })
const ruleHits = async (code: string, file: string) => {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-syntax')
    .map((message) => message.line)
}

const BAD = `import type { Where } from 'payload'
export const published: Where = { _status: { equals: 'published' } }
export const notWithdrawn: Where = { 'withdrawal.withdrawnAt': { exists: false } }
export const nested: Where = { withdrawal: { withdrawnAt: { exists: true } } }
export const inReview: Where = { and: [{ workflowState: { in: ['in-review'] } }] }
export const address = '/admin/collections/news?where[workflowState][equals]=draft'
export const template = (now: string) => \`where[and][0][_status][equals]=published&where[and][1][publishAt][less_than]=\${now}\`
`

const GOOD = `import type { Field } from 'payload'
import { liveWhere, scheduledWhere } from '../releases/state'
export const field: Field = { name: 'workflowState', type: 'text' }
export const data = { _status: 'draft', workflowState: 'draft', withdrawal: { withdrawnAt: null, reason: null } }
export const select = { workflowState: true, withdrawal: true, _status: true }
export const isLive = (release: { _status?: string }) => release._status === 'published'
export const where = { and: [liveWhere(), scheduledWhere(new Date()), { publishAt: { exists: true } }] }
`

describe('the lint rule on queries of a release state', () => {
  it('fires on every query of _status, workflowState or withdrawal outside the state module', async () => {
    expect(await ruleHits(BAD, 'src/site/example.ts')).toEqual([2, 3, 4, 5, 6, 7])
    expect(await ruleHits(BAD, 'collections/News/example.ts')).toEqual([2, 3, 4, 5, 6, 7])
  })

  it('does not fire on field definitions, data, selects, reading a value, or the builders', async () => {
    expect(await ruleHits(GOOD, 'src/site/example.ts')).toEqual([])
  })

  it('lets the state module itself write the queries', async () => {
    expect(await ruleHits(BAD, 'src/releases/example.ts')).toEqual([])
  })
})

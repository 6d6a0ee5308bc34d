import fs from 'node:fs'
import path from 'node:path'

import { generateTypes } from 'payload/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { projectRoot } from '../../src/config/paths'
import { schemaChangesWithoutMigration } from '../../src/db/schemaDrift'
import { TEST_DATABASE } from '../helpers/database'
import { startLocalPayload } from '../helpers/localPayload'

let local: Awaited<ReturnType<typeof startLocalPayload>>

beforeAll(async () => {
  local = await startLocalPayload()
})
afterAll(async () => {
  await local?.stop()
})

describe('generated code is current', () => {
  it('src/payload-types.ts is what `payload generate:types` makes from the config', async () => {
    const fresh = path.join(local.dir, 'payload-types.ts')
    process.env.PAYLOAD_TS_OUTPUT_PATH = fresh
    try {
      await generateTypes(local.payload.config, { log: false })
    } finally {
      delete process.env.PAYLOAD_TS_OUTPUT_PATH
    }
    const committed = fs.readFileSync(path.join(projectRoot, 'src/payload-types.ts'), 'utf8')
    expect(
      committed,
      'src/payload-types.ts is stale: run `npm run generate:types` and commit the result',
    ).toBe(fs.readFileSync(fresh, 'utf8'))
  })

  it.skipIf(TEST_DATABASE !== 'sqlite')(
    'keeps the full-text index of releases in step, through triggers the schema generator does not know about',
    async () => {
      const client = (
        local.payload.db as unknown as {
          client: { execute: (sql: string) => Promise<{ rows: { name: string }[] }> }
        }
      ).client
      const { rows } = await client.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'news_fts_%' ORDER BY name",
      )
      // A later migration that rebuilds the news table drops these: it must create them again.
      expect(rows.map((row) => row.name)).toEqual([
        'news_fts_delete',
        'news_fts_insert',
        'news_fts_update',
      ])
    },
  )

  it(`the committed ${TEST_DATABASE} migrations describe the whole content model`, async () => {
    const missing = await schemaChangesWithoutMigration(local.payload)
    expect(
      missing,
      'The content model changed without a migration: run `npm run migrate:create -- <name>`',
    ).toEqual([])
  })
})

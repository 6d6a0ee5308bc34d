import fs from 'node:fs'

import type { Payload } from 'payload'

type DrizzleKit = {
  generateDrizzleJson: (schema: unknown) => Promise<{ version: string }>
  generateMigration: (before: unknown, after: unknown) => Promise<string[]>
  upSnapshot?: (snapshot: unknown) => { version: string }
}

type DrizzleAdapter = {
  requireDrizzleKit: () => DrizzleKit
  schema: unknown
  migrationDir: string
  defaultDrizzleSnapshot: { version: string }
}

/**
 * The SQL a new migration would need: the difference between the schema the config
 * describes and the snapshot of the last committed migration. Empty when every change to
 * the content model has its migration. (MongoDB has no schema migrations.)
 */
export const schemaChangesWithoutMigration = async (payload: Payload): Promise<string[]> => {
  const db = payload.db as unknown as Partial<DrizzleAdapter>
  if (typeof db.requireDrizzleKit !== 'function') return []
  const { generateDrizzleJson, generateMigration, upSnapshot } = db.requireDrizzleKit()
  const after = await generateDrizzleJson(db.schema)
  const latest = fs
    .readdirSync(db.migrationDir!)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .at(-1)
  let before = latest
    ? JSON.parse(fs.readFileSync(`${db.migrationDir}/${latest}`, 'utf8'))
    : db.defaultDrizzleSnapshot
  if (upSnapshot && before.version < after.version) before = upSnapshot(before)
  return generateMigration(before, after)
}

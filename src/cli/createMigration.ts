/**
 * `npm run migrate:create -- <name>`: writes a migration for each SQL database Newsroom
 * supports (SQLite and PostgreSQL) from the change to the content model, so that both stay
 * in step. PostgreSQL's is generated against MIGRATION_POSTGRES_URL (default: the local
 * server's postgres database), which it reads but does not change.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { projectRoot } from '../config/paths'

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error(
    'Usage: npm run migrate:create -- <name>   (lower-case letters, digits and underscores)',
  )
  process.exit(2)
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-migration-'))
const targets = {
  sqlite: `file:${path.join(scratch, 'scratch.db')}`,
  postgres: process.env.MIGRATION_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
}

let failed = false
for (const [kind, url] of Object.entries(targets)) {
  console.log(`\n${kind}:`)
  const result = spawnSync(
    process.execPath,
    [path.join(projectRoot, 'node_modules/payload/bin.js'), 'migrate:create', name, '--skip-empty'],
    {
      cwd: projectRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        DATABASE_URL: url,
        NEWSROOM_DATA_DIR: scratch,
        PAYLOAD_MIGRATING: 'true',
      },
    },
  )
  if (result.status !== 0) failed = true
}
fs.rmSync(scratch, { recursive: true, force: true })
process.exit(failed ? 1 : 0)

/**
 * `npm run restore -- <backup folder>`: puts a backup made by `npm run backup` back in
 * place of the SQLite database and the media folder, which are moved aside, not deleted.
 * Newsroom must be stopped first.
 *
 *   --force   restore even though Newsroom seems to be running (another process has the
 *             database open, or something answers on PORT), when you know it is not
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { parseArguments, restore } from '../db/backup'
import { runCommand } from './runCommand'

await runCommand(async () => {
  const { values, positionals } = parseArguments(
    'Usage: npm run restore -- <backup folder> [--force]',
    () => {
      const parsed = parseArgs({
        options: { force: { type: 'boolean', default: false } },
        allowPositionals: true,
      })
      if (parsed.positionals.length !== 1)
        throw new Error('Name one backup folder, such as backups/2026-11-23T13-45-02Z.')
      return parsed
    },
  )
  // npm runs scripts from the project folder; a relative folder means from where it was typed.
  const folder = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!)
  await restore({ folder, force: values.force, log: console.log })
})

/**
 * `npm run backup`: a consistent copy of the SQLite database, taken while Newsroom runs,
 * and of the media folder, in a new folder named after the UTC time, with a manifest.
 *
 *   --to <folder>   where to put it (default: BACKUP_DIR, or backups/ in the project)
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { backup, defaultBackupParent, parseArguments } from '../db/backup'
import { runCommand } from './runCommand'

await runCommand(async () => {
  const { values } = parseArguments('Usage: npm run backup [-- --to <folder>]', () =>
    parseArgs({ options: { to: { type: 'string' } } }),
  )
  // npm runs scripts from the project folder; a relative --to means from where it was typed.
  const parent = values.to
    ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.to)
    : defaultBackupParent()
  const folder = await backup({ parent, log: console.log })
  console.log(`Backup written to ${folder}`)
  console.log(`To restore it, stop Newsroom and run: npm run restore -- ${folder}`)
})

/** Runs after `npm install` (package.json's postinstall): Payload's admin shows every time in UK time (src/admin/ukTimePatch.ts). */
import { applyUkTimePatch } from '../admin/ukTimePatch'

try {
  applyUkTimePatch()
  console.log('Payload admin: times shown in UK time (src/admin/ukTimePatch.ts).')
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}

/**
 * `npm run test:int:mongodb`: the integration suite on MongoDB, when there is one to run on.
 * No MongoDB server can be installed on CI's machines, and a mock would prove nothing, so
 * without MONGODB_TEST_URL this says so and stops.
 */
import { spawnSync } from 'node:child_process'

if (!process.env.MONGODB_TEST_URL) {
  console.log(
    'MongoDB run skipped: MONGODB_TEST_URL is not set (no MongoDB server can run on this machine). Set it to a replica set to run the suite on MongoDB.',
  )
  process.exit(0)
}
const result = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--exclude',
    'test/postgres/**',
    '--exclude',
    'test/unit/**',
    '--exclude',
    'test/ops/backup.test.ts',
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE: 'mongodb' },
  },
)
process.exit(result.status ?? 1)

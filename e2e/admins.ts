import { signIn } from '../test/helpers/api'
import { ADMIN as DEMO_ADMIN } from '../test/helpers/server'

/** The password of everyone the browser tests make (and of the admins below). */
export const PASSWORD = 'a-long-e2e-password-42'

/**
 * The admin each browser worker signs in as. Payload keeps an account's sessions as one list
 * that every sign-in and sign-out reads and writes back whole, so two workers signing one
 * account in and out at once can drop each other's session (a 401 in the middle of a test).
 * Worker 0 is the demo content's admin; global-setup.ts makes one more for each other worker.
 */
export const adminFor = (worker: number) =>
  worker === 0 ? DEMO_ADMIN : { email: `admin.worker${worker}@northmoor.test`, password: PASSWORD }

/** This worker's admin: Playwright numbers its workers 0 up in TEST_PARALLEL_INDEX. */
export const ADMIN = adminFor(Number(process.env.TEST_PARALLEL_INDEX ?? 0))

/** Makes the admins of workers 1 up, as the demo content's admin would in the admin. */
export const makeWorkerAdmins = async (site: string, workers: number) => {
  if (workers < 2) return
  const admin = await signIn(site, DEMO_ADMIN.email, DEMO_ADMIN.password)
  for (let worker = 1; worker < workers; worker++) {
    const made = await admin.post('/api/users', {
      ...adminFor(worker),
      name: `Browser worker ${worker}`,
      roles: ['admin'],
    })
    if (made.status !== 201)
      throw new Error(
        `Making worker ${worker}'s admin failed: ${made.status} ${JSON.stringify(made.body)}`,
      )
  }
}

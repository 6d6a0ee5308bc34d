import { MemoryStore, type Options } from 'express-rate-limit'
import { APIError } from 'payload'

import { limitFrom } from '../http/limitFrom'

/**
 * Newsroom's sign-in throttle, in place of Payload's lock on an account (which let anyone
 * lock anyone out with five wrong passwords, and said so).
 *
 * - Per address: at most SIGN_IN_RATE_LIMIT attempts (20) in 15 minutes, over every way of
 *   signing in or handling a password (REST, GraphQL, however the address is spelt).
 * - Per account and address: five wrong passwords are free, then each further try waits
 *   1 s, 2 s, 4 s … up to 15 minutes. An attacker's tries from one address never stop the
 *   real person signing in from another; a reset password or an admin's unlock clears them.
 * Unknown accounts are throttled exactly as real ones, so that the answers tell nothing.
 *
 * Kept in memory, on globalThis: Next.js may load this module more than once in the process
 * (REST and GraphQL are separate routes), and every copy must count in one place. Several
 * Newsroom processes each count on their own, and a restart forgets.
 */

const SIGN_IN_WINDOW_MS = 15 * 60 * 1000
const FREE_FAILURES = 5
const FIRST_WAIT_MS = 1000
const LONGEST_WAIT_MS = 15 * 60 * 1000
/** Wrong passwords are forgotten after a day without one. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000
/** Bounds the memory an attacker can make us use by trying endless made-up accounts. */
const MAX_TRACKED = 100_000

/** Set by the express server from the connection (src/http/limits.ts); a client's own value is replaced. */
export const CLIENT_ADDRESS_HEADER = 'x-newsroom-client-address'

type Failures = { count: number; last: number; waitUntil: number }
type State = { byAddress: MemoryStore; failures: Map<string, Failures>; swept: number }

const STATE = Symbol.for('newsroom.signInThrottle')

export const signInLimit = () => limitFrom('SIGN_IN_RATE_LIMIT', 20)

const state = (): State => {
  const global = globalThis as { [STATE]?: State }
  if (!global[STATE]) {
    const byAddress = new MemoryStore()
    // The store reads only the window from express-rate-limit's options.
    byAddress.init({ windowMs: SIGN_IN_WINDOW_MS } as Options)
    global[STATE] = { byAddress, failures: new Map(), swept: Date.now() }
  }
  return global[STATE]
}

/**
 * An attempt refused before any password is checked: 429, saying how long to wait. Its own
 * class so that the log gives it one line, not an error with its stack (payload.config.ts
 * `loggingLevels`): an attack would otherwise fill the log with them.
 */
export class TooManyAttempts extends APIError {
  constructor(message: string) {
    super(message, 429, undefined, true)
  }
}
const tooMany = (message: string) => new TooManyAttempts(message)

const inWords = (ms: number) => {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minutes`
}

/** Counts one sign-in, password reset or unlock from this address; throws once there are too many. */
export const countFromAddress = async (address: string) => {
  const { totalHits, resetTime } = await state().byAddress.increment(address)
  if (totalHits <= signInLimit()) return
  const wait = (resetTime?.getTime() ?? Date.now() + SIGN_IN_WINDOW_MS) - Date.now()
  throw tooMany(
    `Too many sign-in attempts from this address. Wait ${inWords(wait)} and try again, or ask an admin to help.`,
  )
}

const keyOf = (account: string, address: string) => `${account.toLowerCase().trim()}\n${address}`

const sweep = (now: number) => {
  const current = state()
  if (now - current.swept < 60_000 && current.failures.size < MAX_TRACKED) return
  current.swept = now
  for (const [key, entry] of current.failures)
    if (now - entry.last > FORGET_AFTER_MS) current.failures.delete(key)
  // Still too many: the oldest go first (a Map keeps the order they were added in).
  for (const key of current.failures.keys()) {
    if (current.failures.size < MAX_TRACKED) break
    current.failures.delete(key)
  }
}

const waitAfter = (failures: number) =>
  failures < FREE_FAILURES
    ? 0
    : Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES))

/** Before a password is checked: refused when this address has tried too often, or must wait for this account. */
export const checkSignIn = async (account: string, address: string) => {
  await countFromAddress(address)
  const now = Date.now()
  const entry = state().failures.get(keyOf(account, address))
  if (entry && entry.waitUntil > now) {
    throw tooMany(
      `Too many wrong passwords for this account from this address. Try again in ${inWords(entry.waitUntil - now)}, or choose a new password with “Forgot your password?”.`,
    )
  }
}

/** A wrong password (or an account that does not exist): the next try from here waits longer. */
export const signInFailed = (account: string, address: string) => {
  const now = Date.now()
  sweep(now)
  const { failures } = state()
  const key = keyOf(account, address)
  const entry = failures.get(key)
  const count = (entry && now - entry.last <= FORGET_AFTER_MS ? entry.count : 0) + 1
  // Deleted first, so that the Map's order stays the order of the latest failures.
  failures.delete(key)
  failures.set(key, { count, last: now, waitUntil: now + waitAfter(count) })
}

/** The password was right: this address starts afresh for this account. */
export const signInSucceeded = (account: string, address: string) => {
  state().failures.delete(keyOf(account, address))
}

/** A new password, or an admin's unlock: every address starts afresh for this account. */
export const forgetAccount = (account: string) => {
  const prefix = keyOf(account, '')
  const { failures } = state()
  for (const key of failures.keys()) if (key.startsWith(prefix)) failures.delete(key)
}

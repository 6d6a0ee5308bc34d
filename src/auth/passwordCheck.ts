import crypto from 'node:crypto'
import { promisify } from 'node:util'

const pbkdf2 = promisify(crypto.pbkdf2)

/**
 * Payload's password hashes, as its local strategy checks them: "pbkdf2-sha256-v1:" with
 * 600 000 rounds and 32 bytes now, 25 000 rounds and 512 bytes for older accounts.
 */
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const parametersOf = (hash: string) =>
  hash.startsWith(CURRENT_PREFIX)
    ? { hex: hash.slice(CURRENT_PREFIX.length), rounds: 600_000, bytes: 32 }
    : { hex: hash, rounds: 25_000, bytes: 512 }

/** Stands in for an account that does not exist, so that checking a password against it takes as long. */
const NOBODY = {
  salt: crypto.randomBytes(32).toString('hex'),
  hash: CURRENT_PREFIX + '0'.repeat(64),
}

type Account = { hash?: unknown; salt?: unknown }

/** Whether the password is the account's, taking the same time whether or not there is an account. */
export const passwordMatches = async (
  account: Account | null | undefined,
  password: string,
): Promise<boolean> => {
  const real = typeof account?.hash === 'string' && typeof account.salt === 'string'
  const { hash, salt } = real ? (account as { hash: string; salt: string }) : NOBODY
  const { hex, rounds, bytes } = parametersOf(hash)
  const derived = await pbkdf2(password, salt, rounds, bytes, 'sha256')
  const expected = Buffer.from(hex, 'hex')
  return real && derived.length === expected.length && crypto.timingSafeEqual(derived, expected)
}

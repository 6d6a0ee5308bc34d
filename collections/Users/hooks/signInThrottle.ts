import type {
  CollectionAfterLoginHook,
  CollectionAfterOperationHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'
import { AuthenticationError } from 'payload'

import { passwordMatches } from '../../../src/auth/passwordCheck'
import {
  checkSignIn,
  CLIENT_ADDRESS_HEADER,
  countFromAddress,
  forgetAccount,
  signInFailed,
  signInSucceeded,
} from '../../../src/auth/signInThrottle'

/** The address the express server saw the request come from; Local API calls have none. */
const addressOf = (req: PayloadRequest) => req.headers?.get(CLIENT_ADDRESS_HEADER) ?? 'local'

const emailOf = (data: unknown) => {
  const email = (data as { email?: unknown } | undefined)?.email
  return typeof email === 'string' ? email.toLowerCase().trim() : ''
}

/** The other operations that handle a password, counted against the address's limit too. */
const COUNTED = new Set(['forgotPassword', 'resetPassword', 'unlock'])

/**
 * Every sign-in, over REST or GraphQL and however its address is spelt, is throttled per
 * address and per account (src/auth/signInThrottle.ts). The password is checked here, with
 * the same cost and the same answer whether or not the account exists; a right one goes on
 * to Payload's own sign-in, a wrong one is counted and refused.
 */
export const throttleSignIn: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (COUNTED.has(operation)) await countFromAddress(addressOf(req))
  if (operation !== 'login') return args
  const email = emailOf(args.data)
  const address = addressOf(req)
  await checkSignIn(email, address)
  const password = (args.data as { password?: unknown } | undefined)?.password
  // Payload names the missing field.
  if (!email || typeof password !== 'string' || password.trim() === '') return args
  const account = await req.payload.db.findOne<{
    id: number | string
    hash?: string
    salt?: string
  }>({ collection: 'users', where: { email: { equals: email } }, req })
  if (await passwordMatches(account, password)) return args
  signInFailed(email, address)
  throw new AuthenticationError(req.t)
}

export const signedIn: CollectionAfterLoginHook = ({ req, user }) => {
  signInSucceeded(String(user.email ?? ''), addressOf(req))
  return user
}

/** A password chosen from a reset link, or an admin's unlock, ends every wait for that account at once. */
export const clearThrottleOnResetOrUnlock: CollectionAfterOperationHook = ({
  args,
  operation,
  result,
}) => {
  if (operation === 'resetPassword') {
    const email = (result as { user?: { email?: unknown } } | undefined)?.user?.email
    if (typeof email === 'string') forgetAccount(email)
  }
  if (operation === 'unlock' && result) forgetAccount(emailOf((args as { data?: unknown }).data))
  return result
}

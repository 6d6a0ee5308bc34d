import type {
  CollectionBeforeOperationHook,
  CollectionBeforeValidateHook,
  PayloadRequest,
} from 'payload'
import { ValidationError } from 'payload'

import { passwordProblem } from '../../../src/auth/passwords'

const refuse = (problem: string) =>
  new ValidationError({ collection: 'users', errors: [{ path: 'password', message: problem }] })

/** A new or changed password must be long and hard to guess (see src/auth/passwords.ts). */
/** The force's name: an obvious guess at a password for its newsroom. */
const forceName = async (req: PayloadRequest) => {
  try {
    return (
      await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })
    ).forceName
  } catch {
    return undefined
  }
}

export const passwordPolicy: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  const password = data?.password
  if (typeof password !== 'string') return data
  const problem = passwordProblem(password, [
    data?.email,
    data?.name,
    originalDoc?.email,
    originalDoc?.name,
    await forceName(req),
  ])
  if (problem) throw refuse(problem)
  return data
}

/**
 * The same rule for a password chosen from a reset link: Payload's reset operation does not
 * pass the new password to the validate hooks, so it is checked before the operation runs.
 */
export const passwordPolicyOnReset: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'resetPassword') return args
  const { password, token } = (args.data ?? {}) as { password?: unknown; token?: unknown }
  if (typeof password !== 'string' || typeof token !== 'string') return args
  const user = await req.payload.db.findOne<{ id: number | string; email?: string; name?: string }>(
    {
      collection: 'users',
      where: { resetPasswordToken: { equals: token } },
      req,
    },
  )
  const problem = passwordProblem(password, [user?.email, user?.name, await forceName(req)])
  if (problem) throw refuse(problem)
  return args
}

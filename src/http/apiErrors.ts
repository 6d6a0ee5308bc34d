import type { AfterErrorHook } from 'payload'

import { databaseAnswers } from '../db/health'

/**
 * An API request that failed because the database is not answering is a 503 that says so
 * (try again soon), not Payload's 500 "Something went wrong". Other failures keep Payload's
 * answer, which never carries the details (they go to the log).
 */
export const databaseDownIs503: AfterErrorHook = async ({ error, req }) => {
  if (((error as { status?: number }).status ?? 500) < 500) return
  if (await databaseAnswers(req.payload, 1000)) return
  return {
    status: 503,
    response: {
      errors: [{ message: 'The database is not answering at the moment. Try again in a minute.' }],
    },
  }
}

/** GraphQL's errors are logged as one line (payload.config.ts); a real failure is logged whole here. */
export const logGraphqlFailures: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (!graphqlResult) return
  const original = (error as { originalError?: { status?: number } }).originalError
  if ((original?.status ?? 500) >= 500) req.payload.logger.error({ err: original ?? error })
}

import { ConfigurationError } from '../config/env'

/**
 * A limit set in the environment (SIGN_IN_RATE_LIMIT, GRAPHQL_RATE_LIMIT, RENDER_…): a whole
 * number, `min` or more; a bad value stops the start with a message naming it.
 */
export const limitFrom = (name: string, fallback: number, min = 1): number => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min)
    throw new ConfigurationError(`${name} must be a whole number, ${min} or more, not "${raw}".`)
  return value
}

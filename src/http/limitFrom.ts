import { ConfigurationError } from '../config/env'

/** A limit set in the environment (SIGN_IN_RATE_LIMIT, GRAPHQL_RATE_LIMIT): a whole number of requests. */
export const limitFrom = (name: string, fallback: number): number => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new ConfigurationError(`${name} must be a whole number of requests, 1 or more, not "${raw}".`)
  return value
}

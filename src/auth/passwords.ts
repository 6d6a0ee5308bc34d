import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'

/**
 * The password rule for everyone who signs in to the admin. An account here can publish
 * under a police force's name, so a password must be long and hard to guess: at least
 * 12 characters, and rated at least "safely unguessable" (3 of 4) by zxcvbn, which checks
 * it against common passwords, keyboard patterns and the person's own name and email.
 * No rules about digits or symbols: a few unrelated words pass, "Password1!" does not.
 */
export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 256
const MIN_SCORE = 3

/** Words anyone guessing a newsroom password would try first. */
const OBVIOUS = [
  'police',
  'constabulary',
  'newsroom',
  'press',
  'news',
  'admin',
  'editor',
  'password',
]

let checker: ZxcvbnFactory | undefined
const zxcvbn = () => (checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }))

const WARNINGS: Record<string, string> = {
  topTen: 'It is one of the most used passwords.',
  topHundred: 'It is one of the most used passwords.',
  common: 'It is a commonly used password.',
  similarToCommon: 'It is too like a commonly used password.',
  wordByItself: 'A single word is easy to guess.',
  namesByThemselves: 'Names on their own are easy to guess.',
  commonNames: 'Common names are easy to guess.',
  userInputs: 'It contains your name, your email or the name of this site.',
  straightRow: 'A row of keys on the keyboard is easy to guess.',
  keyPattern: 'A keyboard pattern is easy to guess.',
  simpleRepeat: 'Repeated characters are easy to guess.',
  extendedRepeat: 'Repeated patterns are easy to guess.',
  sequences: 'Sequences like "abc" or "123" are easy to guess.',
  recentYears: 'Recent years are easy to guess.',
  dates: 'Dates are easy to guess.',
}

/**
 * What is wrong with a proposed password, in words for the person choosing it, or null
 * when it is fine. `personal` is what an attacker would know: the name, the email, the force.
 */
export const passwordProblem = (password: string, personal: unknown[] = []): string | null => {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters: a few unrelated words make a good password.`
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`
  const inputs = [...OBVIOUS]
  for (const value of personal) {
    if (typeof value !== 'string' || !value.trim()) continue
    inputs.push(value, ...value.split(/[^\p{L}\p{N}]+/u).filter((part) => part.length >= 3))
  }
  // zxcvbn rates "jane-smith-police" well; made only of what an attacker knows, it is not.
  const known = new Set(inputs.map((input) => input.toLowerCase()))
  const words = password
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
  if (words.length > 0 && words.every((word) => known.has(word))) {
    return `This password is too easy to guess. ${WARNINGS.userInputs} Try a few unrelated words together.`
  }
  const result = zxcvbn().check(password, inputs)
  if (result.score >= MIN_SCORE) return null
  const why = WARNINGS[result.feedback.warning ?? ''] ?? ''
  return `This password is too easy to guess.${why ? ` ${why}` : ''} Try a few unrelated words together.`
}

/** Validation shared by every collection that stores a link. */

const parse = (value: string): URL | null => {
  try {
    return new URL(value)
  } catch {
    return null
  }
}

/** Only https:// addresses on a real host: no javascript:, data:, http: or credentials. */
export const validateHttpsUrl = (value: unknown): true | string => {
  if (value == null || value === '') return true
  if (typeof value !== 'string') return 'Enter a web address as text.'
  const url = parse(value.trim())
  if (!url)
    return `"${value.slice(0, 80)}" is not a web address. Enter a full address starting with https://`
  if (url.protocol !== 'https:')
    return `Only secure addresses starting with https:// are accepted, not "${url.protocol}".`
  if (!url.hostname.includes('.'))
    return 'Enter the full address of a public website, for example https://www.justiceinspectorates.gov.uk/'
  if (url.username || url.password) return 'A web address must not contain a user name or password.'
  return true
}

/** https:// addresses, or a path on this site such as /accessibility. */
export const validateLinkUrl = (value: unknown): true | string => {
  if (typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value)) return true
  return validateHttpsUrl(value)
}

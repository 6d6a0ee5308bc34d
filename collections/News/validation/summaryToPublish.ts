import type { TextareaFieldValidation } from 'payload'

/** A draft may be saved without a summary; a release cannot go out without one. */
export const validateSummaryToPublish: TextareaFieldValidation = (value, { data }) => {
  const publishing = (data as { _status?: string })?._status === 'published'
  if (publishing && (!value || !value.trim())) {
    return 'Write a summary (standfirst) before publishing: it is shown under the headline, in listings and in feeds.'
  }
  return true
}

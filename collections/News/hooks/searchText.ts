import type { FieldHook } from 'payload'

import { slateToPlainText } from '../../../src/richtext/slate'

/** The words of a release (title, summary and body) in one plain-text field, for search. */
export const searchText: FieldHook = ({ siblingData }) =>
  [siblingData.title, siblingData.summary, slateToPlainText(siblingData.body)].filter(Boolean).join('\n')

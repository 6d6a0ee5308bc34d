import type { FieldHook } from 'payload'

import { foldAccents, slateToPlainText } from '../../../src/richtext/slate'

/** The words of a release (title, summary and body) in one plain-text field, accents folded, for search. */
export const searchText: FieldHook = ({ siblingData }) =>
  foldAccents(
    [siblingData.title, siblingData.summary, slateToPlainText(siblingData.body)]
      .filter(Boolean)
      .join('\n'),
  )

'use client'
import { useState } from 'react'

import { forceTime } from '../fields/ukTime'

/**
 * The withdrawal's two notes: the notice the public reads on the release's page, word for
 * word (with a preview drawn as the page draws it, src/site/pages/WithdrawnPage.tsx), and an
 * internal note that stays in the history.
 */
export const WithdrawalNotice = () => {
  const [notice, setNotice] = useState('')
  return (
    <>
      <label>
        Notice shown to the public (required)
        <span className="newsroom-workflow__hint">
          Readers see these words on the release’s page, exactly as written.
        </span>
        <textarea
          name="note"
          rows={3}
          required
          maxLength={2000}
          onChange={(event) => setNotice(event.currentTarget.value)}
        />
      </label>
      <figure
        className="newsroom-withdrawal-preview"
        aria-labelledby="newsroom-withdrawal-preview-title"
      >
        <figcaption id="newsroom-withdrawal-preview-title">What the public will read</figcaption>
        <div className="newsroom-withdrawal-preview__notice" data-testid="withdrawal-preview">
          <strong>This release has been withdrawn</strong>
          <p>
            Withdrawn {forceTime(new Date())}
            {notice.trim() ? `: ${notice.trim()}` : '.'}
          </p>
        </div>
      </figure>
      <label>
        Internal note (optional)
        <span className="newsroom-workflow__hint">
          Kept in the release’s history for the newsroom; never shown to the public.
        </span>
        <textarea name="internalNote" rows={2} maxLength={2000} />
      </label>
    </>
  )
}

'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { adminTime } from '../fields/ukTime'

type Returned = { note: string; by: string | null; at: string }

/**
 * At the top of a draft that an editor gave back: their note to the author, in full, until
 * the release is submitted again. The note comes from the workflow history.
 */
export const ReturnedNote = () => {
  const { id } = useDocumentInfo()
  const {
    routes: { api },
  } = useConfig().config
  const [returned, setReturned] = useState<Returned | null>(null)

  useEffect(() => {
    if (!id) return
    void (async () => {
      const response = await fetch(`${api}/news/${id}/workflow`, { credentials: 'include' })
      if (response.ok) setReturned((await response.json()).returned ?? null)
    })()
  }, [api, id])

  if (!returned) return null
  return (
    <section className="newsroom-returned" role="note" aria-labelledby="newsroom-returned-title">
      <h2 id="newsroom-returned-title">
        Returned to the author{returned.by ? ` by ${returned.by}` : ''}, {adminTime(returned.at)}
      </h2>
      <p className="newsroom-returned__note">{returned.note}</p>
      <p>Make the changes, then submit it for review again from the Workflow button.</p>
    </section>
  )
}

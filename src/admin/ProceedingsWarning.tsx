'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { Proceedings } from '../workflow/plans'

/**
 * At the top of a release under active proceedings, or one that names someone who is (its
 * words or its person's name: src/workflow/perform.ts, proceedingsNamedBy): the Contempt of
 * Court Act warning, naming the cases, before anyone writes a word more. Asked again after
 * every save, so a name typed into a new release brings the warning up as the draft is saved.
 */
export const ProceedingsWarning = () => {
  const { id, lastUpdateTime } = useDocumentInfo()
  const {
    routes: { admin, api },
  } = useConfig().config
  const [proceedings, setProceedings] = useState<Proceedings[]>([])

  useEffect(() => {
    if (!id) return
    void (async () => {
      const response = await fetch(`${api}/news/${id}/workflow`, { credentials: 'include' })
      if (response.ok) setProceedings((await response.json()).proceedings ?? [])
    })()
  }, [api, id, lastUpdateTime])

  if (!proceedings.length) return null
  const itself = proceedings.find((p) => String(p.id) === String(id))
  const others = proceedings.filter((p) => p !== itself)
  return (
    <section
      className="newsroom-proceedings"
      role="alert"
      aria-labelledby="newsroom-proceedings-title"
    >
      <h2 id="newsroom-proceedings-title">Active proceedings: contempt of court</h2>
      {itself ? (
        <p>
          This release’s case is active
          {itself.note ? <span className="newsroom-proceedings__note">: {itself.note}</span> : '.'}
        </p>
      ) : null}
      {others.length ? (
        <>
          <p>
            This release names someone charged in{' '}
            {others.length === 1 ? 'another case' : `${others.length} other cases`}:
          </p>
          <ul>
            {others.map((p) => (
              <li key={p.id}>
                <a href={`${admin}/collections/news/${p.id}`}>{p.title}</a>
                {p.note ? <span className="newsroom-proceedings__note">: {p.note}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        Say no more than the charge and the court dates: nothing that could prejudice a trial
        (evidence, previous convictions, opinion on guilt). Publishing this release, or publishing
        changes to it, needs a legal check recorded in the Workflow dialog: who confirmed it may go
        out, and why.
      </p>
    </section>
  )
}

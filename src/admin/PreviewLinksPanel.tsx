'use client'
import { Button } from '@payloadcms/ui'
import { useCallback, useEffect, useState, type FormEvent } from 'react'

import type { createPreviewLink, PreviewLinkSummary } from '../embargo/previewLinks'
import { embargoTime } from '../fields/ukTime'
import { serverProblem } from './serverProblem'

type NewLink = Awaited<ReturnType<typeof createPreviewLink>>

/**
 * A scheduled release's preview links for journalists, in the workflow dialog: make one (its
 * address is shown once), see who has used which, revoke one. `release` is the release's API
 * address; a problem is reported to the dialog, which shows it at the top.
 */
export const PreviewLinksPanel = ({
  release,
  onProblem,
}: {
  release: string
  onProblem: (problem: string) => void
}) => {
  const [links, setLinks] = useState<PreviewLinkSummary[] | null>(null)
  const [newLink, setNewLink] = useState<string | null>(null)

  const load = useCallback(async () => {
    const response = await fetch(`${release}/preview-links`, { credentials: 'include' })
    setLinks(response.ok ? ((await response.json()) as { docs: PreviewLinkSummary[] }).docs : [])
  }, [release])

  useEffect(() => {
    void load()
  }, [load])

  const create = async (event: FormEvent<HTMLFormElement>) => {
    // The dialog sits in a portal inside Payload's document form: its submit must not reach that form.
    event.preventDefault()
    event.stopPropagation()
    const form = new FormData(event.currentTarget)
    const label = form.get('label')
    const response = await fetch(`${release}/preview-links`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        label: label || undefined,
        expiresInHours: Number(form.get('hours') || 72),
      }),
    })
    if (!response.ok) {
      onProblem(await serverProblem(response))
      return
    }
    setNewLink(((await response.json()) as NewLink).url)
    void load()
  }

  const revoke = async (linkId: PreviewLinkSummary['id']) => {
    const response = await fetch(`${release}/preview-links/${linkId}`, {
      method: 'DELETE',
      credentials: 'include',
    })
    if (!response.ok) onProblem(await serverProblem(response))
    void load()
  }

  return (
    <section className="newsroom-preview-links" aria-labelledby="preview-links-title">
      <h3 id="preview-links-title">Preview links for journalists</h3>
      {newLink ? (
        <p className="newsroom-preview-links__new">
          Copy this link now; it is not shown again:{' '}
          <input
            readOnly
            value={newLink}
            aria-label="New preview link"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button
            buttonStyle="secondary"
            size="small"
            onClick={() => void navigator.clipboard?.writeText(newLink)}
          >
            Copy
          </Button>
        </p>
      ) : null}
      <form
        className="newsroom-preview-links__form"
        noValidate
        onSubmit={(event) => void create(event)}
      >
        <label>
          For (newsroom or journalist)
          <input name="label" maxLength={120} />
        </label>
        <label>
          Expires after (hours)
          <input name="hours" type="number" min={1} max={336} defaultValue={72} />
        </label>
        <Button buttonStyle="secondary" size="small" type="submit">
          Create preview link
        </Button>
      </form>
      {links?.length ? (
        <table>
          <thead>
            <tr>
              <th>For</th>
              <th>Expires</th>
              <th>Last used</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.id}>
                <td>{link.label ?? '—'}</td>
                <td>{embargoTime(link.expiresAt)}</td>
                <td>
                  {link.lastUsedAt
                    ? `${embargoTime(link.lastUsedAt)} (${link.useCount} uses)`
                    : 'Not used yet'}
                </td>
                <td>{link.status}</td>
                <td>
                  {link.status === 'active' ? (
                    <Button
                      buttonStyle="secondary"
                      size="small"
                      onClick={() => void revoke(link.id)}
                    >
                      Revoke
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}

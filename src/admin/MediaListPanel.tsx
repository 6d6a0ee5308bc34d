'use client'
import { Button } from '@payloadcms/ui'
import { useCallback, useEffect, useState, type FormEvent } from 'react'

import { adminTime } from '../fields/ukTime'
import type { MediaListSendResult, MediaListSummary } from '../mediaList/send'
import { serverProblem } from './serverProblem'

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`)

/**
 * "Send to the media list", in the workflow dialog: for a scheduled or published release, the
 * lists to send it to (with how many on each will get it) and whether to send it again to
 * people who already have this version; then what happened; and the release's send log, which
 * stays after a withdrawal. Editors and admins only: for anyone else the server refuses and the
 * panel shows nothing. `release` is the release's API address; a problem is reported to the
 * dialog, which shows it at the top.
 */
export const MediaListPanel = ({
  release,
  onProblem,
}: {
  release: string
  onProblem: (problem: string) => void
}) => {
  const [summary, setSummary] = useState<MediaListSummary | null>(null)
  const [result, setResult] = useState<MediaListSendResult | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    const response = await fetch(`${release}/media-send`, { credentials: 'include' })
    setSummary(response.ok ? ((await response.json()) as MediaListSummary) : null)
  }, [release])

  useEffect(() => {
    void load()
  }, [load])

  // While an e-mail waits to go, the log is read again every few seconds, to show what the
  // mail server said; a minute at most (a retry can take longer: it shows at the next opening).
  const [polls, setPolls] = useState(0)
  const waiting = Boolean(summary?.sends.some((send) => send.status === 'queued'))
  useEffect(() => {
    if (!waiting || polls >= 20) return
    const timer = setTimeout(() => {
      setPolls((n) => n + 1)
      void load()
    }, 3000)
    return () => clearTimeout(timer)
  }, [waiting, polls, load])

  if (!summary || (!summary.canSend && summary.sends.length === 0)) return null

  const send = async (event: FormEvent<HTMLFormElement>) => {
    // The dialog sits in a portal inside Payload's document form: its submit must not reach that form.
    event.preventDefault()
    event.stopPropagation()
    const form = new FormData(event.currentTarget)
    const chosen = form.getAll('list').map(String)
    const lists = summary.lists.filter((list) => chosen.includes(String(list.id)))
    if (lists.length === 0) {
      onProblem('Choose at least one list to send to.')
      return
    }
    setBusy(true)
    try {
      const response = await fetch(`${release}/media-send`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          lists: lists.map((list) => list.id),
          resend: form.get('resend') === 'on',
        }),
      })
      if (!response.ok) {
        onProblem(await serverProblem(response))
        return
      }
      setResult((await response.json()) as MediaListSendResult)
      setPolls(0)
      void load()
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="newsroom-media-list" aria-labelledby="media-list-title">
      <h3 id="media-list-title">Send to the media list</h3>
      {!summary.canSend ? (
        <p>{summary.refusal}</p>
      ) : summary.lists.length === 0 ? (
        <p>There are no media lists yet: make them under Media list in the menu.</p>
      ) : (
        <form className="newsroom-media-list__form" noValidate onSubmit={(e) => void send(e)}>
          <fieldset>
            <legend>Lists</legend>
            {summary.lists.map((list) => (
              <label key={list.id}>
                <input type="checkbox" name="list" value={String(list.id)} /> {list.name} (
                {people(list.contacts)})
              </label>
            ))}
          </fieldset>
          <label>
            <input type="checkbox" name="resend" /> Send again to people who already have this
            version
          </label>
          <p className="newsroom-workflow__hint">
            {summary.state === 'scheduled'
              ? 'Each person gets the release under embargo, with a preview link of their own, the notes to editors and the press office’s contact details.'
              : 'Each person gets the release as published, with the notes to editors and the press office’s contact details.'}
          </p>
          <Button buttonStyle="primary" size="small" type="submit" disabled={busy}>
            Send to the media list
          </Button>
        </form>
      )}
      {result ? (
        <div className="newsroom-media-list__result" role="status">
          <p>{result.message}</p>
          {result.queued.length > 0 ? (
            <p>
              Queued for:{' '}
              {result.queued.map((person) => `${person.name}, ${person.outlet}`).join('; ')}.
            </p>
          ) : null}
          {result.refused.length > 0 ? (
            <ul>
              {result.refused.map((person) => (
                <li key={String(person.contact)}>{person.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {summary.sends.length > 0 ? (
        <table className="newsroom-media-list__log">
          <caption>Sent to the media</caption>
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">When</th>
              <th scope="col">Version</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {summary.sends.map((send) => (
              <tr key={send.id}>
                <td>
                  {send.contactName}, {send.outlet}
                  {send.sentByName ? (
                    <span className="newsroom-workflow__hint"> (sent by {send.sentByName})</span>
                  ) : null}
                </td>
                <td data-label="When">{adminTime(send.at)}</td>
                <td data-label="Version">
                  {send.version} {send.current ? '(current)' : '(earlier)'}
                  {send.resend ? ', sent again' : ''}
                </td>
                <td data-label="Result">
                  {send.result}
                  {send.response ? (
                    <span className="newsroom-media-list__response">{send.response}</span>
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

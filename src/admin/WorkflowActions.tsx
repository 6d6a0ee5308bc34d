'use client'
import { Button, toast, useConfig, useDocumentInfo, useForm, useFormModified } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

import { embargoLine, embargoTime, ukInputValue } from '../time/ukTime'
import { STATE_LABELS as STATE_NAMES, type ReleaseState, type TransitionName } from '../workflow/machine'
import { WithdrawalNotice } from './WithdrawalNotice'

type Action = { action: TransitionName; label: string; needs: string[]; needsForce: boolean }
type Workflow = { state: ReleaseState; publishAt?: string | null; pendingChanges: boolean; actions: Action[] }
type PreviewLink = { id: number; label: string | null; expiresAt: string; lastUsedAt: string | null; useCount: number; status: string }

const errorMessage = async (response: Response) => {
  try {
    const body = await response.json()
    return body?.errors?.map((e: { message: string; data?: { errors?: { message: string }[] } }) => [e.message, ...(e.data?.errors ?? []).map((f) => f.message)].join(' ')).join(' ') || `The server answered ${response.status}.`
  } catch {
    return `The server answered ${response.status}.`
  }
}

/**
 * The workflow, in place of Payload's Publish button: where the release stands, the
 * transitions this person may take from there (each asking for what it needs) and, for a
 * scheduled release, its preview links for journalists.
 */
export const WorkflowActions = () => {
  const { id } = useDocumentInfo()
  const {
    routes: { api },
  } = useConfig().config
  const { submit } = useForm()
  const modified = useFormModified()
  const dialog = useRef<HTMLDialogElement>(null)
  const [workflow, setWorkflow] = useState<Workflow | null>(null)
  const [chosen, setChosen] = useState<Action | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [links, setLinks] = useState<PreviewLink[] | null>(null)
  const [newLink, setNewLink] = useState<string | null>(null)
  // The dialog is rendered outside Payload's document form (a portal), and has no <form> of
  // its own: its fields are read from here when a button is pressed.
  const fields = useRef<HTMLDivElement>(null)
  const linkFields = useRef<HTMLDivElement>(null)
  const read = (container: HTMLDivElement | null, name: string) => {
    const inputs = [...(container?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${name}"]`) ?? [])]
    const input = inputs.find((el) => !(el instanceof HTMLInputElement) || (el.type !== 'radio' && el.type !== 'checkbox') || el.checked)
    if (!input) return undefined
    if (input instanceof HTMLInputElement && input.type === 'checkbox') return input.checked ? 'on' : undefined
    return input.value || undefined
  }

  const base = `${api}/news/${id}`

  const load = useCallback(async () => {
    if (!id) return
    const response = await fetch(`${base}/workflow`, { credentials: 'include' })
    if (response.ok) setWorkflow(await response.json())
  }, [base, id])

  const loadLinks = useCallback(async () => {
    const response = await fetch(`${base}/preview-links`, { credentials: 'include' })
    setLinks(response.ok ? (await response.json()).docs : [])
  }, [base])

  useEffect(() => {
    void load()
  }, [load])

  if (!id) return <span className="newsroom-workflow__hint">Save a draft to start the workflow.</span>
  if (!workflow) return null

  const open = () => {
    setChosen(null)
    setProblem(null)
    setNewLink(null)
    if (workflow.state === 'scheduled') void loadLinks()
    dialog.current?.showModal()
  }

  /** Unsaved edits go with the action: saved as a draft first. */
  const saveEdits = async () => {
    if (!modified) return true
    const saved = await submit({ action: `${base}?draft=true&depth=0`, method: 'PATCH', overrides: { _status: 'draft' }, skipValidation: true })
    return Boolean(saved?.res?.ok)
  }

  const take = async () => {
    if (!chosen) return
    const value = (name: string) => read(fields.current, name)
    if (chosen.needs.includes('note') && !value('note')?.trim()) {
      setProblem('Add a note: it is required for this step.')
      return
    }
    if (chosen.needs.includes('publishAt') && !value('publishAtLocal')) {
      setProblem('Give the date and time the embargo lifts, as dd/mm/yyyy hh:mm in UK time.')
      return
    }
    // What the reviewer approves is what was submitted: saving changes now would send it back to draft.
    if (modified && (chosen.action === 'approve' || chosen.action === 'schedule')) {
      setProblem(
        'You have changed this release since it was submitted. Saving those changes sends it back to draft, to be submitted again; to approve what was submitted, reload the page to drop your changes.',
      )
      return
    }
    // Saving changes to a release in review already takes it back to draft: that is the recall.
    if (modified && chosen.action === 'recall') {
      setBusy(true)
      const saved = await saveEdits()
      setBusy(false)
      if (!saved) {
        setProblem('Your changes could not be saved: fix the fields marked in the form first.')
        return
      }
      toast.success('Your changes are saved and the release is back to draft.')
      window.location.reload()
      return
    }
    const body: Record<string, unknown> = { note: value('note') }
    if (chosen.action === 'withdraw') body.internalNote = value('internalNote')
    if (chosen.action === 'reschedule') body.keepPreviewLinks = value('keepPreviewLinks') === 'on'
    if (chosen.needs.includes('publishAt')) {
      body.publishAtLocal = value('publishAtLocal')
      if (value('ukZone')) body.ukZone = value('ukZone')
    }
    if (chosen.needs.includes('change')) body.change = value('change')
    if (chosen.needs.includes('retirement')) body.retirement = { mode: value('retirementMode'), redirectTo: value('redirectTo') || undefined }
    if (chosen.needsForce) {
      body.force = value('force') === 'on'
      body.forceReason = value('forceReason')
    }
    setBusy(true)
    setProblem(null)
    try {
      if (!(await saveEdits())) {
        setProblem('Your changes could not be saved: fix the fields marked in the form first.')
        return
      }
      const response = await fetch(`${base}/workflow/${chosen.action}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!response.ok) {
        setProblem(await errorMessage(response))
        return
      }
      toast.success((await response.json()).message)
      dialog.current?.close()
      // The release changed on the server: show it as it is now.
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  const createLink = async () => {
    const response = await fetch(`${base}/preview-links`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ label: read(linkFields.current, 'label'), expiresInHours: Number(read(linkFields.current, 'hours') ?? 72) }),
    })
    if (!response.ok) {
      setProblem(await errorMessage(response))
      return
    }
    setNewLink((await response.json()).url)
    void loadLinks()
  }

  const revoke = async (linkId: number) => {
    const response = await fetch(`${base}/preview-links/${linkId}`, { method: 'DELETE', credentials: 'include' })
    if (!response.ok) setProblem(await errorMessage(response))
    void loadLinks()
  }

  const summary = workflow.state === 'scheduled' && workflow.publishAt ? `Scheduled: embargoed until ${embargoLine(workflow.publishAt)}` : STATE_NAMES[workflow.state]

  return (
    <>
      <Button buttonStyle="primary" size="medium" onClick={open} className="newsroom-workflow__open">
        Workflow: {STATE_NAMES[workflow.state]}
      </Button>
      {createPortal(
      <dialog ref={dialog} className="newsroom-workflow" aria-labelledby="newsroom-workflow-title">
        <h2 id="newsroom-workflow-title">Workflow</h2>
        <p className="newsroom-workflow__state">{summary}</p>
        {workflow.pendingChanges && workflow.state !== 'draft' && workflow.state !== 'in-review' ? <p>There are saved changes that are not published yet.</p> : null}
        {problem ? (
          <p className="newsroom-workflow__problem" role="alert">
            {problem}
          </p>
        ) : null}
        {!chosen ? (
          <div className="newsroom-workflow__actions">
            {workflow.actions.length === 0 ? <p>There is nothing you can do with this release from here.</p> : null}
            {workflow.actions.map((action) => (
              <Button key={action.action} buttonStyle="secondary" onClick={() => setChosen(action)}>
                {action.label}
              </Button>
            ))}
          </div>
        ) : (
          <div ref={fields} className="newsroom-workflow__form" role="group" aria-labelledby="newsroom-workflow-action">
            <h3 id="newsroom-workflow-action">{chosen.label}</h3>
            {chosen.needs.includes('publishAt') ? (
              <fieldset>
                <legend>Embargo: when the public may first see it (UK time)</legend>
                <label>
                  Date and time, UK time (24-hour, dd/mm/yyyy hh:mm)
                  {/* Text, not datetime-local: that shows the browser's own format (mm/dd/yyyy, AM/PM in the US). */}
                  <input
                    type="text"
                    name="publishAtLocal"
                    required
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="19/06/2026 09:00"
                    pattern="\s*\d{1,2}/\d{1,2}/\d{4},?\s+\d{1,2}[:.]\d{2}\s*"
                    title="The date and time in UK time, as dd/mm/yyyy hh:mm (24-hour), for example 19/06/2026 09:00"
                    defaultValue={workflow.publishAt ? ukInputValue(workflow.publishAt) : ''}
                  />
                </label>
                <label>
                  Only on the night the clocks go back, which 01:00–01:59 you mean
                  <select name="ukZone" defaultValue="">
                    <option value="">Not needed</option>
                    <option value="BST">BST (the first)</option>
                    <option value="GMT">GMT (an hour later)</option>
                  </select>
                </label>
              </fieldset>
            ) : null}
            {chosen.needs.includes('change') ? (
              <fieldset>
                <legend>How big is the change?</legend>
                <label>
                  <input type="radio" name="change" value="minor" defaultChecked /> Minor (a typo, a better picture): nothing shown on the page
                </label>
                <label>
                  <input type="radio" name="change" value="major" /> Major (new facts): shown on the page as “Updated …” with your note
                </label>
              </fieldset>
            ) : null}
            {chosen.needs.includes('retirement') ? (
              <fieldset>
                <legend>What should the old address do?</legend>
                <label>
                  <input type="radio" name="retirementMode" value="gone" defaultChecked /> Say it has gone (410)
                </label>
                <label>
                  <input type="radio" name="retirementMode" value="redirect" /> Send readers to another address
                </label>
                <label>
                  Address to send them to
                  <input type="text" name="redirectTo" placeholder="/news/corrected-release or https://…" />
                </label>
              </fieldset>
            ) : null}
            {chosen.action === 'reschedule' ? (
              <label>
                <input type="checkbox" name="keepPreviewLinks" defaultChecked /> Keep the preview links already given out working
                <span className="newsroom-workflow__hint">Untick to revoke them all: whoever holds one is told the link has been withdrawn.</span>
              </label>
            ) : null}
            {chosen.action === 'unschedule' ? <p>Every preview link for this release stops working; make new ones when it is scheduled again.</p> : null}
            {chosen.needsForce ? (
              <fieldset>
                <legend>You submitted this release</legend>
                <p>Another editor should approve it. If it cannot wait, force it and say why: your reason is recorded in its history.</p>
                <label>
                  <input type="checkbox" name="force" /> Approve my own release
                </label>
                <label>
                  Reason
                  <textarea name="forceReason" rows={2} />
                </label>
              </fieldset>
            ) : null}
            {chosen.action === 'withdraw' ? (
              <WithdrawalNotice />
            ) : (
              <label>
                {chosen.needs.includes('note') ? 'Note (required)' : 'Note (optional)'}
                <textarea name="note" rows={3} required={chosen.needs.includes('note')} />
              </label>
            )}
            <div className="newsroom-workflow__buttons">
              <Button buttonStyle="primary" disabled={busy} onClick={() => void take()}>
                {chosen.label}
              </Button>
              <Button buttonStyle="secondary" onClick={() => setChosen(null)}>
                Back
              </Button>
            </div>
          </div>
        )}
        {workflow.state === 'scheduled' && !chosen ? (
          <section className="newsroom-preview-links" aria-labelledby="preview-links-title">
            <h3 id="preview-links-title">Preview links for journalists</h3>
            {newLink ? (
              <p className="newsroom-preview-links__new">
                Copy this link now; it is not shown again:{' '}
                <input readOnly value={newLink} aria-label="New preview link" onFocus={(e) => e.currentTarget.select()} />
                <Button buttonStyle="secondary" size="small" onClick={() => void navigator.clipboard?.writeText(newLink)}>
                  Copy
                </Button>
              </p>
            ) : null}
            <div ref={linkFields} className="newsroom-preview-links__form">
              <label>
                For (newsroom or journalist)
                <input name="label" maxLength={120} />
              </label>
              <label>
                Expires after (hours)
                <input name="hours" type="number" min={1} max={336} defaultValue={72} />
              </label>
              <Button buttonStyle="secondary" size="small" onClick={() => void createLink()}>
                Create preview link
              </Button>
            </div>
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
                      <td>{link.lastUsedAt ? `${embargoTime(link.lastUsedAt)} (${link.useCount} uses)` : 'Not used yet'}</td>
                      <td>{link.status}</td>
                      <td>
                        {link.status === 'active' ? (
                          <Button buttonStyle="secondary" size="small" onClick={() => void revoke(link.id)}>
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
        ) : null}
        <div className="newsroom-workflow__close">
          <Button buttonStyle="secondary" onClick={() => dialog.current?.close()}>
            Close
          </Button>
        </div>
      </dialog>,
      document.body,
      )}
    </>
  )
}

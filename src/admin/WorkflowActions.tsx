'use client'
import { Button, toast, useConfig, useDocumentInfo, useForm, useFormModified } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { createPortal } from 'react-dom'

import { embargoLine, ukInputValue } from '../fields/ukTime'
import { STATE_LABELS as STATE_NAMES } from '../workflow/machine'
import type { availableTransitions, TransitionParams } from '../workflow/perform'
import {
  AFTER_PUBLICATION,
  AfterPublicationFields,
  LegalCheckFields,
  TAKEDOWNS,
} from './AfterPublicationFields'
import { MediaListPanel } from './MediaListPanel'
import { PreviewLinksPanel } from './PreviewLinksPanel'
import { serverProblem } from './serverProblem'
import { WithdrawalNotice } from './WithdrawalNotice'

/** What GET /api/news/:id/workflow answers. */
type Workflow = Awaited<ReturnType<typeof availableTransitions>>
type Action = Workflow['actions'][number]

/** A form's text as the server wants it: an empty field is no value. */
const valuesOf = (form: HTMLFormElement) => {
  const data = new FormData(form)
  return (name: string): string | undefined => {
    const value = data.get(name)
    return typeof value === 'string' && value !== '' ? value : undefined
  }
}

/**
 * The workflow, in place of Payload's Publish button: where the release stands, the
 * transitions this person may take from there (each asking for what it needs, a legal check
 * among them while proceedings are active), for a scheduled release its preview links for
 * journalists, and for a scheduled or published one "Send to the media list" with its send log.
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
  // Each opening shows the preview links afresh.
  const [openings, setOpenings] = useState(0)

  const base = `${api}/news/${id}`

  const load = useCallback(async () => {
    if (!id) return
    const response = await fetch(`${base}/workflow`, { credentials: 'include' })
    if (response.ok) setWorkflow(await response.json())
  }, [base, id])

  useEffect(() => {
    void load()
  }, [load])

  if (!id)
    return <span className="newsroom-workflow__hint">Save a draft to start the workflow.</span>
  if (!workflow) return null

  const open = () => {
    setChosen(null)
    setProblem(null)
    setOpenings((n) => n + 1)
    // A case may have become active since the page was opened: what the actions need is asked afresh.
    void load()
    dialog.current?.showModal()
  }

  /** Unsaved edits go with the action: saved as a draft first. */
  const saveEdits = async () => {
    if (!modified) return true
    const saved = await submit({
      action: `${base}?draft=true&depth=0`,
      method: 'PATCH',
      overrides: { _status: 'draft' },
      skipValidation: true,
    })
    return Boolean(saved?.res?.ok)
  }

  const take = async (event: FormEvent<HTMLFormElement>) => {
    // The dialog sits in a portal inside Payload's document form: its submit must not reach that form.
    event.preventDefault()
    event.stopPropagation()
    if (!chosen) return
    const value = valuesOf(event.currentTarget)
    if (chosen.needs.includes('note') && !value('note')?.trim()) {
      setProblem('Add a note: it is required for this step.')
      return
    }
    if (chosen.needs.includes('publishAt') && !value('publishAtLocal')) {
      setProblem('Give the date and time the embargo lifts, as dd/mm/yyyy hh:mm in UK time.')
      return
    }
    if (TAKEDOWNS.includes(chosen.action) && value('confirm') !== 'on') {
      setProblem('Tick the box to confirm: what is deleted cannot be brought back.')
      return
    }
    if (
      chosen.needsLegalCheck &&
      (!value('legalConfirmedBy')?.trim() || !value('legalReason')?.trim())
    ) {
      setProblem('Record the legal check first: who confirmed this may go out, and why.')
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
    const body: TransitionParams = { note: value('note') }
    if (chosen.action === 'withdraw') body.internalNote = value('internalNote')
    if (chosen.action === 'reschedule') body.keepPreviewLinks = value('keepPreviewLinks') === 'on'
    if (chosen.needs.includes('publishAt')) {
      body.publishAtLocal = value('publishAtLocal')
      body.ukZone = value('ukZone') as TransitionParams['ukZone']
    }
    if (chosen.needs.includes('change')) {
      body.change = value('change') as TransitionParams['change']
      // Only a major change can be e-mailed; the box means nothing for a minor one.
      if (body.change === 'major') body.alertSubscribers = value('alertSubscribers') === 'on'
    }
    if (chosen.needs.includes('retirement'))
      body.retirement = {
        mode: value('retirementMode') as 'gone' | 'redirect',
        redirectTo: value('redirectTo'),
      }
    if (chosen.needsForce) {
      body.force = value('force') === 'on'
      body.forceReason = value('forceReason')
    }
    if (chosen.needsLegalCheck)
      body.legalCheck = { confirmedBy: value('legalConfirmedBy'), reason: value('legalReason') }
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
        setProblem(await serverProblem(response))
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

  const summary =
    workflow.state === 'scheduled' && workflow.publishAt
      ? `Scheduled: embargoed until ${embargoLine(workflow.publishAt)}`
      : STATE_NAMES[workflow.state]

  return (
    <>
      <Button
        buttonStyle="primary"
        size="medium"
        onClick={open}
        className="newsroom-workflow__open"
      >
        Workflow: {STATE_NAMES[workflow.state]}
      </Button>
      {createPortal(
        <dialog
          ref={dialog}
          className="newsroom-workflow"
          aria-labelledby="newsroom-workflow-title"
        >
          <h2 id="newsroom-workflow-title">Workflow</h2>
          <p className="newsroom-workflow__state">{summary}</p>
          {workflow.pendingChanges &&
          workflow.state !== 'draft' &&
          workflow.state !== 'in-review' ? (
            <p>There are saved changes that are not published yet.</p>
          ) : null}
          {problem ? (
            <p className="newsroom-workflow__problem" role="alert">
              {problem}
            </p>
          ) : null}
          {!chosen ? (
            <div className="newsroom-workflow__actions">
              {workflow.actions.length === 0 ? (
                <p>There is nothing you can do with this release from here.</p>
              ) : null}
              {workflow.actions.map((action) => (
                <Button
                  key={action.action}
                  buttonStyle="secondary"
                  onClick={() => setChosen(action)}
                >
                  {action.label}
                </Button>
              ))}
            </div>
          ) : (
            <form
              className="newsroom-workflow__form"
              role="group"
              aria-labelledby="newsroom-workflow-action"
              noValidate
              onSubmit={(event) => void take(event)}
            >
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
                    <input type="radio" name="change" value="minor" defaultChecked /> Minor (a typo,
                    a better picture): nothing shown on the page
                  </label>
                  <label>
                    <input type="radio" name="change" value="major" /> Major (new facts): shown on
                    the page as “Updated …” with your note
                  </label>
                  <label>
                    <input type="checkbox" name="alertSubscribers" /> For a major change: e-mail the
                    public who subscribed to this news that it has been updated
                  </label>
                </fieldset>
              ) : null}
              {chosen.needs.includes('retirement') ? (
                <fieldset>
                  <legend>What should the old address do?</legend>
                  <label>
                    <input type="radio" name="retirementMode" value="gone" defaultChecked /> Say it
                    has gone (410)
                  </label>
                  <label>
                    <input type="radio" name="retirementMode" value="redirect" /> Send readers to
                    another address
                  </label>
                  <label>
                    Address to send them to
                    <input
                      type="text"
                      name="redirectTo"
                      placeholder="/news/corrected-release or https://…"
                    />
                  </label>
                </fieldset>
              ) : null}
              {chosen.action === 'reschedule' ? (
                <label>
                  <input type="checkbox" name="keepPreviewLinks" defaultChecked /> Keep the preview
                  links already given out working
                  <span className="newsroom-workflow__hint">
                    Untick to revoke them all: whoever holds one is told the link has been
                    withdrawn.
                  </span>
                </label>
              ) : null}
              {chosen.action === 'unschedule' ? (
                <p>
                  Every preview link for this release stops working; make new ones when it is
                  scheduled again.
                </p>
              ) : null}
              {chosen.needsForce ? (
                <fieldset>
                  <legend>You submitted this release</legend>
                  <p>
                    Another editor should approve it. If it cannot wait, force it and say why: your
                    reason is recorded in its history.
                  </p>
                  <label>
                    <input type="checkbox" name="force" /> Approve my own release
                  </label>
                  <label>
                    Reason
                    <textarea name="forceReason" rows={2} />
                  </label>
                </fieldset>
              ) : null}
              {chosen.needsLegalCheck ? (
                <LegalCheckFields proceedings={workflow.proceedings} />
              ) : null}
              {chosen.action === 'withdraw' ? (
                <WithdrawalNotice />
              ) : AFTER_PUBLICATION.includes(chosen.action) ? (
                <AfterPublicationFields action={chosen.action} />
              ) : (
                <label>
                  {chosen.needs.includes('note') ? 'Note (required)' : 'Note (optional)'}
                  <textarea name="note" rows={3} required={chosen.needs.includes('note')} />
                </label>
              )}
              <div className="newsroom-workflow__buttons">
                <Button buttonStyle="primary" disabled={busy} type="submit">
                  {chosen.label}
                </Button>
                <Button buttonStyle="secondary" onClick={() => setChosen(null)}>
                  Back
                </Button>
              </div>
            </form>
          )}
          {/* Each opening makes the panels afresh (their keys): they read the release as it is now. */}
          {workflow.state === 'scheduled' && !chosen && openings > 0 ? (
            <PreviewLinksPanel
              key={`preview-links-${openings}`}
              release={base}
              onProblem={setProblem}
            />
          ) : null}
          {!chosen && openings > 0 ? (
            <MediaListPanel key={`media-list-${openings}`} release={base} onProblem={setProblem} />
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

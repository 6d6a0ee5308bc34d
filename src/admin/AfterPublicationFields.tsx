'use client'
import { useFormFields } from '@payloadcms/ui'

import { adminTime } from '../fields/ukTime'
import { ARRESTED_NOTE, FOUND_NOTICE, FOUND_TITLE } from '../releases/kinds'
import type { TransitionName } from '../workflow/machine'
import type { Proceedings } from '../workflow/plans'

/** What happens to a police release after it is out (src/workflow/machine.ts): each asks for its own words. */
export const AFTER_PUBLICATION: TransitionName[] = [
  'found',
  'arrested',
  'charged',
  'closeAppeal',
  'keepPictures',
]

/** Takedowns delete what cannot be brought back: the dialog asks for a tick before either. */
export const TAKEDOWNS: TransitionName[] = ['found', 'arrested']

/** The person the release names in its fields, as the form has it now. */
const usePerson = () =>
  useFormFields(([fields]) => {
    const name = ['missingPerson.name', 'wanted.name', 'courtResult.defendantName']
      .map((path) => fields[path]?.value)
      .find((value) => typeof value === 'string' && value.trim())
    return typeof name === 'string' ? name.trim() : null
  })

type NoteProps = { label: string; hint?: string; required?: boolean; defaultValue?: string }

const Note = ({ label, hint, required, defaultValue }: NoteProps) => (
  <label>
    {label} ({required ? 'required' : 'optional'})
    {hint ? <span className="newsroom-workflow__hint">{hint}</span> : null}
    <textarea
      name="note"
      rows={3}
      required={required}
      maxLength={2000}
      defaultValue={defaultValue}
    />
  </label>
)

const HISTORY_ONLY = 'Kept in the release’s history for the newsroom; never shown to the public.'

/** What the public will read instead, drawn as plainly as the withdrawal's preview. */
const Preview = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <figure className="newsroom-withdrawal-preview" aria-label={title}>
    <figcaption>{title}</figcaption>
    <div className="newsroom-withdrawal-preview__notice">{children}</div>
  </figure>
)

/**
 * What "Found", "Arrested", "Charged", "Close the appeal" and "Keep the pictures" ask for in the
 * Workflow dialog, each saying first what it does: the takedowns what they delete for good
 * (with a box to tick), "Charged" what it starts, "Keep the pictures" until when. In place of
 * the dialog's usual note.
 */
export const AfterPublicationFields = ({ action }: { action: TransitionName }) => {
  const person = usePerson()
  const reviewAt = useFormFields(([fields]) => fields['after.reviewAt']?.value)
  switch (action) {
    case 'found':
      return (
        <>
          <fieldset className="newsroom-takedown">
            <legend>Deleted now, for good</legend>
            <p>
              {person ? `${person}’s name` : 'Their name'}, age, description, where they were last
              seen and photo (every size), with the headline, summary, body and hero image, from
              this release and from every earlier version of it. Nothing can bring them back, and
              the release cannot be reinstated.
            </p>
            <p>
              It leaves the listings, search, the feeds and the sitemaps; e-mail alerts not yet sent
              are cancelled. Its address stays, with only this:
            </p>
            <Preview title="What the public will read">
              <strong>{FOUND_TITLE}</strong>
              <p>{FOUND_NOTICE}</p>
            </Preview>
            <label>
              <input type="checkbox" name="confirm" />{' '}
              {person ? `${person} has been found` : 'The person has been found'}: delete what we
              published about them
            </label>
          </fieldset>
          <Note
            label="Note for the history"
            hint={`${HISTORY_ONLY} Do not name them: the history keeps it.`}
          />
        </>
      )
    case 'arrested':
      return (
        <fieldset className="newsroom-takedown">
          <legend>Deleted now, for good</legend>
          <p>
            The photo (every size), from the page, the feeds and the copy for the media. What the
            release says stays, with this line on the page as “Updated …”:
          </p>
          <Note
            label="Line shown on the page"
            hint="Say no more than that they have been arrested."
            defaultValue={ARRESTED_NOTE}
          />
          <label>
            <input type="checkbox" name="confirm" />{' '}
            {person ? `${person} has been arrested` : 'The person has been arrested'}: delete the
            photo
          </label>
        </fieldset>
      )
    case 'charged':
      return (
        <>
          <p>
            This release is marked as under active proceedings (Contempt of Court Act 1981). From
            now on, publishing it or changes to it
            {person
              ? `, or any release that names ${person},`
              : ' (it names nobody in its own fields, so other releases are not checked for a name)'}{' '}
            needs a legal check recorded in this dialog, and each shows a warning at the top.
          </p>
          <Note
            label="Who is charged with what, and when they appear in court"
            hint="Shown in the warning to whoever edits a release that names them, and kept in the history."
            required
          />
        </>
      )
    case 'closeAppeal':
      return (
        <>
          <p>
            The ways to answer the appeal are replaced on the page by “This appeal is now closed”,
            with today’s date.
          </p>
          <Note label="Note for the history" hint={HISTORY_ONLY} />
        </>
      )
    case 'keepPictures':
      return (
        <>
          <p>
            {typeof reviewAt === 'string'
              ? `Its pictures are due for review at ${adminTime(reviewAt)}, and come down then unless kept. `
              : ''}
            If you keep them, they are reviewed again after the time in the site settings (12 months
            unless set), counted from today.
          </p>
          <Note
            label="Why the pictures are still needed"
            hint="Recorded in the history."
            required
          />
        </>
      )
    default:
      return null
  }
}

/**
 * The legal check, asked before anything naming someone under active proceedings goes out
 * (src/workflow/plans.ts, legalCheck): who confirmed it, and why; both are recorded.
 */
export const LegalCheckFields = ({ proceedings }: { proceedings: Proceedings[] }) => (
  <fieldset className="newsroom-legal-check">
    <legend>Legal check: active proceedings</legend>
    <p>{proceedings.length === 1 ? 'This case is active:' : 'These cases are active:'}</p>
    <ul>
      {proceedings.map((p) => (
        <li key={p.id}>
          <strong>{p.title}</strong>
          {p.note ? `: ${p.note}` : ''}
        </li>
      ))}
    </ul>
    <p>
      Before this goes out, someone able to judge the risk to a fair trial must confirm it may. Both
      answers are recorded in the history.
    </p>
    <label>
      Legal check: confirmed by (required)
      <span className="newsroom-workflow__hint">Their name and role.</span>
      <input type="text" name="legalConfirmedBy" maxLength={200} autoComplete="off" />
    </label>
    <label>
      Why it may go out (required)
      <textarea name="legalReason" rows={2} maxLength={2000} />
    </label>
  </fieldset>
)

'use client'
import { useField, useFormFields } from '@payloadcms/ui'
import type { SelectFieldClientComponent } from 'payload'

import { isKind, KIND_LABELS, KINDS, type Kind } from '../releases/kinds'

/** What choosing each kind brings, in a line: the fields below and what happens after. */
const WHAT_IT_ADDS: Record<Kind, string> = {
  news: 'Anything else: an incident, a result, advice, an event.',
  appeal:
    'The crime reference, when and where, what we want to know; 101, online, Crimestoppers and 999 on the page. Closed from the Workflow dialog.',
  'missing-person':
    'Their name, age, description, where last seen and a photo; all deleted when they are found.',
  wanted: 'Their name, age, area, what for and a photo; the photo deleted when they are arrested.',
  'court-result':
    'The defendant, the court, the offences and the sentence; a custody image reviewed after a set time.',
}

/**
 * The kind of release, chosen as it is written: every choice in sight with what it brings,
 * rather than a drop-down that hides them. Once the release has been scheduled or published
 * the kind is fixed (field access refuses a change: collections/News/kinds.ts), and this says
 * so instead of offering a choice that would not be saved.
 */
export const KindField: SelectFieldClientComponent = ({ field, path, readOnly }) => {
  const { value, setValue } = useField<string>({ path })
  const publishAt = useFormFields(([fields]) => fields.publishAt?.value)
  const kind: Kind = isKind(value) ? value : 'news'
  const description = typeof field.admin?.description === 'string' ? field.admin.description : ''

  if (readOnly)
    return (
      <div className="field-type newsroom-kind">
        <div className="field-label">Kind of release</div>
        <p className="newsroom-kind__fixed" data-testid="release-kind">
          {KIND_LABELS[kind]}
        </p>
        {publishAt ? (
          <p className="newsroom-kind__hint">
            The kind cannot change once a release has been scheduled or published. If it should be
            another kind, write a new release.
          </p>
        ) : null}
      </div>
    )

  return (
    <fieldset className="field-type newsroom-kind" id="field-kind">
      <legend className="field-label">What kind of release is this?</legend>
      {description ? <p className="newsroom-kind__hint">{description}</p> : null}
      <div className="newsroom-kind__choices">
        {KINDS.map((choice) => (
          <label key={choice} className="newsroom-kind__choice">
            <input
              type="radio"
              name="newsroom-kind"
              value={choice}
              checked={kind === choice}
              onChange={() => setValue(choice)}
            />
            <span>
              <strong>{KIND_LABELS[choice]}</strong>
              <span className="newsroom-kind__hint">{WHAT_IT_ADDS[choice]}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

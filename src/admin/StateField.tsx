'use client'
import { useFormFields } from '@payloadcms/ui'

import type { StoredState } from '../workflow/machine'
import { stateLabel } from '../releases/state'

const useStateLabel = () => {
  const workflowState = useFormFields(([fields]) => fields.workflowState?.value) as
    StoredState | undefined
  const publishAt = useFormFields(([fields]) => fields.publishAt?.value) as string | undefined
  const withdrawnAt = useFormFields(([fields]) => fields['withdrawal.withdrawnAt']?.value) as
    string | undefined
  return stateLabel({ workflowState, publishAt, withdrawal: { withdrawnAt } })
}

const className = (label: string) =>
  `newsroom-state newsroom-state--${label.split(' ')[0]!.toLowerCase()}`

/** The release's state in the edit view's sidebar, in words. */
export const StateField = () => {
  const label = useStateLabel()
  return (
    <div className="field-type newsroom-state-field">
      <div className="field-label">State</div>
      <p className={className(label)} data-testid="release-state">
        {label}
      </p>
    </div>
  )
}

/** In place of Payload's "Status: Published", which would say published for a release still under embargo. */
export const StateStatus = () => {
  const label = useStateLabel()
  return (
    <div className="newsroom-state-status">
      State: <span className={className(label)}>{label}</span>
    </div>
  )
}

'use client'
import { useField } from '@payloadcms/ui'

import { adminTime } from '../fields/ukTime'

/**
 * Whether the public can see this quote, report link or picture, in words: it is theirs from
 * the moment the first release using it goes out (src/embargo/publicFrom.ts), which nobody
 * sets by hand, so an empty date box would only puzzle.
 */
export const PublicFromField = ({ path }: { path: string }) => {
  const { value } = useField<string | null>({ path })
  const at = value ? new Date(value) : null
  const sentence = !at
    ? 'Not public: no published release uses it yet. It becomes public when the first release that uses it goes out.'
    : at.getTime() <= Date.now()
      ? at.getTime() === 0
        ? 'Public: it is the force’s logo in the site settings.'
        : `Public since ${adminTime(at)}, when the first release using it went out.`
      : `Under embargo: public from ${adminTime(at)}, when the first release using it goes out.`
  return (
    <div className="field-type newsroom-public-from">
      <div className="field-label">Who can see it</div>
      <p className="newsroom-public-from__words">{sentence}</p>
    </div>
  )
}

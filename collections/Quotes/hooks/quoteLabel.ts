import type { FieldHook } from 'payload'

/** "Jane Smith, Deputy Chief Constable: Officers worked through the night…", for pickers and lists. */
export const quoteLabel: FieldHook = ({ siblingData }) => {
  const who = [siblingData.speakerName, siblingData.speakerRole].filter(Boolean).join(', ')
  const text = String(siblingData.text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
  const words = text.length > 70 ? `${text.slice(0, 70).replace(/\s+\S*$/, '')}…` : text
  return `${who}: ${words}`
}

import type { FieldHook } from 'payload'

/** A contact who receives releases again has no reason for not receiving them left beside their name. */
export const clearStopReason: FieldHook = ({ value, siblingData }) =>
  siblingData.receiving === false ? value : null

import type { FieldHook } from 'payload'

/**
 * Addresses are kept trimmed and in lower case: "Sam.Reporter@Echo.example" and
 * "sam.reporter@echo.example" are one mailbox, and must be one contact (the field is unique).
 */
export const normaliseEmail: FieldHook = ({ value }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value

import type { FlattenedField } from 'payload'

import { slateProblem } from '../richtext/slate'

export type ShapeProblem = { path: string; message: string }
/** A reference to another document, to be looked up once the shape is known to be right. */
export type Reference = { path: string; collection: string; id: number | string }

type Options = {
  /** Keys allowed at the top level beyond the fields (id, timestamps, password…). */
  extraTopLevel: Set<string>
  /** Whether ids are numbers (SQLite, PostgreSQL) or ObjectId strings (MongoDB). */
  idsAreNumbers: boolean
}

const describe = (value: unknown) =>
  value === null
    ? 'nothing'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : typeof value === 'string'
          ? 'text'
          : `the ${typeof value} ${String(value).slice(0, 40)}`

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * Checks data sent to the API against a collection's or global's fields, before Payload
 * touches it: every key is a field, every value has its field's type, rich text is a
 * Slate document, and references are ids. Payload itself would quietly drop an unknown
 * field, turn a number into a title, and fail deep in the database on an array where text
 * belongs; here each is a message naming the field. Returns the problems (none when the
 * data is good) and the references to look up.
 */
export const checkInputShape = (data: unknown, fields: FlattenedField[], options: Options) => {
  const problems: ShapeProblem[] = []
  const references: Reference[] = []
  const problem = (path: string, message: string) => void problems.push({ path, message })

  const checkId = (path: string, collection: string, value: unknown) => {
    const id = isRecord(value) && 'id' in value ? value.id : value
    const ok = options.idsAreNumbers
      ? (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) ||
        (typeof id === 'string' && /^\d{1,15}$/.test(id))
      : typeof id === 'string' && /^[0-9a-f]{24}$/i.test(id)
    if (!ok) return problem(path, `${describe(id)} is not the id of a document in "${collection}".`)
    references.push({ path, collection, id: options.idsAreNumbers ? Number(id) : (id as string) })
  }

  const checkReference = (
    path: string,
    field: Extract<FlattenedField, { type: 'relationship' | 'upload' }>,
    value: unknown,
  ) => {
    if (Array.isArray(field.relationTo)) {
      if (
        !isRecord(value) ||
        typeof value.relationTo !== 'string' ||
        !field.relationTo.includes(value.relationTo as never)
      ) {
        return problem(
          path,
          `Give { relationTo, value } with relationTo one of ${field.relationTo.join(', ')}.`,
        )
      }
      return checkId(path, value.relationTo, value.value)
    }
    return checkId(path, field.relationTo, value)
  }

  const checkValue = (path: string, field: FlattenedField, value: unknown): void => {
    if (value === null || value === undefined) return
    const hasMany = 'hasMany' in field && field.hasMany === true
    if (hasMany && ['text', 'number', 'select', 'relationship', 'upload'].includes(field.type)) {
      if (!Array.isArray(value))
        return problem(path, `"${field.name}" takes a list, not ${describe(value)}.`)
      return value.forEach((item, i) => checkOne(`${path}.${i}`, field, item))
    }
    return checkOne(path, field, value)
  }

  const checkOne = (path: string, field: FlattenedField, value: unknown): void => {
    switch (field.type) {
      case 'text':
      case 'textarea':
      case 'email':
      case 'code':
      case 'radio':
      case 'select':
        if (typeof value !== 'string')
          problem(path, `"${field.name}" takes text, not ${describe(value)}.`)
        return
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value))
          problem(path, `"${field.name}" takes a number, not ${describe(value)}.`)
        return
      case 'checkbox':
        if (typeof value !== 'boolean')
          problem(path, `"${field.name}" takes true or false, not ${describe(value)}.`)
        return
      case 'date':
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
          problem(
            path,
            `"${field.name}" takes a date and time such as 2026-11-23T09:30:00.000Z, not ${describe(value)}.`,
          )
        return
      case 'point':
        if (
          !Array.isArray(value) ||
          value.length !== 2 ||
          !value.every((n) => typeof n === 'number' && Number.isFinite(n))
        )
          problem(path, `"${field.name}" takes [longitude, latitude].`)
        return
      case 'richText': {
        const message = slateProblem(value)
        if (message) problem(path, message)
        return
      }
      case 'relationship':
      case 'upload':
        return checkReference(path, field, value)
      case 'group':
      case 'tab':
        if (!isRecord(value))
          return problem(path, `"${field.name}" takes an object of fields, not ${describe(value)}.`)
        return checkObject(path, field.flattenedFields, value, new Set())
      case 'array':
        if (!Array.isArray(value))
          return problem(path, `"${field.name}" takes a list, not ${describe(value)}.`)
        return value.forEach((row, i) => {
          if (!isRecord(row))
            return problem(
              `${path}.${i}`,
              `Each of "${field.name}" must be an object of fields, not ${describe(row)}.`,
            )
          checkObject(`${path}.${i}`, field.flattenedFields, row, ROW_KEYS)
        })
      case 'blocks':
        if (!Array.isArray(value))
          return problem(path, `"${field.name}" takes a list of blocks, not ${describe(value)}.`)
        return value.forEach((row, i) => {
          const block = isRecord(row)
            ? field.blocks.find((candidate) => candidate.slug === row.blockType)
            : undefined
          if (!block || !isRecord(row))
            return problem(
              `${path}.${i}`,
              `Each of "${field.name}" must be a block with a blockType of ${field.blocks.map((b) => b.slug).join(', ')}.`,
            )
          checkObject(`${path}.${i}`, block.flattenedFields, row, BLOCK_KEYS)
        })
      default:
        // json and join fields: Payload checks json itself, and ignores joins on a write.
        return
    }
  }

  const checkObject = (
    prefix: string,
    objectFields: FlattenedField[],
    value: Record<string, unknown>,
    extra: Set<string>,
  ) => {
    const byName = new Map(objectFields.map((field) => [field.name, field]))
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key
      const field = byName.get(key)
      if (field) checkValue(path, field, child)
      else if (!extra.has(key)) problem(path, `There is no field "${key.slice(0, 60)}" here.`)
    }
  }

  if (!isRecord(data))
    problems.push({ path: '', message: `Send the fields as a JSON object, not ${describe(data)}.` })
  else checkObject('', fields, data, options.extraTopLevel)
  return { problems, references }
}

const ROW_KEYS = new Set(['id'])
const BLOCK_KEYS = new Set(['id', 'blockType', 'blockName'])

/** Reading Slate rich text as Payload's slate editor stores it. */

export type SlateLeaf = {
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strikethrough?: boolean
  code?: boolean
}
export type SlateElement = {
  type?: string
  url?: string
  newTab?: boolean
  children?: SlateNode[]
  [key: string]: unknown
}
export type SlateNode = SlateLeaf | SlateElement

export const isLeaf = (node: SlateNode): node is SlateLeaf =>
  typeof (node as SlateLeaf).text === 'string'

const BLOCKS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'p',
  undefined,
])

/** The words of a Slate document, one block to a line. */
export const slateToPlainText = (nodes: unknown): string => {
  if (!Array.isArray(nodes)) return ''
  const lines: string[] = []
  const walk = (node: SlateNode): string => {
    if (isLeaf(node)) return node.text
    return (node.children ?? []).map(walk).join('')
  }
  for (const node of nodes as SlateNode[]) {
    if (!isLeaf(node) && (node.type === 'ul' || node.type === 'ol')) {
      for (const item of node.children ?? []) lines.push(walk(item))
    } else if (isLeaf(node) || BLOCKS.has(node.type)) {
      lines.push(walk(node))
    } else {
      lines.push(walk(node))
    }
  }
  return lines
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/**
 * A link's address if it is safe to put in an href: http, https, mailto and tel, or a
 * path on this site. Anything else (javascript:, data:, vbscript:…) gives null and the
 * words are shown without a link.
 */
export const safeHref = (url: unknown): string | null => {
  if (typeof url !== 'string') return null
  const trimmed = url.trim()
  if (/^\/(?!\/)/.test(trimmed) && !/[\s\\]/.test(trimmed)) return trimmed
  try {
    const parsed = new URL(trimmed)
    return SAFE_SCHEMES.has(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}

/** "Café" → "Cafe": searches match whether or not either side has the accents. */
export const foldAccents = (text: string): string =>
  text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')

/** The elements an editor can make in a release's body (the admin's toolbar offers these). */
export const BODY_ELEMENTS = [
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'link',
  'blockquote',
  'relationship',
] as const
/** The marks an editor can put on words. */
export const BODY_LEAVES = ['bold', 'italic'] as const

const KNOWN_ELEMENTS = new Set<string | undefined>([undefined, 'p', 'li', ...BODY_ELEMENTS])
const MAX_NESTING = 8
const MAX_NODES = 20_000

/**
 * What is wrong with a value offered as a Slate document, in words for the person who sent
 * it, or null when it is one. Checked without recursion, so no document can exhaust the
 * stack: a list of elements, each with children, down to text leaves; only the elements the
 * editor offers; links only to web, email or phone addresses or pages on this site.
 */
export const slateProblem = (value: unknown): string | null => {
  if (value === null || value === undefined) return null
  if (!Array.isArray(value))
    return 'Rich text must be a list of paragraphs (a Slate document), not ' + describe(value) + '.'
  const stack: { node: unknown; depth: number }[] = value.map((node) => ({ node, depth: 1 }))
  let seen = 0
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!
    if (++seen > MAX_NODES)
      return `Rich text may hold at most ${MAX_NODES.toLocaleString('en-GB')} pieces; split this text up.`
    if (depth > MAX_NESTING) return `Rich text may be nested at most ${MAX_NESTING} deep.`
    if (node === null || typeof node !== 'object' || Array.isArray(node))
      return `Each piece of rich text must be an element or a piece of text, not ${describe(node)}.`
    const record = node as Record<string, unknown>
    if ('text' in record) {
      if (typeof record.text !== 'string') return 'The text of rich text must be text.'
      for (const [key, mark] of Object.entries(record)) {
        if (key !== 'text' && typeof mark !== 'boolean')
          return `"${key.slice(0, 40)}" on a piece of rich text must be true or false.`
      }
      continue
    }
    const type = record.type
    if (type !== undefined && typeof type !== 'string')
      return 'The type of a rich text element must be text.'
    if (!KNOWN_ELEMENTS.has(type))
      return `Rich text cannot hold a "${String(type).slice(0, 40)}" element.`
    if (type === 'relationship') {
      const value = record.value as { id?: unknown } | null | undefined
      if (!(INLINE_BLOCK_COLLECTIONS as readonly unknown[]).includes(record.relationTo))
        return 'A block in rich text may be a quote ("quotes") or a report link ("report-links").'
      if (
        !value ||
        typeof value !== 'object' ||
        (typeof value.id !== 'number' && typeof value.id !== 'string')
      )
        return 'A quote or report link in rich text needs the id of the one it shows: "value": { "id": … }.'
    }
    if (type === 'link' && record.linkType !== 'internal' && safeHref(record.url) === null) {
      return `A link goes to "${String(record.url ?? '').slice(0, 80)}": links may go to web addresses (https://…), email (mailto:), phone numbers (tel:) or pages on this site.`
    }
    if (!Array.isArray(record.children) || record.children.length === 0)
      return 'Each rich text element must have children (at least one piece of text).'
    for (const child of record.children) stack.push({ node: child, depth: depth + 1 })
  }
  return null
}

const describe = (value: unknown) =>
  value === null
    ? 'nothing'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : `${typeof value} ${JSON.stringify(value).slice(0, 40)}`

/** The collections a release's body may embed as a block (a quote, a report link), and nothing else. */
export const INLINE_BLOCK_COLLECTIONS = ['quotes', 'report-links'] as const
export type InlineBlockCollection = (typeof INLINE_BLOCK_COLLECTIONS)[number]

/** The ids of the documents of `collection` that a Slate document embeds, in order, once each. */
export const embeddedIds = (
  nodes: unknown,
  collection: InlineBlockCollection,
): (number | string)[] => {
  const found: (number | string)[] = []
  const stack = Array.isArray(nodes) ? [...nodes].reverse() : []
  while (stack.length) {
    const node = stack.pop() as SlateElement | undefined
    if (!node || typeof node !== 'object') continue
    if (node.type === 'relationship' && node.relationTo === collection) {
      const value = node.value as { id?: unknown } | null | undefined
      const id = value && typeof value === 'object' ? value.id : undefined
      if (
        (typeof id === 'number' || typeof id === 'string') &&
        !found.some((seen) => String(seen) === String(id))
      )
        found.push(id)
    }
    if (Array.isArray(node.children)) stack.push(...[...node.children].reverse())
  }
  return found
}

/** Reading Slate rich text as Payload's slate editor stores it. */

export type SlateLeaf = { text: string; bold?: boolean; italic?: boolean; underline?: boolean; strikethrough?: boolean; code?: boolean }
export type SlateElement = { type?: string; url?: string; newTab?: boolean; children?: SlateNode[]; [key: string]: unknown }
export type SlateNode = SlateLeaf | SlateElement

export const isLeaf = (node: SlateNode): node is SlateLeaf => typeof (node as SlateLeaf).text === 'string'

const BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'p', undefined])

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
  return lines.map((line) => line.trim()).filter(Boolean).join('\n')
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
export const foldAccents = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')

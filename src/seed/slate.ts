/** Small builders for Slate rich text, as Payload's slate editor stores it. */

export type SlateText = { text: string; bold?: boolean; italic?: boolean }
export type SlateElement = {
  type?: string
  url?: string
  linkType?: string
  newTab?: boolean
  children: SlateNode[]
}
export type SlateNode = SlateText | SlateElement

type Inline = string | SlateNode

const inline = (part: Inline): SlateNode => (typeof part === 'string' ? { text: part } : part)

export const p = (...parts: Inline[]): SlateElement => ({ children: parts.map(inline) })
export const h2 = (text: string): SlateElement => ({ type: 'h2', children: [{ text }] })
export const h3 = (text: string): SlateElement => ({ type: 'h3', children: [{ text }] })
export const bold = (text: string): SlateText => ({ text, bold: true })
export const link = (url: string, text: string): SlateElement => ({
  type: 'link',
  linkType: 'custom',
  url,
  newTab: false,
  children: [{ text }],
})
export const ul = (...items: Inline[][]): SlateElement => ({
  type: 'ul',
  children: items.map((parts) => ({ type: 'li', children: parts.map(inline) })),
})

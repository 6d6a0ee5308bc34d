import { parse } from 'parse5'

/** The page as a browser's parser sees it, to check structure rather than strings. */
type Node = {
  nodeName: string
  tagName?: string
  attrs?: { name: string; value: string }[]
  childNodes?: Node[]
  value?: string
  content?: Node
}

export type Element = { tag: string; attrs: Record<string, string>; text: string; node: Node }

const textOf = (node: Node): string =>
  node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join('')

export const parseHtml = (html: string) => {
  const root = parse(html) as unknown as Node
  const all: Element[] = []
  const walk = (node: Node) => {
    if (node.tagName) {
      all.push({
        tag: node.tagName,
        attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])),
        text: textOf(node),
        node,
      })
    }
    for (const child of node.childNodes ?? []) walk(child)
    if (node.content) walk(node.content)
  }
  walk(root)
  return {
    all,
    find: (tag: string) => all.filter((e) => e.tag === tag),
    one: (tag: string, predicate: (e: Element) => boolean = () => true) =>
      all.find((e) => e.tag === tag && predicate(e)),
    meta: (key: string) =>
      all.find((e) => e.tag === 'meta' && (e.attrs.property === key || e.attrs.name === key))?.attrs
        .content,
    text: textOf(root),
  }
}

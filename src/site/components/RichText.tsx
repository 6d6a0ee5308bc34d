import type { ReactNode } from 'react'

import type { Quote, ReportLink } from '../../payload-types'
import {
  isLeaf,
  safeHref,
  type SlateElement,
  type SlateLeaf,
  type SlateNode,
} from '../../richtext/slate'
import { QuoteFigure } from './QuoteFigure'
import { ReportCard } from './ReportCard'

const Leaf = ({ leaf }: { leaf: SlateLeaf }) => {
  // A soft line break inside a paragraph.
  const parts = leaf.text.split('\n')
  let node: ReactNode = parts.flatMap((part, i) => (i === 0 ? [part] : [<br key={i} />, part]))
  if (leaf.code) node = <code>{node}</code>
  if (leaf.bold) node = <strong>{node}</strong>
  if (leaf.italic) node = <em>{node}</em>
  if (leaf.strikethrough) node = <s>{node}</s>
  return <>{node}</>
}

const Children = ({ nodes }: { nodes?: SlateNode[] }) => (
  <>
    {(nodes ?? []).map((node, i) => (
      <Node key={i} node={node} />
    ))}
  </>
)

const Element = ({ element }: { element: SlateElement }) => {
  const children = <Children nodes={element.children} />
  switch (element.type) {
    // The page title is the only h1, so a heading in the body starts at h2.
    case 'h1':
    case 'h2':
      return <h2>{children}</h2>
    case 'h3':
      return <h3>{children}</h3>
    case 'h4':
    case 'h5':
    case 'h6':
      return <h4>{children}</h4>
    case 'ul':
      return <ul>{children}</ul>
    case 'ol':
      return <ol>{children}</ol>
    case 'li':
      return <li>{children}</li>
    case 'blockquote':
      return <blockquote>{children}</blockquote>
    case 'relationship': {
      // A quote or report link placed in the body: shown as on the rest of the page, when the
      // reader may see it (it came populated); otherwise left out.
      const value = element.value as { id?: number | string } | null | undefined
      if (!value || typeof value !== 'object' || !('createdAt' in value)) return null
      if (element.relationTo === 'quotes') return <QuoteFigure quote={value as Quote} />
      if (element.relationTo === 'report-links')
        return <ReportCard report={value as ReportLink} headingId={`report-${value.id}-inline`} />
      return null
    }
    case 'link': {
      const href = safeHref(element.url)
      if (!href) return children
      return element.newTab ? (
        <a href={href} rel="noopener noreferrer" target="_blank">
          {children}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : (
        <a href={href}>{children}</a>
      )
    }
    default:
      return <p>{children}</p>
  }
}

const Node = ({ node }: { node: SlateNode }) =>
  isLeaf(node) ? <Leaf leaf={node} /> : <Element element={node} />

/** A release's body, from Slate JSON to HTML on the server. React escapes every piece of text. */
export const RichText = ({ content }: { content: unknown }) => {
  if (!Array.isArray(content)) return null
  // Top-level text (not wrapped in an element) still belongs in a paragraph.
  return (
    <>
      {(content as SlateNode[]).map((node, i) =>
        isLeaf(node) ? (
          <p key={i}>
            <Leaf leaf={node} />
          </p>
        ) : (
          <Element key={i} element={node} />
        ),
      )}
    </>
  )
}

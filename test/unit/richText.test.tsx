/**
 * The body renderer's own defence, behind the API's refusal of dangerous links: rich text
 * that reached the database some other way (an import, an older version) still renders
 * inert. And the shape check that the API applies to every rich text field.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { slateProblem } from '../../src/richtext/slate'
import { RichText } from '../../src/site/components/RichText'
import { parseHtml } from '../helpers/html'

const HOSTILE_HREFS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox(1)',
  '//evil.example/x',
]

describe('rendering rich text', () => {
  it('keeps the words of a dangerous link but not the link', () => {
    for (const url of HOSTILE_HREFS) {
      const html = parseHtml(
        renderToStaticMarkup(
          <RichText
            content={[
              { children: [{ text: 'See ' }, { type: 'link', url, children: [{ text: 'this' }] }] },
            ]}
          />,
        ),
      )
      expect(html.find('a'), url).toEqual([])
      expect(html.text, url).toContain('See this')
    }
  })

  it('shows an element it does not know as its words only', () => {
    const html = parseHtml(
      renderToStaticMarkup(
        <RichText
          content={[
            {
              type: 'iframe',
              src: 'https://evil.example',
              children: [{ text: '<script>alert(1)</script>' }],
            },
          ]}
        />,
      ),
    )
    expect(html.find('iframe')).toEqual([])
    expect(html.find('script')).toEqual([])
    expect(html.text).toContain('<script>alert(1)</script>')
  })
})

describe('the shape of rich text', () => {
  it('accepts what the editor makes', () => {
    expect(
      slateProblem([
        { type: 'h2', children: [{ text: 'Heading' }] },
        {
          children: [
            { text: 'Plain ' },
            { text: 'bold', bold: true },
            {
              type: 'link',
              linkType: 'custom',
              url: 'https://www.police.uk/',
              newTab: true,
              children: [{ text: 'a link' }],
            },
          ],
        },
        { type: 'ul', children: [{ type: 'li', children: [{ text: 'One' }] }] },
        { type: 'link', url: '/news', children: [{ text: 'on this site' }] },
        { type: 'link', url: 'mailto:press@northmoor.police.uk', children: [{ text: 'email' }] },
      ]),
    ).toBeNull()
    expect(slateProblem(null)).toBeNull()
  })

  it('refuses what it is not, saying what is wrong', () => {
    expect(slateProblem('just text')).toMatch(/list of paragraphs/)
    expect(slateProblem([{ text: 5 }])).toMatch(/must be text/)
    expect(slateProblem([{ type: 'p', children: [] }])).toMatch(/children/)
    expect(slateProblem([{ type: 'script', children: [{ text: 'x' }] }])).toMatch(
      /cannot hold a "script"/,
    )
    expect(slateProblem([{ children: [{ text: 'x', onclick: 'alert(1)' }] }])).toMatch(
      /true or false/,
    )
    for (const url of HOSTILE_HREFS)
      expect(slateProblem([{ type: 'link', url, children: [{ text: 'x' }] }]), url).toMatch(
        /links may go to/,
      )
  })

  it('refuses nesting too deep for the page without using up the stack', () => {
    let deep: unknown = { text: 'bottom' }
    for (let i = 0; i < 100_000; i++) deep = { type: 'blockquote', children: [deep] }
    expect(slateProblem([deep])).toMatch(/nested at most/)
  })
})

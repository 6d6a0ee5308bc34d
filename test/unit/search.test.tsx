import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { highlight } from '../../src/site/pages/SearchPage'
import { parseQuery } from '../../src/site/search'

describe('reading a search', () => {
  it('takes words, folds accents and case, and drops repeats and punctuation', () => {
    expect(parseQuery('  Café CAFE "road-closure" ').words).toEqual(['cafe', 'road', 'closure'])
    expect(parseQuery('officer’s').words).toEqual(['officer’s'])
  })

  it('refuses a search over 200 characters and a repeated parameter', () => {
    expect(parseQuery('a'.repeat(201)).error).toContain('200 characters')
    expect(parseQuery(['a', 'b']).error).toBeTruthy()
  })
})

describe('highlighting', () => {
  const html = (text: string, words: string[]) => renderToStaticMarkup(<>{highlight(text, words)}</>)

  it('marks every match, whether or not it has accents, and escapes the rest', () => {
    expect(html('Café and cafe <b>', ['cafe'])).toBe('<mark>Café</mark> and <mark>cafe</mark> &lt;b&gt;')
  })

  it('keeps its place past characters outside the basic plane', () => {
    expect(html('🚓 Police appeal 🚓 police', ['police'])).toBe('🚓 <mark>Police</mark> appeal 🚓 <mark>police</mark>')
  })
})

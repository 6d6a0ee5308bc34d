import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { highlight } from '../../src/site/pages/SearchPage'
import { parseQuery, snippet } from '../../src/site/search'

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
  const html = (text: string, words: string[]) =>
    renderToStaticMarkup(<>{highlight(text, words)}</>)

  it('marks every match, whether or not it has accents, and escapes the rest', () => {
    expect(html('Café and cafe <b>', ['cafe'])).toBe(
      '<mark>Café</mark> and <mark>cafe</mark> &lt;b&gt;',
    )
  })

  it('keeps its place past characters outside the basic plane', () => {
    expect(html('🚓 Police appeal 🚓 police', ['police'])).toBe(
      '🚓 <mark>Police</mark> appeal 🚓 <mark>police</mark>',
    )
  })
})

describe('the excerpt under a search result', () => {
  const body = [
    { children: [{ text: 'Anyone with information can report it:' }] },
    {
      type: 'ul',
      children: [
        { type: 'li', children: [{ text: 'online' }] },
        { type: 'li', children: [{ text: 'by calling 101' }] },
        { type: 'li', children: [{ text: 'anonymously' }] },
      ],
    },
    { type: 'h2', children: [{ text: 'What happens next' }] },
    { children: [{ text: 'The road has reopened.' }] },
    { children: [{ text: 'Officers thank the public.' }] },
  ]

  it('keeps list items, headings and paragraphs apart instead of running them into one sentence', () => {
    const excerpt = snippet({ summary: 'Nothing here.', body }, ['calling'])
    expect(excerpt).toBe(
      'Anyone with information can report it: online … by calling 101 … anonymously … What happens next … The road has reopened. Officers thank the public.',
    )
  })
})

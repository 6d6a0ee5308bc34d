import fs from 'node:fs'
import path from 'node:path'

import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { parseHtml } from '../../../../test/helpers/html'
import { DEFAULT_QUICK_EXIT_URL } from '../../../globals/SiteSettings'
import type { SiteSetting } from '../../../payload-types'
import { assets } from '../../assets'
import { QuickExit, QuickExitHint } from './QuickExit'

const settings = (quickExit: Partial<SiteSetting['quickExit']>) => ({ quickExit }) as SiteSetting
const rendered = (element: ReactElement) => parseHtml(renderToStaticMarkup(element))
const here = (file: string) => fs.readFileSync(path.join(import.meta.dirname, file))

describe('the quick exit', () => {
  it('is a plain link to the chosen site, so it works before (or without) its script', () => {
    const html = rendered(
      <QuickExit
        settings={settings({ label: 'Leave now', url: 'https://www.example.org/weather' })}
      />,
    )
    const button = html.one('a', (a) => 'data-quick-exit' in a.attrs)!
    expect(button.attrs.href).toBe('https://www.example.org/weather')
    expect(button.attrs.rel).toBe('noreferrer noopener')
    expect(button.text).toBe('Leave now')
    expect(html.one('section')?.attrs['aria-label']).toBe('Quick exit')
    expect(html.one('p', (p) => 'data-quick-exit-status' in p.attrs)?.attrs['aria-live']).toBe(
      'polite',
    )
  })

  it('never links to a script: a javascript: destination gives way to the default, an empty label to "Leave this site"', () => {
    const button = rendered(
      <QuickExit settings={settings({ label: '', url: 'javascript:alert(1)' })} />,
    ).one('a')!
    expect(button.attrs.href).toBe(DEFAULT_QUICK_EXIT_URL)
    expect(button.text).toBe('Leave this site')
  })

  it('names its keys only once the script shows the hint', () => {
    const hint = rendered(<QuickExitHint />).one(
      'div',
      (div) => 'data-quick-exit-hint' in div.attrs,
    )!
    expect('hidden' in hint.attrs).toBe(true)
    expect(hint.text).toBe('To leave this site at once, press Escape, or press Shift 3 times.')
  })

  it('is served from this folder: its script at /quick-exit.js, its styles within /site.css', () => {
    expect(assets.quickExit.path).toBe('/quick-exit.js')
    expect(assets.quickExit.rendered.body).toEqual(here('quick-exit.js'))
    expect(assets.css.rendered.body.toString()).toContain(here('quick-exit.css').toString())
  })
})

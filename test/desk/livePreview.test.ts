/**
 * The admin's live preview: the latest saved version of a release in the public page
 * template, for the newsroom only, never cached or indexed, framed only by the admin.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { parseHtml } from '../helpers/html'
import { publishRelease } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

let server: SharedServer
let admin: Api
let author: Api

const preview = (who: Api | null, id: number) =>
  fetch(`${server.url}/live-preview/news/${id}`, {
    headers: who?.token ? { Authorization: `JWT ${who.token}` } : {},
  })

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  author = await createUserAndSignIn(server.url, admin, {
    email: 'preview.author@northmoor.test',
    roles: ['author'],
  })
})

describe('the live preview', () => {
  it('shows an author their draft in the public template, under a preview banner, fresh on every save', async () => {
    const draft = (
      await author.post('/api/news?draft=true', {
        title: 'Burglary in Fenwick: appeal',
        summary: 'Police are appealing for witnesses.',
        body: [{ children: [{ text: 'First words.' }] }],
        _status: 'draft',
      })
    ).body.doc
    const response = await preview(author, draft.id)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow')
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    const page = parseHtml(await response.text())
    expect(page.one('h1')?.text).toBe('Burglary in Fenwick: appeal')
    expect(page.one('p', (p) => p.attrs.class === 'embargo-banner__line')?.text).toMatch(
      /^PREVIEW: not public\. This is a draft, as last saved at \d{2}:\d{2} (GMT|BST), /,
    )
    expect(page.text).toContain('First words.')
    expect(page.find('script').map((s) => s.attrs.src?.split('?')[0])).toContain('/live-preview.js')
    expect(page.find('a').some((a) => a.attrs['data-quick-exit'] !== undefined)).toBe(true)

    expect(
      (
        await author.patch(`/api/news/${draft.id}?draft=true`, {
          body: [{ children: [{ text: 'Second words.' }] }],
        })
      ).status,
    ).toBe(200)
    const again = await (await preview(author, draft.id)).text()
    expect(again).toContain('Second words.')
    expect(again).not.toContain('First words.')
    // Still nothing for the public.
    expect((await fetch(`${server.url}/news/${draft.slug}`)).status).toBe(404)
  })

  it('shows the changes saved to a published release before they are published', async () => {
    const release = await publishRelease(admin, {
      title: 'Road reopened',
      summary: 'The road has reopened.',
    })
    expect(
      (
        await admin.patch(`/api/news/${release.id}?draft=true`, {
          summary: 'The road reopened at noon.',
        })
      ).status,
    ).toBe(200)
    const page = parseHtml(await (await preview(admin, release.id)).text())
    expect(page.text).toContain('The road reopened at noon.')
    expect(page.one('p', (p) => p.attrs.class === 'embargo-banner__line')?.text).toContain(
      'This is published',
    )
    expect(page.text).toContain('they are not public until an editor publishes them')
    expect(await (await fetch(`${server.url}/news/${release.slug}`)).text()).not.toContain(
      'The road reopened at noon.',
    )
  })

  it('is for the newsroom only', async () => {
    const draft = (
      await author.post('/api/news?draft=true', {
        title: 'Not for the public',
        summary: 'Secret.',
        _status: 'draft',
      })
    ).body.doc
    const response = await preview(null, draft.id)
    expect(response.status).toBe(401)
    const body = await response.text()
    expect(body).toContain('Sign in to preview')
    expect(body).not.toContain('Not for the public')
    expect((await preview(admin, 999999)).status).toBe(404)
  })
})

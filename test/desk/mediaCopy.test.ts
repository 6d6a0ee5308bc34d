/**
 * "Copy as email" and the downloads: a release as plain text and as HTML for the media list,
 * with the embargo line at the top while it is scheduled, from the approved words only.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { api, createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { parseHtml } from '../helpers/html'
import { publishRelease, transition } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

let server: SharedServer
let admin: Api
let author: Api
let quoteId: number
let reportId: number

const HOSTILE_TITLE = 'Man charged <script>alert("x")</script> & bailed'

const body = [
  { type: 'h2', children: [{ text: 'What happened' }] },
  {
    children: [
      { text: 'Officers were called to ' },
      { type: 'link', url: 'https://www.example.police.uk/map', children: [{ text: 'Mill Lane' }] },
      { text: ' at 2am.' },
    ],
  },
  {
    type: 'ul',
    children: [
      { type: 'li', children: [{ text: 'Call 101' }] },
      { type: 'li', children: [{ text: 'Or report online' }] },
    ],
  },
]

const copy = (who: Api, id: number, format: string, query = '') =>
  fetch(`${server.url}/api/news/${id}/copy/${format}${query}`, {
    headers: who.token ? { Authorization: `JWT ${who.token}` } : {},
  })

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  author = await createUserAndSignIn(server.url, admin, {
    email: 'copy.author@northmoor.test',
    roles: ['author'],
  })
  quoteId = (
    await admin.post('/api/quotes', {
      speakerName: 'Helen Okafor',
      speakerRole: 'Detective Inspector',
      organisation: 'Northmoor Police',
      text: 'We are grateful to everyone who came forward.\n\nThe investigation goes on.',
    })
  ).body.doc.id
  reportId = (
    await admin.post('/api/report-links', {
      title: 'An inspection of vetting',
      publisher: 'HMICFRS',
      url: 'https://hmicfrs.example.gov.uk/vetting',
      findings: [{ area: 'Vetting', grade: 'Good' }],
    })
  ).body.doc.id
})

describe('copying a release for the media', () => {
  it('puts the embargo line at the top of a scheduled release, in text and in HTML', async () => {
    const publishAt = new Date(Date.now() + 2 * 24 * 3600_000).toISOString()
    const release = await publishRelease(
      admin,
      {
        title: HOSTILE_TITLE,
        summary: 'A man has been charged after a break-in.',
        body,
        quotes: [quoteId],
        reportLinks: [reportId],
      },
      { publishAt },
    )

    const text = await copy(admin, release.id, 'txt')
    expect(text.status).toBe(200)
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(text.headers.get('cache-control')).toBe('no-store')
    const words = await text.text()
    const lines = words.split('\n')
    expect(lines[0]).toMatch(
      /^EMBARGOED: not for publication until \d{2}:\d{2} on \w+day \d{1,2} \w+ \d{4} \(UK time\)$/,
    )
    expect(words).toContain(HOSTILE_TITLE.toUpperCase())
    expect(words).toContain('A man has been charged after a break-in.')
    expect(words).toContain(
      'Officers were called to Mill Lane (https://www.example.police.uk/map) at 2am.',
    )
    expect(words).toContain('- Call 101\n- Or report online')
    expect(words).toContain(
      '“We are grateful to everyone who came forward.\n\n“The investigation goes on.”\n— Helen Okafor, Detective Inspector, Northmoor Police',
    )
    expect(words).toContain('- Vetting: Good')
    expect(words).toContain(
      'Read the full report on the HMICFRS website: https://hmicfrs.example.gov.uk/vetting',
    )
    expect(words).toContain(`Online from the embargo: ${server.url}/news/${release.slug}`)
    expect(words.trimEnd().split('\n').slice(-3)).toEqual(['ENDS', '', 'Northmoor Police'])

    const html = await copy(admin, release.id, 'html')
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const page = parseHtml(await html.text())
    expect(page.find('p')[0]!.text).toMatch(/^EMBARGOED: not for publication until/)
    expect(page.one('h1')?.text).toBe(HOSTILE_TITLE)
    expect(page.find('script')).toEqual([])
    expect(page.one('h2')?.text).toBe('What happened')
    expect(page.one('a', (a) => a.text === 'Mill Lane')?.attrs.href).toBe(
      'https://www.example.police.uk/map',
    )
    expect(page.one('figcaption')?.text).toBe('Helen Okafor, Detective Inspector, Northmoor Police')
    expect(
      page.one('a', (a) => a.text === 'Read the full report on the HMICFRS website')?.attrs.href,
    ).toBe('https://hmicfrs.example.gov.uk/vetting')
  })

  it('gives a published release without an embargo line, with its address and time, and the approved words only', async () => {
    const release = await publishRelease(admin, {
      title: 'Road reopened after a collision',
      summary: 'The A614 has reopened.',
    })
    // A change saved but not yet published is not for the media.
    expect(
      (
        await admin.patch(`/api/news/${release.id}?draft=true`, {
          summary: 'An unapproved change.',
        })
      ).status,
    ).toBe(200)
    const words = await (await copy(admin, release.id, 'txt')).text()
    expect(words.split('\n')[0]).toBe('ROAD REOPENED AFTER A COLLISION')
    expect(words).not.toContain('EMBARGOED')
    expect(words).toContain('The A614 has reopened.')
    expect(words).not.toContain('An unapproved change.')
    expect(words).toContain(`Online: ${server.url}/news/${release.slug}`)
    expect(words).toMatch(/Published \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/)
  })

  it('marks a draft as not approved, and a withdrawn release as not to be used', async () => {
    const draft = (
      await author.post('/api/news?draft=true', {
        title: 'Appeal for witnesses',
        summary: 'Not yet approved.',
        _status: 'draft',
      })
    ).body.doc
    const draftWords = await (await copy(author, draft.id, 'txt')).text()
    expect(draftWords.split('\n')[0]).toBe('DRAFT: not approved for issue. Do not send.')
    expect(draftWords).not.toContain('Online')

    const release = await publishRelease(admin, {
      title: 'Name released in error',
      summary: 'To be withdrawn.',
    })
    expect(
      (await transition(admin, release.id, 'withdraw', { note: 'The family had not been told.' }))
        .status,
    ).toBe(200)
    const withdrawn = await (await copy(admin, release.id, 'txt')).text()
    expect(withdrawn.split('\n')[0]).toMatch(
      /^WITHDRAWN on \d{1,2} \w+ \d{4}: do not use\. The family had not been told\.$/,
    )
  })

  it('downloads as a .txt or .html file named after the release', async () => {
    const release = await publishRelease(admin, {
      title: 'Station opening hours change',
      summary: 'Longer hours from Monday.',
    })
    for (const format of ['txt', 'html']) {
      const response = await copy(admin, release.id, format, '?download')
      expect(response.status).toBe(200)
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="${release.slug}.${format}"`,
      )
    }
  })

  it('is for the newsroom only, and says what is wrong with a bad request', async () => {
    const release = await publishRelease(admin, {
      title: 'A release for the public',
      summary: 'Public now.',
    })
    const anonymous = await copy(api(server.url), release.id, 'txt')
    expect(anonymous.status).toBe(401)
    expect(await anonymous.text()).toContain('Sign in to copy a release')
    expect((await copy(author, release.id, 'txt')).status).toBe(200)
    const format = await copy(admin, release.id, 'pdf')
    expect(format.status).toBe(404)
    expect(await format.text()).toContain('use txt or html')
    const missing = await copy(admin, 999999, 'txt')
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('There is no release with the id 999999')
  })
})

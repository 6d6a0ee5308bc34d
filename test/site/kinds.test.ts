/**
 * The kinds of police release on the public side, against the real server: each kind's block
 * on its page and in the copy for the media, what changes when the appeal closes or the wanted
 * man is arrested, the follow-up link that appears only once the follow-up is out, the listing
 * of one kind, the kind in the JSON-LD and the feeds, how long caches may keep a picture of a
 * person, and those pictures in the journalists' embargo preview.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { forceTime } from '../../src/fields/ukTime'
import { FOUND_NOTICE, FOUND_TITLE } from '../../src/releases/kinds'
import { createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { get } from '../helpers/fetch'
import { parseHtml } from '../helpers/html'
import { imageForm, jpeg } from '../helpers/images'
import { ok, publishRelease, transition } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

let server: SharedServer
let editor: Api
let n = 0

/** A word of this file's own, so that its releases and people are told apart from other files'. */
const OWN = 'Quarrendon'

beforeAll(async () => {
  server = await sharedServer()
  const admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  editor = await createUserAndSignIn(server.url, admin, {
    email: 'kinds.editor@northmoor.test',
    roles: ['editor'],
  })
})

const page = async (path: string, status = 200) => {
  const response = await get(server.url + path)
  expect(response.status, `${path}: ${response.body.slice(0, 300)}`).toBe(status)
  return { ...response, html: parseHtml(response.body) }
}

const block = (html: ReturnType<typeof parseHtml>) =>
  html.one('section', (s) => s.attrs.class?.startsWith('kind-block ') ?? false)

const jsonLd = (html: ReturnType<typeof parseHtml>) =>
  JSON.parse(html.one('script', (s) => s.attrs.type === 'application/ld+json')!.text)

/** The copy for the media as a comms officer downloads it: plain text or HTML. */
const copy = async (id: number, format: 'txt' | 'html') => {
  const response = await fetch(`${server.url}/api/news/${id}/copy/${format}`, {
    headers: { Authorization: `JWT ${editor.token}` },
  })
  expect(response.status).toBe(200)
  return response.text()
}

const photo = async (alt: string) =>
  ok(
    await editor.upload(
      '/api/media',
      imageForm(await jpeg(600, 750, '#4a4e69'), `person-${++n}.jpg`, 'image/jpeg', { alt }),
    ),
    'upload',
  ).doc as { id: number; filename: string; url: string; sizes: { card: { url: string } } }

const title = (words: string) => `${words} (${OWN} ${++n})`

describe('an appeal for information', () => {
  it('shows the reference, when and where, what we want to know and how to answer, on the page and in the copy for the media', async () => {
    const release = await publishRelease(editor, {
      kind: 'appeal',
      title: title('Appeal after shed fire'),
      appeal: {
        reference: 'NM/777/26',
        happenedAt: '2026-07-04T02:30:00.000Z',
        happenedWhere: 'Allotments off Mill Lane',
        whatWeNeed: 'Did you see anyone near the allotments after midnight?',
      },
    })
    const { html } = await page(`/news/${release.slug}`)
    const appeal = block(html)!
    expect(appeal.text).toContain('Crime referenceNM/777/26')
    expect(appeal.text).toContain('When it happened03:30 04/07/2026')
    expect(appeal.text).toContain('Did you see anyone near the allotments after midnight?')
    expect(appeal.text).toContain('Call 101 quoting NM/777/26.')
    const calls = html.find('a').filter((a) => a.attrs.href?.startsWith('tel:'))
    expect(calls.map((a) => a.attrs.href)).toEqual(['tel:101', 'tel:0800555111', 'tel:999'])
    expect(jsonLd(html).articleSection).toBe('Appeal for information')

    const text = await copy(release.id, 'txt')
    expect(text).toContain('APPEAL FOR INFORMATION\nCrime reference: NM/777/26')
    expect(text).toContain('- Call 101 quoting NM/777/26.')
    expect(text).toContain('- To stay anonymous, call Crimestoppers on 0800 555 111.')
    expect(text).toContain('- If someone is in danger now, call 999.')
    const copied = parseHtml(await copy(release.id, 'html'))
    expect(copied.find('a').map((a) => a.attrs.href)).toEqual(
      expect.arrayContaining(['tel:101', 'tel:0800555111', 'tel:999']),
    )
  })

  it('once closed (closeAppeal), says "This appeal is now closed" with the date in place of the ways to answer', async () => {
    const release = await publishRelease(editor, {
      kind: 'appeal',
      title: title('Appeal after van stolen'),
      appeal: { reference: 'NM/778/26' },
    })
    const closed = ok(await transition(editor, release.id, 'closeAppeal'), 'closeAppeal').doc
    const { html } = await page(`/news/${release.slug}`)
    const appeal = block(html)!
    expect(appeal.text).toContain('This appeal is now closed')
    const ended = html.one('div', (d) => d.attrs.class === 'kind-block__ended')!
    expect(ended.text).toContain(`Closed ${forceTime(closed.after.appealClosedAt)}.`)
    expect(html.find('a').filter((a) => a.attrs.href === 'tel:101')).toEqual([])
    const text = await copy(release.id, 'txt')
    expect(text).toContain('This appeal is now closed. Closed ')
    expect(text).not.toContain('Call 101')
    // Closed once: closing again would move the date the public reads.
    expect((await transition(editor, release.id, 'closeAppeal')).status).toBe(409)
  })
})

describe('a missing person', () => {
  it('shows their details, their photo and "call 999 quoting" the reference; the copy for the media has the words, not the photo', async () => {
    const picture = await photo('Rowan Tillotson, head and shoulders')
    const release = await publishRelease(editor, {
      kind: 'missing-person',
      title: title('Missing teenager'),
      missingPerson: {
        name: 'Rowan Tillotson',
        age: 15,
        description: 'Slim, about 5ft 6in, wearing a green parka.',
        lastSeenAt: '2026-12-05T18:00:00.000Z',
        lastSeenWhere: 'Fenwick bus station',
        reference: 'NM/779/26',
        photo: picture.id,
      },
    })
    const { html } = await page(`/news/${release.slug}`)
    const missing = block(html)!
    expect(missing.text).toContain('NameRowan Tillotson')
    expect(missing.text).toContain('Last seen atFenwick bus station')
    expect(missing.text).toContain('If you see them, call 999 quoting NM/779/26.')
    const img = html.one('img', (i) => i.attrs.alt === 'Rowan Tillotson, head and shoulders')!
    expect(img.attrs.src).toBe(`/api/media/file/${picture.filename}`)
    expect(jsonLd(html).articleSection).toBe('Missing person')
    expect(jsonLd(html).image).toBeUndefined()

    const text = await copy(release.id, 'txt')
    expect(text).toContain('MISSING PERSON\nName: Rowan Tillotson')
    expect(text).toContain('If you see them, call 999 quoting NM/779/26.')
    expect(await copy(release.id, 'html')).not.toContain('<img')
  })

  it('once found, the page keeps its address with the notice alone, and the photo is gone', async () => {
    const picture = await photo('Morgan Ashdown, head and shoulders')
    const release = await publishRelease(editor, {
      kind: 'missing-person',
      title: title('Missing man'),
      missingPerson: { name: 'Morgan Ashdown', reference: 'NM/780/26', photo: picture.id },
    })
    ok(await transition(editor, release.id, 'found'), 'found')
    const { html, body } = await page(`/news/${release.slug}`)
    expect(html.one('h1')?.text).toBe(FOUND_TITLE)
    expect(html.one('main')?.text).toContain(FOUND_NOTICE)
    expect(body).not.toContain('Morgan Ashdown')
    expect(html.find('img').filter((i) => i.attrs.src?.startsWith('/api/media/'))).toEqual([])
    expect(html.meta('robots')).toContain('noindex')
    expect((await get(server.url + `/api/media/file/${picture.filename}`)).status).toBe(404)
  })
})

describe('a wanted person', () => {
  it('shows their details and photo and says not to approach them; once arrested, the photo and the call to 999 go', async () => {
    const picture = await photo('Ellis Brackenbury, head and shoulders')
    const release = await publishRelease(editor, {
      kind: 'wanted',
      title: title('Wanted after burglary'),
      wanted: {
        name: 'Ellis Brackenbury',
        age: 27,
        area: 'Eastfield',
        wantedFor: 'Burglary',
        reference: 'NM/781/26',
        photo: picture.id,
      },
    })
    const before = await page(`/news/${release.slug}`)
    expect(block(before.html)!.text).toContain('Do not approach them; call 999 quoting NM/781/26.')
    expect(before.html.one('img', (i) => i.attrs.alt?.startsWith('Ellis') ?? false)).toBeTruthy()
    const text = await copy(release.id, 'txt')
    expect(text).toContain('WANTED\nName: Ellis Brackenbury')
    expect(text).toContain('Do not approach them; call 999 quoting NM/781/26.')

    ok(await transition(editor, release.id, 'arrested'), 'arrested')
    const after = await page(`/news/${release.slug}`)
    expect(after.html.find('img').filter((i) => i.attrs.src?.startsWith('/api/media/'))).toEqual([])
    expect(after.body).not.toContain(picture.filename)
    expect(after.html.one('p', (p) => p.attrs.class === 'article__updated')?.text).toContain(
      'has been arrested',
    )
    expect(block(after.html)!.text).toContain('They have been arrested')
    expect(block(after.html)!.text).not.toContain('Do not approach')
    expect(after.html.find('a').filter((a) => a.attrs.href === 'tel:999')).toHaveLength(0)
    expect(await copy(release.id, 'txt')).not.toContain('Do not approach')
  })
})

describe('a court result', () => {
  it('gives the defendant, court, offences, sentence and date, and the custody image; the copy for the media has the details', async () => {
    const picture = await photo('Custody image of Harvey Pennock')
    const release = await publishRelease(editor, {
      kind: 'court-result',
      title: title('Man jailed for fraud'),
      courtResult: {
        defendantName: 'Harvey Pennock',
        defendantAge: 50,
        defendantTown: 'Fenwick',
        court: 'Northmoor Crown Court',
        offences: 'Fraud by false representation',
        sentence: 'Three years in prison',
        sentencedOn: '2026-12-04T12:00:00.000Z',
        custodyImage: picture.id,
      },
    })
    const { html } = await page(`/news/${release.slug}`)
    const court = block(html)!
    expect(court.text).toContain('DefendantHarvey Pennock')
    expect(court.text).toContain('Sentenced on4 December 2026')
    expect(court.text).toContain('Custody image')
    expect(jsonLd(html).articleSection).toBe('Court result')
    const text = await copy(release.id, 'txt')
    for (const line of [
      'COURT RESULT',
      'Defendant: Harvey Pennock',
      'Court: Northmoor Crown Court',
      'Offences: Fraud by false representation',
      'Sentence: Three years in prison',
      'Sentenced on: 4 December 2026',
    ])
      expect(text).toContain(line)
  })
})

describe('pictures of people', () => {
  it('may be kept by any cache only after asking again (public, no-cache), every size; other pictures for a minute', async () => {
    const picture = await photo('Jordan Whitlow, head and shoulders')
    const hero = await photo('A police car on a verge')
    await publishRelease(editor, {
      kind: 'wanted',
      title: title('Wanted after robbery'),
      wanted: { name: 'Jordan Whitlow', reference: 'NM/782/26', photo: picture.id },
      heroImage: hero.id,
    })
    for (const url of [picture.url, picture.sizes.card.url]) {
      const response = await fetch(url)
      expect([response.status, response.headers.get('cache-control')], url).toEqual([
        200,
        'public, no-cache',
      ])
      expect(response.headers.get('etag'), url).toBeTruthy()
    }
    const other = await fetch(hero.sizes.card.url)
    expect([other.status, other.headers.get('cache-control')]).toEqual([200, 'public, max-age=60'])

    // Every picture of a missing person's appeal goes when they are found, the hero with it.
    const missingHero = await photo('A bus station at night')
    await publishRelease(editor, {
      kind: 'missing-person',
      title: title('Missing girl'),
      missingPerson: { name: 'Nell Ormerod', reference: 'NM/786/26' },
      heroImage: missingHero.id,
    })
    const heroAnswer = await fetch(missingHero.sizes.card.url)
    expect([heroAnswer.status, heroAnswer.headers.get('cache-control')]).toEqual([
      200,
      'public, no-cache',
    ])
  })

  it('are shown and served by the embargo preview of the release, as its hero is', async () => {
    const picture = await photo('Casey Fairbrother, head and shoulders')
    const release = await publishRelease(
      editor,
      {
        kind: 'missing-person',
        title: title('Missing woman'),
        missingPerson: { name: 'Casey Fairbrother', reference: 'NM/783/26', photo: picture.id },
      },
      { publishAt: new Date(Date.now() + 3600_000).toISOString() },
    )
    const link = ok(await editor.post(`/api/news/${release.id}/preview-links`, {}), 'preview link')
    const path = new URL(link.url).pathname
    const { html } = await page(path)
    expect(block(html)!.text).toContain('Casey Fairbrother')
    const img = html.one('img', (i) => i.attrs.alt?.startsWith('Casey') ?? false)!
    expect(img.attrs.src).toBe(`${path}/media/${picture.filename}`)
    const served = await fetch(server.url + img.attrs.src!)
    expect([served.status, served.headers.get('cache-control')]).toEqual([200, 'private, no-store'])
    // Not public yet: its own address gives the public nothing.
    expect((await fetch(picture.url)).status).toBe(404)
  })
})

describe('follow-ups', () => {
  it('the earlier release links to a follow-up only while the follow-up is out: not while scheduled, not once withdrawn', async () => {
    const original = await publishRelease(editor, {
      kind: 'appeal',
      title: title('Appeal after shop robbery'),
      appeal: { reference: 'NM/784/26' },
    })
    const updateTitle = title('UPDATE: man charged after shop robbery')
    const followUp = await publishRelease(
      editor,
      { title: updateTitle, followUpOf: original.id },
      { publishAt: new Date(Date.now() + 3600_000).toISOString() },
    )
    const updates = async () =>
      (await page(`/news/${original.slug}`)).html
        .find('p')
        .filter((p) => p.attrs.class?.includes('article__follow-up'))
    expect(await updates()).toEqual([])

    ok(
      await transition(editor, followUp.id, 'liftEmbargoNow', {
        note: 'The man has appeared in court.',
      }),
      'liftEmbargoNow',
    )
    const [shown, ...more] = await updates()
    expect(more).toEqual([])
    // Its own "UPDATE:" is not said twice.
    const linkText = updateTitle.replace('UPDATE: ', '')
    expect(shown!.text).toBe(`Update: ${linkText}`)
    const { html } = await page(`/news/${original.slug}`)
    expect(html.one('a', (a) => a.text === linkText)?.attrs.href).toBe(`/news/${followUp.slug}`)

    ok(
      await transition(editor, followUp.id, 'withdraw', { note: 'Withdrawn for the test.' }),
      'withdraw',
    )
    expect(await updates()).toEqual([])
  })
})

describe('the listing of one kind, and the feeds', () => {
  it('/news?kind=court-result lists court results only; a kind that is not one is a 400', async () => {
    const court = await publishRelease(editor, {
      kind: 'court-result',
      title: title('Woman fined for careless driving'),
      courtResult: { defendantName: 'Priya Lockwood', court: 'Northmoor Magistrates’ Court' },
    })
    const news = await publishRelease(editor, { title: title('Station open day') })
    const titles = (html: ReturnType<typeof parseHtml>) =>
      html
        .find('h2')
        .filter((h) => h.attrs.class === 'release__title')
        .map((h) => h.text)
    const { html } = await page('/news?kind=court-result')
    expect(html.one('h1')?.text).toBe('Court results')
    expect(titles(html)).toContain(court.title)
    expect(titles(html)).not.toContain(news.title)
    const all = await page('/news')
    expect(all.html.one('a', (a) => a.attrs.href === '/news?kind=court-result')?.text).toBe(
      'Court results',
    )
    const bad = await page('/news?kind=court', 400)
    expect(bad.body).toContain('The kind of release in the address must be one of')
  })

  it('each feed item carries its kind as a category, and its block without the picture', async () => {
    const picture = await photo('Sam Kettleby, head and shoulders')
    const release = await publishRelease(editor, {
      kind: 'wanted',
      title: title('Wanted after arson'),
      wanted: { name: 'Sam Kettleby', reference: 'NM/785/26', photo: picture.id },
    })
    const feed = JSON.parse((await get(`${server.url}/feed.json`)).body)
    const item = feed.items.find((i: { title: string }) => i.title === release.title)
    expect(item.tags).toContain('Wanted')
    expect(item.content_html).toContain('Do not approach them; call')
    expect(item.content_html).not.toContain('<img')
    const rss = (await get(`${server.url}/feed.xml`)).body
    expect(rss).toContain('<category>Wanted</category>')
  })
})

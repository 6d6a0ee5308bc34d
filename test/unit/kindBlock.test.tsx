/**
 * The block each kind of police release adds to its page, as markup: the facts as a list of
 * terms, the person's picture from the root, the numbers to call as links a phone can follow,
 * what replaces the call for help once it is over, and every word escaped. And a found
 * person's page: the notice, then 410 Gone once the site settings' days have passed.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { Media, News, SiteSetting } from '../../src/payload-types'
import { FOUND_NOTICE, FOUND_TITLE } from '../../src/releases/kinds'
import { KindBlock } from '../../src/site/components/KindBlock'
import { kindDetails, kindText, type KindOptions } from '../../src/site/kindFacts'
import { articlePage, ArticlePage } from '../../src/site/pages/ArticlePage'
import { parseHtml } from '../helpers/html'

const HOSTILE = '<script>alert("x")</script> & co'

const release = (fields: Partial<News>): News =>
  ({
    id: 1,
    kind: 'news',
    title: 'A release',
    slug: 'a-release',
    updatedAt: '2026-12-01T10:00:00.000Z',
    createdAt: '2026-12-01T10:00:00.000Z',
    _status: 'published',
    publishAt: '2026-12-01T10:00:00.000Z',
    ...fields,
  }) as News

const photo = (name: string): Media =>
  ({
    id: 7,
    alt: `Photo of ${name}`,
    url: `http://localhost:3000/api/media/file/${name}.jpg`,
    filename: `${name}.jpg`,
    width: 600,
    height: 750,
    updatedAt: '',
    createdAt: '',
  }) as Media

const block = (fields: Partial<News>, options: KindOptions = {}, pictures = true) => {
  const details = kindDetails(release(fields), options)
  expect(details).not.toBeNull()
  return parseHtml(renderToStaticMarkup(<KindBlock details={details!} pictures={pictures} />))
}

/** The list of terms as [term, description] pairs. */
const facts = (html: ReturnType<typeof parseHtml>) => {
  const terms = html.find('dt').map((dt) => dt.text)
  const descriptions = html.find('dd').map((dd) => dd.text)
  return terms.map((term, i) => [term, descriptions[i]])
}

const hrefs = (html: ReturnType<typeof parseHtml>) => html.find('a').map((a) => a.attrs.href)

describe('an appeal for information', () => {
  const appeal = {
    kind: 'appeal' as const,
    appeal: {
      reference: 'NM/41207/26',
      happenedAt: '2026-07-04T02:30:00.000Z',
      happenedWhere: 'Moor Road, Fenwick',
      whatWeNeed: 'Did you see a pick-up truck?',
    },
  }

  it('gives the reference, when (UK time) and where, what the police want to know, and every way to answer as a link', () => {
    const html = block(appeal, { onlineReportUrl: 'https://www.northmoor.example/report' })
    expect(html.one('h2')?.text).toBe('Appeal for information')
    expect(facts(html)).toEqual([
      ['Crime reference', 'NM/41207/26'],
      ['When it happened', '03:30 04/07/2026'],
      ['Where it happened', 'Moor Road, Fenwick'],
      ['What we want to know', 'Did you see a pick-up truck?'],
    ])
    expect(html.one('time')?.attrs.datetime).toBe('2026-07-04T03:30:00+01:00')
    expect(html.one('h3')?.text).toBe('How to contact us')
    expect(html.find('li').map((li) => li.text)).toEqual([
      'Call 101 quoting NM/41207/26.',
      'Report online using our online form quoting NM/41207/26.',
      'To stay anonymous, call Crimestoppers on 0800 555 111.',
      'If someone is in danger now, call 999.',
    ])
    expect(hrefs(html)).toEqual([
      'tel:101',
      'https://www.northmoor.example/report',
      'tel:0800555111',
      'tel:999',
    ])
  })

  it('leaves out the online form when the site settings give none, or give one that is not a web address', () => {
    for (const onlineReportUrl of [null, 'javascript:alert(1)']) {
      const html = block(appeal, { onlineReportUrl })
      expect(hrefs(html)).toEqual(['tel:101', 'tel:0800555111', 'tel:999'])
    }
  })

  it('once closed, says so with the date in place of the ways to answer', () => {
    const html = block({ ...appeal, after: { appealClosedAt: '2026-12-07T10:15:00.000Z' } })
    expect(hrefs(html)).toEqual([])
    const ended = html.one('div', (d) => d.attrs.class === 'kind-block__ended')!
    expect(ended.attrs.role).toBe('note')
    expect(html.one('h3')?.text).toBe('This appeal is now closed')
    expect(ended.text).toBe(
      'This appeal is now closedClosed 10:15 07/12/2026. Thank you to everyone who shared it or got in touch.',
    )
    // The facts stay: the reference is what anyone calling about it later quotes.
    expect(facts(html)[0]).toEqual(['Crime reference', 'NM/41207/26'])
  })
})

describe('a missing person', () => {
  const missing = {
    kind: 'missing-person' as const,
    missingPerson: {
      name: 'Amy Hale',
      age: 15,
      description: 'Slim, about 5ft 4in.\nWearing a green coat.',
      lastSeenAt: '2026-12-05T18:00:00.000Z',
      lastSeenWhere: 'Fenwick bus station',
      reference: 'NM/1/26',
      photo: photo('amy'),
    },
  }

  it('shows the name, age, description, when and where last seen, the photo from the root, and to call 999', () => {
    const html = block(missing)
    expect(html.one('h2')?.text).toBe('Missing person')
    expect(facts(html)).toEqual([
      ['Name', 'Amy Hale'],
      ['Age', '15'],
      ['Description', 'Slim, about 5ft 4in.\nWearing a green coat.'],
      ['Last seen', '18:00 05/12/2026'],
      ['Last seen at', 'Fenwick bus station'],
      ['Reference', 'NM/1/26'],
    ])
    const img = html.one('img')!
    expect(img.attrs.src).toBe('/api/media/file/amy.jpg')
    expect(img.attrs.alt).toBe('Photo of amy')
    const call = html.one('p', (p) => p.attrs.class === 'kind-block__call')!
    expect(call.text).toBe('If you see them, call 999 quoting NM/1/26.')
    expect(hrefs(html)).toEqual(['tel:999'])
  })

  it('leaves the picture out where the words go on without the page (feeds, e-mail)', () => {
    const html = block(missing, {}, false)
    expect(html.find('img')).toEqual([])
    expect(html.find('figure')).toEqual([])
    expect(facts(html)[0]).toEqual(['Name', 'Amy Hale'])
  })
})

describe('a wanted person', () => {
  const wanted = {
    kind: 'wanted' as const,
    wanted: {
      name: 'Dean Marsh',
      age: 31,
      area: 'Eastfield',
      wantedFor: 'Assault',
      reference: 'NM/2/26',
      photo: photo('dean'),
    },
  }

  it('shows the name, age, area, what for and the photo, and says not to approach them', () => {
    const html = block(wanted)
    expect(html.one('h2')?.text).toBe('Wanted')
    expect(facts(html)).toEqual([
      ['Name', 'Dean Marsh'],
      ['Age', '31'],
      ['Area they are known to go to', 'Eastfield'],
      ['Wanted for', 'Assault'],
      ['Reference', 'NM/2/26'],
    ])
    expect(html.one('img')?.attrs.src).toBe('/api/media/file/dean.jpg')
    expect(html.one('p', (p) => p.attrs.class === 'kind-block__call')?.text).toBe(
      'Do not approach them; call 999 quoting NM/2/26.',
    )
  })

  it('once arrested shows no picture and no call to 999, whatever the release still holds', () => {
    const html = block({
      ...wanted,
      wanted: { ...wanted.wanted, photo: null },
      after: { arrestedAt: '2026-12-07T10:15:00.000Z' },
    })
    expect(html.find('img')).toEqual([])
    expect(hrefs(html)).toEqual([])
    expect(html.one('h3')?.text).toBe('They have been arrested')
    // A copy read before the workflow's write reached it still shows no photo.
    const stale = block({ ...wanted, after: { arrestedAt: '2026-12-07T10:15:00.000Z' } })
    expect(stale.find('img')).toEqual([])
  })
})

describe('a court result', () => {
  const court = {
    kind: 'court-result' as const,
    courtResult: {
      defendantName: 'Kieran Doyle',
      defendantAge: 42,
      defendantTown: 'Brackley Cross',
      court: 'Northmoor Crown Court',
      offences: 'Theft',
      sentence: 'Two years',
      sentencedOn: '2026-12-04T12:00:00.000Z',
      custodyImage: photo('kieran'),
    },
  }

  it('gives the defendant, the court, the offences, the sentence and its date, and the custody image', () => {
    const html = block(court)
    expect(html.one('h2')?.text).toBe('Court result')
    expect(facts(html)).toEqual([
      ['Defendant', 'Kieran Doyle'],
      ['Age', '42'],
      ['From', 'Brackley Cross'],
      ['Court', 'Northmoor Crown Court'],
      ['Offences', 'Theft'],
      ['Sentence', 'Two years'],
      ['Sentenced on', '4 December 2026'],
    ])
    expect(html.one('figcaption')?.text).toBe('Custody image')
    expect(html.find('a')).toEqual([])
  })

  it('shows the rest without a custody image', () => {
    const html = block({ ...court, courtResult: { ...court.courtResult, custodyImage: null } })
    expect(html.find('img')).toEqual([])
    expect(facts(html)).toHaveLength(7)
  })
})

describe('every kind', () => {
  it('escapes what the editor wrote', () => {
    const markup = renderToStaticMarkup(
      <KindBlock
        details={kindDetails(
          release({
            kind: 'wanted',
            wanted: { name: HOSTILE, wantedFor: HOSTILE, reference: HOSTILE },
          }),
        )!}
      />,
    )
    expect(markup).not.toContain('<script>')
    expect(markup).toContain('&lt;script&gt;')
  })

  it('adds nothing to news, or to a kind with nothing filled in and nothing to ask', () => {
    expect(kindDetails(release({}))).toBeNull()
    expect(kindDetails(release({ kind: 'court-result', courtResult: {} }))).toBeNull()
    expect(kindDetails(release({ kind: 'wanted' }))).not.toBeNull() // "Do not approach" stands alone
  })

  it('reads as plain text for the copy for the media, links with their addresses', () => {
    const details = kindDetails(release({ kind: 'appeal', appeal: { reference: 'NM/9/26' } }), {
      onlineReportUrl: 'https://www.northmoor.example/report',
    })!
    expect(kindText(details)).toBe(
      [
        'APPEAL FOR INFORMATION',
        'Crime reference: NM/9/26',
        'How to contact us:',
        '- Call 101 quoting NM/9/26.',
        '- Report online using our online form (https://www.northmoor.example/report) quoting NM/9/26.',
        '- To stay anonymous, call Crimestoppers on 0800 555 111.',
        '- If someone is in danger now, call 999.',
      ].join('\n'),
    )
  })
})

describe('the release page', () => {
  it('puts the block of its kind on the page, and an "Update" line for each follow-up', () => {
    const html = parseHtml(
      renderToStaticMarkup(
        <ArticlePage
          release={release({ kind: 'wanted', wanted: { name: 'Dean Marsh' } })}
          cta={null}
          related={[]}
          followUps={[{ id: 2, title: 'Man charged', slug: 'man-charged', publishAt: null }]}
        />,
      ),
    )
    expect(
      html.one('section', (s) => s.attrs.class?.startsWith('kind-block') ?? false),
    ).toBeTruthy()
    const update = html.one('p', (p) => p.attrs.class === 'article__updated article__follow-up')!
    expect(update.text).toBe('Update: Man charged')
    expect(html.one('a', (a) => a.text === 'Man charged')?.attrs.href).toBe('/news/man-charged')
  })
})

describe('a missing person found', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  const found = release({
    kind: 'missing-person',
    title: FOUND_TITLE,
    withdrawal: { withdrawnAt: '2026-12-01T10:00:00.000Z', reason: FOUND_NOTICE },
    after: { foundAt: '2026-12-01T10:00:00.000Z' },
  })

  const load = (settings: Partial<SiteSetting>) =>
    articlePage.load(
      { params: { slug: found.slug } } as never,
      {
        content: {
          release: async () => found,
          settings: async () => ({ forceName: 'Northmoor Police', ...settings }),
        },
      } as never,
    )

  it('shows only the notice, without the word "withdrawn", for the days the settings give', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-08T10:00:00.000Z'))
    const page = (await load({ foundNoticeDays: 28 }))!
    expect(articlePage.status?.(page)).toBe(200)
    const meta = articlePage.metadata(page, { siteUrl: 'https://news.example' } as never)
    expect(meta).toMatchObject({ title: FOUND_TITLE, noindex: true })
    expect(meta.jsonLd).toBeUndefined()
    // Kept by the page cache no longer than the notice stands.
    expect(articlePage.maxAgeMs?.(page)).toBe(21 * 24 * 3600_000)
    const html = parseHtml(renderToStaticMarkup(<>{articlePage.Component(page)}</>))
    expect(html.one('h1')?.text).toBe(FOUND_TITLE)
    expect(html.text).toContain(FOUND_NOTICE)
    expect(html.text.toLowerCase()).not.toContain('withdrawn')
    expect(html.find('img')).toEqual([])
  })

  it('is gone (410) once they have passed, and after the default 28 days when the settings say nothing', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-04T10:00:00.000Z'))
    const gone = (await load({ foundNoticeDays: 3 }))!
    expect(articlePage.status?.(gone)).toBe(410)
    expect(
      parseHtml(renderToStaticMarkup(<>{articlePage.Component(gone)}</>)).one('h1')?.text,
    ).toBe('This page has been removed')
    expect(articlePage.status?.((await load({}))!)).toBe(200)
    vi.setSystemTime(new Date('2026-12-29T10:00:00.000Z'))
    expect(articlePage.status?.((await load({}))!)).toBe(410)
  })
})

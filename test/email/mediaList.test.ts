/**
 * "Send to the media list", through the shared server and the run's real SMTP server: each
 * journalist gets the release under embargo with the EMBARGOED line first, a preview link of
 * their own (which works, and which the desk sees them open), the press office's notes and
 * contact block, and the picture inline with its credit, in an HTML and a text part, with a
 * Message-ID saying what it is. The same version is not sent to someone twice unless the
 * officer says so; a withdrawn release does not go; a mail server's refusal stops the contact.
 *
 * The file sets the two site settings only the media list's e-mail reads (media enquiries,
 * notes to editors) and puts them back at the end.
 */
import fs from 'node:fs'
import path from 'node:path'

import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { parseHtml } from '../helpers/html'
import { imageForm, jpeg } from '../helpers/images'
import { DEFERRED_DOMAIN, REFUSED_DOMAIN, sharedMailbox } from '../helpers/mailSink'
import { createDraft, ok, publishRelease, transition } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'
import type { Received } from '../helpers/smtp'

const smtp = sharedMailbox()
let server: SharedServer
let admin: Api
let editor: Api
let author: Api

const DAY = 24 * 60 * 60 * 1000

const SAM = 'sam.reporter@echo.medialist.test'
const TARA = 'tara.news@radio.medialist.test'
const COURT = 'casey.court@courtnews.medialist.test'
const GONE = `medialist.gone@${REFUSED_DOMAIN}`
const SLOW = `medialist.slow@${DEFERRED_DOMAIN}`

const CONTACT_BLOCK =
  'Northmoor Police press office: 01632 960 001 (08:00 to 18:00)\nOut of hours: the duty press officer, 01632 960 999'
const NOTES =
  'Pictures may be used with this release only, credited as shown.\nInterviews are by arrangement with the press office.'
const CREDIT = 'Northmoor Police / J. Lane'

const ids = {} as {
  tv: number
  court: number
  sam: number
  tara: number
  casey: number
  gone: number
  slow: number
  picture: number
  quote: number
}
let settingsBefore: { pressOfficeContact: string | null; notesToEditors: string | null }

const contact = async (name: string, outlet: string, email: string, lists: number[]) =>
  ok(await editor.post('/api/media-contacts', { name, outlet, email, lists }), `contact ${email}`)
    .doc.id as number

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  editor = await createUserAndSignIn(server.url, admin, {
    email: 'medialist.editor@northmoor.test',
    roles: ['editor'],
    name: 'Morgan Editor',
  })
  author = await createUserAndSignIn(server.url, admin, {
    email: 'medialist.author@northmoor.test',
    roles: ['author'],
  })
  const settings = ok(await admin.get('/api/globals/site-settings?depth=0'), 'settings')
  settingsBefore = {
    pressOfficeContact: settings.pressOfficeContact ?? null,
    notesToEditors: settings.notesToEditors ?? null,
  }
  ok(
    await admin.post('/api/globals/site-settings', {
      pressOfficeContact: CONTACT_BLOCK,
      notesToEditors: NOTES,
    }),
    'set the media list settings',
  )
  ids.tv = ok(
    await editor.post('/api/media-lists', { name: 'Regional TV and radio (media list test)' }),
    'list',
  ).doc.id
  ids.court = ok(
    await editor.post('/api/media-lists', { name: 'Court reporters (media list test)' }),
    'list',
  ).doc.id
  ids.sam = await contact('Sam Reporter', 'Northmoor Echo', SAM, [ids.tv])
  ids.tara = await contact('Tara News', 'Moorland Radio', TARA, [ids.tv])
  ids.casey = await contact('Casey Court', 'Court News Agency', COURT, [ids.court])
  ids.gone = await contact('Former Reporter', 'Closed Weekly', GONE, [ids.court])
  ids.slow = await contact('Slow Mailbox', 'Greylisted Gazette', SLOW, [])
  ids.picture = ok(
    await admin.upload(
      '/api/media',
      imageForm(await jpeg(1600, 1000), 'medialist-scene.jpg', 'image/jpeg', {
        alt: 'Officers at the scene on Mill Lane.',
        credit: CREDIT,
      }),
    ),
    'picture',
  ).doc.id
  ids.quote = ok(
    await admin.post('/api/quotes', {
      speakerName: 'Dana Shore',
      speakerRole: 'Detective Inspector',
      organisation: 'Northmoor Police',
      text: 'We want to hear from anyone who was on Mill Lane that night.',
    }),
    'quote',
  ).doc.id
})

afterAll(async () => {
  await admin?.post('/api/globals/site-settings', settingsBefore)
})

const body = (text: string) => [{ children: [{ text }] }]

const scheduled = (title: string) =>
  publishRelease(
    admin,
    {
      title,
      summary: 'Detectives appeal for witnesses after a burglary on Mill Lane.',
      body: body('Officers were called to Mill Lane at 2am on Sunday.'),
      heroImage: ids.picture,
      quotes: [ids.quote],
    },
    { publishAt: new Date(Date.now() + 2 * DAY).toISOString() },
  )

const send = (who: Api, releaseId: number, choice: Record<string, unknown>) =>
  who.post(`/api/news/${releaseId}/media-send`, choice)

const summary = async (releaseId: number) =>
  ok(await editor.get(`/api/news/${releaseId}/media-send`), 'send log')

/** The send log's rows for one address, once none is waiting to go. */
const settled = async (releaseId: number, email: string, count = 1, timeoutMs = 20_000) => {
  const until = Date.now() + timeoutMs
  for (;;) {
    const rows = (await summary(releaseId)).sends.filter((s: any) => s.email === email)
    if (rows.length >= count && rows.every((s: any) => s.status !== 'queued')) return rows
    if (Date.now() > until)
      throw new Error(`The send log still waits for ${email}: ${JSON.stringify(rows)}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const about = (title: string) => (message: Received) => Boolean(message.subject?.endsWith(title))

const previewLinkIn = (message: Received) => {
  const match = /https?:\/\/[^/\s]+\/preview\/[A-Za-z0-9_-]{43}/.exec(message.text ?? '')
  return match ? match[0].replace(/^https?:\/\/[^/]+/, server.url) : null
}

describe('sending a scheduled release to the media list', () => {
  const title = 'Witness appeal after Mill Lane burglary (media list)'
  let release: { id: number }
  let version: string
  let sam: Received

  it('queues one e-mail for each person on the list chosen, and says so', async () => {
    release = await scheduled(title)
    const lists = (await summary(release.id)).lists
    expect(lists.find((l: any) => l.id === ids.tv)).toMatchObject({ contacts: 2 })
    const answer = ok(await send(editor, release.id, { lists: [ids.tv] }), 'send')
    version = answer.version
    expect(answer.queued.map((q: any) => q.email).sort()).toEqual([SAM, TARA].sort())
    expect(answer.refused).toEqual([])
    expect(answer.message).toContain('Queued for 2 people')
  })

  it('gives each journalist the release with the EMBARGOED line first, in an HTML and a text part', async () => {
    sam = await smtp.waitFor(SAM, about(title))
    expect(sam.subject).toMatch(/^EMBARGOED until \d\d:\d\d on \w+day \d+ \w+ \d{4} \(UK time\): /)
    expect(sam.text!.split('\n')[0]).toMatch(
      /^EMBARGOED: not for publication until \d\d:\d\d on \w+day \d+ \w+ \d{4} \(UK time\)$/,
    )
    expect(sam.text).toContain(title.toUpperCase())
    expect(sam.text).toContain('We want to hear from anyone who was on Mill Lane that night.')
    expect(sam.text).toContain('ENDS')
    const html = parseHtml(sam.html as string)
    const first = html.all.find((e) => e.tag === 'div' && e.attrs['data-part'] === 'document')!
    expect(first.text.trim()).toMatch(/^EMBARGOED: not for publication until /)
    expect(html.one('h1')?.text).toBe(title)
    // The force's name and address at the foot; nothing read from the draft.
    expect(html.one('p', (e) => e.attrs['data-part'] === 'footer')?.text).toContain(
      'Northmoor Police',
    )
    expect(sam.text).toMatch(/-- \nNorthmoor Police\n/)
  })

  it('carries the press office’s notes to editors and contact block, and the picture inline with its credit', async () => {
    expect(sam.text).toContain(`Notes to editors\n\n${NOTES}`)
    expect(sam.text).toContain(`Media enquiries\n\n${CONTACT_BLOCK}`)
    const html = parseHtml(sam.html as string)
    expect(html.find('h2').map((h) => h.text)).toEqual(
      expect.arrayContaining(['Notes to editors', 'Media enquiries']),
    )
    const [picture] = sam.attachments
    expect(sam.attachments).toHaveLength(1)
    expect(picture!.contentType).toBe('image/jpeg')
    expect(picture!.contentDisposition).toBe('inline')
    // As sent: the HTML part names the picture by its content id (mailparser would inline it).
    const asSent = await simpleParser(sam.raw, { keepCidLinks: true })
    const img = parseHtml(asSent.html as string).one('img')!
    expect(img.attrs.src).toBe(`cid:${picture!.cid}`)
    expect(img.attrs.alt).toBe('Officers at the scene on Mill Lane.')
    expect(sam.html).toContain(`Credit: ${CREDIT}`)
    expect(sam.text).toContain(`Officers at the scene on Mill Lane. Credit: ${CREDIT}`)
  })

  it('gives each journalist a preview link of their own, which works, and which the desk sees them open', async () => {
    const link = previewLinkIn(sam)!
    expect(link).toBeTruthy()
    const tara = await smtp.waitFor(TARA, about(title))
    expect(previewLinkIn(tara)).not.toBe(link)
    const page = await fetch(link)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Mill Lane')
    const links = ok(await editor.get(`/api/news/${release.id}/preview-links`), 'links').docs
    const sams = links.find((l: any) => l.label === 'Sam Reporter, Northmoor Echo')
    expect(sams).toMatchObject({ status: 'active', useCount: 1 })
    expect(sams.lastUsedAt).toBeTruthy()
    expect(links.find((l: any) => l.label === 'Tara News, Moorland Radio')).toMatchObject({
      useCount: 0,
    })
  })

  it('has a Message-ID saying what it is: the release, the version sent, the person', async () => {
    expect(sam.messageId).toMatch(
      new RegExp(`^<media-send\\.${release.id}\\.${version}\\.[0-9a-f]{16}@[^>]+>$`),
    )
    const tara = await smtp.waitFor(TARA, about(title))
    expect(tara.messageId).not.toBe(sam.messageId)
  })

  it('keeps a send log on the release: who, when, which version, what the mail server said', async () => {
    const [row] = await settled(release.id, SAM)
    expect(row).toMatchObject({
      contactName: 'Sam Reporter',
      outlet: 'Northmoor Echo',
      version,
      current: true,
      resend: false,
      status: 'accepted',
      result: 'Accepted',
      sentByName: 'Morgan Editor',
    })
    expect(row.response).toMatch(/^250 /)
    expect(Date.parse(row.at)).toBeGreaterThan(Date.now() - 5 * 60_000)
  })

  it('does not send the same version to someone again unless asked, and then with a Message-ID of its own', async () => {
    const again = ok(await send(editor, release.id, { contacts: [ids.sam] }), 'send again')
    expect(again.queued).toEqual([])
    expect(again.refused).toEqual([
      expect.objectContaining({ contact: ids.sam, reason: 'already-sent' }),
    ])
    expect(again.refused[0].message).toContain('already has this version')

    const resent = ok(
      await send(editor, release.id, { contacts: [ids.sam], resend: true }),
      'resend',
    )
    expect(resent.queued).toEqual([expect.objectContaining({ contact: ids.sam, resend: true })])
    const second = await smtp.waitFor(SAM, (m) => about(title)(m) && m.messageId !== sam.messageId)
    expect(second.messageId).toMatch(
      new RegExp(`^<media-send\\.${release.id}\\.${version}-resend-2\\.[0-9a-f]{16}@`),
    )
    const rows = await settled(release.id, SAM, 2)
    expect(rows.map((r: any) => [r.resend, r.status])).toEqual([
      [true, 'accepted'],
      [false, 'accepted'],
    ])
    // Two e-mails in all: the refused repeat sent nothing.
    expect((await smtp.to(SAM)).filter(about(title))).toHaveLength(2)
  })
})

describe('what is not sent', () => {
  const title = 'Court result: Westbury man jailed (media list)'
  let published: { id: number }

  it('a published release goes without the EMBARGOED line and without a preview link', async () => {
    published = await publishRelease(
      admin,
      { title, summary: 'Jailed for four years.', body: body('At Northmoor Crown Court.') },
      { publishAt: new Date(Date.now() - DAY).toISOString() },
    )
    ok(await send(editor, published.id, { lists: [ids.court] }), 'send')
    const message = await smtp.waitFor(COURT, about(title))
    expect(message.subject).toBe(`Press release: ${title}`)
    expect(message.text).not.toContain('EMBARGOED')
    expect(message.text!.split('\n')[0]).toBe(title.toUpperCase())
    expect(previewLinkIn(message)).toBeNull()
    expect(message.text).toMatch(/Online: https?:\/\/\S+\/news\//)
    expect(ok(await editor.get(`/api/news/${published.id}/preview-links`), 'links').docs).toEqual(
      [],
    )
  })

  it('a mail server’s refusal of an address is recorded, and the contact no longer receives releases', async () => {
    // The court list's other contact: the shared SMTP server has no such mailbox.
    const [row] = await settled(published.id, GONE)
    expect(row.status).toBe('refused')
    expect(row.response).toMatch(/^550 /)
    const gone = ok(await editor.get(`/api/media-contacts/${ids.gone}`), 'contact')
    expect(gone.receiving).toBe(false)
    expect(gone.stoppedReason).toContain('550')

    const later = ok(await send(editor, published.id, { lists: [ids.court] }), 'send again')
    expect(later.refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ contact: ids.gone, reason: 'not-receiving' }),
        expect.objectContaining({ contact: ids.casey, reason: 'already-sent' }),
      ]),
    )
    expect(later.queued).toEqual([])
  })

  it('a release withdrawn before its e-mail goes is not sent: the log says cancelled', async () => {
    const title = 'Appeal to find missing walker (media list)'
    const release = await publishRelease(
      admin,
      { title, summary: 'Have you seen him?', body: body('Last seen on the moor.') },
      { publishAt: new Date(Date.now() - DAY).toISOString() },
    )
    ok(await send(editor, release.id, { contacts: [ids.slow] }), 'send')
    // This mail server puts the e-mail off (451): it waits for its retry, ten seconds on.
    const until = Date.now() + 20_000
    for (;;) {
      const [row] = (await summary(release.id)).sends
      if (row?.response?.startsWith('451')) {
        expect(row.status).toBe('queued')
        break
      }
      if (Date.now() > until)
        throw new Error(`The first try never happened: ${JSON.stringify(row)}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    ok(
      await transition(editor, release.id, 'withdraw', {
        note: 'He has been found safe and well.',
      }),
      'withdraw',
    )
    const [row] = await settled(release.id, SLOW, 1, 40_000)
    expect(row.status).toBe('cancelled')
    expect(row.response).toBe('The release was withdrawn before it went.')
    // And nothing more can be sent.
    const refused = await send(editor, release.id, { contacts: [ids.sam] })
    expect(refused.status).toBe(409)
    expect(JSON.stringify(refused.body)).toContain('withdrawn')
  }, 60_000)
})

describe('who may send, and what is refused', () => {
  let release: { id: number }

  beforeAll(async () => {
    release = await scheduled('Speed checks on the A61 (media list)')
  })

  it('is for editors and admins: an author is refused, and cannot read the contacts, lists or log', async () => {
    const refused = await send(author, release.id, { lists: [ids.tv] })
    expect(refused.status).toBe(403)
    expect(JSON.stringify(refused.body)).toContain('editors and admins')
    expect((await author.get(`/api/news/${release.id}/media-send`)).status).toBe(403)
    expect((await send(api(server.url), release.id, { lists: [ids.tv] })).status).toBe(401)
    for (const collection of ['media-contacts', 'media-lists', 'media-sends']) {
      expect((await author.get(`/api/${collection}`)).status).toBe(403)
      expect((await api(server.url).get(`/api/${collection}`)).status).toBe(403)
    }
    expect((await author.get(`/api/media-contacts/${ids.sam}`)).status).toBe(403)
    // Nobody writes the log but the send itself.
    expect(
      (await admin.post('/api/media-sends', { release: release.id, version: '1' })).status,
    ).toBe(403)
    expect((await summary(release.id)).sends).toEqual([])
    // A refusal is one line in the server's log, not an error with a stack trace: an author
    // opening a release asks for this panel every time.
    const log = fs.readFileSync(path.join(server.dir, 'server.log'), 'utf8')
    const refusals = log.split('\n').filter((line) => line.includes('editors and admins'))
    expect(refusals.length).toBeGreaterThan(0)
    expect(refusals.filter((line) => /ERROR/.test(line))).toEqual([])
    expect(log).not.toMatch(/editors and admins[^\n]*\n\s+at /)
  })

  it('answers bad input with a 400 saying what is wrong, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'Choose at least one media list or contact'],
      [{ lists: [] }, 'Choose at least one media list or contact'],
      [{ lists: 'Regional TV' }, '"lists" is a list of media list ids'],
      [{ contacts: [1.5] }, '"contacts" is a list of media contact ids'],
      [{ lists: [ids.tv], resend: 'yes' }, '"resend" is true or false'],
      [{ lists: [ids.tv], everyone: true }, 'not "everyone"'],
      [{ lists: [ids.tv, 99_999_999] }, 'There is no media list with the id 99999999'],
      [{ contacts: [ids.sam, 99_999_999] }, 'There is no media contact with the id 99999999'],
    ]
    for (const [choice, words] of cases) {
      const answer = await send(editor, release.id, choice)
      expect(answer.status, JSON.stringify(choice)).toBe(400)
      expect(answer.body.errors[0].message).toContain(words)
    }
    expect((await summary(release.id)).sends).toEqual([])
    expect(ok(await editor.get(`/api/news/${release.id}/preview-links`), 'links').docs).toEqual([])
  })

  it('sends only a scheduled or published release', async () => {
    const draft = await createDraft(editor, { title: 'Not approved yet (media list)' })
    const refused = await send(editor, draft.id, { lists: [ids.tv] })
    expect(refused.status).toBe(409)
    expect(JSON.stringify(refused.body)).toContain('approve it first')
    expect((await send(editor, 99_999_999, { lists: [ids.tv] })).status).toBe(404)
  })
})

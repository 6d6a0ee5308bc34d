/**
 * E-mail alerts for the public, over HTTP on a real server, read at a real SMTP server:
 * subscribing with double opt-in, what an alert carries, nothing before the embargo or after a
 * withdrawal, updates only when the editor asks, choosing topics and frequency from one's own
 * link, one-click unsubscribing, the limits per address, and who may see subscribers.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { api, createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { parseHtml } from '../helpers/html'
import { headersOf } from '../../src/email/outbox'
import { sharedMailbox } from '../helpers/mailSink'
import type { Received } from '../helpers/smtp'
import { createDraft, ok, publishRelease, transition } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

const mail = sharedMailbox()
let server: SharedServer
let admin: Api
let editor: Api
let category: { id: number; name: string }
let otherCategory: { id: number; name: string }

/** This file's own addresses and words, on a server other files share. */
const reader = (name: string) => `${name}.alerts@readers.test`
const TAG = '(alerts test)'

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields))
    for (const one of [value].flat()) body.append(name, one)
  return body
}

const post = (path: string, fields: Record<string, string | string[]>) =>
  fetch(server.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form(fields),
    redirect: 'manual',
  })

const page = async (response: Response) => ({
  status: response.status,
  html: parseHtml(await response.text()),
  headers: response.headers,
})

/** The link in a message's text part that starts with `path` on this server. */
const linkIn = (message: Received, path: string) => {
  const match = new RegExp(`${server.url}${path}\\S+`).exec(message.text ?? '')
  if (!match) throw new Error(`No ${path} link in:\n${message.text}`)
  return match[0]
}

/** A header of the message exactly as it was sent (mailparser reads List-* headers into objects). */
const header = (message: Received, name: string) =>
  headersOf(message.raw).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1]

const subjectIs = (subject: string) => (message: Received) => message.subject === subject

/** Subscribes and confirms `email` with these choices; the confirmation e-mail. */
const subscribe = async (email: string, choices: Record<string, string | string[]>) => {
  const answer = await page(await post('/alerts', { email, ...choices }))
  expect(answer.status).toBe(200)
  expect(answer.html.one('h1')?.text).toBe('Check your e-mail')
  const confirmation = await mail.waitFor(email, (m) => m.subject?.startsWith('Confirm') ?? false)
  const link = linkIn(confirmation, '/alerts/confirm/')
  const shown = await page(await fetch(link))
  expect(shown.status).toBe(200)
  const confirmed = await page(await post(new URL(link).pathname, {}))
  expect(confirmed.html.one('h1')?.text).toBe('You have subscribed')
  return confirmation
}

const subscriberNamed = async (email: string) =>
  (await admin.get(`/api/subscribers?where[email][equals]=${encodeURIComponent(email)}&depth=0`))
    .body.docs[0]

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  editor = await createUserAndSignIn(server.url, admin, {
    email: 'alerts.editor@northmoor.test',
    roles: ['editor'],
    name: 'Alerts Editor',
  })
  category = ok(await admin.post('/api/categories', { name: `Roads ${TAG}` }), 'category').doc
  otherCategory = ok(await admin.post('/api/categories', { name: `Court ${TAG}` }), 'category').doc
})

describe('subscribing', () => {
  it('offers a form that works without JavaScript, with every topic', async () => {
    const { status, html } = await page(await fetch(`${server.url}/alerts`))
    expect(status).toBe(200)
    const form = html.all.find((e) => e.tag === 'form' && e.attrs.action === '/alerts')!
    expect(form.attrs.method).toBe('post')
    expect(html.all.some((e) => e.tag === 'input' && e.attrs.type === 'email')).toBe(true)
    expect(html.text).toContain(category.name)
    // Everything a reader can do here is on the page: no script is needed to subscribe.
    expect(html.all.filter((e) => e.tag === 'script' && e.attrs.src?.includes('alerts'))).toEqual(
      [],
    )
  })

  it('leaves the page cache alone: a subscription changes nothing the public sees', async () => {
    // Other work on this shared server (a lift it queued) may empty the cache meanwhile: try again.
    let kept = false
    const cached = async () => (await fetch(`${server.url}/news`)).headers.get('x-page-cache')
    for (let attempt = 0; attempt < 5 && !kept; attempt++) {
      await cached()
      if ((await cached()) !== 'hit') continue
      await post('/alerts', { email: reader(`cache${attempt}`), what: 'all', frequency: 'daily' })
      kept = (await cached()) === 'hit'
    }
    expect(kept).toBe(true)
  })

  it('says what is wrong with the form, keeps what was typed, and stores nothing', async () => {
    const email = reader('wrong')
    const answer = await page(await post('/alerts', { email: 'not an address', what: 'some' }))
    expect(answer.status).toBe(400)
    const summary = answer.html.all.find((e) => e.attrs.class === 'error-summary')!
    expect(summary.attrs.role).toBe('alert')
    expect(summary.text).toContain('Enter an e-mail address in the right format')
    expect(summary.text).toContain('Choose at least one topic')
    expect(summary.text).toContain('Choose how often you want e-mails')
    expect(answer.html.all.find((e) => e.attrs.id === 'email')!.attrs.value).toBe('not an address')
    expect(await subscriberNamed(email)).toBeUndefined()
  })

  it('sends only a confirmation until its link is followed and confirmed; following the link alone confirms nothing', async () => {
    const email = reader('double')
    await post('/alerts', { email, what: 'all', frequency: 'immediately' })
    const confirmation = await mail.waitFor(email)
    expect(confirmation.subject).toMatch(/^Confirm you want news from .+ by e-mail$/)
    expect(confirmation.text).toContain('Nothing will be sent until you confirm.')
    expect(confirmation.html).toBeTruthy()
    expect((await subscriberNamed(email)).status).toBe('pending')

    // Released now, before confirming: nothing comes for it.
    await publishRelease(editor, { title: `Before confirming ${TAG}`, summary: 'Not for them.' })
    const link = linkIn(confirmation, '/alerts/confirm/')
    // A mail scanner opening the link subscribes nobody: the page asks to confirm.
    const shown = await page(await fetch(link))
    expect(shown.html.one('h1')?.text).toBe('Confirm your subscription')
    expect(shown.headers.get('cache-control')).toBe('no-store')
    expect((await subscriberNamed(email)).status).toBe('pending')
    await post(new URL(link).pathname, {})
    expect((await subscriberNamed(email)).status).toBe('confirmed')
    // The link is spent: following it again says so, and changes nothing.
    const again = await page(await fetch(link))
    expect(again.html.one('h1')?.text).toBe('You have subscribed')
    expect((await subscriberNamed(email)).status).toBe('confirmed')
    expect((await mail.to(email)).map((m) => m.subject)).toEqual([confirmation.subject])
  })
})

describe('what a subscriber gets', () => {
  const everything = reader('everything')
  const roadsOnly = reader('roads')
  let alert: Received

  beforeAll(async () => {
    await subscribe(everything, { what: 'all', frequency: 'immediately' })
    await subscribe(roadsOnly, {
      what: 'some',
      categories: String(category.id),
      frequency: 'immediately',
    })
  })

  it('e-mails a release as it is published: its headline, summary and address, with the reader’s own links and one-click unsubscribe', async () => {
    const title = `Road closed after collision ${TAG}`
    const release = await publishRelease(editor, {
      title,
      summary: 'The A61 is closed in both directions.',
      category: category.id,
    })
    alert = await mail.waitFor(everything, subjectIs(title))
    expect(alert.text).toContain('The A61 is closed in both directions.')
    // From the force, by name, not from the software.
    const { forceName } = (await admin.get('/api/globals/site-settings')).body
    expect(alert.from?.value[0]?.name).toBe(forceName)
    expect(alert.text).toMatch(/Published at \d\d:\d\d on \w+day \d+ \w+ \d{4} \(UK time/)
    expect(alert.text).toContain(`${server.url}/news/${release.slug}`)
    expect(alert.html).toContain(`href="${server.url}/news/${release.slug}"`)
    const unsubscribe = linkIn(alert, '/alerts/unsubscribe/')
    expect(header(alert, 'List-Unsubscribe')).toBe(`<${unsubscribe}>`)
    expect(header(alert, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    expect(linkIn(alert, '/alerts/manage/')).toBeTruthy()
    expect(alert.messageId).toMatch(
      new RegExp(`^<alert-release\\.${release.id}\\.\\d+\\.[0-9a-f]{16}@`),
    )
    // No tracking: nothing loaded from anywhere, and every link is to the site itself.
    expect(alert.html).not.toMatch(/<img/i)
    for (const [, href] of (alert.html as string).matchAll(/href="([^"]+)"/g))
      expect(href!.startsWith(server.url)).toBe(true)
    // The reader who chose roads gets it too.
    await mail.waitFor(roadsOnly, subjectIs(title))
  })

  it('sends a topic’s reader only that topic', async () => {
    const court = `Man sentenced for burglary ${TAG}`
    await publishRelease(editor, { title: court, summary: 'Jailed.', category: otherCategory.id })
    await mail.waitFor(everything, subjectIs(court))
    const marker = `Second road closure ${TAG}`
    await publishRelease(editor, { title: marker, summary: 'Closed.', category: category.id })
    await mail.waitFor(roadsOnly, subjectIs(marker))
    expect((await mail.to(roadsOnly)).filter(subjectIs(court))).toEqual([])
  })

  it('sends nothing before the embargo lifts, and the alert within seconds after', async () => {
    const title = `Embargoed figures ${TAG}`
    const publishAt = new Date(Date.now() + 5000)
    await publishRelease(
      editor,
      { title, summary: 'Under embargo.' },
      { publishAt: publishAt.toISOString() },
    )
    const arrived = await mail.waitFor(everything, subjectIs(title), 30_000)
    const stored = (await mail.to(everything)).find(subjectIs(title))!
    expect(stored).toBe(arrived)
    // The sink names each file by when it took the message.
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime())
    expect(arrived.date!.getTime()).toBeGreaterThanOrEqual(publishAt.getTime() - 1000)
  })

  it('sends nothing for a release unscheduled, or put back, before its embargo lifts', async () => {
    const pulled = `Pulled before the lift ${TAG}`
    const later = `Put back an hour ${TAG}`
    const publishAt = new Date(Date.now() + 4000).toISOString()
    const a = await publishRelease(editor, { title: pulled, summary: 'x' }, { publishAt })
    const b = await publishRelease(editor, { title: later, summary: 'y' }, { publishAt })
    ok(await transition(editor, a.id, 'unschedule', { note: 'Not yet.' }), 'unschedule')
    ok(
      await transition(editor, b.id, 'reschedule', {
        publishAt: new Date(Date.now() + 3600_000).toISOString(),
        note: 'Family asked for more time.',
      }),
      'reschedule',
    )
    await new Promise((resolve) => setTimeout(resolve, 5000))
    const marker = `After the pulled ones ${TAG}`
    await publishRelease(editor, { title: marker, summary: 'Marker.' })
    await mail.waitFor(everything, subjectIs(marker))
    const subjects = (await mail.to(everything)).map((m) => m.subject)
    expect(subjects).not.toContain(pulled)
    expect(subjects).not.toContain(later)
  })

  it('e-mails an update only when the editor asks, for a major change', async () => {
    const title = `Appeal for dashcam footage ${TAG}`
    const release = await publishRelease(editor, { title, summary: 'First words.' })
    await mail.waitFor(everything, subjectIs(title))
    ok(
      await editor.patch(`/api/news/${release.id}?draft=true`, {
        summary: 'A man has been arrested.',
      }),
      'edit',
    )
    ok(
      await transition(editor, release.id, 'amend', { change: 'major', note: 'Arrest made.' }),
      'amend quietly',
    )
    ok(
      await editor.patch(`/api/news/${release.id}?draft=true`, { summary: 'He has been charged.' }),
      'edit',
    )
    ok(
      await transition(editor, release.id, 'amend', {
        change: 'major',
        note: 'Man charged.',
        alertSubscribers: true,
      }),
      'amend and tell',
    )
    const update = await mail.waitFor(everything, subjectIs(`Updated: ${title}`))
    expect(update.text).toContain('Man charged.')
    expect(update.text).toContain('He has been charged.')
    expect((await mail.to(everything)).filter(subjectIs(`Updated: ${title}`))).toHaveLength(1)
  })

  it('lets a reader change what they get from their own link, without an account', async () => {
    const manage = linkIn(alert, '/alerts/manage/')
    const shown = await page(await fetch(manage))
    expect(shown.status).toBe(200)
    expect(shown.html.one('h1')?.text).toBe('Change what you get by e-mail')
    const saved = await page(
      await post(new URL(manage).pathname, {
        what: 'some',
        categories: String(otherCategory.id),
        frequency: 'daily',
      }),
    )
    expect(saved.status).toBe(200)
    expect(saved.html.text).toContain('Your choices are saved')
    const stored = await subscriberNamed(everything)
    expect(stored).toMatchObject({
      allNews: false,
      frequency: 'daily',
      categories: [otherCategory.id],
    })
    // A daily reader is not e-mailed as releases go out.
    const now = `Daily readers wait ${TAG}`
    await publishRelease(editor, { title: now, summary: 'z', category: otherCategory.id })
    await mail.waitFor(roadsOnly, () => false, 1).catch(() => undefined)
    const marker = `Marker for the roads reader ${TAG}`
    await publishRelease(editor, { title: marker, summary: 'm', category: category.id })
    await mail.waitFor(roadsOnly, subjectIs(marker))
    expect((await mail.to(everything)).filter(subjectIs(now))).toEqual([])
    // A link with a changed signature works for nobody.
    const forged = manage.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    expect((await fetch(forged)).status).toBe(404)
  })

  it('unsubscribes in one click from the mail program (RFC 8058), deletes the address, and sends nothing more', async () => {
    const release = await publishRelease(editor, {
      title: `Before leaving ${TAG}`,
      summary: 'x',
      category: category.id,
    })
    const last = await mail.waitFor(roadsOnly, subjectIs(`Before leaving ${TAG}`))
    void release
    const target = header(last, 'List-Unsubscribe')!
    const url = target.slice(1, -1)
    const oneClick = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(oneClick.status).toBe(200)
    expect(await subscriberNamed(roadsOnly)).toBeUndefined()
    // The link is done with: the page says there is nothing more to do.
    const again = await page(await fetch(url))
    expect(again.status).toBe(404)
    expect(again.html.text).toContain('we have deleted your address')
    const marker = `After leaving ${TAG}`
    await publishRelease(editor, { title: marker, summary: 'x', category: category.id })
    await mail.waitFor(reader('double'), subjectIs(marker))
    expect((await mail.to(roadsOnly)).filter(subjectIs(marker))).toEqual([])
  })
})

describe('limits and privacy', () => {
  it('tells a confirmed address how to change its choices instead of subscribing it again, and nobody else can change them', async () => {
    const email = reader('known')
    await subscribe(email, { what: 'all', frequency: 'immediately' })
    const answer = await page(
      await post('/alerts', {
        email,
        what: 'some',
        categories: String(category.id),
        frequency: 'daily',
      }),
    )
    expect(answer.html.one('h1')?.text).toBe('Check your e-mail')
    const known = await mail.waitFor(
      email,
      (m) => m.subject?.startsWith('You already get') ?? false,
    )
    expect(linkIn(known, '/alerts/manage/')).toBeTruthy()
    expect(await subscriberNamed(email)).toMatchObject({ allNews: true, frequency: 'immediately' })
  })

  it('sends one address at most three e-mails a day however often it is asked, and the page does not say so', async () => {
    const email = reader('limited')
    for (let i = 0; i < 5; i++) {
      const answer = await page(await post('/alerts', { email, what: 'all', frequency: 'daily' }))
      expect(answer.html.one('h1')?.text).toBe('Check your e-mail')
    }
    // Marker: a later e-mail to another address, by which time any fourth would have come.
    const marker = reader('limited-marker')
    await post('/alerts', { email: marker, what: 'all', frequency: 'daily' })
    await mail.waitFor(marker)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await mail.to(email)).toHaveLength(3)
  })

  it('shows subscribers to admins only; an admin can export one and delete one', async () => {
    expect((await editor.get('/api/subscribers')).status).toBe(403)
    expect((await api(server.url).get('/api/subscribers')).status).toBe(403)
    const subscriber = await subscriberNamed(reader('known'))
    expect((await editor.get(`/api/subscribers/${subscriber.id}/export`)).status).toBe(403)
    const exported = await admin.get(`/api/subscribers/${subscriber.id}/export`)
    expect(exported.status).toBe(200)
    expect(exported.body.subscriber).toMatchObject({ email: reader('known'), status: 'confirmed' })
    expect(Array.isArray(exported.body.emails)).toBe(true)
    expect((await admin.delete(`/api/subscribers/${subscriber.id}`)).status).toBe(200)
    expect(await subscriberNamed(reader('known'))).toBeUndefined()
  })

  it('refuses to send an update for a minor change', async () => {
    const draft = await createDraft(editor, { title: `Minor ${TAG}`, summary: 's' })
    void draft
    const release = await publishRelease(editor, { title: `Minor change ${TAG}`, summary: 's' })
    ok(await editor.patch(`/api/news/${release.id}?draft=true`, { summary: 't' }), 'edit')
    const refused = await transition(editor, release.id, 'amend', {
      change: 'minor',
      alertSubscribers: true,
    })
    expect(refused.status).toBe(400)
  })
})

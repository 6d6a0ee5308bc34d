/**
 * Without a mail server (no SMTP_URL), e-mail is kept, not lost: outside production each
 * message is a file in the outbox, exactly as it would have gone out, and admins read it in
 * the admin's Outbox; in production nothing is sent, and the log and the desk say so. In
 * neither case does a reset link reach the log.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { parseHtml } from '../helpers/html'
import { ADMIN, runStartExpectingFailure, startServer, type TestServer } from '../helpers/server'

const ADDRESS = 'Northmoor Police press office\n1 <b>Moor</b> Lane & Co, Northmoor NM1 1AA'

/** An admin page as the signed-in person sees it (the admin reads the session cookie). */
const adminPage = async (server: TestServer, path: string, who?: Api) => {
  const response = await fetch(server.url + path, {
    headers: who?.token
      ? { Authorization: `JWT ${who.token}`, Cookie: `payload-token=${who.token}` }
      : {},
    redirect: 'manual',
  })
  return { status: response.status, body: await response.text() }
}

const keptFiles = (server: TestServer) => {
  try {
    return fs.readdirSync(path.join(server.dir, 'outbox')).filter((name) => name.endsWith('.json'))
  } catch {
    return []
  }
}

const waitForKept = async (server: TestServer, count: number) => {
  const until = Date.now() + 20_000
  while (keptFiles(server).length < count) {
    if (Date.now() > until) throw new Error(`Only ${keptFiles(server).length} e-mail kept`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const name = keptFiles(server).sort().at(-1)!
  return JSON.parse(fs.readFileSync(path.join(server.dir, 'outbox', name), 'utf8'))
}

describe('the outbox, with no mail server outside production', () => {
  let server: TestServer
  let admin: Api
  let editor: Api
  const editorEmail = 'outbox.editor@northmoor.test'

  beforeAll(async () => {
    server = await startServer()
    admin = await signIn(server.url, ADMIN.email, ADMIN.password)
    const settings = await admin.post('/api/globals/site-settings', {
      pressOfficeAddress: ADDRESS,
    })
    expect(settings.status).toBe(200)
    editor = await createUserAndSignIn(server.url, admin, {
      email: editorEmail,
      roles: ['editor'],
      name: 'Owen <Outbox>',
    })
  })
  afterAll(async () => {
    await server?.stop()
  })

  let kept: any

  it('keeps a forgotten-password e-mail as the raw message, with an HTML and a text part, the force and its address at the foot, and a Message-ID saying what it is', async () => {
    const asked = await api(server.url).post('/api/users/forgot-password', { email: editorEmail })
    expect(asked.status).toBe(200)
    kept = await waitForKept(server, 1)

    expect(kept.to).toEqual([editorEmail])
    expect(kept.subject).toBe('Reset your Newsroom password')
    expect(kept.raw).toMatch(/^Content-Type: multipart\/alternative/m)
    expect(kept.raw).toMatch(/^Subject: Reset your Newsroom password\r?$/m)
    expect(kept.messageId).toMatch(/^<password-reset\.\d+\.\d+\.[0-9a-f]{16}@localhost>$/)
    expect(kept.raw).toContain(`Message-ID: ${kept.messageId}`)
    // The address never appears in the Message-ID, only a hash of it.
    expect(kept.messageId).not.toContain('outbox.editor')

    expect(kept.text).toContain('Dear Owen <Outbox>,')
    expect(kept.text).toMatch(/\/admin\/reset\/[0-9a-f]{40}/)
    expect(kept.text).toContain(
      'Northmoor Police\nNorthmoor Police press office\n1 <b>Moor</b> Lane',
    )

    // In the HTML every value from people and settings is escaped.
    expect(kept.html).toContain('Dear Owen &lt;Outbox&gt;,')
    expect(kept.html).toContain('1 &lt;b&gt;Moor&lt;/b&gt; Lane &amp; Co')
    expect(kept.html).not.toContain('<b>Moor</b>')
    const footer = parseHtml(kept.html).all.find((e) => e.attrs['data-part'] === 'footer')!
    expect(footer.text).toContain('Northmoor Police press office1 <b>Moor</b> Lane & Co')
  })

  it('writes neither the reset link nor its token to the log, and does not print e-mail to the console', () => {
    const token = /\/admin\/reset\/([0-9a-f]{40})/.exec(kept.text)![1]!
    const log = server.output()
    expect(log).toContain('E-mail is kept in the outbox')
    expect(log).not.toContain(token)
    expect(log).not.toContain('/admin/reset/')
    expect(log).not.toMatch(/written to console/i)
  })

  it('lists the kept e-mail newest first for an admin, and shows one as sent: headers, the HTML in a sandboxed frame, the text', async () => {
    await api(server.url).post('/api/users/forgot-password', { email: ADMIN.email })
    const newest = await waitForKept(server, 2)

    const list = await adminPage(server, '/admin/outbox', admin)
    expect(list.status).toBe(200)
    // Said by the admin's own pages, after Next.js has started in the process (it sets NODE_ENV
    // to production for itself): this is the outbox, not e-mail that is off.
    expect(list.body).toContain('so Newsroom keeps each e-mail here instead of sending it')
    expect((await adminPage(server, '/admin', admin)).body).not.toContain('E-mail is off.')
    expect(parseHtml(list.body).all.some((e) => e.attrs.href === '/admin/outbox')).toBe(true)
    const rows = parseHtml(list.body).all.filter((e) => e.tag === 'tr')
    expect(rows[1]!.text).toContain(ADMIN.email)
    expect(rows[2]!.text).toContain(editorEmail)
    expect(rows[1]!.text).toContain('Reset your Newsroom password')

    const page = await adminPage(server, `/admin/outbox?message=${kept.id}`, admin)
    expect(page.status).toBe(200)
    const html = parseHtml(page.body)
    const frame = html.all.find((e) => e.tag === 'iframe')!
    expect(frame.attrs.sandbox).toBe('')
    expect(frame.attrs.srcdoc).toBe(kept.html)
    const headers = html.all.find((e) => e.tag === 'dl')!.text
    expect(headers).toContain(`Message-ID${kept.messageId}`)
    expect(headers).toContain(`To${editorEmail}`)
    expect(html.all.find((e) => e.tag === 'pre')!.text).toBe(kept.text)
    expect(newest.id).not.toBe(kept.id)
  })

  it('shows the outbox to admins only: an editor is refused, and someone signed out is sent to sign in', async () => {
    const asEditor = await adminPage(server, '/admin/outbox', editor)
    expect(asEditor.body).toContain('Only admins may read the outbox.')
    expect(asEditor.body).not.toContain('Reset your Newsroom password')
    expect(parseHtml(asEditor.body).all.some((e) => e.attrs.href === '/admin/outbox')).toBe(false)
    const one = await adminPage(server, `/admin/outbox?message=${kept.id}`, editor)
    expect(one.body).not.toContain('/admin/reset/')

    const signedOut = await adminPage(server, '/admin/outbox')
    expect(signedOut.body).not.toContain('Reset your Newsroom password')
    expect(
      signedOut.status === 307 || /NEXT_REDIRECT;replace;\/admin\/login/.test(signedOut.body),
    ).toBe(true)
  })

  it('finds no message by a name that is not one of its own (no path outside the outbox)', async () => {
    const page = await adminPage(server, '/admin/outbox?message=..%2F..%2Fnewsroom.db', admin)
    expect(page.body).toContain('Not in the outbox')
  })
})

describe('in production with no mail server', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startServer({
      env: { NODE_ENV: 'production', PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex') },
    })
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('says once at start-up that e-mail is off, sends nothing, keeps nothing, and logs no content', async () => {
    expect(server.output().match(/E-mail is off/g)).toHaveLength(1)
    const asked = await api(server.url).post('/api/users/forgot-password', { email: ADMIN.email })
    expect(asked.status).toBe(200)
    const until = Date.now() + 10_000
    while (!server.output().includes('a message was not sent') && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 100))
    expect(server.output()).toContain(
      'E-mail is off (SMTP_URL is not set): a message was not sent.',
    )
    expect(server.output()).not.toContain('/admin/reset/')
    expect(server.output()).not.toContain('Reset your Newsroom password')
    expect(keptFiles(server)).toEqual([])
  })

  it('tells admins on the desk that e-mail is off, and not other people', async () => {
    const admin = await signIn(server.url, ADMIN.email, ADMIN.password)
    const desk = await adminPage(server, '/admin', admin)
    expect(desk.status).toBe(200)
    const notice = parseHtml(desk.body).all.find((e) => e.attrs.class === 'desk__notice')
    expect(notice?.text).toContain('E-mail is off.')

    const author = await createUserAndSignIn(server.url, admin, {
      email: 'off.author@northmoor.test',
      roles: ['author'],
    })
    const theirs = await adminPage(server, '/admin', author)
    expect(theirs.body).toContain('Press desk')
    expect(theirs.body).not.toContain('E-mail is off.')
  })
})

describe('start-up refuses a mail setting it cannot use', () => {
  it('refuses an SMTP_URL that is not smtp:// or smtps://, without printing its password', async () => {
    const { code, output } = await runStartExpectingFailure({
      SMTP_URL: 'https://mailer:hunter2-very-secret@mail.example.org',
    })
    expect(code).toBe(1)
    expect(output).toContain('SMTP_URL must be a mail server address such as smtp://')
    expect(output).not.toContain('hunter2-very-secret')
    expect(output).not.toMatch(/\n\s+at /)
  })

  it('refuses an EMAIL_FROM that is not an address', async () => {
    const { code, output } = await runStartExpectingFailure({
      EMAIL_FROM: 'Northmoor press office',
    })
    expect(code).toBe(1)
    expect(output).toContain('EMAIL_FROM must be an e-mail address')
  })
})

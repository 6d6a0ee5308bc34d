/**
 * Inviting a colleague: an admin adds them by name, e-mail and roles without choosing a
 * password; they get an e-mail, through a real SMTP server, with a link to choose their own,
 * valid 7 days and usable once, and nobody can sign in as them before. Adding someone with a
 * password still works as it did, and a mail server that is down delays the invitation
 * without losing it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { queryServerDatabase } from '../helpers/database'
import { ADMIN, freePort, startServer, type TestServer } from '../helpers/server'
import { linkIn, startSmtp, type TestSmtp } from '../helpers/smtp'

const CHOSEN = 'heather quarry bicycle lamp'

const tokenOf = (link: string) => link.split('/admin/reset/')[1]!

describe('an invitation', () => {
  let smtp: TestSmtp
  let server: TestServer
  let admin: Api

  beforeAll(async () => {
    smtp = await startSmtp()
    server = await startServer({ env: { SMTP_URL: smtp.url } })
    admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  })
  afterAll(async () => {
    await server?.stop()
    await smtp?.close()
  })

  it('lets an admin add a colleague without a password; the colleague is e-mailed a link, valid 7 days, to choose their own, and cannot sign in before', async () => {
    const email = 'invited.editor@northmoor.test'
    const before = Date.now()
    const created = await admin.post('/api/users', {
      name: 'Ifan Invited',
      email,
      roles: ['author', 'editor'],
    })
    expect(created.status).toBe(201)

    const message = await smtp.waitFor(email)
    expect(message.subject).toBe('You are invited to Newsroom, Northmoor Police')
    expect(message.messageId).toMatch(
      new RegExp(`^<invitation\\.${created.body.doc.id}\\.\\d+\\.[0-9a-f]{16}@localhost>$`),
    )
    expect(message.text).toContain('Dear Ifan Invited,')
    expect(message.text).toContain('You are an editor')
    expect(message.text).toContain('within 7 days')
    const link = linkIn(message, `${server.url}/admin/reset/`)
    expect(message.html).toContain(`href="${link}"`)

    const [row] = await queryServerDatabase(
      server.dir,
      'SELECT reset_password_expiration AS expires FROM users WHERE email = ?',
      [email],
    )
    const validFor = new Date(String(row!.expires)).getTime() - before
    expect(validFor).toBeGreaterThan(7 * 24 * 3600_000 - 60_000)
    expect(validFor).toBeLessThan(7 * 24 * 3600_000 + 60_000)

    // Before choosing: no password signs in.
    for (const password of ['', 'a-long-test-password-42', 'password'])
      expect((await api(server.url).post('/api/users/login', { email, password })).status).not.toBe(
        200,
      )

    const chosen = await api(server.url).post('/api/users/reset-password', {
      token: tokenOf(link),
      password: CHOSEN,
    })
    expect(chosen.status).toBe(200)
    const colleague = await signIn(server.url, email, CHOSEN)
    expect((await colleague.get('/api/users/me')).body.user.roles).toEqual(['author', 'editor'])

    const again = await api(server.url).post('/api/users/reset-password', {
      token: tokenOf(link),
      password: 'somebody else entirely 99',
    })
    expect(again.status).toBeGreaterThanOrEqual(400)
    await signIn(server.url, email, CHOSEN)
    expect(server.output()).not.toContain(tokenOf(link))
  })

  it('offers admins, and nobody else, "Invite a colleague" above the list of users', async () => {
    const page = async (who: Api) =>
      (
        await fetch(`${server.url}/admin/collections/users`, {
          headers: { Authorization: `JWT ${who.token}`, Cookie: `payload-token=${who.token}` },
        })
      ).text()
    expect(await page(admin)).toContain('Invite a colleague')
    const editor = await createUserAndSignIn(server.url, admin, {
      email: 'list.editor@northmoor.test',
      roles: ['editor'],
    })
    expect(await page(editor)).not.toContain('Invite a colleague')
  })

  it('sends nothing when an admin sets the password, as before, and lets no one else invite', async () => {
    const set = 'with.password@northmoor.test'
    const editor = await createUserAndSignIn(server.url, admin, { email: set, roles: ['editor'] })
    const refused = await editor.post('/api/users', {
      name: 'Not Allowed',
      email: 'not.allowed@northmoor.test',
      roles: ['author'],
    })
    expect(refused.status).toBe(403)

    // A later invitation that does arrive: by then the others would have too.
    const marker = 'marker.invite@northmoor.test'
    expect(
      (await admin.post('/api/users', { name: 'Mark', email: marker, roles: ['author'] })).status,
    ).toBe(201)
    await smtp.waitFor(marker)
    expect(smtp.to(set)).toEqual([])
    expect(smtp.to('not.allowed@northmoor.test')).toEqual([])
  })
})

describe('an invitation while the mail server is down', () => {
  let smtp: TestSmtp | undefined
  let server: TestServer
  let port: number

  beforeAll(async () => {
    port = await freePort()
    server = await startServer({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } })
  })
  afterAll(async () => {
    await server?.stop()
    await smtp?.close()
  })

  it('saves the colleague at once, logs the failure without the message, and sends it when the server is back', async () => {
    const admin = await signIn(server.url, ADMIN.email, ADMIN.password)
    const email = 'delayed.invite@northmoor.test'
    const started = Date.now()
    const created = await admin.post('/api/users', { name: 'Dee Layed', email, roles: ['author'] })
    expect(created.status).toBe(201)
    expect(Date.now() - started).toBeLessThan(10_000)

    const until = Date.now() + 20_000
    while (!/e-mail \(invitation.*was not sent/.test(server.output()) && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 200))
    expect(server.output()).toMatch(
      /An e-mail \(invitation, record \d+\) was not sent \(\w+\); it will be tried again/,
    )
    expect(server.output()).not.toContain('/admin/reset/')
    expect(server.output()).not.toContain('You are invited')

    // A reset asked for meanwhile answers as one for an unknown address does: nothing tells
    // whoever asked that the account exists, and the log says it was not sent, without the link.
    const known = await api(server.url).post('/api/users/forgot-password', { email: ADMIN.email })
    const unknown = await api(server.url).post('/api/users/forgot-password', {
      email: 'nobody.at.all@northmoor.test',
    })
    expect(known.status).toBe(200)
    expect(known.body).toEqual(unknown.body)
    // The server's log reaches the test through a pipe: the line may come a moment after the answer.
    const logged = Date.now() + 20_000
    while (!/A password-reset e-mail was not sent/.test(server.output()) && Date.now() < logged)
      await new Promise((resolve) => setTimeout(resolve, 200))
    expect(server.output()).toMatch(/A password-reset e-mail was not sent \(\w+\)/)
    expect(server.output()).not.toContain('/admin/reset/')

    smtp = await startSmtp(port)
    const message = await smtp.waitFor(email, undefined, 60_000)
    expect(message.subject).toBe('You are invited to Newsroom, Northmoor Police')
    expect(smtp.to(email)).toHaveLength(1)
  }, 120_000)
})

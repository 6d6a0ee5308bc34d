/**
 * "Forgot password?" end to end, through a real SMTP server: the e-mail arrives with a link
 * to the admin's reset page, the link's token sets a new password once, and not after an hour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, signIn, type Api } from '../helpers/api'
import { queryServerDatabase } from '../helpers/database'
import { ADMIN, startServer, type TestServer } from '../helpers/server'
import { linkIn, startSmtp, type TestSmtp } from '../helpers/smtp'

let smtp: TestSmtp
let server: TestServer
let admin: Api

const OLD = 'granite lantern pebble orchard'
const NEW = 'saffron glacier ladder mint'

beforeAll(async () => {
  smtp = await startSmtp()
  server = await startServer({
    env: {
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'Northmoor Police press office <press@northmoor.test>',
    },
  })
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
})
afterAll(async () => {
  await server?.stop()
  await smtp?.close()
})

const newAccount = async (email: string) => {
  const created = await admin.post('/api/users', {
    email,
    password: OLD,
    name: 'Rhys Reset',
    roles: ['author'],
  })
  expect(created.status).toBe(201)
}

const resetLinkFor = async (email: string) => {
  const asked = await api(server.url).post('/api/users/forgot-password', { email })
  expect(asked.status).toBe(200)
  const message = await smtp.waitFor(email)
  return { message, link: linkIn(message, `${server.url}/admin/reset/`) }
}

const tokenOf = (link: string) => link.split('/admin/reset/')[1]!

describe('a forgotten password', () => {
  it('sends an e-mail from EMAIL_FROM with a link to the reset page, in HTML and text, that sets a new password once', async () => {
    const email = 'reset.once@northmoor.test'
    await newAccount(email)
    const { message, link } = await resetLinkFor(email)

    expect(message.from?.value[0]).toEqual({
      address: 'press@northmoor.test',
      name: 'Northmoor Police press office',
    })
    expect(message.subject).toBe('Reset your Newsroom password')
    expect(message.messageId).toMatch(/^<password-reset\.\d+\.\d+\.[0-9a-f]{16}@localhost>$/)
    expect(message.text).toContain('within one hour')
    expect(message.html).toContain(`href="${link}"`)
    expect(tokenOf(link)).toMatch(/^[0-9a-f]{40}$/)

    const reset = await api(server.url).post('/api/users/reset-password', {
      token: tokenOf(link),
      password: NEW,
    })
    expect(reset.status).toBe(200)
    await signIn(server.url, email, NEW)
    const old = await api(server.url).post('/api/users/login', { email, password: OLD })
    expect(old.status).toBe(401)

    const again = await api(server.url).post('/api/users/reset-password', {
      token: tokenOf(link),
      password: 'another fresh password 77',
    })
    expect(again.status).toBeGreaterThanOrEqual(400)
    await signIn(server.url, email, NEW)

    // The token went by e-mail only: never into the log.
    expect(server.output()).not.toContain(tokenOf(link))
  })

  it('gives a link valid for one hour, and refuses it once the hour is up', async () => {
    const email = 'reset.expired@northmoor.test'
    await newAccount(email)
    const before = Date.now()
    const { link } = await resetLinkFor(email)
    const [row] = await queryServerDatabase(
      server.dir,
      'SELECT reset_password_expiration AS expires FROM users WHERE email = ?',
      [email],
    )
    const expires = new Date(String(row!.expires)).getTime()
    expect(expires - before).toBeGreaterThan(59 * 60_000)
    expect(expires - before).toBeLessThan(61 * 60_000)

    // An hour later (the clock moved on, as far as the database knows).
    await queryServerDatabase(
      server.dir,
      'UPDATE users SET reset_password_expiration = ? WHERE email = ?',
      [new Date(Date.now() - 1000).toISOString(), email],
    )
    const late = await api(server.url).post('/api/users/reset-password', {
      token: tokenOf(link),
      password: NEW,
    })
    expect(late.status).toBeGreaterThanOrEqual(400)
    await signIn(server.url, email, OLD)
  })

  it('answers the same for an address with no account, and sends nothing', async () => {
    const asked = await api(server.url).post('/api/users/forgot-password', {
      email: 'nobody.here@northmoor.test',
    })
    expect(asked.status).toBe(200)
    // Another request after it that does send: when that has arrived, the first would have too.
    const email = 'reset.marker@northmoor.test'
    await newAccount(email)
    await resetLinkFor(email)
    expect(smtp.to('nobody.here@northmoor.test')).toEqual([])
  })
})

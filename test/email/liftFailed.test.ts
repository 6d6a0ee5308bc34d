/**
 * When an embargo lift's follow-up (webhooks, its history entry) fails on every try, the
 * editors are told by e-mail, once, after the last retry and not before. The retries wait
 * 5, 10, 20, 40 seconds…; here LIFT_RETRY_DELAY_MS makes that 0.5, 1, 2, 4.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUserAndSignIn, signIn } from '../helpers/api'
import { createDraft, ok, transition } from '../helpers/releases'
import { ADMIN, freePort, startServer, type TestServer } from '../helpers/server'
import { startSmtp, type TestSmtp } from '../helpers/smtp'

const EDITOR = 'lift.editor@northmoor.test'
const AUTHOR = 'lift.author@northmoor.test'

const subjectIs = (subject: string) => (message: { subject?: string }) =>
  message.subject === subject

describe('a lift whose follow-up fails for good', () => {
  let smtp: TestSmtp
  let server: TestServer

  beforeAll(async () => {
    smtp = await startSmtp()
    // Nothing listens at the webhook address: every delivery, so every try of the lift, fails.
    const nowhere = await freePort()
    server = await startServer({
      env: {
        SMTP_URL: smtp.url,
        WEBHOOK_URLS: `http://127.0.0.1:${nowhere}/hook`,
        LIFT_RETRY_DELAY_MS: '500',
      },
    })
  })
  afterAll(async () => {
    await server?.stop()
    await smtp?.close()
  })

  it('tells the editors once the last retry has failed, and not before', async () => {
    const admin = await signIn(server.url, ADMIN.email, ADMIN.password)
    const editor = await createUserAndSignIn(server.url, admin, {
      email: EDITOR,
      roles: ['editor'],
      name: 'Erin Editor',
    })
    const author = await createUserAndSignIn(server.url, admin, {
      email: AUTHOR,
      roles: ['author'],
    })
    const release = await createDraft(author, { title: 'Lift that fails', summary: 'S.' })
    ok(await transition(author, release.id, 'submit'), 'submit')
    const publishAt = new Date(Date.now() + 2000).toISOString()
    ok(await transition(editor, release.id, 'schedule', { publishAt }), 'schedule')

    // The first tries fail (0.5, 1, 2, 4 seconds apart) without an e-mail to the editors.
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    expect(
      smtp.to(EDITOR).filter(subjectIs('Embargo lift follow-up failed: Lift that fails')),
    ).toEqual([])

    const message = await smtp.waitFor(
      EDITOR,
      subjectIs('Embargo lift follow-up failed: Lift that fails'),
      240_000,
    )
    expect(message.text).toContain(
      'The embargo on “Lift that fails” has lifted and the release is public',
    )
    expect(message.text).toContain(`${server.url}/admin/collections/news/${release.id}`)
    await smtp.waitFor(ADMIN.email, subjectIs('Embargo lift follow-up failed: Lift that fails'))
    expect(
      smtp.to(EDITOR).filter(subjectIs('Embargo lift follow-up failed: Lift that fails')),
    ).toHaveLength(1)
  }, 330_000)
})

/**
 * Workflow e-mail, through a real SMTP server: a submission reaches the editors, a return
 * reaches the author with the editor's note in full, scheduling and the lift reach the author,
 * the person who took the step is not told of it, and someone who said no gets nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { parseHtml } from '../helpers/html'
import { createDraft, ok, transition } from '../helpers/releases'
import { sharedMailbox } from '../helpers/mailSink'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

const smtp = sharedMailbox()
let server: SharedServer
let admin: Api
let editor: Api
let optedOut: Api
let author: Api

const EDITOR = 'notify.editor@northmoor.test'
const OPTED_OUT = 'notify.quiet@northmoor.test'
const AUTHOR = 'notify.author@northmoor.test'

const NOTE = [
  'Thanks, Aled. A few things before this can go:',
  '',
  '1. The second paragraph names the street; take it out until the family has been told.',
  '2. Quote from the Superintendent: check the wording with her office <before> we use it & say so.',
  '<script>alert("not run")</script>',
  ...Array.from(
    { length: 18 },
    (_, i) => `Line ${i + 3}: every word of a long note reaches the author, not a shortened one.`,
  ),
  'Erin',
].join('\n')

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  editor = await createUserAndSignIn(server.url, admin, {
    email: EDITOR,
    roles: ['editor'],
    name: 'Erin Editor',
  })
  optedOut = await createUserAndSignIn(server.url, admin, {
    email: OPTED_OUT,
    roles: ['editor'],
    name: 'Quinn Quiet',
  })
  author = await createUserAndSignIn(server.url, admin, {
    email: AUTHOR,
    roles: ['author'],
    name: 'Aled Author',
  })
  // Quinn says no to submissions, on their own account.
  const me = (await optedOut.get('/api/users/me')).body.user
  ok(
    await optedOut.patch(`/api/users/${me.id}`, { notifications: { submitted: false } }),
    'opt out',
  )
})

/** This file's releases: unique on a server other files share, so that subjects name only them. */
const TITLES = [
  'Appeal after Eastfield burglary (notify)',
  'Witness appeal after collision (notify)',
  'Roads policing figures for the winter (notify)',
  'A marker (notify)',
]

const subjectIs = (subject: string) => (message: { subject?: string }) =>
  message.subject === subject

describe('workflow e-mail', () => {
  let draft: { id: number }
  const title = TITLES[0]

  it('tells the editors (and admins) that a release waits for review, with a link to it; not someone who said no, nor the author who submitted it', async () => {
    draft = await createDraft(author, { title, summary: 'The words the editor reviews.' })
    ok(await transition(author, draft.id, 'submit'), 'submit')

    const message = await smtp.waitFor(EDITOR, subjectIs(`Waiting for review: ${title}`))
    expect(message.text).toContain(`Aled Author submitted “${title}” for review at`)
    expect(message.text).toContain(`${server.url}/admin/collections/news/${draft.id}`)
    expect(message.messageId).toMatch(
      new RegExp(`^<workflow-submit\\.${draft.id}\\.\\d+\\.[0-9a-f]{16}@localhost>$`),
    )
    await smtp.waitFor(ADMIN.email, subjectIs(`Waiting for review: ${title}`))
  })

  it('gives the author the editor’s note in full when a release is returned, escaped in the HTML', async () => {
    ok(await transition(editor, draft.id, 'return', { note: NOTE }), 'return')
    const message = await smtp.waitFor(AUTHOR, subjectIs(`Returned to you: ${title}`))
    expect(message.text).toContain(`Erin Editor returned “${title}” to you at`)
    expect(message.text).toContain(NOTE)
    const quoted = parseHtml(message.html as string).all.find((e) => e.tag === 'blockquote')!
    expect(quoted.text).toBe(NOTE)
    expect(parseHtml(message.html as string).all.some((e) => e.tag === 'script')).toBe(false)
    // The editor who returned it is not told of their own step.
    expect((await smtp.to(EDITOR)).filter(subjectIs(`Returned to you: ${title}`))).toEqual([])
  })

  it('tells the author when it is scheduled and when the embargo lifts', async () => {
    ok(
      await transition(author, draft.id, 'submit', { note: 'Street name taken out, as asked.' }),
      'submit again',
    )
    // The note that came with a step goes with its e-mail.
    const resubmitted = (await smtp.to(EDITOR)).filter(subjectIs(`Waiting for review: ${title}`))
    const second = await smtp.waitFor(
      EDITOR,
      (m) => subjectIs(`Waiting for review: ${title}`)(m) && !resubmitted.includes(m),
    )
    expect(second.text).toContain('Street name taken out, as asked.')
    const publishAt = new Date(Date.now() + 4000).toISOString()
    ok(
      await transition(editor, draft.id, 'schedule', { publishAt, note: 'Media pack to follow.' }),
      'schedule',
    )
    const scheduled = await smtp.waitFor(AUTHOR, subjectIs(`Scheduled: ${title}`))
    expect(scheduled.text).toContain('It is under embargo until')
    expect(scheduled.text).toContain('Media pack to follow.')

    const lifted = await smtp.waitFor(AUTHOR, subjectIs(`Embargo lifted: ${title}`), 30_000)
    expect(lifted.text).toMatch(new RegExp(`${server.url}/news/[a-z0-9-]+`))
  })

  it('tells the author when a release is approved and published now', async () => {
    const now = await createDraft(author, {
      title: TITLES[1],
      summary: 'Out at once.',
    })
    ok(await transition(author, now.id, 'submit'), 'submit')
    ok(await transition(editor, now.id, 'approve'), 'approve')
    const message = await smtp.waitFor(AUTHOR, subjectIs(`Published: ${TITLES[1]}`))
    expect(message.text).toContain(`Erin Editor approved “${TITLES[1]}” at`)
    expect(message.text).toContain('it is now public')
  })

  it('tells whoever made a preview link when a journalist first opens it, and only the first time', async () => {
    const embargoed = await createDraft(author, {
      title: TITLES[2],
      summary: 'Under embargo.',
    })
    ok(await transition(author, embargoed.id, 'submit'), 'submit')
    const publishAt = new Date(Date.now() + 3600_000).toISOString()
    ok(await transition(editor, embargoed.id, 'schedule', { publishAt }), 'schedule')
    const link = ok(
      await editor.post(`/api/news/${embargoed.id}/preview-links`, {
        label: 'Sam Reporter, <Northmoor Echo>',
      }),
      'preview link',
    )
    const opened = await fetch(link.url.replace(/^https?:\/\/[^/]+/, server.url))
    expect(opened.status).toBe(200)
    const message = await smtp.waitFor(EDITOR, subjectIs(`Preview opened: ${TITLES[2]}`))
    expect(message.text).toContain(
      `Sam Reporter, <Northmoor Echo> opened the embargoed preview of “${TITLES[2]}” for the first time at`,
    )
    expect(message.html).toContain('Sam Reporter, &lt;Northmoor Echo&gt;')

    await fetch(link.url.replace(/^https?:\/\/[^/]+/, server.url))
    // A later e-mail to the same person: by the time it is here, a second "opened" would be too.
    const later = await createDraft(author, { title: TITLES[3], summary: 'Marker.' })
    ok(await transition(author, later.id, 'submit'), 'submit marker')
    await smtp.waitFor(EDITOR, subjectIs(`Waiting for review: ${TITLES[3]}`))
    expect((await smtp.to(EDITOR)).filter(subjectIs(`Preview opened: ${TITLES[2]}`))).toHaveLength(
      1,
    )
  })

  it('sends nothing to someone who said no, and one e-mail per person per step', async () => {
    expect(await smtp.to(OPTED_OUT)).toEqual([])
    // Two submissions: the editor had one e-mail for each, no more.
    expect((await smtp.to(EDITOR)).filter(subjectIs(`Waiting for review: ${title}`))).toHaveLength(
      2,
    )
    const mine = (await Promise.all([EDITOR, AUTHOR, ADMIN.email].map(smtp.to))).flat()
    const ids = mine
      .filter((m) => TITLES.some((t) => m.subject?.endsWith(t)))
      .map((m) => `${m.messageId} ${m.envelopeTo.join()}`)
    expect(ids.length).toBeGreaterThan(5)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

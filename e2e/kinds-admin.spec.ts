import { jpeg } from '../test/helpers/images'
import { ADMIN } from './admins'
import { asPerson, createPerson, signIn, takeAction } from './admin'
import { expect, test } from './fixtures'
import { layoutProblems, PHONE } from './layout'

/**
 * The kinds of police release in the admin, as a comms officer meets them (issue 15): the kind
 * chosen as a release is written, what happens after it is out (found, charged, the pictures
 * kept past their review) from the Workflow dialog, the contempt-of-court warning and the legal
 * check, and the desk. The takedowns themselves are checked on every public surface by the
 * integration tests; here, that the officer is told what will happen and it does.
 */

const OFFICER = 'kit.kinds@northmoor.test'
const COLLEAGUE = 'sol.kinds@northmoor.test'

const people = async (request: Parameters<typeof asPerson>[0], site: string) => {
  await createPerson(request, site, OFFICER, 'Kit Kinds', ['editor'])
  await createPerson(request, site, COLLEAGUE, 'Sol Kinds', ['editor'])
  return {
    officer: await asPerson(request, site, OFFICER),
    colleague: await asPerson(request, site, COLLEAGUE),
  }
}

const stamp = () => Date.now().toString(36)

test('a missing person: chosen as the release is written, then found from the Workflow dialog, which says first what is deleted', async ({
  page,
  site,
  request,
}) => {
  const { officer, colleague } = await people(request, site)
  const name = `Jodie Marsh ${stamp()}`
  await signIn(page, site, OFFICER)
  await page.goto(`${site}/admin/collections/news/create`)
  await page.waitForURL(/\/admin\/collections\/news\/\d+$/)
  const id = page.url().split('/').pop()

  // The kind is the first thing asked, every choice in sight; a missing person brings its fields.
  const kinds = page.getByRole('group', { name: 'What kind of release is this?' })
  await expect(kinds.getByRole('radio', { name: /^News/ })).toBeChecked()
  await expect(page.locator('#field-missingPerson__name')).toHaveCount(0)
  await kinds.getByRole('radio', { name: /^Missing person/ }).check()
  await expect(page.locator('#field-missingPerson__name')).toBeVisible()
  // Autosave: the last of what is typed is saved as a draft.
  const saved = page.waitForResponse(
    (r) =>
      r.request().method() === 'PATCH' &&
      r.url().includes(`/api/news/${id}`) &&
      Boolean(r.request().postData()?.includes('green parka')) &&
      r.ok(),
  )
  await page.locator('#field-title').fill('Can you help us find a missing Westbury teenager?')
  await page.locator('#field-summary').fill('She was last seen in Westbury on Friday evening.')
  await page.locator('#field-missingPerson__name').fill(name)
  await page
    .locator('#field-missingPerson__description')
    .fill('About 5ft 4in, slim, with long dark hair; wearing a green parka.')
  await saved

  // The photo through the API: the upload dialog is not what this walk-through is about.
  const photo = (await officer.upload('/api/media', await jpeg(800, 1000, '#555'), {
    alt: 'A teenage girl with long dark hair',
  })) as { doc: { id: number; url: string } }
  const draft = (await officer.get(`/api/news/${id}?draft=true&depth=0`)) as {
    missingPerson: Record<string, unknown>
  }
  expect(draft.missingPerson.name).toBe(name)
  await officer.patch(`/api/news/${id}?draft=true`, {
    missingPerson: { ...draft.missingPerson, photo: photo.doc.id },
  })
  await officer.post(`/api/news/${id}/workflow/submit`)
  await colleague.post(`/api/news/${id}/workflow/approve`)

  await page.reload()
  await expect(page.getByTestId('release-state')).toHaveText('Published')
  await expect(page.getByTestId('release-kind')).toHaveText('Missing person')
  await expect(page.getByText('The kind cannot change once a release has been')).toBeVisible()
  const { slug } = (await officer.get(`/api/news/${id}?depth=0`)) as { slug: string }

  await takeAction(page, 'Found: take the appeal down', async (dialog) => {
    const form = dialog.getByRole('group', { name: 'Found: take the appeal down' })
    await expect(form).toContainText(`${name}’s name, age, description`)
    await expect(form.getByRole('figure', { name: 'What the public will read' })).toContainText(
      'The person we appealed for has been found. Thank you for sharing our appeal.',
    )
    await form.getByRole('button', { name: 'Found: take the appeal down' }).click()
    await expect(dialog.getByRole('alert')).toContainText('Tick the box to confirm')
    await form.getByLabel(`${name} has been found`).check()
  })
  await expect(page.getByTestId('release-state')).toHaveText('Withdrawn')
  await expect(page.locator('#field-title')).toHaveValue('Missing person found')
  await expect(page.locator('#field-missingPerson__name')).toHaveValue('')

  const publicPage = await (await request.get(`${site}/news/${slug}`)).text()
  expect(publicPage).toContain('The person we appealed for has been found.')
  expect(publicPage).not.toContain(name)
  expect([404, 410]).toContain((await request.get(new URL(photo.doc.url, site).href)).status())

  // The desk shows it withdrawn under the notice alone; the list, under its kind.
  await page.goto(`${site}/admin`)
  const withdrawn = page.getByRole('region', { name: /^Withdrawn/ })
  await expect(withdrawn.locator(`a[href$="/collections/news/${id}"]`)).toHaveText(
    'Missing person found',
  )
  await page.goto(`${site}/admin/collections/news`)
  await page
    .getByRole('navigation', { name: 'Filter releases by kind' })
    .getByRole('link', { name: 'Missing people' })
    .click()
  await page.waitForURL(/where/)
  const row = page.getByRole('row').filter({ has: page.locator(`a[href$="/news/${id}"]`) })
  await expect(row).toContainText('Missing person')
  await expect(row).toContainText('Withdrawn')
  expect(new Set(await page.locator('tbody .cell-kind').allTextContents())).toEqual(
    new Set(['Missing person']),
  )
})

test('a charged case warns on the next release that names the person, which goes out only with a legal check, at a phone’s width', async ({
  page,
  site,
  request,
}, testInfo) => {
  const { officer, colleague } = await people(request, site)
  const name = `Dale Hurst ${stamp()}`
  const wanted = (
    await colleague.post('/api/news?draft=true', {
      kind: 'wanted',
      title: 'Police want to trace a man after a robbery in Westbury',
      summary: 'Officers want to speak to a man after a robbery at a shop on Market Street.',
      wanted: { name, age: 34, wantedFor: 'Robbery at a shop on Market Street.' },
      _status: 'draft',
    })
  ).doc as { id: number; title: string }
  await colleague.post(`/api/news/${wanted.id}/workflow/submit`)
  await officer.post(`/api/news/${wanted.id}/workflow/approve`)

  await signIn(page, site, OFFICER)
  await page.goto(`${site}/admin/collections/news/${wanted.id}`)
  const note = `${name}, 34, of Westbury, is charged with robbery and appears at Northmoor Magistrates’ Court on Monday.`
  await takeAction(page, 'Charged: active proceedings', async (dialog) => {
    const form = dialog.getByRole('group', { name: 'Charged: active proceedings' })
    await expect(form).toContainText(`any release that names ${name}`)
    await form.getByRole('button', { name: 'Charged: active proceedings' }).click()
    await expect(dialog.getByRole('alert')).toContainText('Add a note')
    await form.getByLabel(/Who is charged with what/).fill(note)
  })
  const warning = page.getByRole('alert').filter({ hasText: 'Active proceedings' })
  await expect(warning).toContainText(`This release’s case is active: ${note}`)

  // A colleague writes the next release, naming him in its words.
  const next = (
    await colleague.post('/api/news?draft=true', {
      title: 'Man charged after Market Street robbery',
      summary: `${name} has been charged with robbery and will appear in court on Monday.`,
      _status: 'draft',
    })
  ).doc as { id: number }
  await colleague.post(`/api/news/${next.id}/workflow/submit`)

  await page.setViewportSize(PHONE)
  await page.goto(`${site}/admin/collections/news/${next.id}`)
  await expect(warning).toContainText('This release names someone charged in another case')
  await expect(warning.getByRole('link', { name: wanted.title })).toBeVisible()
  await expect(warning).toContainText(note)
  await page.getByRole('button', { name: /^Workflow:/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Workflow' })
  await dialog.getByRole('button', { name: 'Approve and publish now' }).click()
  const form = dialog.getByRole('group', { name: 'Approve and publish now' })
  const approve = form.getByRole('button', { name: 'Approve and publish now' })
  await approve.click()
  await expect(dialog.getByRole('alert')).toContainText('Record the legal check first')
  await form.getByLabel(/Legal check: confirmed by/).fill('Priya Shah, force solicitor')
  await form
    .getByLabel(/Why it may go out/)
    .fill('It says only the charge and the court date, as the CPS agreed.')
  const shot = testInfo.outputPath('phone-legal-check.png')
  await page.screenshot({ path: shot })
  await testInfo.attach('390 px: the legal check', { path: shot, contentType: 'image/png' })
  expect(await layoutProblems(page), 'the legal check at 390 px').toEqual([])
  const reloaded = page.waitForEvent('load')
  await approve.click()
  await reloaded
  await expect(page.getByTestId('release-state')).toHaveText('Published')

  const history = (await officer.get(
    `/api/audit-log?where[releaseRef][equals]=${next.id}&where[action][equals]=approve&depth=0`,
  )) as { docs: { legalCheckBy: string; legalCheckReason: string }[] }
  expect(history.docs[0]).toMatchObject({
    legalCheckBy: 'Priya Shah, force solicitor',
    legalCheckReason: 'It says only the charge and the court date, as the CPS agreed.',
  })
})

test('a court result due for review this week is on the editors’ desk until its pictures are kept, with a reason', async ({
  page,
  site,
  request,
}) => {
  const { officer, colleague } = await people(request, site)
  const admin = await asPerson(request, site, ADMIN.email, ADMIN.password)
  const { retentionMonths } = (await admin.get('/api/globals/site-settings')) as {
    retentionMonths: number
  }
  const title = `Westbury man jailed for burglary ${stamp()}`
  const release = (
    await colleague.post('/api/news?draft=true', {
      kind: 'court-result',
      title,
      summary: 'A Westbury man has been jailed for three years for burglary.',
      courtResult: { defendantName: 'Ray Holt', court: 'Northmoor Crown Court' },
      _status: 'draft',
    })
  ).doc as { id: number }
  await colleague.post(`/api/news/${release.id}/workflow/submit`)
  // Brought over from the old website with its date, so that its review falls in three days.
  const publishedAt = new Date(Date.now() + 3 * 24 * 3600_000)
  publishedAt.setUTCMonth(publishedAt.getUTCMonth() - retentionMonths)
  await admin.post(`/api/news/${release.id}/workflow/approve`, {
    publishAt: publishedAt.toISOString(),
  })

  await signIn(page, site, OFFICER)
  await page.goto(`${site}/admin`)
  const due = page.getByRole('region', { name: /^Pictures due for review this week/ })
  await expect(due.getByRole('link', { name: title })).toBeVisible()
  await expect(due).toContainText('unless an editor keeps them')
  await due.getByRole('link', { name: title }).click()
  await page.waitForURL(/\/admin\/collections\/news\/\d+$/)
  await takeAction(page, 'Keep the pictures past their review', async (dialog) => {
    const form = dialog.getByRole('group', { name: 'Keep the pictures past their review' })
    await expect(form).toContainText('Its pictures are due for review at')
    await form
      .getByLabel(/Why the pictures are still needed/)
      .fill('The appeal for the stolen rings is still open.')
  })
  await page.goto(`${site}/admin`)
  await expect(due).toBeVisible()
  await expect(due.getByRole('link', { name: title })).toHaveCount(0)
  const after = (await officer.get(`/api/news/${release.id}?depth=0`)) as {
    after: { reviewAt: string }
  }
  expect(Date.parse(after.after.reviewAt)).toBeGreaterThan(Date.now() + 300 * 24 * 3600_000)
})

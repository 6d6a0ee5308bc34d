import type { APIRequestContext } from '@playwright/test'

import { sharedMailbox } from '../test/helpers/mailSink'
import { ADMIN } from './admins'
import { expect, expectNoViolations, test } from './fixtures'

/** The e-mail of the browser tests' server goes to a real SMTP server (e2e/global-setup.ts). */
const mail = sharedMailbox()

const linkIn = (text: string | undefined, path: string) => {
  const match = new RegExp(`https?://[^\\s]+${path}[^\\s]+`).exec(text ?? '')
  if (!match) throw new Error(`No ${path} link in:\n${text}`)
  return match[0]
}

const publish = async (
  request: APIRequestContext,
  site: string,
  title: string,
  categoryName: string,
) => {
  const login = await request.post(`${site}/api/users/login`, {
    data: { email: ADMIN.email, password: ADMIN.password },
  })
  const headers = { Authorization: `JWT ${(await login.json()).token}` }
  const categories = await (
    await request.get(`${site}/api/categories?where[name][equals]=${categoryName}`, { headers })
  ).json()
  const draft = await (
    await request.post(`${site}/api/news`, {
      data: { title, summary: 'Now at the library.', category: categories.docs[0].id },
      headers,
    })
  ).json()
  await request.post(`${site}/api/news/${draft.doc.id}/workflow/submit`, { data: {}, headers })
  const approved = await request.post(`${site}/api/news/${draft.doc.id}/workflow/approve`, {
    data: { force: true, forceReason: 'Published by the browser test.' },
    headers,
  })
  expect(approved.status()).toBe(200)
}

test('a reader subscribes on /alerts without JavaScript, confirms from the e-mail, gets the news and unsubscribes with one click', async ({
  browser,
  request,
  site,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const email = `browser.${Date.now()}@readers.test`

  await page.goto(`${site}/`)
  await page.getByRole('link', { name: 'E-mail alerts' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get our news by e-mail')
  await page.getByLabel('Your e-mail address').fill(email)
  await page.getByLabel('Only news about the topics I choose').check()
  await page.getByLabel('Community').check()
  await page.getByLabel('As soon as we publish it').check()
  await page.getByRole('button', { name: 'Subscribe' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your e-mail')

  const confirmation = await mail.waitFor(email)
  await page.goto(linkIn(confirmation.text, '/alerts/confirm/'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your subscription')
  await expect(page.locator('main')).toContainText('news about Community, as soon as we publish it')
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have subscribed')

  // A release in the reader's topic goes out: the alert arrives with their own links.
  const title = `Community meeting moved ${Date.now()}`
  await publish(request, site, title, 'Community')
  const alert = await mail.waitFor(email, (m) => m.subject === title)

  await page.goto(linkIn(alert.text, '/alerts/unsubscribe/'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Stop getting our news by e-mail?',
  )
  await page.getByRole('button', { name: 'Unsubscribe' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have unsubscribed')
  await context.close()
})

test('every page of e-mail alerts passes axe: the form, its errors, confirming, changing one’s choices and leaving', async ({
  page,
  site,
}) => {
  const email = `axe.${Date.now()}@readers.test`
  await page.goto(`${site}/alerts`)
  await expectNoViolations(page, 'the form')

  // Sent empty: the errors are listed at the top and linked to their fields.
  await page.getByRole('button', { name: 'Subscribe' }).click()
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('There is a problem')
  await expect(summary.getByRole('link', { name: 'Enter your e-mail address' })).toBeVisible()
  await expectNoViolations(page, 'the form with errors')

  await page.getByLabel('Your e-mail address').fill(email)
  await page.getByRole('button', { name: 'Subscribe' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your e-mail')
  await expectNoViolations(page, 'check your e-mail')

  const confirmation = await mail.waitFor(email)
  await page.goto(linkIn(confirmation.text, '/alerts/confirm/'))
  await expectNoViolations(page, 'confirm')
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have subscribed')
  await expectNoViolations(page, 'subscribed')

  // Asking again sends the link to change one's choices instead.
  await page.goto(`${site}/alerts`)
  await page.getByLabel('Your e-mail address').fill(email)
  await page.getByRole('button', { name: 'Subscribe' }).click()
  const known = await mail.waitFor(email, (m) => m.subject?.startsWith('You already get') ?? false)
  await page.goto(linkIn(known.text, '/alerts/manage/'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change what you get by e-mail')
  await expectNoViolations(page, 'manage')
  await page.getByLabel('Once a day, at 8am, with the day’s news').check()
  await page.getByRole('button', { name: 'Save my choices' }).click()
  await expect(page.getByRole('status')).toContainText('Your choices are saved')
  await expectNoViolations(page, 'saved')

  const leave = await page.locator('form[action^="/alerts/unsubscribe/"]').getAttribute('action')
  await page.goto(site + leave!)
  await expectNoViolations(page, 'unsubscribe')
  await page.getByRole('button', { name: 'Unsubscribe' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have unsubscribed')
  await expectNoViolations(page, 'unsubscribed')
})

test('the alerts form works at 320 pixels wide and 400% zoom, and with JavaScript on', async ({
  page,
  site,
}) => {
  await page.setViewportSize({ width: 320, height: 640 })
  await page.goto(`${site}/alerts`)
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBe(0)
  await page.getByLabel('Your e-mail address').fill(`wide.${Date.now()}@readers.test`)
  await page.getByLabel('Once a day, at 8am, with the day’s news').check()
  await page.getByRole('button', { name: 'Subscribe' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your e-mail')
})

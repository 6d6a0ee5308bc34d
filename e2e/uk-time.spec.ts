import { DateTime } from 'luxon'

import { ADMIN } from './admins'
import { signIn } from './admin'
import { expect, test } from './fixtures'

// A press officer's laptop left on Pacific time: the admin must still speak UK time.
test.use({ timezoneId: 'America/Los_Angeles' })

/** How the admin prints a moment: UK wall-clock time with the zone named ("24 Nov 2026, 09:00 GMT+0"). */
const inUkTime = (iso: string) => {
  const uk = DateTime.fromISO(iso).setZone('Europe/London').setLocale('en-US')
  return `${uk.toFormat('d LLL yyyy, HH:mm')} GMT+${uk.offset / 60}`
}

test('every time in the admin is UK time with the zone named, whatever zone the browser is in', async ({
  page,
  site,
  request,
}) => {
  const login = await request.post(`${site}/api/users/login`, {
    data: { email: ADMIN.email, password: ADMIN.password },
  })
  const headers = { Authorization: `JWT ${(await login.json()).token}` }
  const found = await (
    await request.get(
      `${site}/api/news?where[title][like]=Stop and search: force publishes&depth=0`,
      { headers },
    )
  ).json()
  const release = found.docs[0] as {
    id: number
    publishAt: string
    updatedAt: string
    createdAt: string
  }
  const versions = await (
    await request.get(
      `${site}/api/news/versions?where[parent][equals]=${release.id}&sort=-updatedAt&limit=1&depth=0`,
      { headers },
    )
  ).json()
  const latestVersion = versions.docs[0] as { updatedAt: string }

  await signIn(page, site, ADMIN.email, ADMIN.password)
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
    'America/Los_Angeles',
  )
  // Eight hours apart: a time shown in the browser's zone could not pass for UK time.
  expect(
    DateTime.fromISO(release.publishAt).setZone('America/Los_Angeles').toFormat('HH:mm'),
  ).not.toBe(DateTime.fromISO(release.publishAt).setZone('Europe/London').toFormat('HH:mm'))

  // The list: the embargo and "updated" columns (all of it: earlier files add releases of their own).
  await page.goto(`${site}/admin/collections/news?limit=100`)
  const row = page.getByRole('row', { name: /Stop and search: force publishes/ })
  await expect(row.locator('.cell-publishAt')).toHaveText(inUkTime(release.publishAt))
  await expect(row.locator('.cell-updatedAt')).toHaveText(inUkTime(release.updatedAt))

  // The release: its own timestamps, and the embargo picker beside the zone it is in.
  await page.goto(`${site}/admin/collections/news/${release.id}`)
  await expect(
    page.locator('.doc-controls__list-item', { hasText: 'Last Modified' }),
  ).toContainText(inUkTime(release.updatedAt))
  await expect(page.locator('.doc-controls__list-item', { hasText: 'Created' })).toContainText(
    inUkTime(release.createdAt),
  )
  const publishAt = page.locator('#field-publishAt')
  await expect(publishAt.locator('input').first()).toHaveValue(
    DateTime.fromISO(release.publishAt)
      .setZone('Europe/London')
      .setLocale('en-US')
      .toFormat('d LLL yyyy, HH:mm'),
  )
  await expect(publishAt).toContainText('UK time (Europe/London)')

  // The versions list.
  await page.goto(`${site}/admin/collections/news/${release.id}/versions`)
  await expect(page.locator('table').first()).toContainText(inUkTime(latestVersion.updatedAt))

  // A list of another collection, through the same date column: a preview link's expiry.
  const made = await request.post(`${site}/api/news/${release.id}/preview-links`, {
    headers,
    data: { label: 'Time zone check' },
  })
  expect(made.status()).toBe(201)
  const links = await (
    await request.get(
      `${site}/api/preview-links?where[label][equals]=Time zone check&sort=-createdAt&limit=1&depth=0`,
      { headers },
    )
  ).json()
  const link = links.docs[0] as { expiresAt: string }
  await page.goto(`${site}/admin/collections/preview-links`)
  await expect(
    page
      .getByRole('row', { name: /Time zone check/ })
      .first()
      .locator('.cell-expiresAt'),
  ).toHaveText(inUkTime(link.expiresAt))
})

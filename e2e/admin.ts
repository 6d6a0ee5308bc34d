import type { APIRequestContext, Page } from '@playwright/test'

import { ADMIN, PASSWORD } from './admins'
import { expect } from './fixtures'

export { PASSWORD }

/** A person for a walk-through, made through the API by the admin of the running Newsroom. */
export const createPerson = async (
  request: APIRequestContext,
  site: string,
  email: string,
  name: string,
  roles: string[],
) => {
  const login = await request.post(`${site}/api/users/login`, {
    data: { email: ADMIN.email, password: ADMIN.password },
  })
  const { token } = await login.json()
  const created = await request.post(`${site}/api/users`, {
    data: { email, name, roles, password: PASSWORD },
    headers: { Authorization: `JWT ${token}` },
  })
  expect([201, 400]).toContain(created.status()) // 400: made by an earlier run against the same server
}

/** The REST API as one of the people of a walk-through: each call must succeed. */
export const asPerson = async (
  request: APIRequestContext,
  site: string,
  email: string,
  password = PASSWORD,
) => {
  const login = await request.post(`${site}/api/users/login`, { data: { email, password } })
  const headers = { Authorization: `JWT ${(await login.json()).token}` }
  return {
    post: async (path: string, data: unknown = {}) => {
      const response = await request.post(`${site}${path}`, { headers, data })
      expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300)
      return response.json()
    },
    patch: async (path: string, data: unknown) => {
      const response = await request.patch(`${site}${path}`, { headers, data })
      expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300)
      return response.json()
    },
    /** A picture, as the admin's upload sends it: the file, and the other fields as JSON. */
    upload: async (path: string, file: Buffer, fields: Record<string, unknown>) => {
      const response = await request.post(`${site}${path}`, {
        headers,
        multipart: {
          file: { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: file },
          _payload: JSON.stringify(fields),
        },
      })
      expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300)
      return response.json()
    },
    get: async (path: string) => (await request.get(`${site}${path}`, { headers })).json(),
  }
}

export type Person = Awaited<ReturnType<typeof asPerson>>

export const signIn = async (page: Page, site: string, email: string, password = PASSWORD) => {
  await page.goto(`${site}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
}

export const signOut = async (page: Page, site: string) => {
  await page.goto(`${site}/admin/logout`)
  await page.waitForURL((url) => url.pathname.endsWith('/login'))
}

/** Picks an option in one of Payload's relationship fields by typing part of its title. */
export const pick = async (page: Page, field: string, search: string) => {
  const select = page.locator(`#field-${field}`)
  await select.locator('.rs__control').click()
  await page.keyboard.type(search)
  await page.locator('.rs__option', { hasText: search }).first().click()
  await page.keyboard.press('Escape')
}

/** The workflow dialog: an action, with what it asks for. */
export const takeAction = async (
  page: Page,
  label: string,
  fill: (dialog: ReturnType<Page['locator']>) => Promise<void> = async () => {},
) => {
  await page.getByRole('button', { name: /^Workflow:/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Workflow' })
  await dialog.getByRole('button', { name: label }).click()
  await fill(dialog)
  const reloaded = page.waitForEvent('load')
  await dialog.getByRole('group', { name: label }).getByRole('button', { name: label }).click()
  const problem = dialog.getByRole('alert')
  await Promise.race([reloaded, problem.waitFor()])
  if (await problem.isVisible())
    throw new Error(`“${label}” was refused: ${await problem.textContent()}`)
}

/** UK wall-clock time as the schedule form takes it, "dd/MM/yyyy HH:mm". */
export const ukLocal = (date: Date) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`
}

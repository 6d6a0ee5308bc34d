/**
 * The API guard checks the query Payload will act on: a POST with
 * X-Payload-HTTP-Method-Override: GET carries its query in the body, brackets are read as
 * Payload's qs reads them, and an address spelt with %XX is the same address.
 */
import http from 'node:http'

import { beforeAll, describe, expect, it } from 'vitest'

import { signIn, type Api } from '../helpers/api'
import { allMessages } from '../helpers/errors'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

let server: SharedServer
let admin: Api

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  for (const name of ['Override alpha', 'Override beta', 'Override gamma'])
    expect((await admin.post('/api/categories', { name })).status).toBe(201)
})
/** A read sent as the admin's relationship fields send it: POST, the query as a form in the body. */
const overridden = async (
  path: string,
  form: string,
  { header = 'X-Payload-HTTP-Method-Override', type = 'application/x-www-form-urlencoded' } = {},
) => {
  const response = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'Content-Type': type, [header]: 'GET', Authorization: `JWT ${admin.token}` },
    body: form,
  })
  return { status: response.status, body: await response.json() }
}

/** A GET with its path exactly as written. */
const rawGet = (path: string) =>
  new Promise<{ status: number; body: any }>((resolve, reject) => {
    const { hostname, port } = new URL(server.url)
    http
      .get({ hostname, port, path }, (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
        )
      })
      .on('error', reject)
  })

describe('a read sent as a POST with the method override', () => {
  it('gets the same checks as a GET: limit, pagination, sort, numbers', async () => {
    for (const header of ['X-Payload-HTTP-Method-Override', 'X-HTTP-Method-Override']) {
      const tooMany = await overridden('/api/news', 'limit=100000&depth=0', { header })
      expect(tooMany.status, header).toBe(400)
      expect(allMessages(tooMany.body)).toMatch(/"limit" must be from 1 to 500/)
      const everything = await overridden('/api/news', 'pagination=false&depth=0', { header })
      expect(everything.status, header).toBe(400)
      expect(allMessages(everything.body)).toMatch(/Without pagination, give a "limit"/)
      const badSort = await overridden('/api/news', 'sort=nonsense', { header })
      expect(badSort.status, header).toBe(400)
      expect(allMessages(badSort.body)).toMatch(/Cannot sort by "nonsense"/)
      const badDepth = await overridden('/api/news', 'depth=lots', { header })
      expect(badDepth.status, header).toBe(400)
    }
  })

  it('still answers the admin’s own searches, with the query from the body', async () => {
    const { status, body } = await overridden(
      '/api/categories',
      'limit=10&depth=0&sort=name&where[and][0][name][like]=Override',
    )
    expect(status).toBe(200)
    expect(body.limit).toBe(10)
    expect(body.docs.map((doc: { name: string }) => doc.name)).toEqual([
      'Override alpha',
      'Override beta',
      'Override gamma',
    ])
  })

  it('refuses a query in both the address and the body, and a query that is not a form', async () => {
    const both = await overridden('/api/categories?limit=2', 'limit=100000')
    expect(both.status).toBe(400)
    expect(allMessages(both.body)).toMatch(/either in the address or in the body/)
    const json = await overridden('/api/news', JSON.stringify({ limit: 100000 }), {
      type: 'application/json',
    })
    expect(json.status).toBe(415)
    expect(allMessages(json.body)).toMatch(/send the query as a form/)
  })
})

describe('the query as Payload reads it', () => {
  it('brackets do not get round the limits', async () => {
    for (const query of ['limit[]=100000', 'limit[0]=100000', 'page[]=0', 'depth[]=50']) {
      const { status, body } = await admin.get(`/api/news?${query}`)
      expect(status, query).toBe(400)
      expect(allMessages(body), query).toMatch(/must be a whole number/)
    }
  })

  it('nor does spelling the address with %XX', async () => {
    for (const path of [
      '/api/%6eews?limit=100000',
      '/api/%6eews?sort=nonsense',
      '/api/./news?sort=nonsense',
      '/api/news/%31abc',
    ]) {
      const { status } = await rawGet(path)
      expect(status, path).toBeGreaterThanOrEqual(400)
      expect(status, path).toBeLessThan(500)
    }
    const { status, body } = await rawGet('/api/%6eews?sort=nonsense')
    expect(status).toBe(400)
    expect(allMessages(body)).toMatch(/Cannot sort by "nonsense"/)
  })
})

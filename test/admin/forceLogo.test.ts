import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, signIn, type Api } from '../helpers/api'
import { imageForm, jpeg } from '../helpers/images'
import { ADMIN, startServer, type TestServer } from '../helpers/server'

let server: TestServer
let admin: Api
let anyone: Api

beforeAll(async () => {
  server = await startServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  anyone = api(server.url)
})
afterAll(async () => {
  await server?.stop()
})

const upload = async (name: string) =>
  (
    await admin.upload(
      '/api/media',
      imageForm(await jpeg(256, 256), name, 'image/jpeg', { alt: 'The Northmoor Police crest' }),
    )
  ).body.doc

describe('the force logo in the site settings', () => {
  it('is shown to anyone once chosen (the sign-in page shows it), and goes back under its releases’ embargo when replaced', async () => {
    const first = await upload('crest.jpg')
    const second = await upload('crest-2026.jpg')
    // A picture no public release uses is not the public's.
    expect([403, 404]).toContain((await anyone.get(`/api/media/${first.id}`)).status)
    expect([403, 404]).toContain(
      (await fetch(`${server.url}/api/media/file/${first.filename}`)).status,
    )

    expect((await admin.post('/api/globals/site-settings', { logo: first.id })).status).toBe(200)
    expect((await anyone.get(`/api/media/${first.id}`)).status).toBe(200)
    expect((await fetch(`${server.url}/api/media/file/${first.filename}`)).status).toBe(200)
    expect((await anyone.get('/api/globals/site-settings?depth=1')).body.logo.filename).toBe(
      first.filename,
    )

    expect((await admin.post('/api/globals/site-settings', { logo: second.id })).status).toBe(200)
    expect([403, 404]).toContain((await anyone.get(`/api/media/${first.id}`)).status)
    expect((await anyone.get(`/api/media/${second.id}`)).status).toBe(200)
  })
})

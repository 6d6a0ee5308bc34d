/**
 * Pictures over HTTP: who may keep them (a shared cache must never get one under embargo),
 * what type they are sent as (the stored one, never what the file's name says), HEAD as well
 * as GET, and addresses on pages that work whatever address the site was opened at.
 */
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { get } from '../helpers/fetch'
import { parseHtml } from '../helpers/html'
import { imageForm, jpeg } from '../helpers/images'
import { createDraft, publishRelease, transition } from '../helpers/releases'
import { ADMIN } from '../helpers/server'
import { sharedServer, type SharedServer } from '../helpers/sharedServer'

let server: SharedServer
let admin: Api
let editor: Api
let n = 0

beforeAll(async () => {
  server = await sharedServer()
  admin = await signIn(server.url, ADMIN.email, ADMIN.password)
  editor = await createUserAndSignIn(server.url, admin, {
    email: 'picture-editor@northmoor.test',
    roles: ['editor'],
  })
})
const upload = async (name = `picture-${++n}.jpg`, type = 'image/jpeg', file?: Buffer) => {
  const response = await admin.upload(
    '/api/media',
    imageForm(file ?? (await jpeg(1600, 900)), name, type, { alt: 'Officers at the scene' }),
  )
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.doc
}

const scheduledWithPicture = async (image: { id: number }) => {
  const draft = await createDraft(admin, {
    title: `Embargoed with a picture ${++n}`,
    summary: 'Under embargo.',
    heroImage: image.id,
  })
  await transition(admin, draft.id, 'submit')
  const response = await transition(editor, draft.id, 'schedule', {
    publishAt: new Date(Date.now() + 3600_000).toISOString(),
  })
  expect(response.status).toBe(200)
  return response.body.doc
}

/** A file as staff see it: signed in with the session's token. */
const asStaff = (path: string, method = 'GET') =>
  fetch(server.url + path, { method, headers: { Authorization: `JWT ${admin.token}` } })

const filePath = (filename: string) => `/api/media/file/${encodeURIComponent(filename)}`

describe('who may keep a picture', () => {
  it('a picture under embargo is sent to staff as private and not to be kept, and to nobody else', async () => {
    const image = await upload()
    await scheduledWithPicture(image)
    for (const filename of [image.filename, image.sizes.card.filename]) {
      const staff = await asStaff(filePath(filename))
      expect(staff.status, filename).toBe(200)
      expect(staff.headers.get('cache-control'), filename).toBe('private, no-store')
      const publicAnswer = await fetch(server.url + filePath(filename))
      expect(publicAnswer.status, filename).toBe(404)
      expect(publicAnswer.headers.get('cache-control'), filename).toBe('no-store')
    }
  })

  it('a picture not used by any release yet is private too', async () => {
    const image = await upload()
    const staff = await asStaff(filePath(image.filename))
    expect(staff.status).toBe(200)
    expect(staff.headers.get('cache-control')).toBe('private, no-store')
  })

  it('a picture sent through a preview link is private and not to be kept', async () => {
    const image = await upload()
    const release = await scheduledWithPicture(image)
    const { body: link } = await editor.post(`/api/news/${release.id}/preview-links`, {})
    const page = parseHtml((await get(link.url)).body)
    const src = page.one('img', (img) => img.attrs.fetchpriority === 'high')!.attrs.src!
    const picture = await fetch(server.url + src)
    expect(picture.status).toBe(200)
    expect(picture.headers.get('cache-control')).toBe('private, no-store')
  })

  it('a public picture may be kept a minute by anyone, whoever asks', async () => {
    const image = await upload()
    await publishRelease(admin, {
      title: `Public with a picture ${++n}`,
      summary: 'Out.',
      heroImage: image.id,
    })
    for (const response of [
      await fetch(server.url + filePath(image.filename)),
      await asStaff(filePath(image.filename)),
    ]) {
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('public, max-age=60')
    }
  })

  it('a withdrawn release’s picture, used by nothing else, is private again', async () => {
    const image = await upload()
    const release = await publishRelease(admin, {
      title: `Withdrawn with a picture ${++n}`,
      summary: 'Out, then not.',
      heroImage: image.id,
    })
    expect((await fetch(server.url + filePath(image.filename))).status).toBe(200)
    expect(
      (await transition(admin, release.id, 'withdraw', { note: 'The appeal is over.' })).status,
    ).toBe(200)
    expect((await fetch(server.url + filePath(image.filename))).status).toBe(404)
    expect((await asStaff(filePath(image.filename))).headers.get('cache-control')).toBe(
      'private, no-store',
    )
  })
})

describe('the type a picture is sent as', () => {
  it('a JPEG uploaded as poly.html is stored as poly.jpg and sent as image/jpeg, never as a page', async () => {
    const image = await upload('poly.html', 'text/html')
    expect(image.filename).toBe('poly.jpg')
    expect(image.mimeType).toBe('image/jpeg')
    const release = await scheduledWithPicture(image)
    const { body: link } = await editor.post(`/api/news/${release.id}/preview-links`, {})
    const page = parseHtml((await get(link.url)).body)
    const src = page.one('img', (img) => img.attrs.fetchpriority === 'high')!.attrs.src!
    const original = src.replace(/media\/[^/]+$/, `media/${encodeURIComponent(image.filename)}`)
    for (const path of [src, original]) {
      const picture = await fetch(server.url + path)
      expect(picture.status, path).toBe(200)
      expect(picture.headers.get('content-type'), path).toMatch(/^image\/(jpeg|webp)$/)
      expect(picture.headers.get('x-content-type-options'), path).toBe('nosniff')
    }
    const staff = await asStaff(filePath(image.filename))
    expect(staff.headers.get('content-type')).toBe('image/jpeg')
    expect(staff.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('a PNG named .jpg is kept as .png and sent as image/png; a name that already says what it is stays', async () => {
    const png = await sharp({
      create: { width: 800, height: 450, channels: 3, background: '#13315c' },
    })
      .png()
      .toBuffer()
    const badge = await upload('badge.jpg', 'image/jpeg', png)
    expect([badge.filename, badge.mimeType]).toEqual(['badge.png', 'image/png'])
    expect((await asStaff(filePath(badge.filename))).headers.get('content-type')).toBe('image/png')
    expect((await upload('scene.JPEG')).filename).toBe('scene.JPEG')
  })
})

describe('HEAD and addresses', () => {
  it('HEAD on a public picture answers as GET does, without the body', async () => {
    const image = await upload()
    await publishRelease(admin, {
      title: `Public for HEAD ${++n}`,
      summary: 'Out.',
      heroImage: image.id,
    })
    const got = await fetch(server.url + filePath(image.filename))
    const head = await fetch(server.url + filePath(image.filename), { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe(got.headers.get('content-type'))
    expect(head.headers.get('content-length')).toBe(String((await got.arrayBuffer()).byteLength))
    expect((await head.arrayBuffer()).byteLength).toBe(0)
    expect(
      (await fetch(server.url + filePath('no-such-picture.jpg'), { method: 'HEAD' })).status,
    ).toBe(404)
  })

  it('pages name their pictures from the root, so they load at any address of the server; Open Graph keeps the full address', async () => {
    const image = await upload()
    const release = await publishRelease(admin, {
      title: `Pictured at any address ${++n}`,
      summary: 'Out.',
      heroImage: image.id,
    })
    // The site opened at 127.0.0.1, though SITE_URL says localhost.
    const other = server.url.replace('localhost', '127.0.0.1')
    for (const path of ['/', `/news/${release.slug}`]) {
      const html = parseHtml((await get(other + path)).body)
      const images = html.find('img')
      expect(images.length, path).toBeGreaterThan(0)
      for (const img of images) {
        expect(img.attrs.src, path).toMatch(/^\/api\/media\/file\//)
        for (const candidate of (img.attrs.srcset ?? '').split(',').filter(Boolean))
          expect(candidate.trim(), path).toMatch(/^\/api\/media\/file\//)
        expect((await fetch(other + img.attrs.src)).status, img.attrs.src).toBe(200)
      }
    }
    const article = parseHtml((await get(other + `/news/${release.slug}`)).body)
    expect(article.meta('og:image')).toMatch(new RegExp(`^${server.url}/api/media/file/`))
  })
})

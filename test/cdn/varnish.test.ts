/**
 * Newsroom behind Varnish, for real: Debian's varnishd with the project's configuration
 * (deploy/varnish/default.vcl) in front of a test server run with CDN=varnish. Through the
 * shared cache, an embargoed release is on no surface before its time and on all of them within
 * a second after; a withdrawal and a takedown are gone within a second (Newsroom's purge).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUserAndSignIn, signIn, type Api } from '../helpers/api'
import { get } from '../helpers/fetch'
import { imageForm, jpeg } from '../helpers/images'
import { createDraft, ok, publishRelease, transition } from '../helpers/releases'
import { ADMIN, freePort, startServer, type TestServer } from '../helpers/server'
import { hasVarnish, startVarnish, type Varnish } from '../helpers/varnish'

const installed = hasVarnish()
if (!installed)
  console.log(
    'The Varnish tests are skipped: varnishd is not installed (apt-get install varnish; .ci/run does it).',
  )
// CI must run them: it installs Varnish, so a missing one there is a failure, not a skip.
if (!installed && process.env.CI) throw new Error('CI needs varnishd for test/cdn/varnish.test.ts')

/** Polls `check` until it holds or `ms` have passed; the last answer. */
const within = async (ms: number, check: () => Promise<boolean>) => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return check()
}

const unique = () => `Vcl${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

describe.skipIf(!installed)('behind Varnish (deploy/varnish/default.vcl)', () => {
  let server: TestServer
  let varnish: Varnish
  let admin: Api
  let editor: Api
  let author: Api

  /** A page through Varnish: a page or a "not found" (an embargoed release) says what it shows; a busy or failing answer does not. */
  const through = async (path: string) => {
    const answer = await get(varnish.url + path)
    expect([200, 404], `${path} through Varnish: ${answer.body.slice(0, 200)}`).toContain(
      answer.status,
    )
    return answer
  }
  const surfaces = (slug: string) => ['/', '/news', `/news/${slug}`, '/feed.xml', '/sitemap.xml']
  /** The surfaces (through Varnish) that show `text` now; a sitemap is asked for the address `slug`. */
  const showing = async (paths: string[], text: string, slug?: string) => {
    const shown: string[] = []
    for (const path of paths) {
      const wanted = path === '/sitemap.xml' ? `/news/${slug}</loc>` : text
      if ((await through(path)).body.includes(wanted)) shown.push(path)
    }
    return shown
  }
  /** Asks for each page twice, so that Varnish holds a copy of each. */
  const warm = async (paths: string[]) => {
    for (const path of paths) await through(path)
    for (const path of paths) await through(path)
  }

  beforeAll(async () => {
    const varnishPort = await freePort()
    server = await startServer({
      env: { CDN: 'varnish', VARNISH_URLS: `http://127.0.0.1:${varnishPort}` },
    })
    varnish = await startVarnish(varnishPort, Number(new URL(server.url).port))
    admin = await signIn(server.url, ADMIN.email, ADMIN.password)
    editor = await createUserAndSignIn(server.url, admin, {
      email: 'varnish.editor@northmoor.test',
      roles: ['editor'],
    })
    author = await createUserAndSignIn(server.url, admin, {
      email: 'varnish.author@northmoor.test',
      roles: ['author'],
    })
  })
  afterAll(async () => {
    await varnish?.stop()
    await server?.stop()
  })

  it('public pages say how long a shared cache may keep them, and Varnish keeps them; the admin and the API it passes', async () => {
    await get(`${server.url}/news`)
    const direct = await get(`${server.url}/news`)
    expect(direct.headers.get('cache-control')).toMatch(
      /^public, max-age=0, s-maxage=([1-9]|[1-5]\d|60), stale-while-revalidate=30$/,
    )
    // The key every page carries, and the tag of what this page shows: it lists releases.
    expect(direct.headers.get('surrogate-key')).toBe('newsroom-public lists')

    await through('/news')
    const again = await through('/news')
    expect(again.headers.get('x-cache')).toBe('HIT')
    // The key is for purging; readers are not shown it.
    expect(again.headers.get('surrogate-key')).toBeNull()

    for (const path of ['/api/news?limit=1', '/admin/login']) {
      await get(varnish.url + path)
      expect((await get(varnish.url + path)).headers.get('x-cache'), path).toBe('MISS')
    }
    // Only the Newsroom servers may purge.
    const ban = await fetch(`${varnish.url}/`, {
      method: 'BAN',
      headers: { 'X-Purge-Key': 'not a key!' },
    })
    expect(ban.status).toBe(400)
  })

  it('an embargoed release is on no surface before its time, and on every one within a second after', async () => {
    const title = `Embargoed behind Varnish ${unique()}`
    const liftAt = Date.now() + 8000
    const release = await publishRelease(
      admin,
      { title, summary: 'Out at the lift.' },
      { publishAt: new Date(liftAt).toISOString() },
    )
    const paths = surfaces(release.slug)
    // The purges that follow the scheduling (once it is seen committed) land before the copies
    // are made, or they would drop them.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await warm(paths)
    // No copy is kept past the lift: the page says so itself.
    const direct = await get(`${server.url}/news`)
    const seconds = Number(/s-maxage=(\d+)/.exec(direct.headers.get('cache-control') ?? '')?.[1])
    expect(seconds).toBeLessThanOrEqual(Math.ceil((liftAt - Date.now()) / 1000))
    expect(await showing(paths, title, release.slug)).toEqual([])
    expect((await through('/news')).headers.get('x-cache')).toBe('HIT')

    // Up to the last moment, still nowhere.
    while (Date.now() < liftAt - 700) {
      expect(await showing(paths, title, release.slug)).toEqual([])
      await new Promise((resolve) => setTimeout(resolve, 300))
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, liftAt - Date.now())))
    const everywhere = await within(
      1000,
      async () => (await showing(paths, title, release.slug)).length === paths.length,
    )
    expect(everywhere, `shown on ${(await showing(paths, title, release.slug)).join(', ')}`).toBe(
      true,
    )
  })

  it('a correction purges the pages it affects, within a second; another release’s page stays in Varnish', async () => {
    const before = `Before the correction ${unique()}`
    const after = `After the correction ${unique()}`
    const corrected = await publishRelease(admin, { title: before, summary: 'Words.' })
    const untouched = await publishRelease(admin, {
      title: `Untouched ${unique()}`,
      summary: 'Hm.',
    })
    const page = `/news/${corrected.slug}`
    const other = `/news/${untouched.slug}`
    // A publication is two changes (the approval, then the job that publishes): both are
    // purged within a second.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await warm(['/news', page, other])
    for (const path of ['/news', page, other])
      expect((await through(path)).headers.get('x-cache'), path).toBe('HIT')
    expect((await get(server.url + page)).headers.get('surrogate-key')).toBe(
      `newsroom-public release-${corrected.id}`,
    )

    ok(await admin.patch(`/api/news/${corrected.id}?draft=true`, { title: after }), 'correct')
    ok(await transition(admin, corrected.id, 'amend', { change: 'minor' }), 'amend')
    expect(
      await within(1000, async () => (await showing(['/news', page], after)).length === 2),
      `still "${before}" on ${(await showing(['/news', page], before)).join(', ')}`,
    ).toBe(true)
    expect((await through(other)).headers.get('x-cache')).toBe('HIT')
  })

  it('a withdrawn release leaves the listings and feed within a second, though Varnish held them', async () => {
    const title = `Withdrawn behind Varnish ${unique()}`
    const release = await publishRelease(admin, { title, summary: 'To be withdrawn.' })
    const listings = ['/', '/news', '/feed.xml']
    // Varnish held these pages from the tests before: the release is on them once the purge
    // that followed its publication has been made, within a second.
    expect(
      await within(1000, async () => (await showing(listings, title)).length === listings.length),
    ).toBe(true)
    // A publication is two changes (the approval, then the job that publishes), each purged:
    // the first may be all that has been seen yet, so Varnish is filled after the second.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await warm([...listings, `/news/${release.slug}`])
    expect((await through('/news')).headers.get('x-cache')).toBe('HIT')

    ok(await transition(admin, release.id, 'withdraw', { note: 'Published in error.' }), 'withdraw')
    expect(
      await within(1000, async () => (await showing(listings, title)).length === 0),
      `still on ${(await showing(listings, title)).join(', ')}`,
    ).toBe(true)
    expect((await through(`/news/${release.slug}`)).body).toContain('Published in error.')
  })

  it('a missing person found: their name and photo leave Varnish within a second', async () => {
    const name = unique()
    const photo = ok(
      await editor.upload(
        '/api/media',
        imageForm(await jpeg(900, 1200, '#5b4636'), `${name.toLowerCase()}.jpg`, 'image/jpeg', {
          alt: `Photo of ${name}`,
        }),
      ),
      'upload',
    ).doc as { id: number; filename: string; sizes: Record<string, { filename?: string | null }> }
    const draft = await createDraft(author, {
      kind: 'missing-person',
      title: `Concern for missing ${name}, 15`,
      summary: `${name} was last seen on Tuesday.`,
      missingPerson: { name, age: 15, lastSeenWhere: 'Eastfield', photo: photo.id },
      heroImage: photo.id,
    })
    ok(await transition(author, draft.id, 'submit'), 'submit')
    ok(await transition(editor, draft.id, 'approve'), 'approve')
    const pictures = [
      `/api/media/file/${photo.filename}`,
      ...Object.values(photo.sizes)
        .map((size) => size.filename)
        .filter((file): file is string => Boolean(file))
        .map((file) => `/api/media/file/${file}`),
    ]
    const pages = ['/', '/news', `/news/${draft.slug}`, '/feed.xml']
    expect(
      await within(1000, async () => (await showing(pages, name)).length === pages.length),
    ).toBe(true)
    await warm([...pages, ...pictures])

    ok(await transition(editor, draft.id, 'found', {}), 'found')
    const gone = async () => {
      if ((await showing(pages, name)).length > 0) return false
      for (const picture of pictures)
        if ((await get(varnish.url + picture)).status === 200) return false
      return true
    }
    expect(await within(1000, gone), `pages: ${(await showing(pages, name)).join(', ')}`).toBe(true)
  })
})

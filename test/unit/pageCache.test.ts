import { describe, expect, it } from 'vitest'

import type { ScheduledChange } from '../../src/embargo/nextChange'
import { PageCache, type Rendered } from '../../src/site/cache'
import { everyPageAt } from '../helpers/scheduledChange'

const page = (body: string): Rendered => ({ status: 200, type: 'text/html', body })

/** A render that finishes when told to, counting how often it was started. */
const slowRender = () => {
  let started = 0
  let finish: (body: string) => void = () => {}
  const render = () => {
    started += 1
    return new Promise<Rendered>((resolve) => {
      finish = (body) => resolve(page(body))
    })
  }
  return { render, finish: (body: string) => finish(body), started: () => started }
}

const farFuture = async () => everyPageAt(Date.now() + 60 * 60 * 1000)

describe('the page cache', () => {
  it('renders a page once for a crowd asking for it at the same moment, and keeps it', async () => {
    const cache = new PageCache(farFuture)
    const slow = slowRender()
    const crowd = Array.from({ length: 50 }, () => cache.serve('/news', slow.render))
    await new Promise((resolve) => setTimeout(resolve, 10))
    slow.finish('the news')
    const answers = await Promise.all(crowd)
    expect(slow.started()).toBe(1)
    expect(answers.every((answer) => answer.body === 'the news')).toBe(true)
    expect((await cache.serve('/news', async () => page('rendered again'))).body).toBe('the news')
  })

  it('does not hand a rendering begun before a change to a request made after it', async () => {
    const cache = new PageCache(farFuture)
    const before = slowRender()
    const early = cache.serve('/news', before.render)
    await new Promise((resolve) => setTimeout(resolve, 10))
    cache.invalidate()
    const late = await cache.serve('/news', async () => page('after the change'))
    expect(late.body).toBe('after the change')
    before.finish('before the change')
    expect((await early).body).toBe('before the change')
    // What was rendered before the change is not kept.
    expect((await cache.serve('/news', async () => page('after the change, again'))).body).toBe(
      'after the change',
    )
  })

  it('lets every waiting request see a failed rendering fail, and tries again next time', async () => {
    const cache = new PageCache(farFuture)
    let fail: (error: Error) => void = () => {}
    const failing = () => new Promise<Rendered>((_, reject) => (fail = reject))
    const crowd = Array.from({ length: 5 }, () =>
      cache.serve('/news', failing).catch((error: Error) => error.message),
    )
    await new Promise((resolve) => setTimeout(resolve, 10))
    fail(new Error('the database is not answering'))
    expect(await Promise.all(crowd)).toEqual(Array(5).fill('the database is not answering'))
    expect((await cache.serve('/news', async () => page('back'))).body).toBe('back')
  })

  it("remembers a fact about the content (a listing's count) exactly as long as the pages", async () => {
    const cache = new PageCache(farFuture)
    let counted = 0
    const count = async () => ++counted
    expect(await cache.remember('listed', count)).toBe(1)
    expect(await cache.remember('listed', count)).toBe(1)
    cache.invalidate()
    expect(await cache.remember('listed', count)).toBe(2)
  })

  it('knows which pages readers were reading before a change, until each is made again; never a 404', async () => {
    const cache = new PageCache(farFuture)
    await cache.serve('/', async () => page('home'))
    await cache.serve('/no-such-page', async () => ({ ...page('not found'), status: 404 }))
    expect(cache.wasKept('/')).toBe(false)
    cache.invalidate()
    expect(cache.wasKept('/')).toBe(true)
    expect(cache.wasKept('/no-such-page')).toBe(false)
    await cache.serve('/', async () => page('home, again'))
    expect(cache.wasKept('/')).toBe(false)
  })

  it('never keeps a page past an embargo scheduled while it waited to know until when pages are good', async () => {
    // The next scheduled change as the database would say it: none, until a release is scheduled
    // to lift at `lift`; once the clock passes it, none again.
    let lift = Infinity
    let answerFirst: (until: number) => void = () => {}
    let asked = 0
    const cache = new PageCache(() => {
      asked += 1
      if (asked === 1)
        return new Promise<ScheduledChange>(
          (resolve) => (answerFirst = (at) => resolve(everyPageAt(at))),
        )
      return Promise.resolve(everyPageAt(Date.now() < lift ? lift : Infinity))
    })
    const before = cache.serve('/', async () => page('no release yet'))
    // While that request waits for its first answer, a release is scheduled 50 ms ahead.
    lift = Date.now() + 50
    cache.invalidate()
    answerFirst(Infinity)
    expect((await before).body).toBe('no release yet')
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect((await cache.serve('/', async () => page('the release is out'))).body).toBe(
      'the release is out',
    )
  })

  it('still knows them after a second change before they are made again (a lift, then its event)', async () => {
    const cache = new PageCache(farFuture, { entries: 3, bytes: 1024 * 1024 })
    for (const key of ['/', '/feed.json', '/sitemap.xml'])
      await cache.serve(key, async () => page(key))
    cache.invalidate()
    await cache.serve('/', async () => page('home, again'))
    cache.invalidate()
    for (const key of ['/', '/feed.json', '/sitemap.xml'])
      expect(cache.wasKept(key), key).toBe(true)
    // No more of them than the cache holds pages: the least recently kept are forgotten first
    // ('/' was kept again at the second change).
    for (const key of ['/a', '/b']) await cache.serve(key, async () => page(key))
    cache.invalidate()
    expect(
      ['/', '/feed.json', '/sitemap.xml', '/a', '/b'].filter((key) => cache.wasKept(key)),
    ).toEqual(['/', '/a', '/b'])
  })

  it('gives a page without waiting (peek) only when serve would give the same page now', async () => {
    let until = Date.now() + 200
    const cache = new PageCache(async () => everyPageAt(until))
    expect(cache.peek('/')).toBeUndefined()
    await cache.serve('/', async () => page('home'))
    expect(cache.peek('/')?.body).toBe('home')
    expect(cache.peek('/news')).toBeUndefined()
    cache.invalidate()
    expect(cache.peek('/')).toBeUndefined()
    await cache.serve('/', async () => page('home after the change'))
    expect(cache.peek('/')?.body).toBe('home after the change')
    // The next scheduled change (an embargo lifting) is reached: nothing kept is given.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now()) + 5))
    expect(cache.peek('/')).toBeUndefined()
    until = Date.now() + 60_000
    // The first page asked for after the lift is made afresh, from the content as it is since,
    // and kept until the next change.
    expect((await cache.serve('/', async () => page('home after the lift'))).body).toBe(
      'home after the lift',
    )
    expect(cache.peek('/')?.body).toBe('home after the lift')
  })

  it('gives nothing without waiting when the next change cannot be known, or the cache is off', async () => {
    const unknown = new PageCache(async () =>
      Promise.reject(new Error('the database is not answering')),
    )
    await unknown.serve('/', async () => page('home'))
    expect(unknown.peek('/')).toBeUndefined()
    const off = new PageCache(farFuture, undefined, false)
    await off.serve('/', async () => page('home'))
    expect(off.peek('/')).toBeUndefined()
  })

  it('gives a remembered fact without waiting once it is worked out, and forgets it with the pages', async () => {
    const cache = new PageCache(farFuture)
    let finish: (n: number) => void = () => {}
    const counting = cache.remember(
      'listed',
      () => new Promise<number>((resolve) => (finish = resolve)),
    )
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(cache.peekRemembered('listed')).toBeUndefined()
    finish(12)
    await counting
    expect(cache.peekRemembered('listed')).toBe(12)
    cache.invalidate()
    expect(cache.peekRemembered('listed')).toBeUndefined()
  })
})

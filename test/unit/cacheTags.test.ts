/**
 * Which cached pages a change drops (src/site/cacheTags.ts), and the page cache dropping only
 * the pages a change affects (src/site/cache.ts). Changes seen across servers, through the
 * database's rows of changes (src/site/changeWatcher.ts): test/postgres/twoServers.test.ts.
 */
import { describe, expect, it } from 'vitest'

import type { ScheduledChange } from '../../src/embargo/nextChange'
import { PageCache, type Rendered } from '../../src/site/cache'
import {
  categoryTag,
  LISTS,
  releaseChangeTags,
  releaseTag,
  unionOfTags,
} from '../../src/site/cacheTags'
import { everyPageAt } from '../helpers/scheduledChange'

const page = (body: string, tags?: string[]): Rendered => ({
  status: 200,
  type: 'text/html',
  body,
  ...(tags ? { tags } : {}),
})

const farFuture = async () => everyPageAt(Date.now() + 60 * 60 * 1000)

describe('the pages a change to a release affects', () => {
  it('the listings, its page, its category’s pages and the page of the release it follows up', () => {
    expect(releaseChangeTags({ id: 7, category: 3, followUpOf: { id: 2 } }).sort()).toEqual(
      [LISTS, releaseTag(7), categoryTag(3), releaseTag(2)].sort(),
    )
  })

  it('as it was and as it is: a release moved to another category, or to follow another up', () => {
    const tags = releaseChangeTags(
      { id: 7, category: { id: 4 }, followUpOf: 5 },
      { id: 7, category: 3, followUpOf: null },
    )
    expect(tags.sort()).toEqual(
      [LISTS, releaseTag(7), categoryTag(4), categoryTag(3), releaseTag(5)].sort(),
    )
  })

  it('several changes: all their tags, or everything when one of them may show anywhere', () => {
    expect(
      unionOfTags([
        ['lists', 'release-1'],
        ['lists', 'release-2'],
      ]),
    ).toEqual(['lists', 'release-1', 'release-2'])
    expect(unionOfTags([['lists'], null])).toBeUndefined()
  })
})

describe('the page cache, dropping what a change affects', () => {
  it('keeps the pages a change does not affect, and drops those it does', async () => {
    const cache = new PageCache(farFuture)
    await cache.serve('/news/one', async () => page('one', [releaseTag(1), categoryTag(9)]))
    await cache.serve('/news/two', async () => page('two', [releaseTag(2), categoryTag(8)]))
    await cache.serve('/', async () => page('home'))
    cache.invalidate(releaseChangeTags({ id: 1, category: 9 }))
    const again = (body: string) => async () => page(body)
    expect((await cache.serve('/news/one', again('one, again'))).body).toBe('one, again')
    expect((await cache.serve('/', again('home, again'))).body).toBe('home, again')
    expect((await cache.serve('/news/two', again('two, again'))).body).toBe('two')
    // A change to a release of category 8 drops the other release page (its "more" section).
    cache.invalidate(releaseChangeTags({ id: 3, category: 8 }))
    expect((await cache.serve('/news/two', again('two, again'))).body).toBe('two, again')
    // And a change that may show anywhere drops them all.
    cache.invalidate()
    expect((await cache.serve('/news/two', again('two, third'))).body).toBe('two, third')
  })

  it('does not keep a page that was being made when a change came, whatever its tags', async () => {
    const cache = new PageCache(farFuture)
    let finish: (rendered: Rendered) => void = () => {}
    const early = cache.serve('/news/two', () => new Promise((resolve) => (finish = resolve)))
    await new Promise((resolve) => setTimeout(resolve, 10))
    cache.invalidate([releaseTag(1)])
    finish(page('made before the change', [releaseTag(2)]))
    await early
    expect((await cache.serve('/news/two', async () => page('made after'))).body).toBe('made after')
  })

  it('remembers the pages it dropped as read, so that they are made again first', async () => {
    const cache = new PageCache(farFuture)
    await cache.serve('/news/one', async () => page('one', [releaseTag(1)]))
    await cache.serve('/news/two', async () => page('two', [releaseTag(2)]))
    cache.invalidate([releaseTag(1)])
    expect(cache.wasKept('/news/one')).toBe(true)
    expect(cache.wasKept('/news/two')).toBe(false)
    expect(cache.size).toBe(1)
  })
})

describe('the page cache at a scheduled change (an embargo lifting)', () => {
  const again = (body: string, tags?: string[]) => async () => page(body, tags)
  /** As src/embargo/nextChange.ts answers: this change while it is to come, then nothing. */
  const once = (change: ScheduledChange) => async () =>
    Date.now() < change.at ? change : { at: Infinity, following: Infinity }

  it('drops the pages the lift affects, and keeps the rest', async () => {
    const at = Date.now() + 150
    const cache = new PageCache(
      once({ at, tags: releaseChangeTags({ id: 5, category: 1 }), following: Infinity }),
    )
    await cache.serve('/', again('home'))
    await cache.serve('/news/five', again('not found yet'))
    await cache.serve('/news/six', again('six', [releaseTag(6), categoryTag(2)]))
    await cache.serve('/news/seven', again('seven', [releaseTag(7), categoryTag(1)]))
    await new Promise((resolve) => setTimeout(resolve, at - Date.now() + 20))
    expect((await cache.serve('/', again('home, with five'))).body).toBe('home, with five')
    expect((await cache.serve('/news/five', again('five'))).body).toBe('five')
    // Its "more in this category" may now list five.
    expect((await cache.serve('/news/seven', again('seven, again'))).body).toBe('seven, again')
    expect((await cache.serve('/news/six', again('six, again'))).body).toBe('six')
  })

  it('drops everything when the scheduled change after it has passed too, unseen', async () => {
    const at = Date.now() + 100
    const cache = new PageCache(
      once({ at, tags: releaseChangeTags({ id: 5 }), following: at + 50 }),
    )
    await cache.serve('/news/six', again('six', [releaseTag(6)]))
    await new Promise((resolve) => setTimeout(resolve, at + 80 - Date.now()))
    expect((await cache.serve('/news/six', again('six, again'))).body).toBe('six, again')
  })
})

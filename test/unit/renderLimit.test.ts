import { describe, expect, it } from 'vitest'

import { Busy, RenderLimit } from '../../src/site/renderLimit'

/** Work that finishes when told to. */
const held = () => {
  let finish: () => void = () => {}
  const done = new Promise<void>((resolve) => (finish = resolve))
  return { work: () => done, finish: () => finish() }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('the render limit', () => {
  it('runs a few at once, queues a few more, and refuses the rest at once', async () => {
    const limit = new RenderLimit({ concurrency: 2, queue: 2, perAddress: 100 })
    const gate = held()
    let started = 0
    const runs = Array.from({ length: 6 }, (_, i) =>
      limit
        .run(`client ${i}`, () => (started++, gate.work()))
        .then(
          () => 'done',
          (error) => error,
        ),
    )
    await settle()
    expect(started).toBe(2)
    gate.finish()
    const results = await Promise.all(runs)
    expect(results.filter((r) => r === 'done')).toHaveLength(4)
    expect(results.filter((r) => r instanceof Busy)).toHaveLength(2)
    expect(started).toBe(4)
  })

  it('lets one address hold only so many places', async () => {
    const limit = new RenderLimit({ concurrency: 4, queue: 20, perAddress: 3 })
    const gate = held()
    const mine = Array.from({ length: 5 }, () =>
      limit.run('127.0.0.1', gate.work).then(
        () => 'done',
        (error) => error,
      ),
    )
    const theirs = limit.run('192.0.2.7', gate.work).then(() => 'done')
    gate.finish()
    const results = await Promise.all(mine)
    expect(results.filter((r) => r instanceof Busy)).toHaveLength(2)
    expect(await theirs).toBe('done')
  })

  it('starts one render a turn of the event loop, so that other requests are answered between them', async () => {
    const limit = new RenderLimit({ concurrency: 4, queue: 20, perAddress: 100 })
    const order: string[] = []
    const runs = Array.from({ length: 3 }, (_, i) =>
      limit.run(`c${i}`, async () => void order.push(`render ${i}`)),
    )
    setImmediate(() => order.push('another request'))
    await Promise.all(runs)
    expect(order.indexOf('another request')).toBeLessThan(order.indexOf('render 2'))
  })

  it('puts a page readers were reading before everything else, even when full', async () => {
    const limit = new RenderLimit({ concurrency: 1, queue: 1, perAddress: 1 })
    const gate = held()
    const order: string[] = []
    const running = limit.run('flood', gate.work)
    const queued = limit.run('other', async () => void order.push('new address'))
    const refused = limit
      .run('flood', async () => void order.push('refused'))
      .catch((error) => error)
    const home = limit.run('flood', async () => void order.push('home page'), { first: true })
    expect(await refused).toBeInstanceOf(Busy)
    gate.finish()
    await Promise.all([running, queued, home])
    expect(order).toEqual(['home page', 'new address'])
  })
})

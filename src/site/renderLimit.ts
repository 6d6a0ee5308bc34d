import { limitFrom } from '../http/limitFrom'

/** Thrown when a render cannot even wait its turn: the answer is a quick 503, come back soon. */
export class Busy extends Error {
  override name = 'Busy'
}

export type RenderLimits = {
  /** Renders running at once, over every client. */
  concurrency: number
  /** Renders waiting for a turn, over every client; past this, 503. */
  queue: number
  /** Renders running or waiting for one client address; past this, 503 for that address. */
  perAddress: number
}

/** RENDER_CONCURRENCY, RENDER_QUEUE and RENDER_PER_ADDRESS, with defaults for a server of two cores. */
export const renderLimitsFromEnv = (): RenderLimits => ({
  concurrency: limitFrom('RENDER_CONCURRENCY', 4, 1),
  queue: limitFrom('RENDER_QUEUE', 32, 0),
  perAddress: limitFrom('RENDER_PER_ADDRESS', 8, 1),
})

/**
 * Bounds the pages rendered afresh (cache misses). A render costs database queries and CPU;
 * a flood of addresses nobody has asked for before (`/?cb=1`, `/?cb=2`…, distinct searches)
 * would otherwise start hundreds at once and hold up everything else the process does,
 * the health check and cached pages included. A few run at once, a short queue waits, and
 * the rest are told at once to come back (Busy). One address may hold only a few places, so
 * one client cannot take them all from everyone else.
 *
 * A render starts only on a later turn of the event loop, one a turn: with SQLite a render
 * never waits (its queries return at once), so without that the crowd's renders would run
 * back to back before anything else is answered, whatever the limit said.
 */
export class RenderLimit {
  #running = 0
  #waiting: (() => void)[] = []
  #byAddress = new Map<string, number>()
  #pumping = false

  constructor(private readonly limits: RenderLimits = renderLimitsFromEnv()) {}

  /**
   * Runs `work` when a place is free; throws Busy at once when the queue or the address is full.
   * `first` is for a page readers were reading before the last change (the home page, a
   * release): it goes to the front and is never refused, so a flood of new addresses cannot
   * keep the site's own pages from being made again. There are only so many of those.
   */
  async run<T>(address: string, work: () => Promise<T>, { first = false } = {}): Promise<T> {
    if (this.refuses(address, { first })) throw new Busy('Too many pages being made.')
    this.#byAddress.set(address, (this.#byAddress.get(address) ?? 0) + 1)
    try {
      await new Promise<void>((resolve) => {
        if (first) this.#waiting.unshift(resolve)
        else this.#waiting.push(resolve)
        this.#pump()
      })
      try {
        return await work()
      } finally {
        this.#running -= 1
        this.#pump()
      }
    } finally {
      const left = (this.#byAddress.get(address) ?? 1) - 1
      if (left > 0) this.#byAddress.set(address, left)
      else this.#byAddress.delete(address)
    }
  }

  /** Whether a render for `address` would be refused now (`run` would throw Busy at once). */
  refuses(address: string, { first = false } = {}): boolean {
    if (first) return false
    if ((this.#byAddress.get(address) ?? 0) >= this.limits.perAddress) return true
    return this.#running + this.#waiting.length >= this.limits.concurrency + this.limits.queue
  }

  /** Starts the next waiting render on the next turn of the event loop, if there is a place. */
  #pump() {
    if (this.#pumping) return
    this.#pumping = true
    setImmediate(() => {
      this.#pumping = false
      if (this.#running >= this.limits.concurrency) return
      const next = this.#waiting.shift()
      if (!next) return
      this.#running += 1
      next()
      if (this.#waiting.length > 0) this.#pump()
    })
  }
}

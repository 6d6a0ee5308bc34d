import type { ScheduledChange } from '../embargo/nextChange'
import { LISTS } from './cacheTags'

/** A rendered public response: what the page cache keeps. */
export type Rendered = {
  status: number
  type: string
  body: string | Buffer
  headers?: Record<string, string>
  /** Pages whose content depends on the clock (the two-day news sitemap) keep only this long. */
  maxAgeMs?: number
  /** Not kept at all (for example, a search for nothing). */
  noStore?: boolean
  /** What the page shows, as ./cacheTags.ts names it; `lists` when not said. */
  tags?: readonly string[]
}

type Entry = { rendered: Rendered; expiresAt: number; bytes: number }

/** The tags a rendered page is kept under. */
export const tagsOf = (rendered: Rendered): readonly string[] => rendered.tags ?? [LISTS]

const sizeOf = (rendered: Rendered) =>
  typeof rendered.body === 'string' ? Buffer.byteLength(rendered.body) : rendered.body.length

/**
 * Rendered public pages, in memory, keyed by address.
 *
 * Pages are dropped on a change to content or settings (`invalidate`): those the change
 * affects, by their tags (./cacheTags.ts), or all of them; and all at once when the clock
 * reaches the next scheduled change (an embargo lifting), so a cached page can never hide a
 * release past its embargo or show one after it is withdrawn. A page rendered while a change
 * happened is not kept, whatever its tags, since it may predate the change.
 *
 * Requests for a page that is being rendered wait for that rendering instead of starting
 * their own, so that a crowd arriving just after a change costs one render, not hundreds;
 * one that arrives after a later change starts afresh.
 */
export class PageCache {
  #entries = new Map<string, Entry>()
  #bytes = 0
  #generation = 0
  #validUntil: Promise<ScheduledChange> | null = null
  /** #validUntil's value once known, for answers that cannot wait (`peek`); null until then. */
  #knownUntil: { generation: number; until: number } | null = null
  #rendering = new Map<string, { generation: number; rendered: Promise<Rendered> }>()
  #remembered = new Map<string, Promise<unknown>>()
  #rememberedValues = new Map<string, unknown>()
  #keptBefore = new Set<string>()

  constructor(
    /** The next scheduled change: when, and which pages it affects (src/embargo/nextChange.ts). */
    private readonly nextScheduledChange: () => Promise<ScheduledChange>,
    private readonly limits = { entries: 2000, bytes: 64 * 1024 * 1024 },
    /** PAGE_CACHE=off renders every page afresh: for measuring the database, or finding a fault. */
    private readonly enabled = process.env.PAGE_CACHE !== 'off',
  ) {}

  /**
   * Drops the pages kept under any of `tags`, or every page when `tags` is undefined. Either
   * way, no page being made now is kept, the facts `remember` keeps are forgotten (they are
   * about the listings), and the time of the next scheduled change is asked again (the change
   * may have scheduled one sooner).
   */
  invalidate(tags?: readonly string[]): void {
    const dropped = tags ? new Set(tags) : null
    for (const [key, entry] of this.#entries) {
      if (dropped && !tagsOf(entry.rendered).some((tag) => dropped.has(tag))) continue
      // Pages readers were reading (not errors, not 404s) are remembered until they are made
      // again, across changes: two changes close together (an embargo lift, then its job's
      // event) must not forget the pages not yet made again after the first.
      if (entry.rendered.status < 400) {
        this.#keptBefore.delete(key)
        this.#keptBefore.add(key)
      }
      this.#entries.delete(key)
      this.#bytes -= entry.bytes
    }
    // Bounded like the cache itself: the least recently kept go first.
    for (const key of this.#keptBefore) {
      if (this.#keptBefore.size <= this.limits.entries) break
      this.#keptBefore.delete(key)
    }
    this.#remembered.clear()
    this.#rememberedValues.clear()
    this.#generation += 1
    this.#validUntil = null
    this.#knownUntil = null
  }

  /** Whether this page was in the cache until the last change emptied it: a page people read. */
  wasKept(key: string): boolean {
    return this.#keptBefore.has(key)
  }

  get size(): number {
    return this.#entries.size
  }

  /** Until when cached pages are good, or null when that cannot be known now (then nothing is kept). */
  async #goodUntil(): Promise<number | null> {
    this.#validUntil ??= this.nextScheduledChange()
    const pending = this.#validUntil
    try {
      const change = await pending
      const until = change.at
      if (Date.now() >= until) {
        // The pages it affects; all of them if the change after it has come too, unseen.
        if (this.#validUntil === pending)
          this.invalidate(Date.now() < change.following ? change.tags : undefined)
        return null
      }
      if (this.#validUntil === pending) this.#knownUntil = { generation: this.#generation, until }
      return until
    } catch {
      if (this.#validUntil === pending) this.#validUntil = null
      return null
    }
  }

  /** Whether what is kept may be used now: the same test as `serve` makes, without waiting. */
  #usableNow(): boolean {
    const known = this.#knownUntil
    return (
      this.enabled &&
      known !== null &&
      known.generation === this.#generation &&
      Date.now() < known.until
    )
  }

  /**
   * The cached page for `key` if there is one that `serve` would give now, without waiting for
   * anything: for answering a crowd without the work of a whole request (src/site/cachedAnswers.ts).
   * Undefined whenever `serve` would have to look further, so nothing here is less strict.
   */
  peek(key: string): Rendered | undefined {
    if (!this.#usableNow()) return undefined
    const entry = this.#entries.get(key)
    if (!entry || entry.expiresAt <= Date.now()) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return entry.rendered
  }

  /**
   * How much longer `rendered`, the answer for `key`, stays good, in milliseconds: until the
   * next scheduled change or the page's own limit. 0 when it is not the page kept for `key` now
   * (made while a change landed, or not kept at all), so that no shared cache keeps it either.
   */
  freshFor(key: string, rendered: Rendered): number {
    if (!this.#usableNow()) return 0
    const entry = this.#entries.get(key)
    if (!entry || entry.rendered !== rendered) return 0
    return Math.max(0, Math.min(this.#knownUntil!.until, entry.expiresAt) - Date.now())
  }

  /**
   * Whether `serve(key)` would call its `render` now: nothing usable kept for `key`, and no
   * rendering of it under way to wait for. False whenever that cannot be told without waiting.
   */
  wouldRender(key: string): boolean {
    if (!this.#usableNow()) return false
    const entry = this.#entries.get(key)
    if (entry && entry.expiresAt > Date.now()) return false
    return this.#rendering.get(key)?.generation !== this.#generation
  }

  /** What `remember` has worked out for `key`, if it is known now; undefined otherwise. */
  peekRemembered<T>(key: string): T | undefined {
    return this.#usableNow() ? (this.#rememberedValues.get(key) as T | undefined) : undefined
  }

  /** The cached page for `key`, or what `render` makes (kept for next time when it may be). */
  async serve(key: string, render: () => Promise<Rendered>): Promise<Rendered> {
    if (!this.enabled) return render()
    // Taken before waiting: `until` is for this generation's content. After a change while
    // waiting (one that schedules an embargo sooner, say) it would be wrong for the pages made
    // since, which would outlive that lift: ask again, for the content as it is now.
    const generation = this.#generation
    const until = await this.#goodUntil()
    if (generation !== this.#generation) return this.serve(key, render)
    const now = Date.now()
    const entry = until === null ? undefined : this.#entries.get(key)
    if (entry && entry.expiresAt > now) {
      // Most recently used last, so the oldest is first to go.
      this.#entries.delete(key)
      this.#entries.set(key, entry)
      return entry.rendered
    }
    const inFlight = this.#rendering.get(key)
    if (inFlight && inFlight.generation === generation) return inFlight.rendered
    const rendering = render()
    this.#rendering.set(key, { generation, rendered: rendering })
    try {
      const rendered = await rendering
      if (until !== null && !rendered.noStore && generation === this.#generation)
        this.#store(key, rendered)
      return rendered
    } finally {
      if (this.#rendering.get(key)?.rendered === rendering) this.#rendering.delete(key)
    }
  }

  /**
   * A fact worked out from the content, such as how many releases a listing has, kept exactly
   * as long as the pages are. Callers keep the keys few (one per listing, not per address).
   */
  async remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute()
    const until = await this.#goodUntil()
    const kept = until === null ? undefined : this.#remembered.get(key)
    if (kept) return kept as Promise<T>
    const value = compute()
    if (until === null) return value
    this.#remembered.set(key, value)
    value.then(
      (known) => {
        if (this.#remembered.get(key) === value) this.#rememberedValues.set(key, known)
      },
      () => {
        if (this.#remembered.get(key) === value) this.#remembered.delete(key)
      },
    )
    return value
  }

  #store(key: string, rendered: Rendered) {
    const bytes = sizeOf(rendered)
    if (bytes > this.limits.bytes / 10) return
    const old = this.#entries.get(key)
    if (old) {
      this.#bytes -= old.bytes
      this.#entries.delete(key)
    }
    // Not `until`: every page is good only until then anyway (#goodUntil, #usableNow), and those
    // the scheduled change does not affect stay after it.
    const expiresAt = rendered.maxAgeMs ? Date.now() + rendered.maxAgeMs : Infinity
    this.#entries.set(key, { rendered, expiresAt, bytes })
    this.#keptBefore.delete(key)
    this.#bytes += bytes
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.limits.entries && this.#bytes <= this.limits.bytes) break
      this.#entries.delete(oldest)
      this.#bytes -= entry.bytes
    }
  }
}

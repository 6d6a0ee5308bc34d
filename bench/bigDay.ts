/**
 * Issue 16's "big day": a crowd on the five most-read pages while the press office amends the
 * incident's release every few seconds. Used by `npm run bench` (bench/site.ts), against
 * Newsroom alone and through Varnish in front of it.
 */
import autocannon from 'autocannon'

import type { Api } from '../test/helpers/api'
import { amendRelease } from './lib'

export type BigDayResult = {
  requests: number
  rps: number
  p50: number
  p99: number
  /** Errors, timeouts and answers other than 2xx. */
  failed: number
  amendments: number
  editorFailures: string[]
  /** Pages Newsroom made afresh (`X-Page-Cache: miss`) during the run. */
  coldRenders: number
  /** Answers that came from Newsroom rather than the shared cache in front (`X-Cache: MISS`), when there is one. */
  reachedNewsroom?: number
}

/**
 * `connections` readers go round `paths` at `base` for `seconds` while `editor` amends the
 * release `id` every `everyMs` (a correction to its summary, then the workflow's amend).
 */
export const bigDay = async ({
  base,
  paths,
  editor,
  id,
  connections,
  seconds,
  everyMs,
}: {
  base: string
  paths: string[]
  editor: Api
  id: number
  connections: number
  seconds: number
  everyMs: number
}): Promise<BigDayResult> => {
  let coldRenders = 0
  let reachedNewsroom = 0
  let behindCache = false
  const counting = (
    _status: number,
    _body: string,
    _context: unknown,
    raw: Record<string, string | string[] | undefined> | undefined,
  ) => {
    // As sent: names in the case the server gave them.
    const headers = new Map(
      Object.entries(raw ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
    )
    // Behind Varnish, a copy it kept repeats the X-Page-Cache Newsroom gave it: only its misses came from Newsroom now.
    const fromNewsroom = !headers.has('x-cache') || headers.get('x-cache') === 'MISS'
    if (headers.has('x-cache')) behindCache = true
    if (!fromNewsroom) return
    if (behindCache) reachedNewsroom += 1
    if (headers.get('x-page-cache') === 'miss') coldRenders += 1
  }

  let amendments = 0
  const editorFailures: string[] = []
  let running = true
  const editing = (async () => {
    // The first amendment a moment after the crowd arrives, then one every `everyMs`.
    for (let n = 1; running; n++) {
      await new Promise((resolve) => setTimeout(resolve, n === 1 ? 1000 : everyMs))
      if (!running) break
      try {
        await amendRelease(
          editor,
          id,
          `The road remains closed while officers work at the scene (update ${n}).`,
          { change: 'minor' },
        )
        amendments += 1
      } catch (error) {
        editorFailures.push((error as Error).message)
      }
    }
  })()

  const result = await new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 10,
        requests: paths.map((path) => ({ method: 'GET', path, onResponse: counting })),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    ),
  )
  running = false
  await editing
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
    amendments,
    editorFailures,
    coldRenders,
    ...(behindCache ? { reachedNewsroom } : {}),
  }
}

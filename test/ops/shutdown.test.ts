/**
 * SIGTERM, as a process manager or an orchestrator sends it: no new connections, the
 * requests in flight finish, then the job runner stops and the database closes.
 */
import { describe, expect, it } from 'vitest'

import { signIn } from '../helpers/api'
import { imageForm, jpeg } from '../helpers/images'
import { ADMIN, startServer } from '../helpers/server'

describe('graceful shutdown', () => {
  it('finishes every request in flight when SIGTERM arrives, then stops cleanly', async () => {
    const server = await startServer({
      seed: true,
      env: { SHUTDOWN_DELAY_MS: '1500', RENDER_PER_ADDRESS: '100', RENDER_QUEUE: '100' },
    })
    const admin = await signIn(server.url, ADMIN.email, ADMIN.password)
    // (The render limit is raised: these 20 searches come from one address, and are about
    // shutting down, not about limits.)
    // Large pictures: sharp takes a while to make every size, so these are still running.
    const picture = await jpeg(6000, 4000, '#264653')
    const uploads = Array.from({ length: 3 }, (_, i) =>
      admin.upload(
        '/api/media',
        imageForm(picture, `large-${i}.jpg`, 'image/jpeg', { alt: `Large picture ${i}` }),
      ),
    )
    const pages = Array.from({ length: 20 }, (_, i) =>
      fetch(`${server.url}/search?q=police+${i}`).then((r) => r.status),
    )
    await new Promise((resolve) => setTimeout(resolve, 150))
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)

    const stopped = server.stop({ keepFiles: true })
    // A load balancer polling /healthz now hears that this server is going away.
    let healthWhileStopping = 0
    for (let attempt = 0; attempt < 20 && healthWhileStopping !== 503; attempt++) {
      healthWhileStopping = (await fetch(`${server.url}/healthz`)).status
      if (healthWhileStopping !== 503) await new Promise((resolve) => setTimeout(resolve, 25))
    }
    expect(healthWhileStopping).toBe(503)
    const results = await Promise.allSettled([
      ...uploads.map((u) => u.then((r) => r.status)),
      ...pages,
    ])
    const failed = results.filter((r) => r.status === 'rejected')
    expect(
      failed.map((f) =>
        String(
          (f as PromiseRejectedResult).reason?.cause?.code ?? (f as PromiseRejectedResult).reason,
        ),
      ),
      'requests in flight that failed',
    ).toEqual([])
    const statuses = results.map((r) => (r as PromiseFulfilledResult<number>).value)
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201])
    expect(statuses.slice(3).every((status) => status === 200)).toBe(true)
    expect(await stopped).toBe(0)
    expect(server.output()).toContain('SIGTERM received')

    // Nothing accepted after: the port is closed.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()

    // And every upload that was answered 201 is there after a restart.
    const again = await startServer({ dir: server.dir })
    try {
      const media = await (
        await signIn(again.url, ADMIN.email, ADMIN.password)
      ).get('/api/media?where[filename][like]=large-&limit=10')
      expect(media.body.totalDocs).toBe(3)
    } finally {
      await again.stop()
    }
  })
})

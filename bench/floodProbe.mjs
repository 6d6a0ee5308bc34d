/**
 * The health checker of `npm run bench:flood`, in a worker thread of its own: its timings must
 * not include the waits of the event loop that drives the flood's 500 connections.
 * Asks for /healthz and / every `everyMs` until told to stop, then posts what it measured.
 * Plain JavaScript: a worker thread does not get the TypeScript loader of the thread that starts it.
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { parentPort, workerData } from 'node:worker_threads'

/** @typedef {{ ms: number, status: number }} Sample */

/** @type {{ base: string, everyMs: number }} */
const { base, everyMs } = workerData
const agent = new http.Agent({ keepAlive: true, maxSockets: 2 })

/** One request, timed from sending to the last byte. */
/** @param {string} path @returns {Promise<Sample>} */
const timedGet = (path) =>
  new Promise((resolve) => {
    const started = performance.now()
    http
      .get(base + path, { agent }, (response) => {
        response.resume()
        response.on('end', () =>
          resolve({ ms: performance.now() - started, status: response.statusCode ?? 0 }),
        )
      })
      .on('error', () => resolve({ ms: performance.now() - started, status: 0 }))
  })

let running = true
parentPort.once('message', () => (running = false))

/** @type {{ health: Sample[], cached: Sample[] }} */
const samples = { health: [], cached: [] }
while (running) {
  const [health, cached] = await Promise.all([timedGet('/healthz'), timedGet('/')])
  samples.health.push(health)
  samples.cached.push(cached)
  await new Promise((resolve) => setTimeout(resolve, everyMs))
}
agent.destroy()
parentPort.postMessage(samples)

import http from 'node:http'
import path from 'node:path'

import express from 'express'
import next from 'next'
import type { Payload } from 'payload'

import { bootPayload } from './boot'
import { siteUrl } from './config/env'
import { projectRoot } from './config/paths'
import { closePayload } from './db/close'
import { healthz } from './http/healthz'
import { publicSite } from './site'

/** What Next.js serves: Payload's admin and API, and Next's own assets. Everything else is the public site. */
const NEXT_PATHS = /^\/(admin|api|_next|__nextjs[^/]*)(\/|$)/

export type ServerOptions = {
  /** Next.js in development mode (compiles the admin on demand, reloads on change). */
  dev?: boolean
  port?: number
  host?: string
  seedWhenEmpty?: boolean
  log?: (message: string) => void
}

export type NewsroomServer = {
  url: string
  payload: Payload
  close: () => Promise<void>
}

/**
 * The Newsroom process: one express server that owns the public site, static files and
 * the health check, and hands the admin and the API to Next.js, where Payload serves them.
 */
export const startServer = async ({
  dev = false,
  port = 3000,
  host,
  seedWhenEmpty = false,
  log = console.log,
}: ServerOptions = {}): Promise<NewsroomServer> => {
  if (!dev) process.env.DISABLE_PAYLOAD_HMR ??= 'true'
  const payload = await bootPayload({ seedWhenEmpty, log })

  const nextApp = next({ dev, dir: projectRoot, ...(dev ? { hostname: 'localhost', port } : {}) })
  await nextApp.prepare()
  const handleWithNext = nextApp.getRequestHandler()

  const site = publicSite({ payload, siteUrl: siteUrl() })

  const app = express()
  app.disable('x-powered-by')
  app.get('/healthz', healthz(payload))
  app.use(site.router)
  app.use(express.static(path.join(projectRoot, 'public'), { index: false, maxAge: '1h' }))
  app.use((req, res, next) => (NEXT_PATHS.test(req.path) ? handleWithNext(req, res) : next()))
  app.use(site.notFound)
  app.use(site.errorHandler)

  const server = http.createServer(app)
  if (dev) server.on('upgrade', nextApp.getUpgradeHandler())
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const url = `http://localhost:${actualPort}`

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
      })
      site.close()
      await nextApp.close()
      await closePayload(payload)
    })())

  return { url, payload, close }
}

import http from 'node:http'
import net from 'node:net'
import path from 'node:path'

import express from 'express'
import next from 'next'
import onHeaders from 'on-headers'
import proxyaddr from 'proxy-addr'
import type { Payload } from 'payload'

import { assertUkTimePatch } from './admin/ukTimePatch'
import { bootPayload } from './boot'
import { siteUrl, trustProxy } from './config/env'
import { projectRoot } from './config/paths'
import { closePayload } from './db/close'
import { keepStatisticsCurrent } from './db/maintenance'
import { apiGuard, methodOverride } from './http/apiGuard'
import { canonicalPath } from './http/canonicalPath'
import { MEDIA_COPY_PATH, mediaCopy } from './exports/endpoints'
import { healthz } from './http/healthz'
import { bodyLimits, graphqlRateLimit, passClientAddress } from './http/limits'
import { adminHeaders, apiHeaders, fixedHeaders, publicSiteHeaders } from './http/security'
import { publicSite } from './site'

/** What Next.js serves: Payload's admin and API, and Next's own assets. Everything else is the public site. */
const NEXT_PATHS = /^\/(admin|api|_next|__nextjs[^/]*)(\/|$)/

/** How long a stopping server still accepts connections, its /healthz answering 503, before it stops listening (SHUTDOWN_DELAY_MS, 2 seconds unless set; see close below). */
const shutdownDelay = () => {
  const value = Number(process.env.SHUTDOWN_DELAY_MS ?? 2000)
  return Number.isFinite(value) && value >= 0 ? value : 2000
}

/**
 * Knows which kept-alive connections are quiet between requests, so that a stopping server
 * can close them, and closes every other connection after its answer. A connection is closed
 * only after a second of quiet: a client may already be sending its next request on it, and
 * that request is then answered (with "Connection: close") rather than cut off.
 */
const trackConnections = (server: http.Server, stopping: () => boolean) => {
  const quietSince = new Map<net.Socket, number>()
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    quietSince.delete(req.socket)
    res.on('finish', () => {
      if (stopping()) req.socket.end()
      else quietSince.set(req.socket, Date.now())
    })
  })
  server.on('connection', (socket: net.Socket) =>
    socket.on('close', () => quietSince.delete(socket)),
  )
  let sweeper: NodeJS.Timeout | undefined
  return {
    closeQuietOnes: () => {
      sweeper = setInterval(() => {
        for (const [socket, since] of quietSince) {
          if (Date.now() - since < 1000) continue
          quietSince.delete(socket)
          socket.end()
        }
      }, 200)
    },
    stop: () => clearInterval(sweeper),
  }
}

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
  assertUkTimePatch()
  if (!dev) process.env.DISABLE_PAYLOAD_HMR ??= 'true'
  const payload = await bootPayload({ seedWhenEmpty, log })

  const nextApp = next({ dev, dir: projectRoot, ...(dev ? { hostname: 'localhost', port } : {}) })
  await nextApp.prepare()
  const handleWithNext = nextApp.getRequestHandler()

  const site = publicSite({ payload, siteUrl: siteUrl() })
  const stopAnalyzing = await keepStatisticsCurrent(payload)

  let shuttingDown = false
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxy())
  // While stopping, answers tell clients not to send more on the same connection.
  app.use((_req, res, next) => {
    if (shuttingDown) res.setHeader('Connection', 'close')
    next()
  })
  // One spelling of each path for everything below, as Next.js will route it.
  app.use(canonicalPath)
  // Security headers for every answer, by who reads it (src/http/security.ts).
  const headersFor = { api: apiHeaders(), admin: adminHeaders(), site: publicSiteHeaders() }
  app.use((req, res, next) => {
    const kind =
      req.path.startsWith('/api/') || req.path === '/api'
        ? 'api'
        : NEXT_PATHS.test(req.path)
          ? 'admin'
          : 'site'
    return headersFor[kind](req, res, next)
  })
  app.get(
    '/healthz',
    healthz(payload, () => shuttingDown),
  )
  // Limits before anything is read: body sizes; sign-in attempts are counted per address
  // where Payload checks the password (collections/Users/hooks/signInThrottle.ts).
  app.use(bodyLimits)
  app.use(passClientAddress())
  app.use('/api/graphql', graphqlRateLimit())
  app.use(methodOverride)
  app.use(apiGuard(payload))
  app.get(MEDIA_COPY_PATH, mediaCopy(payload))
  app.use(site.router)
  app.use(express.static(path.join(projectRoot, 'public'), { index: false, maxAge: '1h' }))
  app.use((req, res, next) => {
    if (!NEXT_PATHS.test(req.path)) return next()
    // API answers depend on who asks and on the clock (embargoes): no shared cache may keep
    // them, unless the answer says otherwise (a public picture does). Next.js keeps a header
    // set before it answers, so the default goes in only as the headers are written.
    if (req.path.startsWith('/api/')) {
      onHeaders(res, () => {
        if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-store')
      })
    }
    // Payload asks for the colour-scheme hint as "critical": a browser that has not sent it yet
    // asks for the page a second time, and a "Create New" page made twice made two drafts. The
    // hint is still asked for (Accept-CH), and sent with every later request.
    onHeaders(res, () => res.removeHeader('Critical-CH'))
    return handleWithNext(req, res)
  })
  app.use(site.notFound)
  app.use(site.errorHandler)

  // Cached pages are answered before express, with the public site's headers (src/site/cachedAnswers.ts).
  const asker = {
    securityHeaders: fixedHeaders(headersFor.site),
    addressOf: (req: http.IncomingMessage) => proxyaddr(req, app.get('trust proxy fn')),
  }
  const server = http.createServer((req, res) => {
    if (!shuttingDown && site.cachedAnswers.answer(req, res, asker)) return
    app(req, res)
  })
  if (dev) server.on('upgrade', nextApp.getUpgradeHandler())
  const connections = trackConnections(server, () => shuttingDown)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const url = `http://localhost:${actualPort}`

  /**
   * Stops gracefully. First /healthz answers 503, so that a load balancer stops sending
   * work, while connections are still accepted for SHUTDOWN_DELAY_MS (2 seconds): closing
   * the listening socket at once would reset connections the system has already accepted
   * for us but we have not yet taken. Then no new connections, requests in flight finish
   * (for up to 25 seconds), the job runner stops and the database connections close.
   */
  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      shuttingDown = true
      await new Promise((resolve) => setTimeout(resolve, shutdownDelay()))
      // net.Server's close stops listening without http.Server's extra step of closing
      // "idle" connections, which would also cut a request that has arrived but is not
      // yet read. Connections close themselves as each answer goes out (see below).
      const drained = new Promise<void>((resolve) =>
        net.Server.prototype.close.call(server, () => resolve()),
      )
      connections.closeQuietOnes()
      const deadline = setTimeout(() => {
        log('Requests still running after 25 seconds: closing their connections.')
        server.closeAllConnections()
      }, 25_000)
      await drained
      connections.stop()
      clearTimeout(deadline)
      site.close()
      stopAnalyzing()
      await nextApp.close()
      await closePayload(payload)
    })())

  return { url, payload, close }
}

/**
 * `npm start`: builds the admin if needed, then runs Newsroom. With an empty database
 * (and outside production) it loads the demo content first.
 *
 *   --dev       Next.js in development mode (compiles on demand, reloads on change)
 *   --no-build  do not build the admin first (it must already be built)
 *   --no-seed   never load the demo content
 */
import { ConfigurationError, isProduction, port } from '../config/env'
import { startServer } from '../server'
import { ensureAdminBuild } from './build'

process.env.NEXT_TELEMETRY_DISABLED ??= '1'

const flags = new Set(process.argv.slice(2))
const dev = flags.has('--dev')

const main = async () => {
  if (!dev && !flags.has('--no-build')) await ensureAdminBuild()
  const server = await startServer({
    dev,
    port: port(),
    host: process.env.HOST,
    seedWhenEmpty: !flags.has('--no-seed') && !isProduction(),
  })
  console.log(`\nNewsroom is running at ${server.url}`)
  console.log(`  Public site: ${server.url}/`)
  console.log(`  Admin:       ${server.url}/admin`)
  console.log(`  API:         ${server.url}/api/news`)
  console.log(`  Health:      ${server.url}/healthz\n`)

  const stop = (signal: string) => {
    console.log(`${signal} received: finishing requests in flight, then stopping.`)
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError || (error as Error)?.name === 'ConfigurationError') {
    console.error(`\nNewsroom cannot start: ${(error as Error).message}\n`)
  } else {
    console.error('\nNewsroom could not start:', error)
  }
  process.exit(1)
})

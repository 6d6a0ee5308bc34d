import { withPayload } from '@payloadcms/next/withPayload'

/**
 * Next.js is here only to serve Payload's admin and its REST and GraphQL API; the express
 * process in src/server.ts owns everything else.
 *
 * Payload and the database adapters stay outside the bundle, so the admin and the API use
 * the very Payload instance that the express process starts (and its hooks and caches).
 *
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  serverExternalPackages: [
    'payload',
    '@payloadcms/db-sqlite',
    '@payloadcms/db-postgres',
    '@payloadcms/db-mongodb',
    '@payloadcms/drizzle',
    '@payloadcms/graphql',
    'sharp',
  ],
  // Type-checking and linting are separate steps of `npm test`; the build does not repeat them.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  turbopack: { root: import.meta.dirname },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })

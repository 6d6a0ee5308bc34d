import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { projectRoot } from '../config/paths'

/**
 * What goes into the admin bundle. The public site, the CLI and the seed are not bundled; the
 * after-install patch (src/admin/ukTimePatch.ts) is not bundled either, but changes the Payload
 * code that is.
 */
const INPUTS = [
  'payload.config.ts',
  'next.config.mjs',
  'package-lock.json',
  'tsconfig.json',
  'collections',
  'src',
]
const NOT_BUNDLED = ['src/site', 'src/cli', 'src/seed', 'src/payload-types.ts']

const files = (relative: string): string[] => {
  if (NOT_BUNDLED.includes(relative)) return []
  const absolute = path.join(projectRoot, relative)
  if (!fs.existsSync(absolute)) return []
  if (!fs.statSync(absolute).isDirectory()) return [relative]
  return fs
    .readdirSync(absolute)
    .sort()
    .flatMap((name) => files(path.posix.join(relative, name)))
}

export const buildInputsHash = (): string => {
  const hash = crypto.createHash('sha256')
  for (const file of INPUTS.flatMap(files)) {
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(projectRoot, file)))
      .update('\0')
  }
  return hash.digest('hex')
}

const stampFile = () => path.join(projectRoot, '.next', 'newsroom-build-hash')

export const adminBuildIsCurrent = (): boolean => {
  try {
    return (
      fs.existsSync(path.join(projectRoot, '.next', 'BUILD_ID')) &&
      fs.readFileSync(stampFile(), 'utf8').trim() === buildInputsHash()
    )
  } catch {
    return false
  }
}

/**
 * Builds Payload's admin with Next.js when the sources it is made from have changed since
 * the last build (or there is none), showing Next's progress as it goes.
 */
export const ensureAdminBuild = async ({
  force = false,
  log = console.log,
} = {}): Promise<void> => {
  if (!force && adminBuildIsCurrent()) return
  log(
    'Building the admin with Next.js. This happens once after installing or updating, and takes a few minutes on a small machine…',
  )
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
  const hash = buildInputsHash()
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: projectRoot,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (exit code ${code}).`)),
    )
  })
  fs.writeFileSync(stampFile(), hash + '\n')
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  ensureAdminBuild({ force: process.argv.includes('--force') }).catch((error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}

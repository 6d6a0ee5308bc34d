import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { build } from 'esbuild'

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

/**
 * The server as one JavaScript file, made by esbuild from src/cli/start.ts (the packages stay
 * in node_modules), which `npm start` and the tests run with plain node. Run through tsx, a
 * server spent half the CPU of its start (about 3 s of 6 on this machine) in tsx's module
 * hooks, which see every one of the thousands of modules Payload and Next load; the bundle
 * starts without them. `npm run dev` still runs the sources through tsx.
 *
 * It lives two folders down, as src/cli/start.ts does, so that src/config/paths.ts finds the
 * project's root from either.
 */
export const SERVER_BUNDLE = path.join(projectRoot, 'dist', 'server', 'start.mjs')

const SERVER_INPUTS = [
  'payload.config.ts',
  'package-lock.json',
  'tsconfig.json',
  'collections',
  'migrations',
  'src',
]

const serverInputsHash = (): string => {
  const hash = crypto.createHash('sha256')
  const walk = (relative: string): string[] => {
    const absolute = path.join(projectRoot, relative)
    if (!fs.existsSync(absolute)) return []
    if (!fs.statSync(absolute).isDirectory()) return [relative]
    return fs
      .readdirSync(absolute)
      .sort()
      .flatMap((name) => walk(path.posix.join(relative, name)))
  }
  for (const file of SERVER_INPUTS.flatMap(walk))
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(projectRoot, file)))
      .update('\0')
  return hash.digest('hex')
}

/**
 * Bundles the server when its sources have changed since the last bundle (half a second).
 * The file is written under another name and renamed into place, so a server starting
 * meanwhile (the test passes run at once) reads a whole file, old or new.
 */
export const ensureServerBuild = async ({ force = false } = {}): Promise<void> => {
  const stamp = `${SERVER_BUNDLE}.inputs`
  const hash = serverInputsHash()
  if (!force && fs.existsSync(SERVER_BUNDLE) && fs.existsSync(stamp))
    if (fs.readFileSync(stamp, 'utf8').trim() === hash) return
  const result = await build({
    entryPoints: [path.join(projectRoot, 'src/cli/start.ts')],
    absWorkingDir: projectRoot,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    tsconfig: path.join(projectRoot, 'tsconfig.json'),
    write: false,
    logLevel: 'warning',
  })
  fs.mkdirSync(path.dirname(SERVER_BUNDLE), { recursive: true })
  const unique = `.${process.pid}.${crypto.randomBytes(4).toString('hex')}`
  fs.writeFileSync(SERVER_BUNDLE + unique, result.outputFiles[0]!.contents)
  fs.renameSync(SERVER_BUNDLE + unique, SERVER_BUNDLE)
  fs.writeFileSync(stamp + unique, hash + '\n')
  fs.renameSync(stamp + unique, stamp)
}

/** The admin (when its sources changed) and the server bundle: what `npm start` runs. */
export const ensureBuilt = async ({ force = false, log = console.log } = {}) => {
  await ensureAdminBuild({ force, log })
  await ensureServerBuild({ force })
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  ensureBuilt({ force: process.argv.includes('--force') }).catch((error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}

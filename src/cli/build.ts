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

/** The files under `inputs` (files or folders), sorted, leaving out `skipped`. */
const filesOf = (inputs: string[], skipped: string[] = []): string[] => {
  const walk = (relative: string): string[] => {
    if (skipped.includes(relative)) return []
    const absolute = path.join(projectRoot, relative)
    if (!fs.existsSync(absolute)) return []
    if (!fs.statSync(absolute).isDirectory()) return [relative]
    return fs
      .readdirSync(absolute)
      .sort()
      .flatMap((name) => walk(path.posix.join(relative, name)))
  }
  return inputs.flatMap(walk)
}

/** One hash of the names and contents of files: a build is current while its inputs' hash is. */
const hashOf = (files: string[]): string => {
  const hash = crypto.createHash('sha256')
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(projectRoot, file)))
      .update('\0')
  return hash.digest('hex')
}

export const buildInputsHash = (): string => hashOf(filesOf(INPUTS, NOT_BUNDLED))

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
 * The server and the commands as JavaScript files, made by esbuild from src/cli/ (the packages
 * stay in node_modules), which `npm start` and the other npm scripts run with plain node, as
 * the tests do. Run through tsx, a server spent half the CPU of its start (about 3 s of 6 on
 * this machine) in tsx's module hooks, which see every one of the thousands of modules Payload
 * and Next load; the bundles start without them. `npm run dev` still runs the sources through
 * tsx.
 *
 * They live two folders down, as src/cli/*.ts do, so that src/config/paths.ts finds the
 * project's root from either.
 */
export const COMMANDS = ['start', 'migrate', 'seed', 'backup', 'restore'] as const
export type Command = (typeof COMMANDS)[number]

const BUNDLES = path.join(projectRoot, 'dist', 'server')
export const bundleOf = (command: Command) => path.join(BUNDLES, `${command}.mjs`)
export const SERVER_BUNDLE = bundleOf('start')

/**
 * How `npm start` and the commands' npm scripts run a bundle: each is written with a source
 * map beside it, and this flag has Node use them, so a stack trace in the log names the line in
 * src/, not in dist/server/start.mjs. The flag also has Node read every loaded package's own
 * source map, about 0.3 s of CPU a start here, so the tests, which start some sixty servers and
 * never read a stack's line numbers, run the bundles without it; the benchmarks use it, as they
 * measure production.
 */
export const NODE_FLAGS = ['--enable-source-maps']

const SERVER_INPUTS = [
  'payload.config.ts',
  'package-lock.json',
  'tsconfig.json',
  'collections',
  'migrations',
  'src',
]

/** Writes a file under another name and renames it into place: a reader sees it whole, old or new. */
const replaceFile = (file: string, contents: string | Uint8Array) => {
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`
  fs.writeFileSync(temporary, contents)
  fs.renameSync(temporary, file)
}

/**
 * Bundles the server and the commands when their sources have changed since the last bundle
 * (a second or two). Each file is replaced whole, so a server starting meanwhile (the test
 * passes run at once) reads a whole file, old or new.
 */
export const ensureServerBuild = async ({ force = false } = {}): Promise<void> => {
  const stamp = path.join(BUNDLES, 'inputs-hash')
  const hash = hashOf(filesOf(SERVER_INPUTS))
  const current =
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8').trim() === hash &&
    COMMANDS.every((command) => fs.existsSync(bundleOf(command)))
  if (current && !force) return
  const result = await build({
    entryPoints: COMMANDS.map((command) => path.join(projectRoot, 'src/cli', `${command}.ts`)),
    outdir: BUNDLES,
    outExtension: { '.js': '.mjs' },
    absWorkingDir: projectRoot,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    tsconfig: path.join(projectRoot, 'tsconfig.json'),
    // Positions only: the sources are in src/ beside it.
    sourcemap: 'linked',
    sourcesContent: false,
    write: false,
    logLevel: 'warning',
  })
  fs.mkdirSync(BUNDLES, { recursive: true })
  for (const file of result.outputFiles) replaceFile(file.path, file.contents)
  replaceFile(stamp, hash + '\n')
}

/** The admin and the bundles, each when its sources changed: what `npm start` runs. */
export const ensureBuilt = async ({ force = false, log = console.log } = {}) => {
  await ensureAdminBuild({ force, log })
  await ensureServerBuild({ force })
}

// `--server`: the bundles only, for the commands' npm scripts (never the admin's long build).
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const force = process.argv.includes('--force')
  ;(process.argv.includes('--server')
    ? ensureServerBuild({ force })
    : ensureBuilt({ force })
  ).catch((error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}

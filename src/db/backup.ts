/**
 * Backing up and restoring the embedded SQLite database and the media folder, for
 * `npm run backup` and `npm run restore`. PostgreSQL and MongoDB have tools of their own.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createClient } from '@libsql/client'

import { port } from '../config/env'
import { dataDir, mediaDir, projectRoot } from '../config/paths'
import { databaseKind, migrationDir } from './adapter'
import { s3Settings } from '../plugins/storage'

/** A failure the person running the command can fix: the command prints the message alone. */
export class BackupError extends Error {
  override name = 'BackupError'
  readonly exitCode: number
  constructor(message: string, exitCode = 1) {
    super(message)
    this.exitCode = exitCode
  }
}

export type Manifest = {
  createdAt: string
  newsroomVersion: string
  database: { file: string; bytes: number; sha256: string; migrations: string[] }
  /** With S3_BUCKET set the pictures are in the bucket, not in this backup (see docs/deploy.md). */
  media: { folder: string; files: number; bytes: number; bucket?: string }
  /**
   * The media folder is copied after the database, so every media row in the copy has its
   * files; a picture uploaded meanwhile may be in the copy without its row, or missing.
   */
  mediaCopiedAfterDatabase: true
}

const DATABASE_FILE = 'newsroom.db'
const MEDIA_FOLDER = 'media'

/** A UTC time usable in a file name on every system: 2026-11-23T13-45-02Z. */
export const stamp = (date = new Date()) =>
  date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** The paths a person may need to type again, quoted for a POSIX shell when they need it. */
const shell = (p: string) => (/^[\w./@:+-]+$/.test(p) ? p : `'${p.replaceAll("'", `'\\''`)}'`)

const requireSqlite = (tools: string) => {
  const kind = databaseKind()
  if (kind === 'sqlite') return
  const [name, tool] =
    kind === 'postgres'
      ? ['PostgreSQL', 'pg_dump and pg_restore']
      : ['MongoDB', 'mongodump and mongorestore']
  throw new BackupError(
    `DATABASE_URL names a ${name} database, and ${tools} works on the embedded SQLite database only: use ${tool} instead (see docs/deploy.md).`,
    2,
  )
}

/** The SQLite file DATABASE_URL names, resolved as libsql resolves it (against the working folder). */
export const sqliteFile = (url = process.env.DATABASE_URL): string => {
  if (!url) return path.join(dataDir(), DATABASE_FILE)
  const withoutQuery = url.split('?')[0]!
  return withoutQuery.startsWith('file://')
    ? fileURLToPath(withoutQuery)
    : path.resolve(withoutQuery.slice('file:'.length))
}

const sha256 = async (file: string) => {
  const hash = createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk)
  return hash.digest('hex')
}

/** SQLite's own integrity check of a database file, and the migrations recorded in it. */
const inspect = async (file: string) => {
  const client = createClient({ url: `file:${file}` })
  try {
    const integrity = (await client.execute('PRAGMA integrity_check')).rows
      .map((row) => String(row[0]))
      .join('; ')
    const table = await client.execute(
      `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'payload_migrations'`,
    )
    const migrations = table.rows.length
      ? (await client.execute('SELECT name FROM payload_migrations ORDER BY id')).rows.map((row) =>
          String(row[0]),
        )
      : []
    return { integrity, migrations }
  } catch (error) {
    throw new BackupError(`${file} is not a usable SQLite database: ${(error as Error).message}`)
  } finally {
    client.close()
  }
}

const filesIn = (dir: string) => {
  let files = 0
  let bytes = 0
  if (!fs.existsSync(dir)) return { files, bytes }
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = fs.statSync(path.join(dir, name))
    if (!stat.isFile()) continue
    files += 1
    bytes += stat.size
  }
  return { files, bytes }
}

const newsroomVersion = (): string =>
  JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).version

/** Where backups go unless told otherwise: BACKUP_DIR, or backups/ in the project. */
export const defaultBackupParent = () =>
  path.resolve(projectRoot, process.env.BACKUP_DIR ?? 'backups')

/**
 * Takes a backup into a new folder under `parent` while Newsroom may be running, and
 * returns the folder. The database comes first, then the media, so that every media row
 * in the copy has its files on disk by the time they are copied.
 */
export const backup = async ({
  parent,
  log,
}: {
  parent: string
  log: (line: string) => void
}): Promise<string> => {
  requireSqlite('npm run backup')
  const database = sqliteFile()
  if (!fs.existsSync(database))
    throw new BackupError(
      `There is no database at ${database}, so there is nothing to back up: check DATABASE_URL.`,
    )
  const s3 = s3Settings()
  const bucket = s3 ? `s3://${s3.bucket}/${s3.prefix}` : undefined

  const createdAt = new Date()
  const folder = path.join(parent, stamp(createdAt))
  if (fs.existsSync(folder))
    throw new BackupError(`${folder} already exists: wait a second and run the backup again.`)
  // Built under another name and renamed when complete, so a folder with a time for its
  // name is always a whole backup, even if this process is stopped halfway.
  const partial = `${folder}.partial`
  fs.mkdirSync(partial, { recursive: true })
  try {
    log(`Copying the database ${database}…`)
    const copy = path.join(partial, DATABASE_FILE)
    const client = createClient({ url: `file:${database}` })
    try {
      // Newsroom may hold a write lock for a moment: wait for it rather than fail.
      await client.execute('PRAGMA busy_timeout = 10000')
      // VACUUM INTO reads the whole database inside one read transaction, so the copy is
      // one consistent moment; in WAL mode the server carries on writing meanwhile.
      await client.execute({ sql: 'VACUUM INTO ?', args: [copy] })
    } catch (error) {
      throw new BackupError(`Could not copy the database: ${(error as Error).message}`)
    } finally {
      client.close()
    }
    const { integrity, migrations } = await inspect(copy)
    if (integrity !== 'ok')
      throw new BackupError(
        `The copy of the database failed SQLite's integrity check (${integrity}), so no backup was kept: the database itself may be damaged.`,
      )
    const bytes = fs.statSync(copy).size
    log(`  ${megabytes(bytes)}, integrity check ok, ${migrations.length} migrations recorded.`)

    const media = mediaDir()
    const mediaCopy = path.join(partial, MEDIA_FOLDER)
    if (bucket) {
      log(
        `The pictures are in ${bucket}, not in the media folder: this backup has the database only. Keep the bucket versioned or copy it (see docs/deploy.md).`,
      )
      fs.mkdirSync(mediaCopy)
    } else if (fs.existsSync(media)) {
      log(`Copying the media folder ${media}…`)
      try {
        await fs.promises.cp(media, mediaCopy, { recursive: true, preserveTimestamps: true })
      } catch (error) {
        // A picture deleted while the folder is being read.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new BackupError(
            `A media file disappeared while it was being copied (${(error as Error).message}): run the backup again.`,
          )
        throw error
      }
    } else {
      log(`There is no media folder at ${media} (no pictures uploaded yet).`)
      fs.mkdirSync(mediaCopy)
    }
    const mediaFiles = filesIn(mediaCopy)
    if (!bucket) log(`  ${mediaFiles.files} files, ${megabytes(mediaFiles.bytes)}.`)

    const manifest: Manifest = {
      createdAt: createdAt.toISOString(),
      newsroomVersion: newsroomVersion(),
      database: { file: DATABASE_FILE, bytes, sha256: await sha256(copy), migrations },
      media: { folder: MEDIA_FOLDER, ...mediaFiles, ...(bucket ? { bucket } : {}) },
      mediaCopiedAfterDatabase: true,
    }
    fs.writeFileSync(path.join(partial, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
    fs.renameSync(partial, folder)
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true })
    throw error
  }
  return folder
}

const readManifest = (folder: string): Manifest => {
  const file = path.join(folder, 'manifest.json')
  if (!fs.existsSync(file))
    throw new BackupError(`${folder} has no manifest.json: it is not a Newsroom backup.`)
  let manifest: Manifest
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    throw new BackupError(`${file} is not valid JSON: the backup is damaged.`)
  }
  const { database, media } = manifest ?? {}
  const plainName = (name: unknown) =>
    typeof name === 'string' && name !== '' && path.basename(name) === name
  if (
    !plainName(database?.file) ||
    typeof database?.sha256 !== 'string' ||
    typeof database?.bytes !== 'number' ||
    !plainName(media?.folder)
  ) {
    throw new BackupError(
      `${file} does not describe a Newsroom backup (it needs database.file, database.bytes, database.sha256 and media.folder).`,
    )
  }
  return manifest
}

/**
 * Whether another process has the database open. Leaving WAL mode needs an exclusive lock
 * that every open connection elsewhere blocks, even an idle one. The write-ahead log itself
 * says nothing: Newsroom leaves it behind even when it stops cleanly, because libsql keeps
 * connections open until the process ends. When the switch succeeds it folds the log into
 * the database, so the file moved aside is whole on its own (Newsroom turns WAL back on).
 */
const openElsewhere = async (database: string): Promise<boolean> => {
  if (!fs.existsSync(database)) return false
  const client = createClient({ url: `file:${database}` })
  try {
    await client.execute('PRAGMA journal_mode = DELETE')
    return false
  } catch (error) {
    // Any other failure (a damaged database, say) must not stand in the way of a restore.
    return String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')
  } finally {
    client.close()
  }
}

const answersOn = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: 'localhost', port, timeout: 1000, autoSelectFamily: true })
    const settle = (answer: boolean) => {
      socket.destroy()
      resolve(answer)
    }
    socket.once('connect', () => settle(true))
    socket.once('error', () => settle(false))
    socket.once('timeout', () => settle(false))
  })

/** Why Newsroom seems to be running, if it does. The port first: asking it changes nothing. */
const inUse = async (database: string): Promise<string | undefined> => {
  const listening = port()
  if (listening !== 0 && (await answersOn(listening)))
    return `something answers on localhost:${listening}`
  if (await openElsewhere(database)) return `${path.basename(database)} is open in another process`
  return undefined
}

type Moves = [from: string, to: string][]

const putBack = (moved: Moves) => {
  for (const [from, to] of [...moved].reverse()) fs.renameSync(to, from)
}

/** Moves files and folders aside, or puts back those already moved if one cannot be. */
const moveAside = (paths: string[], suffix: string): Moves => {
  const moved: Moves = []
  try {
    for (const from of paths) {
      if (!fs.existsSync(from)) continue
      fs.renameSync(from, from + suffix)
      moved.push([from, from + suffix])
    }
  } catch (error) {
    putBack(moved)
    throw new BackupError(
      `Could not move the current data aside (${(error as Error).message}); nothing was restored.`,
    )
  }
  return moved
}

/**
 * Puts a backup back in place of the current database and media folder, which are moved
 * aside (never deleted). Refuses a backup that does not match its manifest, and refuses
 * while Newsroom seems to be running unless forced.
 */
export const restore = async ({
  folder,
  force,
  log,
}: {
  folder: string
  force: boolean
  log: (line: string) => void
}) => {
  requireSqlite('npm run restore')
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
    throw new BackupError(`There is no backup folder at ${folder}.`)
  const manifest = readManifest(folder)
  const copy = path.join(folder, manifest.database.file)
  const mediaCopy = path.join(folder, manifest.media.folder)

  log(`Checking the backup in ${folder}…`)
  for (const part of [copy, mediaCopy])
    if (!fs.existsSync(part))
      throw new BackupError(`${part} is missing: the backup is incomplete. Nothing was restored.`)
  if (
    fs.statSync(copy).size !== manifest.database.bytes ||
    (await sha256(copy)) !== manifest.database.sha256
  ) {
    throw new BackupError(
      `${copy} does not match the checksum in manifest.json: it has changed or been damaged since the backup was taken. Nothing was restored.`,
    )
  }
  // The copy is in rollback-journal mode, so reading it here leaves no files beside it.
  const { integrity, migrations } = await inspect(copy)
  if (integrity !== 'ok')
    throw new BackupError(
      `${copy} fails SQLite's integrity check (${integrity}). Nothing was restored.`,
    )
  const mediaFiles = filesIn(mediaCopy)
  if (mediaFiles.files !== manifest.media.files || mediaFiles.bytes !== manifest.media.bytes) {
    throw new BackupError(
      `${mediaCopy} holds ${mediaFiles.files} files (${mediaFiles.bytes} bytes), not the ${manifest.media.files} (${manifest.media.bytes} bytes) in manifest.json: the backup is incomplete. Nothing was restored.`,
    )
  }
  const known = new Set(
    fs.readdirSync(migrationDir('sqlite')).map((name) => name.replace(/\.(ts|js|json)$/, '')),
  )
  const unknown = migrations.filter((name) => !known.has(name))
  if (unknown.length)
    log(
      `Warning: this backup was made by a later Newsroom (${manifest.newsroomVersion}), with migrations this one does not have: ${unknown.join(', ')}.`,
    )

  const database = sqliteFile()
  const media = mediaDir()
  const busy = await inUse(database)
  if (busy && !force)
    throw new BackupError(
      `Newsroom seems to be running (${busy}): stop Newsroom first, then restore again. If you are sure it is stopped, add --force.`,
    )

  // The write-ahead log and shared-memory files belong to the current database: left beside
  // the restored one, SQLite would replay them into it.
  const moved = moveAside(
    [database, `${database}-wal`, `${database}-shm`, media],
    `.before-restore-${stamp()}`,
  )
  try {
    fs.mkdirSync(path.dirname(database), { recursive: true })
    // Copied under another name first, so there is never a half-copied database under the real one.
    await fs.promises.copyFile(copy, `${database}.restoring`)
    fs.renameSync(`${database}.restoring`, database)
    await fs.promises.cp(mediaCopy, media, { recursive: true, preserveTimestamps: true })
  } catch (error) {
    // A full disk, say: half a restore is worse than none, so put everything back.
    for (const partial of [`${database}.restoring`, database, media]) {
      try {
        fs.rmSync(partial, { recursive: true, force: true })
      } catch {
        // Never there (its folder is not one, say): nothing to clear.
      }
    }
    putBack(moved)
    throw new BackupError(
      `Could not copy the backup in (${(error as Error).message}); the previous data is back in place.`,
    )
  }

  log(`Restored the backup taken at ${manifest.createdAt} (Newsroom ${manifest.newsroomVersion}):`)
  log(`  database: ${database}`)
  log(`  media:    ${media} (${mediaFiles.files} files)`)
  if (manifest.media.bucket)
    log(
      `The pictures were in ${manifest.media.bucket} and are not in this backup: restore them from the bucket if needed.`,
    )
  if (moved.length) {
    log('The data it replaced is kept:')
    for (const [from, to] of moved) log(`  ${from} -> ${to}`)
    log('To undo, stop Newsroom and run:')
    log(`  rm -rf ${[database, `${database}-wal`, `${database}-shm`, media].map(shell).join(' ')}`)
    for (const [from, to] of moved) log(`  mv ${shell(to)} ${shell(from)}`)
  }
  log('Start Newsroom as usual: it applies any migrations the backup is missing.')
}

/** Reads a command's arguments; a mistake in them is a BackupError that shows the usage. */
export const parseArguments = <T>(usage: string, parse: () => T): T => {
  try {
    return parse()
  } catch (error) {
    throw new BackupError(`${(error as Error).message}\n${usage}`, 2)
  }
}

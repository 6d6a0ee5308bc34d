/**
 * `npm run backup` and `npm run restore` on the real server's SQLite database: a backup
 * taken while releases and pictures are being written is consistent and complete, and
 * restoring it on the stopped server brings back exactly what it held.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { projectRoot } from '../../src/config/paths'
import { api, signIn, type Api } from '../helpers/api'
import { imageForm, jpeg } from '../helpers/images'
import { publishRelease } from '../helpers/releases'
import { runCli } from '../helpers/run'
import { ADMIN, freePort, startServer, type TestServer } from '../helpers/server'
import { makeTempDir } from '../helpers/tempDir'

type Release = { id: number; title: string }

const sha256 = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

const query = async (file: string, sql: string) => {
  const client = createClient({ url: `file:${file}` })
  try {
    return (await client.execute(sql)).rows
  } finally {
    client.close()
  }
}

const filesUnder = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .sort()

/** What the command printed should be sentences, never a stack trace. */
const expectNoStack = (output: string) => expect(output).not.toMatch(/^\s+at /m)

describe('backup and restore (SQLite)', () => {
  let server: TestServer
  let restarted: TestServer | undefined
  let admin: Api
  // SQLite whatever TEST_DATABASE says: these commands are for the embedded database.
  const data = makeTempDir()
  const databaseUrl = `file:${path.join(data.dir, 'newsroom.db')}`
  const env = {
    NEWSROOM_DATA_DIR: data.dir,
    MEDIA_DIR: path.join(data.dir, 'media'),
    DATABASE_URL: databaseUrl,
  }
  const backups = makeTempDir('newsroom-backups-')
  let folder: string
  const before: Release[] = []
  const after: Release[] = []
  let beforeImage: { id: number; filename: string }
  let afterImage: { id: number; filename: string }

  const upload = async (name: string) => {
    const response = await admin.upload(
      '/api/media',
      imageForm(await jpeg(800, 450, '#2a9d8f'), name, 'image/jpeg', { alt: `Picture ${name}` }),
    )
    expect(response.status).toBe(201)
    return response.body.doc
  }

  const release = async (title: string, heroImage?: number): Promise<Release> => {
    const doc = await publishRelease(admin, {
      title,
      summary: `Summary of ${title}.`,
      ...(heroImage ? { heroImage } : {}),
    })
    return { id: doc.id, title }
  }

  /** The environment `npm run backup` and `npm run restore` would see beside this server; PORT defaults to one nobody listens on. */
  const cliEnv = async (port?: string) => ({ ...env, PORT: port ?? String(await freePort()) })

  const asideFiles = () =>
    fs.readdirSync(data.dir).filter((name) => name.includes('.before-restore-'))

  beforeAll(async () => {
    server = await startServer({ dir: data.dir, databaseUrl })
    admin = await signIn(server.url, ADMIN.email, ADMIN.password)
    beforeImage = await upload('before.jpg')
    before.push(await release('Appeal after a burglary in Fenwick', beforeImage.id))
    for (let i = 1; i <= 3; i++) before.push(await release(`Road closure on the A${i}0`))
  })

  afterAll(async () => {
    await restarted?.stop()
    await server?.stop()
    data.remove()
    backups.remove()
  })

  it('takes a consistent, complete backup while releases and pictures are being written', async () => {
    // Another editor keeps uploading pictures and publishing releases with them throughout.
    const during: { id: number; began: number; at: number }[] = []
    let writing = true
    const writer = (async () => {
      for (let n = 1; writing; n++) {
        const began = Date.now()
        const image = await upload(`during-${n}.jpg`)
        const { id } = await release(`Written during the backup ${n}`, image.id)
        during.push({ id, began, at: Date.now() })
      }
    })()
    // Start once the writer is under way (and fail at once if it cannot write).
    while (during.length === 0)
      await Promise.race([writer, new Promise((resolve) => setTimeout(resolve, 20))])

    const started = Date.now()
    const result = await runCli('backup', await cliEnv(new URL(server.url).port), [
      '--to',
      backups.dir,
    ])
    const finished = Date.now()
    writing = false
    await writer
    afterImage = await upload('after.jpg')
    after.push(await release('Published after the backup, with a picture', afterImage.id))
    after.push(await release('Published after the backup'))

    expect(result.code, result.output).toBe(0)
    // The backup takes well under a second: a picture and its release being written while it
    // ran (begun before it ended, ended after it began) is what it must copy whole or not at all.
    expect(
      during.filter(({ began, at }) => began < finished && at > started).length,
      'releases being written while the backup ran',
    ).toBeGreaterThan(0)
    folder = /Backup written to (.+)/.exec(result.output)![1]!.trim()
    expect(path.dirname(folder)).toBe(backups.dir)
    expect(path.basename(folder)).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/)
    expect(fs.readdirSync(backups.dir)).toEqual([path.basename(folder)])
    expect(fs.readdirSync(folder).sort()).toEqual(['manifest.json', 'media', 'newsroom.db'])

    const copy = path.join(folder, 'newsroom.db')
    expect(await query(copy, 'PRAGMA integrity_check')).toEqual([
      expect.objectContaining({ integrity_check: 'ok' }),
    ])
    const rows = await query(copy, 'SELECT id, title, _status FROM news')
    for (const { id, title } of before)
      expect(rows).toContainEqual(expect.objectContaining({ id, title, _status: 'published' }))
    for (const { id } of after) expect(rows.map((row) => row.id)).not.toContain(id)

    // Every picture the copy knows of, in every size, is in the copy of the media folder.
    const media = await query(
      copy,
      'SELECT filename, sizes_card_filename, sizes_hero_filename, sizes_hero_large_filename, sizes_og_filename FROM media',
    )
    expect(media.length).toBeGreaterThan(1)
    const copied = new Set(filesUnder(path.join(folder, 'media')))
    const referenced = media.flatMap((row) =>
      Object.values(row).filter((name): name is string => typeof name === 'string'),
    )
    expect(referenced.length).toBeGreaterThanOrEqual(media.length * 2)
    expect(
      referenced.filter((name) => !copied.has(name)),
      'media files missing from the backup',
    ).toEqual([])

    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'))
    expect(Date.parse(manifest.createdAt)).toBeGreaterThanOrEqual(started - 1000)
    expect(Date.parse(manifest.createdAt)).toBeLessThanOrEqual(finished)
    expect(manifest.newsroomVersion).toBe(
      JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).version,
    )
    expect(manifest.database).toEqual({
      file: 'newsroom.db',
      bytes: fs.statSync(copy).size,
      sha256: sha256(copy),
      migrations: (await query(copy, 'SELECT name FROM payload_migrations ORDER BY id')).map(
        (row) => row.name,
      ),
    })
    const committed = fs
      .readdirSync(path.join(projectRoot, 'migrations/sqlite'))
      .filter((name) => /^\d.*\.ts$/.test(name))
      .map((name) => name.replace(/\.ts$/, ''))
    expect([...manifest.database.migrations].sort()).toEqual(committed.sort())
    const mediaFiles = filesUnder(path.join(folder, 'media'))
    expect(manifest.media).toEqual({
      folder: 'media',
      files: mediaFiles.length,
      bytes: mediaFiles.reduce(
        (sum, name) => sum + fs.statSync(path.join(folder, 'media', name)).size,
        0,
      ),
    })
    expect(manifest.mediaCopiedAfterDatabase).toBe(true)
  })

  it('refuses to restore while the server is running, and changes nothing', async () => {
    // PORT names a port nobody listens on: the open database alone gives the server away.
    const result = await runCli('restore', await cliEnv(), [folder])
    expect(result.code).toBe(1)
    expect(result.output).toContain('newsroom.db is open in another process')
    expect(result.output).toContain('stop Newsroom first')
    expectNoStack(result.output)
    expect(asideFiles()).toEqual([])
    for (const { id, title } of after)
      expect((await admin.get(`/api/news/${id}`)).body.title).toBe(title)
  })

  it('refuses while something answers on PORT, even with the database closed, unless forced', async () => {
    expect(await server.stop()).toBe(0)
    const listener = net.createServer((socket) => socket.destroy())
    const port = await new Promise<number>((resolve) =>
      listener.listen(0, () => resolve((listener.address() as net.AddressInfo).port)),
    )
    const fresh = makeTempDir()
    try {
      const result = await runCli('restore', await cliEnv(String(port)), [folder])
      expect(result.code).toBe(1)
      expect(result.output).toContain(`something answers on localhost:${port}`)
      expect(result.output).toContain('stop Newsroom first')
      expect(asideFiles()).toEqual([])

      // --force is for when the person knows better: here, a new machine with nothing yet.
      const elsewhere = {
        NEWSROOM_DATA_DIR: fresh.dir,
        MEDIA_DIR: path.join(fresh.dir, 'media'),
        DATABASE_URL: `file:${path.join(fresh.dir, 'newsroom.db')}`,
        PORT: String(port),
      }
      const forced = await runCli('restore', elsewhere, [folder, '--force'])
      expect(forced.code, forced.output).toBe(0)
      expect(sha256(path.join(fresh.dir, 'newsroom.db'))).toBe(
        sha256(path.join(folder, 'newsroom.db')),
      )
      expect(filesUnder(path.join(fresh.dir, 'media'))).toEqual(
        filesUnder(path.join(folder, 'media')),
      )
      expect(fs.readdirSync(fresh.dir).sort()).toEqual(['media', 'newsroom.db'])
    } finally {
      listener.close()
      fresh.remove()
    }
  })

  it('refuses a backup whose database copy has changed since it was taken, and changes nothing', async () => {
    const tampered = path.join(backups.dir, 'tampered')
    fs.cpSync(folder, tampered, { recursive: true })
    const copy = path.join(tampered, 'newsroom.db')
    const bytes = fs.readFileSync(copy)
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff
    fs.writeFileSync(copy, bytes)
    const database = path.join(data.dir, 'newsroom.db')
    const current = sha256(database)
    const mediaBefore = filesUnder(path.join(data.dir, 'media'))

    // --force overrides the running check only, never the backup's own checks.
    for (const args of [[tampered], [tampered, '--force']]) {
      const result = await runCli('restore', await cliEnv(), args)
      expect(result.code).toBe(1)
      expect(result.output).toContain('does not match the checksum in manifest.json')
      expect(result.output).toContain('Nothing was restored')
      expectNoStack(result.output)
    }
    expect(sha256(database)).toBe(current)
    expect(filesUnder(path.join(data.dir, 'media'))).toEqual(mediaBefore)
    expect(asideFiles()).toEqual([])
  })

  it('restores the backup into the stopped server’s folder, keeping what it replaces, and the server serves it', async () => {
    const database = path.join(data.dir, 'newsroom.db')
    const result = await runCli('restore', await cliEnv(), [folder])
    expect(result.code, result.output).toBe(0)
    expect(result.output).toContain('To undo')
    expect(sha256(database)).toBe(sha256(path.join(folder, 'newsroom.db')))
    expect(filesUnder(path.join(data.dir, 'media'))).toEqual(filesUnder(path.join(folder, 'media')))

    // The database and media it replaced are kept aside, whole: the releases published after
    // the backup were still only in the write-ahead log, which restore folded into the file.
    const aside = asideFiles().sort()
    expect(aside).toEqual([
      expect.stringMatching(/^media\.before-restore-/),
      expect.stringMatching(/^newsroom\.db\.before-restore-/),
    ])
    const previous = path.join(data.dir, aside[1]!)
    expect(await query(previous, 'PRAGMA integrity_check')).toEqual([
      expect.objectContaining({ integrity_check: 'ok' }),
    ])
    const previousIds = (await query(previous, 'SELECT id FROM news')).map((row) => row.id)
    expect(previousIds).toEqual(expect.arrayContaining([...before, ...after].map(({ id }) => id)))
    expect(filesUnder(path.join(data.dir, aside[0]!))).toContain(afterImage.filename)
    expect(filesUnder(path.join(data.dir, 'media'))).not.toContain(afterImage.filename)
    expect(result.output).toContain(previous)

    restarted = await startServer({ dir: data.dir, databaseUrl })
    const anonymous = api(restarted.url)
    for (const { id, title } of before) {
      const response = await anonymous.get(`/api/news/${id}`)
      expect(response.status).toBe(200)
      expect(response.body.title).toBe(title)
    }
    expect((await fetch(`${restarted.url}/api/media/file/${beforeImage.filename}`)).status).toBe(
      200,
    )
    const signedIn = await signIn(restarted.url, ADMIN.email, ADMIN.password)
    for (const { id } of after) expect((await signedIn.get(`/api/news/${id}`)).status).toBe(404)
  })

  it('with the pictures in an S3 bucket, backs up the database only and says so', async () => {
    const elsewhere = makeTempDir('newsroom-backups-')
    try {
      const result = await runCli(
        'backup',
        { ...(await cliEnv()), S3_BUCKET: 'northmoor-pictures' },
        ['--to', elsewhere.dir],
      )
      expect(result.code, result.output).toBe(0)
      expect(result.output).toContain('s3://northmoor-pictures/media')
      const [name] = fs.readdirSync(elsewhere.dir)
      const manifest = JSON.parse(
        fs.readFileSync(path.join(elsewhere.dir, name!, 'manifest.json'), 'utf8'),
      )
      expect(manifest.media).toEqual({
        folder: 'media',
        files: 0,
        bytes: 0,
        bucket: 's3://northmoor-pictures/media',
      })
      expect(fs.readdirSync(path.join(elsewhere.dir, name!, 'media'))).toEqual([])
      expect(
        await query(path.join(elsewhere.dir, name!, 'newsroom.db'), 'PRAGMA integrity_check'),
      ).toEqual([expect.objectContaining({ integrity_check: 'ok' })])
    } finally {
      elsewhere.remove()
    }
  })

  it('refuses PostgreSQL and MongoDB, naming their own tools', async () => {
    const elsewhere = makeTempDir('newsroom-backups-')
    try {
      for (const [url, tool] of [
        ['postgres://newsroom@127.0.0.1:5432/newsroom', 'pg_dump'],
        ['mongodb://127.0.0.1:27017/newsroom', 'mongodump'],
      ] as const) {
        const result = await runCli('backup', { DATABASE_URL: url, BACKUP_DIR: elsewhere.dir })
        expect(result.code).toBe(2)
        expect(result.output).toContain(tool)
        expect(result.output).toContain('docs/deploy.md')
        expectNoStack(result.output)
      }
      expect(fs.readdirSync(elsewhere.dir)).toEqual([])
    } finally {
      elsewhere.remove()
    }
  })

  it('puts the current data back when the backup cannot be copied in', async () => {
    const target = makeTempDir()
    try {
      const database = path.join(target.dir, 'newsroom.db')
      await query(database, 'CREATE TABLE kept (note TEXT)')
      const current = sha256(database)
      expect(current).not.toBe(sha256(path.join(folder, 'newsroom.db')))
      // The media folder's parent is a file, so copying the pictures in fails halfway through the restore.
      fs.writeFileSync(path.join(target.dir, 'not-a-folder'), '')
      const broken = {
        NEWSROOM_DATA_DIR: target.dir,
        MEDIA_DIR: path.join(target.dir, 'not-a-folder', 'media'),
        DATABASE_URL: `file:${database}`,
      }
      const result = await runCli('restore', { ...broken, PORT: String(await freePort()) }, [
        folder,
      ])
      expect(result.code).toBe(1)
      expect(result.output).toContain('the previous data is back in place')
      expectNoStack(result.output)
      expect(fs.readdirSync(target.dir).sort()).toEqual(['newsroom.db', 'not-a-folder'])
      expect(sha256(database)).toBe(current)
    } finally {
      target.remove()
    }
  })

  it('explains a wrong argument or a missing folder in a line', async () => {
    const noValue = await runCli('backup', env, ['--to'])
    expect(noValue.code).toBe(2)
    expect(noValue.output).toContain('Usage: npm run backup')
    expectNoStack(noValue.output)

    const missing = await runCli('restore', env, [path.join(backups.dir, 'no-such-backup')])
    expect(missing.code).toBe(1)
    expect(missing.output.trim()).toBe(
      `There is no backup folder at ${path.join(backups.dir, 'no-such-backup')}.`,
    )
  })
})

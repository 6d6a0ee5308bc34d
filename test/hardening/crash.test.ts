/**
 * `kill -9` in the middle of writes, then a restart on the same database: every write that
 * was acknowledged is there, nothing is half-written (a release, its relations, its version
 * and its search entry agree), and on SQLite the file passes PRAGMA integrity_check.
 */
import fs from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'

import { signIn, type Api } from '../helpers/api'
import { TEST_DATABASE } from '../helpers/database'
import { slateToPlainText } from '../../src/richtext/slate'
import { ADMIN, startServer, type TestServer } from '../helpers/server'

let first: TestServer | undefined
let second: TestServer | undefined

afterAll(async () => {
  await second?.stop()
  if (first) fs.rmSync(first.dir, { recursive: true, force: true })
})

const WORKERS = 4

describe('a server killed mid-write', () => {
  it('restarts with every acknowledged write whole, and nothing half-written', async () => {
    first = await startServer()
    const admin: Api = await signIn(first.url, ADMIN.email, ADMIN.password)
    const quote = (
      await admin.post('/api/quotes', {
        speakerName: 'Ch Insp Dana Moss',
        text: 'Thank you for your patience.',
      })
    ).body.doc.id
    const category = (await admin.post('/api/categories', { name: 'Crash testing' })).body.doc.id

    const created = new Map<number, number>() // id → n
    const edited = new Set<number>()
    let n = 0
    let stop = false

    const worker = async () => {
      while (!stop) {
        const mine = ++n
        try {
          const response = await admin.post('/api/news?draft=true', {
            _status: 'draft',
            title: `Crash test ${mine}`,
            summary: `Summary ${mine}`,
            body: [{ children: [{ text: `Body ${mine} ` + 'words '.repeat(200) }] }],
            quotes: [quote],
            category,
          })
          if (response.status !== 201) throw new Error(`create: ${response.status}`)
          const id = response.body.doc.id as number
          created.set(id, mine)
          const edit = await admin.patch(`/api/news/${id}?draft=true`, {
            title: `Crash test ${mine} edited`,
            summary: `Summary ${mine} edited`,
          })
          if (edit.status === 200) edited.add(id)
        } catch {
          return // the server has gone
        }
      }
    }
    const writers = Array.from({ length: WORKERS }, worker)
    while (created.size < 40) await new Promise((resolve) => setTimeout(resolve, 20))
    await first.kill()
    stop = true
    await Promise.all(writers)

    const dir = first.dir
    if (TEST_DATABASE === 'sqlite') {
      const url = fs.readFileSync(path.join(dir, '.test-database-url'), 'utf8')
      const db = createClient({ url })
      try {
        expect((await db.execute('PRAGMA integrity_check')).rows.map((row) => row[0])).toEqual([
          'ok',
        ])
        expect((await db.execute('PRAGMA foreign_key_check')).rows).toEqual([])
        // The search index is kept by triggers in the same transaction as each release.
        const [news, indexed] = await Promise.all([
          db.execute('SELECT count(*) FROM news'),
          db.execute('SELECT count(*) FROM news_fts'),
        ])
        expect(Number(indexed.rows[0]![0])).toBe(Number(news.rows[0]![0]))
      } finally {
        db.close()
      }
    }

    second = await startServer({ dir })
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200)
    expect((await fetch(`${second.url}/`)).status).toBe(200)
    const again = await signIn(second.url, ADMIN.email, ADMIN.password)
    const { body } = await again.get(
      '/api/news?where[title][like]=Crash test&limit=500&draft=true&depth=0',
    )
    const found = new Map<number, any>(body.docs.map((doc: any) => [doc.id, doc]))

    // Everything acknowledged survived, with its acknowledged edit.
    for (const [id, mine] of created) {
      const doc = found.get(id)
      expect(doc, `release ${mine} was acknowledged`).toBeTruthy()
      if (edited.has(id)) expect(doc.title).toBe(`Crash test ${mine} edited`)
    }
    // And every release there, acknowledged or not, is whole.
    for (const doc of found.values()) {
      const [, mine, edit] = /^Crash test (\d+)( edited)?$/.exec(doc.title)!
      expect(doc.summary).toBe(`Summary ${mine}${edit ?? ''}`)
      expect(slateToPlainText(doc.body)).toMatch(new RegExp(`^Body ${mine} `))
      expect(doc.quotes).toEqual([quote])
      expect(doc.category).toBe(category)
      const versions = await again.get(
        `/api/news/versions?where[parent][equals]=${doc.id}&sort=-updatedAt&limit=1&depth=0`,
      )
      expect(versions.body.docs[0]?.version.title, `the latest version of ${doc.title}`).toBe(
        doc.title,
      )
    }
  })
})

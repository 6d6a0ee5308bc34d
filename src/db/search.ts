import type { Payload } from 'payload'

import { databaseKind } from './adapter'

type Id = number | string

/**
 * Releases whose words match, best first: the ids only. The database's own full-text
 * search does the work (FTS5 in SQLite, tsvector in PostgreSQL, a text index in MongoDB),
 * over every release; the caller then reads them through Payload as the public, so that
 * the access rules decide which of them may be shown.
 */
export const fullTextSearch = async (
  payload: Payload,
  words: string[],
  limit: number,
): Promise<Id[]> => {
  if (words.length === 0) return []
  switch (databaseKind()) {
    case 'sqlite': {
      const client = (
        payload.db as unknown as {
          client: {
            execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: { id: number }[] }>
          }
        }
      ).client
      // Each word quoted: FTS5 syntax in a search box is words, not operators.
      const match = words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' ')
      const { rows } = await client.execute({
        sql: 'SELECT rowid AS id FROM news_fts WHERE news_fts MATCH ? ORDER BY rank LIMIT ?',
        args: [match, limit],
      })
      return rows.map((row) => Number(row.id))
    }
    case 'postgres': {
      const pool = (
        payload.db as unknown as {
          pool: { query: (sql: string, args: unknown[]) => Promise<{ rows: { id: number }[] }> }
        }
      ).pool
      const { rows } = await pool.query(
        `SELECT id FROM news, plainto_tsquery('english', $1) AS query
         WHERE search_vector @@ query
         ORDER BY ts_rank_cd(search_vector, query) DESC, publish_at DESC NULLS LAST
         LIMIT $2`,
        [words.join(' '), limit],
      )
      return rows.map((row) => row.id)
    }
    case 'mongodb': {
      const model = (
        payload.db as unknown as { collections: Record<string, { collection: MongoCollection }> }
      ).collections.news!.collection
      await ensureMongoTextIndex(model)
      const found = await model
        .find(
          { $text: { $search: words.map((word) => `"${word.replace(/"/g, '')}"`).join(' ') } },
          { projection: { _id: 1, score: { $meta: 'textScore' } } },
        )
        .sort({ score: { $meta: 'textScore' } })
        .limit(limit)
        .toArray()
      return found.map((doc) => String(doc._id))
    }
  }
}

type MongoCollection = {
  createIndex: (spec: object, options: object) => Promise<unknown>
  find: (
    query: object,
    options: object,
  ) => {
    sort: (s: object) => { limit: (n: number) => { toArray: () => Promise<{ _id: unknown }[]> } }
  }
}

let mongoIndex: Promise<unknown> | undefined
const ensureMongoTextIndex = (collection: MongoCollection) =>
  (mongoIndex ??= collection.createIndex(
    { searchText: 'text' },
    { name: 'news_search_text', default_language: 'english' },
  ))

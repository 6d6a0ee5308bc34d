import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Full-text search over releases with SQLite's FTS5: an index of news.search_text kept in
 * step by triggers, with Porter stemming ("arrests" finds "arrested") and accents folded
 * ("cafe" finds "café"). Written by hand: the schema generator does not know FTS5.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE VIRTUAL TABLE \`news_fts\` USING fts5(search_text, content='news', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');`)
  await db.run(sql`CREATE TRIGGER \`news_fts_insert\` AFTER INSERT ON \`news\` BEGIN INSERT INTO \`news_fts\`(rowid, search_text) VALUES (new.\`id\`, new.\`search_text\`); END;`)
  await db.run(sql`CREATE TRIGGER \`news_fts_delete\` AFTER DELETE ON \`news\` BEGIN INSERT INTO \`news_fts\`(\`news_fts\`, rowid, search_text) VALUES ('delete', old.\`id\`, old.\`search_text\`); END;`)
  await db.run(sql`CREATE TRIGGER \`news_fts_update\` AFTER UPDATE OF \`search_text\` ON \`news\` BEGIN INSERT INTO \`news_fts\`(\`news_fts\`, rowid, search_text) VALUES ('delete', old.\`id\`, old.\`search_text\`); INSERT INTO \`news_fts\`(rowid, search_text) VALUES (new.\`id\`, new.\`search_text\`); END;`)
  await db.run(sql`INSERT INTO \`news_fts\`(\`news_fts\`) VALUES ('rebuild');`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TRIGGER IF EXISTS \`news_fts_update\`;`)
  await db.run(sql`DROP TRIGGER IF EXISTS \`news_fts_delete\`;`)
  await db.run(sql`DROP TRIGGER IF EXISTS \`news_fts_insert\`;`)
  await db.run(sql`DROP TABLE IF EXISTS \`news_fts\`;`)
}

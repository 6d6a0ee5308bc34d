import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`quotes\` ADD \`public_from\` text;`)
  await db.run(sql`CREATE INDEX \`quotes_public_from_idx\` ON \`quotes\` (\`public_from\`);`)
  await db.run(sql`ALTER TABLE \`report_links\` ADD \`public_from\` text;`)
  await db.run(sql`CREATE INDEX \`report_links_public_from_idx\` ON \`report_links\` (\`public_from\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`public_from\` text;`)
  await db.run(sql`CREATE INDEX \`media_public_from_idx\` ON \`media\` (\`public_from\`);`)
  // Pictures, quotes and report links already used by public releases stay public.
  await db.run(sql`UPDATE \`media\` SET \`public_from\` = (SELECT MIN(n.\`publish_at\`) FROM \`news\` n WHERE (n.\`hero_image_id\` = \`media\`.\`id\` OR n.\`meta_image_id\` = \`media\`.\`id\`) AND n.\`_status\` = 'published' AND n.\`withdrawal_withdrawn_at\` IS NULL AND n.\`publish_at\` IS NOT NULL);`)
  await db.run(sql`UPDATE \`quotes\` SET \`public_from\` = (SELECT MIN(n.\`publish_at\`) FROM \`news\` n JOIN \`news_rels\` r ON r.\`parent_id\` = n.\`id\` AND r.\`path\` = 'quotes' WHERE r.\`quotes_id\` = \`quotes\`.\`id\` AND n.\`_status\` = 'published' AND n.\`withdrawal_withdrawn_at\` IS NULL AND n.\`publish_at\` IS NOT NULL);`)
  await db.run(sql`UPDATE \`report_links\` SET \`public_from\` = (SELECT MIN(n.\`publish_at\`) FROM \`news\` n JOIN \`news_rels\` r ON r.\`parent_id\` = n.\`id\` AND r.\`path\` = 'reportLinks' WHERE r.\`report_links_id\` = \`report_links\`.\`id\` AND n.\`_status\` = 'published' AND n.\`withdrawal_withdrawn_at\` IS NULL AND n.\`publish_at\` IS NOT NULL);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`quotes_public_from_idx\`;`)
  await db.run(sql`ALTER TABLE \`quotes\` DROP COLUMN \`public_from\`;`)
  await db.run(sql`DROP INDEX \`report_links_public_from_idx\`;`)
  await db.run(sql`ALTER TABLE \`report_links\` DROP COLUMN \`public_from\`;`)
  await db.run(sql`DROP INDEX \`media_public_from_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`public_from\`;`)
}

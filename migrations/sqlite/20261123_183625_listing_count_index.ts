import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_publishAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_publishAt_withdrawal_withdrawnAt_idx\` ON \`news\` (\`_status\`,\`publish_at\`,\`withdrawal_withdrawn_at\`);`)
  await db.run(sql`DROP INDEX \`version__status_version_publishAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_news_v\` (\`version__status\`,\`version_publish_at\`,\`version_withdrawal_withdrawn_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_publishAt_withdrawal_withdrawnAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_publishAt_idx\` ON \`news\` (\`_status\`,\`publish_at\`);`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishAt_idx\` ON \`_news_v\` (\`version__status\`,\`version_publish_at\`);`)
}

import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`internal_note\` text;`)
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`version\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`internal_note\`;`)
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`version\`;`)
}

import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` ADD \`notifications_lift_failed\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`notifications_preview_opened\` integer DEFAULT true;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notifications_lift_failed\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notifications_preview_opened\`;`)
}

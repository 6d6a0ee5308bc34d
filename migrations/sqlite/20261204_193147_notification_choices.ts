import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` ADD \`notifications_submitted\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`notifications_returned\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`notifications_approved\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`notifications_scheduled\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`notifications_lifted\` integer DEFAULT true;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notifications_submitted\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notifications_returned\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notifications_approved\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notifications_scheduled\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notifications_lifted\`;`)
}

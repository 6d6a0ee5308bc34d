import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`news_amendments\` ADD \`at_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`withdrawal_withdrawnat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`_news_v_version_amendments\` ADD \`at_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_withdrawal_withdrawnat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`preview_links\` ADD \`expiresat_tz\` text DEFAULT 'Europe/London' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`preview_links\` ADD \`revokedat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`preview_links\` ADD \`lastusedat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`recruitment_ctas\` ADD \`activefrom_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`recruitment_ctas\` ADD \`activeuntil_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`at_tz\` text DEFAULT 'Europe/London' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`publishat_tz\` text DEFAULT 'Europe/London';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`news_amendments\` DROP COLUMN \`at_tz\`;`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`withdrawal_withdrawnat_tz\`;`)
  await db.run(sql`ALTER TABLE \`_news_v_version_amendments\` DROP COLUMN \`at_tz\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_withdrawal_withdrawnat_tz\`;`)
  await db.run(sql`ALTER TABLE \`preview_links\` DROP COLUMN \`expiresat_tz\`;`)
  await db.run(sql`ALTER TABLE \`preview_links\` DROP COLUMN \`revokedat_tz\`;`)
  await db.run(sql`ALTER TABLE \`preview_links\` DROP COLUMN \`lastusedat_tz\`;`)
  await db.run(sql`ALTER TABLE \`recruitment_ctas\` DROP COLUMN \`activefrom_tz\`;`)
  await db.run(sql`ALTER TABLE \`recruitment_ctas\` DROP COLUMN \`activeuntil_tz\`;`)
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`at_tz\`;`)
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`publishat_tz\`;`)
}

import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`internal_note\` text;`)
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`version\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`logo_id\` integer REFERENCES media(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`site_settings_logo_idx\` ON \`site_settings\` (\`logo_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`login_attempts\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`lock_until\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_site_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`force_name\` text DEFAULT 'Northmoor Police' NOT NULL,
  	\`beta_banner_enabled\` integer DEFAULT false,
  	\`beta_banner_text\` text DEFAULT 'This is a new service. Your feedback will help us to improve it.',
  	\`beta_banner_feedback_url\` text,
  	\`quick_exit_label\` text DEFAULT 'Leave this site' NOT NULL,
  	\`quick_exit_url\` text DEFAULT 'https://www.bbc.co.uk/weather' NOT NULL,
  	\`default_recruitment_cta_id\` integer,
  	\`updated_at\` text,
  	\`created_at\` text,
  	FOREIGN KEY (\`default_recruitment_cta_id\`) REFERENCES \`recruitment_ctas\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_site_settings\`("id", "force_name", "beta_banner_enabled", "beta_banner_text", "beta_banner_feedback_url", "quick_exit_label", "quick_exit_url", "default_recruitment_cta_id", "updated_at", "created_at") SELECT "id", "force_name", "beta_banner_enabled", "beta_banner_text", "beta_banner_feedback_url", "quick_exit_label", "quick_exit_url", "default_recruitment_cta_id", "updated_at", "created_at" FROM \`site_settings\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`ALTER TABLE \`__new_site_settings\` RENAME TO \`site_settings\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`site_settings_default_recruitment_cta_idx\` ON \`site_settings\` (\`default_recruitment_cta_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`login_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`lock_until\` text;`)
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`internal_note\`;`)
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`version\`;`)
}

import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/*
 * Edited by hand: the generator adds a column that refers to another table without saying what
 * happens when that row is deleted, which SQLite then refuses. A picture taken down is deleted:
 * the release and its versions keep nothing (ON DELETE set null), as on PostgreSQL.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`takedowns\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`release_id\` integer,
  	\`why\` text,
  	\`pictures\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`release_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`takedowns_key_idx\` ON \`takedowns\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`takedowns_release_idx\` ON \`takedowns\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`takedowns_updated_at_idx\` ON \`takedowns\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`takedowns_created_at_idx\` ON \`takedowns\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`kind\` text DEFAULT 'news';`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`appeal_reference\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`appeal_happened_at\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`appeal_happenedat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`appeal_happened_where\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`appeal_what_we_need\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`missing_person_name\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`missing_person_age\` numeric;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`missing_person_description\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`missing_person_last_seen_at\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`missing_person_lastseenat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`missing_person_last_seen_where\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`missing_person_reference\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`missing_person_photo_id\` integer REFERENCES media(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`wanted_name\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`wanted_age\` numeric;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`wanted_area\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`wanted_wanted_for\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`wanted_reference\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`wanted_photo_id\` integer REFERENCES media(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`court_result_defendant_name\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`court_result_defendant_age\` numeric;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`court_result_defendant_town\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`court_result_court\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`court_result_offences\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`court_result_sentence\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`court_result_sentenced_on\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`court_result_custody_image_id\` integer REFERENCES media(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`follow_up_of_id\` integer REFERENCES news(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`after_appeal_closed_at\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`after_appealclosedat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`after_found_at\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`after_foundat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`after_arrested_at\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`after_arrestedat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`after_active_proceedings_since\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`after_activeproceedingssince_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`after_active_proceedings_note\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`after_pictures_taken_down_at\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`after_picturestakendownat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`after_review_at\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`after_reviewat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`CREATE INDEX \`news_kind_idx\` ON \`news\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`news_missing_person_missing_person_photo_idx\` ON \`news\` (\`missing_person_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`news_wanted_wanted_photo_idx\` ON \`news\` (\`wanted_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`news_court_result_court_result_custody_image_idx\` ON \`news\` (\`court_result_custody_image_id\`);`)
  await db.run(sql`CREATE INDEX \`news_follow_up_of_idx\` ON \`news\` (\`follow_up_of_id\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_kind\` text DEFAULT 'news';`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_appeal_reference\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_appeal_happened_at\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_appeal_happenedat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_appeal_happened_where\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_appeal_what_we_need\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_missing_person_name\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_missing_person_age\` numeric;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_missing_person_description\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_missing_person_last_seen_at\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_missing_person_lastseenat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_missing_person_last_seen_where\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_missing_person_reference\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_missing_person_photo_id\` integer REFERENCES media(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_wanted_name\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_wanted_age\` numeric;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_wanted_area\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_wanted_wanted_for\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_wanted_reference\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_wanted_photo_id\` integer REFERENCES media(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_court_result_defendant_name\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_court_result_defendant_age\` numeric;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_court_result_defendant_town\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_court_result_court\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_court_result_offences\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_court_result_sentence\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_court_result_sentenced_on\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_court_result_custody_image_id\` integer REFERENCES media(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_follow_up_of_id\` integer REFERENCES news(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_after_appeal_closed_at\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_after_appealclosedat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_after_found_at\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_after_foundat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_after_arrested_at\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_after_arrestedat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_after_active_proceedings_since\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_after_activeproceedingssince_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_after_active_proceedings_note\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_after_pictures_taken_down_at\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_after_picturestakendownat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_after_review_at\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_after_reviewat_tz\` text DEFAULT 'Europe/London';`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_kind_idx\` ON \`_news_v\` (\`version_kind\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_missing_person_version_missing_person_ph_idx\` ON \`_news_v\` (\`version_missing_person_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_wanted_version_wanted_photo_idx\` ON \`_news_v\` (\`version_wanted_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_court_result_version_court_result_custod_idx\` ON \`_news_v\` (\`version_court_result_custody_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_follow_up_of_idx\` ON \`_news_v\` (\`version_follow_up_of_id\`);`)
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`legal_check_by\` text;`)
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`legal_check_reason\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`takedowns_id\` integer REFERENCES takedowns(id) ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_takedowns_id_idx\` ON \`payload_locked_documents_rels\` (\`takedowns_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`online_report_url\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`found_notice_days\` numeric DEFAULT 28;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`retention_months\` numeric DEFAULT 12;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`takedowns\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_news\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`summary\` text,
  	\`hero_image_id\` integer,
  	\`body\` text,
  	\`recruitment_cta_id\` integer,
  	\`meta_title\` text,
  	\`meta_description\` text,
  	\`meta_image_id\` integer,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`workflow_state\` text DEFAULT 'draft',
  	\`publish_at\` text,
  	\`publishat_tz\` text DEFAULT 'Europe/London',
  	\`review_submitted_by_id\` integer,
  	\`review_submitted_at\` text,
  	\`approval_approved_by_id\` integer,
  	\`approval_approved_at\` text,
  	\`approval_forced\` integer,
  	\`approval_force_reason\` text,
  	\`withdrawal_withdrawn_at\` text,
  	\`withdrawal_withdrawnat_tz\` text DEFAULT 'Europe/London',
  	\`withdrawal_reason\` text,
  	\`withdrawal_withdrawn_by_id\` integer,
  	\`search_text\` text,
  	\`category_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`recruitment_cta_id\`) REFERENCES \`recruitment_ctas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`review_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approval_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`withdrawal_withdrawn_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_news\`("id", "title", "summary", "hero_image_id", "body", "recruitment_cta_id", "meta_title", "meta_description", "meta_image_id", "generate_slug", "slug", "workflow_state", "publish_at", "publishat_tz", "review_submitted_by_id", "review_submitted_at", "approval_approved_by_id", "approval_approved_at", "approval_forced", "approval_force_reason", "withdrawal_withdrawn_at", "withdrawal_withdrawnat_tz", "withdrawal_reason", "withdrawal_withdrawn_by_id", "search_text", "category_id", "updated_at", "created_at", "_status") SELECT "id", "title", "summary", "hero_image_id", "body", "recruitment_cta_id", "meta_title", "meta_description", "meta_image_id", "generate_slug", "slug", "workflow_state", "publish_at", "publishat_tz", "review_submitted_by_id", "review_submitted_at", "approval_approved_by_id", "approval_approved_at", "approval_forced", "approval_force_reason", "withdrawal_withdrawn_at", "withdrawal_withdrawnat_tz", "withdrawal_reason", "withdrawal_withdrawn_by_id", "search_text", "category_id", "updated_at", "created_at", "_status" FROM \`news\`;`)
  await db.run(sql`DROP TABLE \`news\`;`)
  await db.run(sql`ALTER TABLE \`__new_news\` RENAME TO \`news\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`news_hero_image_idx\` ON \`news\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`news_recruitment_cta_idx\` ON \`news\` (\`recruitment_cta_id\`);`)
  await db.run(sql`CREATE INDEX \`news_meta_meta_image_idx\` ON \`news\` (\`meta_image_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`news_slug_idx\` ON \`news\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`news_workflow_state_idx\` ON \`news\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`news_publish_at_idx\` ON \`news\` (\`publish_at\`);`)
  await db.run(sql`CREATE INDEX \`news_review_review_submitted_by_idx\` ON \`news\` (\`review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`news_approval_approval_approved_by_idx\` ON \`news\` (\`approval_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`news_withdrawal_withdrawal_withdrawn_by_idx\` ON \`news\` (\`withdrawal_withdrawn_by_id\`);`)
  await db.run(sql`CREATE INDEX \`news_category_idx\` ON \`news\` (\`category_id\`);`)
  await db.run(sql`CREATE INDEX \`news_updated_at_idx\` ON \`news\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`news_created_at_idx\` ON \`news\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`news__status_idx\` ON \`news\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishAt_withdrawal_withdrawnAt_idx\` ON \`news\` (\`_status\`,\`publish_at\`,\`withdrawal_withdrawn_at\`);`)
  await db.run(sql`CREATE INDEX \`category_publishAt_idx\` ON \`news\` (\`category_id\`,\`publish_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__news_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_hero_image_id\` integer,
  	\`version_body\` text,
  	\`version_recruitment_cta_id\` integer,
  	\`version_meta_title\` text,
  	\`version_meta_description\` text,
  	\`version_meta_image_id\` integer,
  	\`version_generate_slug\` integer DEFAULT true,
  	\`version_slug\` text,
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_publish_at\` text,
  	\`version_publishat_tz\` text DEFAULT 'Europe/London',
  	\`version_review_submitted_by_id\` integer,
  	\`version_review_submitted_at\` text,
  	\`version_approval_approved_by_id\` integer,
  	\`version_approval_approved_at\` text,
  	\`version_approval_forced\` integer,
  	\`version_approval_force_reason\` text,
  	\`version_withdrawal_withdrawn_at\` text,
  	\`version_withdrawal_withdrawnat_tz\` text DEFAULT 'Europe/London',
  	\`version_withdrawal_reason\` text,
  	\`version_withdrawal_withdrawn_by_id\` integer,
  	\`version_search_text\` text,
  	\`version_category_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_recruitment_cta_id\`) REFERENCES \`recruitment_ctas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_approval_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_withdrawal_withdrawn_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__news_v\`("id", "parent_id", "version_title", "version_summary", "version_hero_image_id", "version_body", "version_recruitment_cta_id", "version_meta_title", "version_meta_description", "version_meta_image_id", "version_generate_slug", "version_slug", "version_workflow_state", "version_publish_at", "version_publishat_tz", "version_review_submitted_by_id", "version_review_submitted_at", "version_approval_approved_by_id", "version_approval_approved_at", "version_approval_forced", "version_approval_force_reason", "version_withdrawal_withdrawn_at", "version_withdrawal_withdrawnat_tz", "version_withdrawal_reason", "version_withdrawal_withdrawn_by_id", "version_search_text", "version_category_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_summary", "version_hero_image_id", "version_body", "version_recruitment_cta_id", "version_meta_title", "version_meta_description", "version_meta_image_id", "version_generate_slug", "version_slug", "version_workflow_state", "version_publish_at", "version_publishat_tz", "version_review_submitted_by_id", "version_review_submitted_at", "version_approval_approved_by_id", "version_approval_approved_at", "version_approval_forced", "version_approval_force_reason", "version_withdrawal_withdrawn_at", "version_withdrawal_withdrawnat_tz", "version_withdrawal_reason", "version_withdrawal_withdrawn_by_id", "version_search_text", "version_category_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_news_v\`;`)
  await db.run(sql`DROP TABLE \`_news_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__news_v\` RENAME TO \`_news_v\`;`)
  await db.run(sql`CREATE INDEX \`_news_v_parent_idx\` ON \`_news_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_hero_image_idx\` ON \`_news_v\` (\`version_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_recruitment_cta_idx\` ON \`_news_v\` (\`version_recruitment_cta_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_meta_version_meta_image_idx\` ON \`_news_v\` (\`version_meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_slug_idx\` ON \`_news_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_workflow_state_idx\` ON \`_news_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_publish_at_idx\` ON \`_news_v\` (\`version_publish_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_review_version_review_submitted_by_idx\` ON \`_news_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_approval_version_approval_approved_by_idx\` ON \`_news_v\` (\`version_approval_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_withdrawal_version_withdrawal_withdrawn__idx\` ON \`_news_v\` (\`version_withdrawal_withdrawn_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_category_idx\` ON \`_news_v\` (\`version_category_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_updated_at_idx\` ON \`_news_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_created_at_idx\` ON \`_news_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version__status_idx\` ON \`_news_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_created_at_idx\` ON \`_news_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_updated_at_idx\` ON \`_news_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_latest_idx\` ON \`_news_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_autosave_idx\` ON \`_news_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_news_v\` (\`version__status\`,\`version_publish_at\`,\`version_withdrawal_withdrawn_at\`);`)
  await db.run(sql`CREATE INDEX \`version_category_version_publishAt_idx\` ON \`_news_v\` (\`version_category_id\`,\`version_publish_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`news_id\` integer,
  	\`preview_links_id\` integer,
  	\`quotes_id\` integer,
  	\`report_links_id\` integer,
  	\`recruitment_ctas_id\` integer,
  	\`media_id\` integer,
  	\`categories_id\` integer,
  	\`media_contacts_id\` integer,
  	\`media_lists_id\` integer,
  	\`media_sends_id\` integer,
  	\`redirects_id\` integer,
  	\`audit_log_id\` integer,
  	\`users_id\` integer,
  	\`subscribers_id\` integer,
  	\`alert_runs_id\` integer,
  	\`embargo_lifts_id\` integer,
  	\`alert_deliveries_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`preview_links_id\`) REFERENCES \`preview_links\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`quotes_id\`) REFERENCES \`quotes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`report_links_id\`) REFERENCES \`report_links\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`recruitment_ctas_id\`) REFERENCES \`recruitment_ctas\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_contacts_id\`) REFERENCES \`media_contacts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_lists_id\`) REFERENCES \`media_lists\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_sends_id\`) REFERENCES \`media_sends\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`redirects_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscribers_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`alert_runs_id\`) REFERENCES \`alert_runs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`embargo_lifts_id\`) REFERENCES \`embargo_lifts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`alert_deliveries_id\`) REFERENCES \`alert_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "news_id", "preview_links_id", "quotes_id", "report_links_id", "recruitment_ctas_id", "media_id", "categories_id", "media_contacts_id", "media_lists_id", "media_sends_id", "redirects_id", "audit_log_id", "users_id", "subscribers_id", "alert_runs_id", "embargo_lifts_id", "alert_deliveries_id") SELECT "id", "order", "parent_id", "path", "news_id", "preview_links_id", "quotes_id", "report_links_id", "recruitment_ctas_id", "media_id", "categories_id", "media_contacts_id", "media_lists_id", "media_sends_id", "redirects_id", "audit_log_id", "users_id", "subscribers_id", "alert_runs_id", "embargo_lifts_id", "alert_deliveries_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_preview_links_id_idx\` ON \`payload_locked_documents_rels\` (\`preview_links_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_quotes_id_idx\` ON \`payload_locked_documents_rels\` (\`quotes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_report_links_id_idx\` ON \`payload_locked_documents_rels\` (\`report_links_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recruitment_ctas_id_idx\` ON \`payload_locked_documents_rels\` (\`recruitment_ctas_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_contacts_id_idx\` ON \`payload_locked_documents_rels\` (\`media_contacts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_lists_id_idx\` ON \`payload_locked_documents_rels\` (\`media_lists_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_sends_id_idx\` ON \`payload_locked_documents_rels\` (\`media_sends_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_runs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_embargo_lifts_id_idx\` ON \`payload_locked_documents_rels\` (\`embargo_lifts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_deliveries_id\`);`)
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`legal_check_by\`;`)
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`legal_check_reason\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`online_report_url\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`found_notice_days\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`retention_months\`;`)
}

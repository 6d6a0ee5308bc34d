import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/*
 * Edited by hand: the generator adds the locked-documents columns without ON DELETE, which
 * SQLite then enforces; a subscriber who unsubscribes is deleted even while an admin looks at
 * them (ON DELETE cascade, as on PostgreSQL).
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`media_contacts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`outlet\` text NOT NULL,
  	\`email\` text NOT NULL,
  	\`notes\` text,
  	\`receiving\` integer DEFAULT true,
  	\`stopped_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`media_contacts_email_idx\` ON \`media_contacts\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`media_contacts_updated_at_idx\` ON \`media_contacts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_contacts_created_at_idx\` ON \`media_contacts\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`media_contacts_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_lists_id\` integer,
  	\`categories_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`media_contacts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_lists_id\`) REFERENCES \`media_lists\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`media_contacts_rels_order_idx\` ON \`media_contacts_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`media_contacts_rels_parent_idx\` ON \`media_contacts_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`media_contacts_rels_path_idx\` ON \`media_contacts_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`media_contacts_rels_media_lists_id_idx\` ON \`media_contacts_rels\` (\`media_lists_id\`);`)
  await db.run(sql`CREATE INDEX \`media_contacts_rels_categories_id_idx\` ON \`media_contacts_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE TABLE \`media_lists\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`media_lists_name_idx\` ON \`media_lists\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`media_lists_updated_at_idx\` ON \`media_lists\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_lists_created_at_idx\` ON \`media_lists\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`media_sends\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`at_tz\` text DEFAULT 'Europe/London' NOT NULL,
  	\`release_id\` integer,
  	\`release_title\` text,
  	\`contact_id\` integer,
  	\`contact_name\` text,
  	\`outlet\` text,
  	\`email\` text,
  	\`version\` text NOT NULL,
  	\`sending\` numeric DEFAULT 1,
  	\`resend\` integer DEFAULT false,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`response\` text,
  	\`answered_at\` text,
  	\`answeredat_tz\` text DEFAULT 'Europe/London',
  	\`message_id\` text,
  	\`sent_by_id\` integer,
  	\`sent_by_name\` text,
  	\`preview_link_id\` integer,
  	\`link_seed\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`release_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`contact_id\`) REFERENCES \`media_contacts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`sent_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`preview_link_id\`) REFERENCES \`preview_links\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`media_sends_at_idx\` ON \`media_sends\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`media_sends_release_idx\` ON \`media_sends\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`media_sends_contact_idx\` ON \`media_sends\` (\`contact_id\`);`)
  await db.run(sql`CREATE INDEX \`media_sends_version_idx\` ON \`media_sends\` (\`version\`);`)
  await db.run(sql`CREATE INDEX \`media_sends_status_idx\` ON \`media_sends\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`media_sends_sent_by_idx\` ON \`media_sends\` (\`sent_by_id\`);`)
  await db.run(sql`CREATE INDEX \`media_sends_preview_link_idx\` ON \`media_sends\` (\`preview_link_id\`);`)
  await db.run(sql`CREATE INDEX \`media_sends_updated_at_idx\` ON \`media_sends\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_sends_created_at_idx\` ON \`media_sends\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`subscribers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`all_news\` integer DEFAULT true,
  	\`frequency\` text DEFAULT 'immediately' NOT NULL,
  	\`confirmed_at\` text,
  	\`bounced_at\` text,
  	\`bounce\` text,
  	\`confirm_token_hash\` text,
  	\`confirm_expires_at\` text,
  	\`mailbox\` text,
  	\`confirmed_token_hash\` text,
  	\`requests_since\` text,
  	\`requests\` numeric,
  	\`link_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`subscribers_email_idx\` ON \`subscribers\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_status_idx\` ON \`subscribers\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_confirm_token_hash_idx\` ON \`subscribers\` (\`confirm_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_mailbox_idx\` ON \`subscribers\` (\`mailbox\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_confirmed_token_hash_idx\` ON \`subscribers\` (\`confirmed_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_updated_at_idx\` ON \`subscribers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_created_at_idx\` ON \`subscribers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`subscribers_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`categories_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`subscribers_rels_order_idx\` ON \`subscribers_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_rels_parent_idx\` ON \`subscribers_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_rels_path_idx\` ON \`subscribers_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_rels_categories_id_idx\` ON \`subscribers_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE TABLE \`alert_runs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`release_id\` integer,
  	\`period_start\` text,
  	\`period_end\` text,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`claimed_at\` text,
  	\`recipients\` numeric,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`release_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`alert_runs_key_idx\` ON \`alert_runs\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`alert_runs_release_idx\` ON \`alert_runs\` (\`release_id\`);`)
  await db.run(sql`CREATE INDEX \`alert_runs_status_idx\` ON \`alert_runs\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`alert_runs_updated_at_idx\` ON \`alert_runs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`alert_runs_created_at_idx\` ON \`alert_runs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`alert_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`run_id\` integer,
  	\`subscriber_id\` integer,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`attempts\` numeric DEFAULT 0,
  	\`next_attempt_at\` text,
  	\`claimed_at\` text,
  	\`sent_at\` text,
  	\`error\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`run_id\`) REFERENCES \`alert_runs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`subscriber_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`alert_deliveries_run_idx\` ON \`alert_deliveries\` (\`run_id\`);`)
  await db.run(sql`CREATE INDEX \`alert_deliveries_subscriber_idx\` ON \`alert_deliveries\` (\`subscriber_id\`);`)
  await db.run(sql`CREATE INDEX \`alert_deliveries_updated_at_idx\` ON \`alert_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`alert_deliveries_created_at_idx\` ON \`alert_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`run_subscriber_idx\` ON \`alert_deliveries\` (\`run_id\`,\`subscriber_id\`);`)
  await db.run(sql`CREATE INDEX \`status_nextAttemptAt_idx\` ON \`alert_deliveries\` (\`status\`,\`next_attempt_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`media_contacts_id\` integer REFERENCES media_contacts(id) ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`media_lists_id\` integer REFERENCES media_lists(id) ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`media_sends_id\` integer REFERENCES media_sends(id) ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`subscribers_id\` integer REFERENCES subscribers(id) ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`alert_runs_id\` integer REFERENCES alert_runs(id) ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`alert_deliveries_id\` integer REFERENCES alert_deliveries(id) ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_contacts_id_idx\` ON \`payload_locked_documents_rels\` (\`media_contacts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_lists_id_idx\` ON \`payload_locked_documents_rels\` (\`media_lists_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_sends_id_idx\` ON \`payload_locked_documents_rels\` (\`media_sends_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_runs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alert_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`alert_deliveries_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`press_office_contact\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`notes_to_editors\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`media_contacts\`;`)
  await db.run(sql`DROP TABLE \`media_contacts_rels\`;`)
  await db.run(sql`DROP TABLE \`media_lists\`;`)
  await db.run(sql`DROP TABLE \`media_sends\`;`)
  await db.run(sql`DROP TABLE \`subscribers\`;`)
  await db.run(sql`DROP TABLE \`subscribers_rels\`;`)
  await db.run(sql`DROP TABLE \`alert_runs\`;`)
  await db.run(sql`DROP TABLE \`alert_deliveries\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	\`redirects_id\` integer,
  	\`audit_log_id\` integer,
  	\`users_id\` integer,
  	\`embargo_lifts_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`preview_links_id\`) REFERENCES \`preview_links\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`quotes_id\`) REFERENCES \`quotes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`report_links_id\`) REFERENCES \`report_links\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`recruitment_ctas_id\`) REFERENCES \`recruitment_ctas\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`redirects_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`embargo_lifts_id\`) REFERENCES \`embargo_lifts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "news_id", "preview_links_id", "quotes_id", "report_links_id", "recruitment_ctas_id", "media_id", "categories_id", "redirects_id", "audit_log_id", "users_id", "embargo_lifts_id") SELECT "id", "order", "parent_id", "path", "news_id", "preview_links_id", "quotes_id", "report_links_id", "recruitment_ctas_id", "media_id", "categories_id", "redirects_id", "audit_log_id", "users_id", "embargo_lifts_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_embargo_lifts_id_idx\` ON \`payload_locked_documents_rels\` (\`embargo_lifts_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`press_office_contact\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`notes_to_editors\`;`)
}

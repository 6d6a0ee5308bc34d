import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_media_sends_at_tz" AS ENUM('Europe/London');
  CREATE TYPE "public"."enum_media_sends_status" AS ENUM('queued', 'accepted', 'refused', 'failed', 'cancelled');
  CREATE TYPE "public"."enum_media_sends_answeredat_tz" AS ENUM('Europe/London');
  CREATE TYPE "public"."enum_subscribers_status" AS ENUM('pending', 'confirmed', 'bounced');
  CREATE TYPE "public"."enum_subscribers_frequency" AS ENUM('immediately', 'daily');
  CREATE TYPE "public"."enum_alert_runs_kind" AS ENUM('release', 'update', 'digest');
  CREATE TABLE "media_contacts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"outlet" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"notes" varchar,
  	"receiving" boolean DEFAULT true,
  	"stopped_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "media_contacts_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_lists_id" integer,
  	"categories_id" integer
  );
  
  CREATE TABLE "media_lists" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "media_sends" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"at_tz" "enum_media_sends_at_tz" DEFAULT 'Europe/London' NOT NULL,
  	"release_id" integer,
  	"release_title" varchar,
  	"contact_id" integer,
  	"contact_name" varchar,
  	"outlet" varchar,
  	"email" varchar,
  	"version" varchar NOT NULL,
  	"sending" numeric DEFAULT 1,
  	"resend" boolean DEFAULT false,
  	"status" "enum_media_sends_status" DEFAULT 'queued' NOT NULL,
  	"response" varchar,
  	"answered_at" timestamp(3) with time zone,
  	"answeredat_tz" "enum_media_sends_answeredat_tz" DEFAULT 'Europe/London',
  	"message_id" varchar,
  	"sent_by_id" integer,
  	"sent_by_name" varchar,
  	"preview_link_id" integer,
  	"link_seed" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "subscribers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"status" "enum_subscribers_status" DEFAULT 'pending' NOT NULL,
  	"all_news" boolean DEFAULT true,
  	"frequency" "enum_subscribers_frequency" DEFAULT 'immediately' NOT NULL,
  	"confirmed_at" timestamp(3) with time zone,
  	"bounced_at" timestamp(3) with time zone,
  	"bounce" varchar,
  	"confirm_token_hash" varchar,
  	"confirm_expires_at" timestamp(3) with time zone,
  	"mailbox" varchar,
  	"confirmed_token_hash" varchar,
  	"requests_since" timestamp(3) with time zone,
  	"requests" numeric,
  	"link_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "subscribers_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"categories_id" integer
  );
  
  CREATE TABLE "alert_runs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"kind" "enum_alert_runs_kind" NOT NULL,
  	"release_id" integer,
  	"period_start" timestamp(3) with time zone,
  	"period_end" timestamp(3) with time zone,
  	"status" varchar DEFAULT 'queued' NOT NULL,
  	"claimed_at" timestamp(3) with time zone,
  	"recipients" numeric,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "alert_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"run_id" integer,
  	"subscriber_id" integer,
  	"status" varchar DEFAULT 'pending' NOT NULL,
  	"attempts" numeric DEFAULT 0,
  	"next_attempt_at" timestamp(3) with time zone,
  	"claimed_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "media_contacts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "media_lists_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "media_sends_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "subscribers_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "alert_runs_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "alert_deliveries_id" integer;
  ALTER TABLE "site_settings" ADD COLUMN "press_office_contact" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "notes_to_editors" varchar;
  ALTER TABLE "media_contacts_rels" ADD CONSTRAINT "media_contacts_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."media_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_contacts_rels" ADD CONSTRAINT "media_contacts_rels_media_lists_fk" FOREIGN KEY ("media_lists_id") REFERENCES "public"."media_lists"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_contacts_rels" ADD CONSTRAINT "media_contacts_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_sends" ADD CONSTRAINT "media_sends_release_id_news_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."news"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media_sends" ADD CONSTRAINT "media_sends_contact_id_media_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."media_contacts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media_sends" ADD CONSTRAINT "media_sends_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media_sends" ADD CONSTRAINT "media_sends_preview_link_id_preview_links_id_fk" FOREIGN KEY ("preview_link_id") REFERENCES "public"."preview_links"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "subscribers_rels" ADD CONSTRAINT "subscribers_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "subscribers_rels" ADD CONSTRAINT "subscribers_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "alert_runs" ADD CONSTRAINT "alert_runs_release_id_news_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."news"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_run_id_alert_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."alert_runs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "media_contacts_email_idx" ON "media_contacts" USING btree ("email");
  CREATE INDEX "media_contacts_updated_at_idx" ON "media_contacts" USING btree ("updated_at");
  CREATE INDEX "media_contacts_created_at_idx" ON "media_contacts" USING btree ("created_at");
  CREATE INDEX "media_contacts_rels_order_idx" ON "media_contacts_rels" USING btree ("order");
  CREATE INDEX "media_contacts_rels_parent_idx" ON "media_contacts_rels" USING btree ("parent_id");
  CREATE INDEX "media_contacts_rels_path_idx" ON "media_contacts_rels" USING btree ("path");
  CREATE INDEX "media_contacts_rels_media_lists_id_idx" ON "media_contacts_rels" USING btree ("media_lists_id");
  CREATE INDEX "media_contacts_rels_categories_id_idx" ON "media_contacts_rels" USING btree ("categories_id");
  CREATE UNIQUE INDEX "media_lists_name_idx" ON "media_lists" USING btree ("name");
  CREATE INDEX "media_lists_updated_at_idx" ON "media_lists" USING btree ("updated_at");
  CREATE INDEX "media_lists_created_at_idx" ON "media_lists" USING btree ("created_at");
  CREATE INDEX "media_sends_at_idx" ON "media_sends" USING btree ("at");
  CREATE INDEX "media_sends_release_idx" ON "media_sends" USING btree ("release_id");
  CREATE INDEX "media_sends_contact_idx" ON "media_sends" USING btree ("contact_id");
  CREATE INDEX "media_sends_version_idx" ON "media_sends" USING btree ("version");
  CREATE INDEX "media_sends_status_idx" ON "media_sends" USING btree ("status");
  CREATE INDEX "media_sends_sent_by_idx" ON "media_sends" USING btree ("sent_by_id");
  CREATE INDEX "media_sends_preview_link_idx" ON "media_sends" USING btree ("preview_link_id");
  CREATE INDEX "media_sends_updated_at_idx" ON "media_sends" USING btree ("updated_at");
  CREATE INDEX "media_sends_created_at_idx" ON "media_sends" USING btree ("created_at");
  CREATE UNIQUE INDEX "subscribers_email_idx" ON "subscribers" USING btree ("email");
  CREATE INDEX "subscribers_status_idx" ON "subscribers" USING btree ("status");
  CREATE INDEX "subscribers_confirm_token_hash_idx" ON "subscribers" USING btree ("confirm_token_hash");
  CREATE INDEX "subscribers_mailbox_idx" ON "subscribers" USING btree ("mailbox");
  CREATE INDEX "subscribers_confirmed_token_hash_idx" ON "subscribers" USING btree ("confirmed_token_hash");
  CREATE INDEX "subscribers_updated_at_idx" ON "subscribers" USING btree ("updated_at");
  CREATE INDEX "subscribers_created_at_idx" ON "subscribers" USING btree ("created_at");
  CREATE INDEX "subscribers_rels_order_idx" ON "subscribers_rels" USING btree ("order");
  CREATE INDEX "subscribers_rels_parent_idx" ON "subscribers_rels" USING btree ("parent_id");
  CREATE INDEX "subscribers_rels_path_idx" ON "subscribers_rels" USING btree ("path");
  CREATE INDEX "subscribers_rels_categories_id_idx" ON "subscribers_rels" USING btree ("categories_id");
  CREATE UNIQUE INDEX "alert_runs_key_idx" ON "alert_runs" USING btree ("key");
  CREATE INDEX "alert_runs_release_idx" ON "alert_runs" USING btree ("release_id");
  CREATE INDEX "alert_runs_status_idx" ON "alert_runs" USING btree ("status");
  CREATE INDEX "alert_runs_updated_at_idx" ON "alert_runs" USING btree ("updated_at");
  CREATE INDEX "alert_runs_created_at_idx" ON "alert_runs" USING btree ("created_at");
  CREATE INDEX "alert_deliveries_run_idx" ON "alert_deliveries" USING btree ("run_id");
  CREATE INDEX "alert_deliveries_subscriber_idx" ON "alert_deliveries" USING btree ("subscriber_id");
  CREATE INDEX "alert_deliveries_updated_at_idx" ON "alert_deliveries" USING btree ("updated_at");
  CREATE INDEX "alert_deliveries_created_at_idx" ON "alert_deliveries" USING btree ("created_at");
  CREATE UNIQUE INDEX "run_subscriber_idx" ON "alert_deliveries" USING btree ("run_id","subscriber_id");
  CREATE INDEX "status_nextAttemptAt_idx" ON "alert_deliveries" USING btree ("status","next_attempt_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_contacts_fk" FOREIGN KEY ("media_contacts_id") REFERENCES "public"."media_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_lists_fk" FOREIGN KEY ("media_lists_id") REFERENCES "public"."media_lists"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_sends_fk" FOREIGN KEY ("media_sends_id") REFERENCES "public"."media_sends"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subscribers_fk" FOREIGN KEY ("subscribers_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_alert_runs_fk" FOREIGN KEY ("alert_runs_id") REFERENCES "public"."alert_runs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_alert_deliveries_fk" FOREIGN KEY ("alert_deliveries_id") REFERENCES "public"."alert_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_media_contacts_id_idx" ON "payload_locked_documents_rels" USING btree ("media_contacts_id");
  CREATE INDEX "payload_locked_documents_rels_media_lists_id_idx" ON "payload_locked_documents_rels" USING btree ("media_lists_id");
  CREATE INDEX "payload_locked_documents_rels_media_sends_id_idx" ON "payload_locked_documents_rels" USING btree ("media_sends_id");
  CREATE INDEX "payload_locked_documents_rels_subscribers_id_idx" ON "payload_locked_documents_rels" USING btree ("subscribers_id");
  CREATE INDEX "payload_locked_documents_rels_alert_runs_id_idx" ON "payload_locked_documents_rels" USING btree ("alert_runs_id");
  CREATE INDEX "payload_locked_documents_rels_alert_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("alert_deliveries_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media_contacts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "media_contacts_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "media_lists" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "media_sends" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "subscribers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "subscribers_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "alert_runs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "alert_deliveries" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "media_contacts" CASCADE;
  DROP TABLE "media_contacts_rels" CASCADE;
  DROP TABLE "media_lists" CASCADE;
  DROP TABLE "media_sends" CASCADE;
  DROP TABLE "subscribers" CASCADE;
  DROP TABLE "subscribers_rels" CASCADE;
  DROP TABLE "alert_runs" CASCADE;
  DROP TABLE "alert_deliveries" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_media_contacts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_media_lists_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_media_sends_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_subscribers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_alert_runs_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_alert_deliveries_fk";
  
  DROP INDEX "payload_locked_documents_rels_media_contacts_id_idx";
  DROP INDEX "payload_locked_documents_rels_media_lists_id_idx";
  DROP INDEX "payload_locked_documents_rels_media_sends_id_idx";
  DROP INDEX "payload_locked_documents_rels_subscribers_id_idx";
  DROP INDEX "payload_locked_documents_rels_alert_runs_id_idx";
  DROP INDEX "payload_locked_documents_rels_alert_deliveries_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "media_contacts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "media_lists_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "media_sends_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "subscribers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "alert_runs_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "alert_deliveries_id";
  ALTER TABLE "site_settings" DROP COLUMN "press_office_contact";
  ALTER TABLE "site_settings" DROP COLUMN "notes_to_editors";
  DROP TYPE "public"."enum_media_sends_at_tz";
  DROP TYPE "public"."enum_media_sends_status";
  DROP TYPE "public"."enum_media_sends_answeredat_tz";
  DROP TYPE "public"."enum_subscribers_status";
  DROP TYPE "public"."enum_subscribers_frequency";
  DROP TYPE "public"."enum_alert_runs_kind";`)
}

import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_news_workflow_state" AS ENUM('draft', 'in-review', 'approved', 'withdrawn');
  CREATE TYPE "public"."enum__news_v_version_workflow_state" AS ENUM('draft', 'in-review', 'approved', 'withdrawn');
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('submit', 'return', 'approve', 'schedule', 'reschedule', 'publishNow', 'unschedule', 'amend', 'withdraw', 'reinstate', 'unpublish', 'created', 'deleted', 'lifted');
  CREATE TYPE "public"."enum_embargo_lifts_status" AS ENUM('claimed', 'done');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'liftEmbargo');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'liftEmbargo');
  CREATE TABLE "preview_links" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"release_id" integer NOT NULL,
  	"token_hash" varchar NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"created_by_id" integer,
  	"revoked_at" timestamp(3) with time zone,
  	"revoked_by_id" integer,
  	"last_used_at" timestamp(3) with time zone,
  	"use_count" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "redirects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"from" varchar NOT NULL,
  	"to" varchar,
  	"reason" varchar,
  	"release_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"summary" varchar,
  	"at" timestamp(3) with time zone NOT NULL,
  	"release_id" integer,
  	"release_ref" varchar,
  	"release_title" varchar,
  	"release_slug" varchar,
  	"action" "enum_audit_log_action" NOT NULL,
  	"from" varchar,
  	"to" varchar,
  	"actor_id" integer,
  	"actor_name" varchar,
  	"note" varchar,
  	"forced" boolean DEFAULT false,
  	"force_reason" varchar,
  	"publish_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "embargo_lifts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"release_id" integer,
  	"publish_at" timestamp(3) with time zone NOT NULL,
  	"job" varchar,
  	"attempt" numeric,
  	"status" "enum_embargo_lifts_status" DEFAULT 'claimed',
  	"done_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "news" ADD COLUMN "workflow_state" "enum_news_workflow_state" DEFAULT 'draft';
  ALTER TABLE "news" ADD COLUMN "review_submitted_by_id" integer;
  ALTER TABLE "news" ADD COLUMN "review_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "news" ADD COLUMN "approval_approved_by_id" integer;
  ALTER TABLE "news" ADD COLUMN "approval_approved_at" timestamp(3) with time zone;
  ALTER TABLE "news" ADD COLUMN "approval_forced" boolean;
  ALTER TABLE "news" ADD COLUMN "approval_force_reason" varchar;
  ALTER TABLE "news" ADD COLUMN "withdrawal_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "news" ADD COLUMN "withdrawal_reason" varchar;
  ALTER TABLE "news" ADD COLUMN "withdrawal_withdrawn_by_id" integer;
  ALTER TABLE "_news_v" ADD COLUMN "version_workflow_state" "enum__news_v_version_workflow_state" DEFAULT 'draft';
  ALTER TABLE "_news_v" ADD COLUMN "version_review_submitted_by_id" integer;
  ALTER TABLE "_news_v" ADD COLUMN "version_review_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "_news_v" ADD COLUMN "version_approval_approved_by_id" integer;
  ALTER TABLE "_news_v" ADD COLUMN "version_approval_approved_at" timestamp(3) with time zone;
  ALTER TABLE "_news_v" ADD COLUMN "version_approval_forced" boolean;
  ALTER TABLE "_news_v" ADD COLUMN "version_approval_force_reason" varchar;
  ALTER TABLE "_news_v" ADD COLUMN "version_withdrawal_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "_news_v" ADD COLUMN "version_withdrawal_reason" varchar;
  ALTER TABLE "_news_v" ADD COLUMN "version_withdrawal_withdrawn_by_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "preview_links_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "redirects_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_log_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "embargo_lifts_id" integer;
  ALTER TABLE "preview_links" ADD CONSTRAINT "preview_links_release_id_news_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."news"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "preview_links" ADD CONSTRAINT "preview_links_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "preview_links" ADD CONSTRAINT "preview_links_revoked_by_id_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "redirects" ADD CONSTRAINT "redirects_release_id_news_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."news"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_release_id_news_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."news"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "embargo_lifts" ADD CONSTRAINT "embargo_lifts_release_id_news_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."news"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "preview_links_release_idx" ON "preview_links" USING btree ("release_id");
  CREATE UNIQUE INDEX "preview_links_token_hash_idx" ON "preview_links" USING btree ("token_hash");
  CREATE INDEX "preview_links_created_by_idx" ON "preview_links" USING btree ("created_by_id");
  CREATE INDEX "preview_links_revoked_by_idx" ON "preview_links" USING btree ("revoked_by_id");
  CREATE INDEX "preview_links_updated_at_idx" ON "preview_links" USING btree ("updated_at");
  CREATE INDEX "preview_links_created_at_idx" ON "preview_links" USING btree ("created_at");
  CREATE UNIQUE INDEX "redirects_from_idx" ON "redirects" USING btree ("from");
  CREATE INDEX "redirects_release_idx" ON "redirects" USING btree ("release_id");
  CREATE INDEX "redirects_updated_at_idx" ON "redirects" USING btree ("updated_at");
  CREATE INDEX "redirects_created_at_idx" ON "redirects" USING btree ("created_at");
  CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");
  CREATE INDEX "audit_log_release_idx" ON "audit_log" USING btree ("release_id");
  CREATE INDEX "audit_log_release_ref_idx" ON "audit_log" USING btree ("release_ref");
  CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  CREATE UNIQUE INDEX "embargo_lifts_key_idx" ON "embargo_lifts" USING btree ("key");
  CREATE INDEX "embargo_lifts_release_idx" ON "embargo_lifts" USING btree ("release_id");
  CREATE INDEX "embargo_lifts_updated_at_idx" ON "embargo_lifts" USING btree ("updated_at");
  CREATE INDEX "embargo_lifts_created_at_idx" ON "embargo_lifts" USING btree ("created_at");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  ALTER TABLE "news" ADD CONSTRAINT "news_review_submitted_by_id_users_id_fk" FOREIGN KEY ("review_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "news" ADD CONSTRAINT "news_approval_approved_by_id_users_id_fk" FOREIGN KEY ("approval_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "news" ADD CONSTRAINT "news_withdrawal_withdrawn_by_id_users_id_fk" FOREIGN KEY ("withdrawal_withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_news_v" ADD CONSTRAINT "_news_v_version_review_submitted_by_id_users_id_fk" FOREIGN KEY ("version_review_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_news_v" ADD CONSTRAINT "_news_v_version_approval_approved_by_id_users_id_fk" FOREIGN KEY ("version_approval_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_news_v" ADD CONSTRAINT "_news_v_version_withdrawal_withdrawn_by_id_users_id_fk" FOREIGN KEY ("version_withdrawal_withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_preview_links_fk" FOREIGN KEY ("preview_links_id") REFERENCES "public"."preview_links"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_redirects_fk" FOREIGN KEY ("redirects_id") REFERENCES "public"."redirects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_log_fk" FOREIGN KEY ("audit_log_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_embargo_lifts_fk" FOREIGN KEY ("embargo_lifts_id") REFERENCES "public"."embargo_lifts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "news_workflow_state_idx" ON "news" USING btree ("workflow_state");
  CREATE INDEX "news_review_review_submitted_by_idx" ON "news" USING btree ("review_submitted_by_id");
  CREATE INDEX "news_approval_approval_approved_by_idx" ON "news" USING btree ("approval_approved_by_id");
  CREATE INDEX "news_withdrawal_withdrawal_withdrawn_by_idx" ON "news" USING btree ("withdrawal_withdrawn_by_id");
  CREATE INDEX "_news_v_version_version_workflow_state_idx" ON "_news_v" USING btree ("version_workflow_state");
  CREATE INDEX "_news_v_version_review_version_review_submitted_by_idx" ON "_news_v" USING btree ("version_review_submitted_by_id");
  CREATE INDEX "_news_v_version_approval_version_approval_approved_by_idx" ON "_news_v" USING btree ("version_approval_approved_by_id");
  CREATE INDEX "_news_v_version_withdrawal_version_withdrawal_withdrawn__idx" ON "_news_v" USING btree ("version_withdrawal_withdrawn_by_id");
  CREATE INDEX "payload_locked_documents_rels_preview_links_id_idx" ON "payload_locked_documents_rels" USING btree ("preview_links_id");
  CREATE INDEX "payload_locked_documents_rels_redirects_id_idx" ON "payload_locked_documents_rels" USING btree ("redirects_id");
  CREATE INDEX "payload_locked_documents_rels_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_log_id");
  CREATE INDEX "payload_locked_documents_rels_embargo_lifts_id_idx" ON "payload_locked_documents_rels" USING btree ("embargo_lifts_id");`)
  // Releases published before the workflow existed are approved ones.
  await db.execute(sql`UPDATE "news" SET "workflow_state" = 'approved' WHERE "_status" = 'published';`)
  await db.execute(sql`UPDATE "_news_v" SET "version_workflow_state" = 'approved' WHERE "version__status" = 'published';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "preview_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "redirects" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audit_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "embargo_lifts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "preview_links" CASCADE;
  DROP TABLE "redirects" CASCADE;
  DROP TABLE "audit_log" CASCADE;
  DROP TABLE "embargo_lifts" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  ALTER TABLE "news" DROP CONSTRAINT "news_review_submitted_by_id_users_id_fk";
  
  ALTER TABLE "news" DROP CONSTRAINT "news_approval_approved_by_id_users_id_fk";
  
  ALTER TABLE "news" DROP CONSTRAINT "news_withdrawal_withdrawn_by_id_users_id_fk";
  
  ALTER TABLE "_news_v" DROP CONSTRAINT "_news_v_version_review_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_news_v" DROP CONSTRAINT "_news_v_version_approval_approved_by_id_users_id_fk";
  
  ALTER TABLE "_news_v" DROP CONSTRAINT "_news_v_version_withdrawal_withdrawn_by_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_preview_links_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_redirects_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audit_log_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_embargo_lifts_fk";
  
  DROP INDEX "news_workflow_state_idx";
  DROP INDEX "news_review_review_submitted_by_idx";
  DROP INDEX "news_approval_approval_approved_by_idx";
  DROP INDEX "news_withdrawal_withdrawal_withdrawn_by_idx";
  DROP INDEX "_news_v_version_version_workflow_state_idx";
  DROP INDEX "_news_v_version_review_version_review_submitted_by_idx";
  DROP INDEX "_news_v_version_approval_version_approval_approved_by_idx";
  DROP INDEX "_news_v_version_withdrawal_version_withdrawal_withdrawn__idx";
  DROP INDEX "payload_locked_documents_rels_preview_links_id_idx";
  DROP INDEX "payload_locked_documents_rels_redirects_id_idx";
  DROP INDEX "payload_locked_documents_rels_audit_log_id_idx";
  DROP INDEX "payload_locked_documents_rels_embargo_lifts_id_idx";
  ALTER TABLE "news" DROP COLUMN "workflow_state";
  ALTER TABLE "news" DROP COLUMN "review_submitted_by_id";
  ALTER TABLE "news" DROP COLUMN "review_submitted_at";
  ALTER TABLE "news" DROP COLUMN "approval_approved_by_id";
  ALTER TABLE "news" DROP COLUMN "approval_approved_at";
  ALTER TABLE "news" DROP COLUMN "approval_forced";
  ALTER TABLE "news" DROP COLUMN "approval_force_reason";
  ALTER TABLE "news" DROP COLUMN "withdrawal_withdrawn_at";
  ALTER TABLE "news" DROP COLUMN "withdrawal_reason";
  ALTER TABLE "news" DROP COLUMN "withdrawal_withdrawn_by_id";
  ALTER TABLE "_news_v" DROP COLUMN "version_workflow_state";
  ALTER TABLE "_news_v" DROP COLUMN "version_review_submitted_by_id";
  ALTER TABLE "_news_v" DROP COLUMN "version_review_submitted_at";
  ALTER TABLE "_news_v" DROP COLUMN "version_approval_approved_by_id";
  ALTER TABLE "_news_v" DROP COLUMN "version_approval_approved_at";
  ALTER TABLE "_news_v" DROP COLUMN "version_approval_forced";
  ALTER TABLE "_news_v" DROP COLUMN "version_approval_force_reason";
  ALTER TABLE "_news_v" DROP COLUMN "version_withdrawal_withdrawn_at";
  ALTER TABLE "_news_v" DROP COLUMN "version_withdrawal_reason";
  ALTER TABLE "_news_v" DROP COLUMN "version_withdrawal_withdrawn_by_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "preview_links_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "redirects_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_log_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "embargo_lifts_id";
  DROP TYPE "public"."enum_news_workflow_state";
  DROP TYPE "public"."enum__news_v_version_workflow_state";
  DROP TYPE "public"."enum_audit_log_action";
  DROP TYPE "public"."enum_embargo_lifts_status";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}

import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_audit_log_from" AS ENUM('draft', 'in-review', 'scheduled', 'published', 'withdrawn', 'approved');
  CREATE TYPE "public"."enum_audit_log_to" AS ENUM('draft', 'in-review', 'scheduled', 'published', 'withdrawn', 'approved');
  ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'recall' BEFORE 'return';
  ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'changedInReview';
  ALTER TABLE "audit_log" ALTER COLUMN "from" SET DATA TYPE "public"."enum_audit_log_from" USING "from"::"public"."enum_audit_log_from";
  ALTER TABLE "audit_log" ALTER COLUMN "to" SET DATA TYPE "public"."enum_audit_log_to" USING "to"::"public"."enum_audit_log_to";
  ALTER TABLE "audit_log" ADD COLUMN "internal_note" varchar;
  ALTER TABLE "audit_log" ADD COLUMN "version" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "logo_id" integer;
  ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "site_settings_logo_idx" ON "site_settings" USING btree ("logo_id");
  ALTER TABLE "users" DROP COLUMN "login_attempts";
  ALTER TABLE "users" DROP COLUMN "lock_until";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "site_settings" DROP CONSTRAINT "site_settings_logo_id_media_id_fk";
  
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_action";
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('submit', 'return', 'approve', 'schedule', 'reschedule', 'publishNow', 'unschedule', 'amend', 'withdraw', 'reinstate', 'unpublish', 'created', 'deleted', 'lifted');
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_log_action" USING "action"::"public"."enum_audit_log_action";
  DROP INDEX "site_settings_logo_idx";
  ALTER TABLE "audit_log" ALTER COLUMN "from" SET DATA TYPE varchar;
  ALTER TABLE "audit_log" ALTER COLUMN "to" SET DATA TYPE varchar;
  ALTER TABLE "users" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "users" ADD COLUMN "lock_until" timestamp(3) with time zone;
  ALTER TABLE "audit_log" DROP COLUMN "internal_note";
  ALTER TABLE "audit_log" DROP COLUMN "version";
  ALTER TABLE "site_settings" DROP COLUMN "logo_id";
  DROP TYPE "public"."enum_audit_log_from";
  DROP TYPE "public"."enum_audit_log_to";`)
}

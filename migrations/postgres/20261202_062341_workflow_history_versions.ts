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
  ALTER TABLE "audit_log" ADD COLUMN "version" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_action";
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('submit', 'return', 'approve', 'schedule', 'reschedule', 'publishNow', 'unschedule', 'amend', 'withdraw', 'reinstate', 'unpublish', 'created', 'deleted', 'lifted');
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_log_action" USING "action"::"public"."enum_audit_log_action";
  ALTER TABLE "audit_log" ALTER COLUMN "from" SET DATA TYPE varchar;
  ALTER TABLE "audit_log" ALTER COLUMN "to" SET DATA TYPE varchar;
  ALTER TABLE "audit_log" DROP COLUMN "internal_note";
  ALTER TABLE "audit_log" DROP COLUMN "version";
  DROP TYPE "public"."enum_audit_log_from";
  DROP TYPE "public"."enum_audit_log_to";`)
}

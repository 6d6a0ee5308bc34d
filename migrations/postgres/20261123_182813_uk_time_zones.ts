import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_news_amendments_at_tz" AS ENUM('Europe/London');
  CREATE TYPE "public"."enum_news_withdrawal_withdrawnat_tz" AS ENUM('Europe/London');
  CREATE TYPE "public"."enum__news_v_version_amendments_at_tz" AS ENUM('Europe/London');
  CREATE TYPE "public"."enum__news_v_version_withdrawal_withdrawnat_tz" AS ENUM('Europe/London');
  CREATE TYPE "public"."enum_preview_links_expiresat_tz" AS ENUM('Europe/London');
  CREATE TYPE "public"."enum_preview_links_revokedat_tz" AS ENUM('Europe/London');
  CREATE TYPE "public"."enum_preview_links_lastusedat_tz" AS ENUM('Europe/London');
  CREATE TYPE "public"."enum_recruitment_ctas_activefrom_tz" AS ENUM('Europe/London');
  CREATE TYPE "public"."enum_recruitment_ctas_activeuntil_tz" AS ENUM('Europe/London');
  CREATE TYPE "public"."enum_audit_log_at_tz" AS ENUM('Europe/London');
  CREATE TYPE "public"."enum_audit_log_publishat_tz" AS ENUM('Europe/London');
  ALTER TABLE "news_amendments" ADD COLUMN "at_tz" "enum_news_amendments_at_tz" DEFAULT 'Europe/London';
  ALTER TABLE "news" ADD COLUMN "withdrawal_withdrawnat_tz" "enum_news_withdrawal_withdrawnat_tz" DEFAULT 'Europe/London';
  ALTER TABLE "_news_v_version_amendments" ADD COLUMN "at_tz" "enum__news_v_version_amendments_at_tz" DEFAULT 'Europe/London';
  ALTER TABLE "_news_v" ADD COLUMN "version_withdrawal_withdrawnat_tz" "enum__news_v_version_withdrawal_withdrawnat_tz" DEFAULT 'Europe/London';
  ALTER TABLE "preview_links" ADD COLUMN "expiresat_tz" "enum_preview_links_expiresat_tz" DEFAULT 'Europe/London' NOT NULL;
  ALTER TABLE "preview_links" ADD COLUMN "revokedat_tz" "enum_preview_links_revokedat_tz" DEFAULT 'Europe/London';
  ALTER TABLE "preview_links" ADD COLUMN "lastusedat_tz" "enum_preview_links_lastusedat_tz" DEFAULT 'Europe/London';
  ALTER TABLE "recruitment_ctas" ADD COLUMN "activefrom_tz" "enum_recruitment_ctas_activefrom_tz" DEFAULT 'Europe/London';
  ALTER TABLE "recruitment_ctas" ADD COLUMN "activeuntil_tz" "enum_recruitment_ctas_activeuntil_tz" DEFAULT 'Europe/London';
  ALTER TABLE "audit_log" ADD COLUMN "at_tz" "enum_audit_log_at_tz" DEFAULT 'Europe/London' NOT NULL;
  ALTER TABLE "audit_log" ADD COLUMN "publishat_tz" "enum_audit_log_publishat_tz" DEFAULT 'Europe/London';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "news_amendments" DROP COLUMN "at_tz";
  ALTER TABLE "news" DROP COLUMN "withdrawal_withdrawnat_tz";
  ALTER TABLE "_news_v_version_amendments" DROP COLUMN "at_tz";
  ALTER TABLE "_news_v" DROP COLUMN "version_withdrawal_withdrawnat_tz";
  ALTER TABLE "preview_links" DROP COLUMN "expiresat_tz";
  ALTER TABLE "preview_links" DROP COLUMN "revokedat_tz";
  ALTER TABLE "preview_links" DROP COLUMN "lastusedat_tz";
  ALTER TABLE "recruitment_ctas" DROP COLUMN "activefrom_tz";
  ALTER TABLE "recruitment_ctas" DROP COLUMN "activeuntil_tz";
  ALTER TABLE "audit_log" DROP COLUMN "at_tz";
  ALTER TABLE "audit_log" DROP COLUMN "publishat_tz";
  DROP TYPE "public"."enum_news_amendments_at_tz";
  DROP TYPE "public"."enum_news_withdrawal_withdrawnat_tz";
  DROP TYPE "public"."enum__news_v_version_amendments_at_tz";
  DROP TYPE "public"."enum__news_v_version_withdrawal_withdrawnat_tz";
  DROP TYPE "public"."enum_preview_links_expiresat_tz";
  DROP TYPE "public"."enum_preview_links_revokedat_tz";
  DROP TYPE "public"."enum_preview_links_lastusedat_tz";
  DROP TYPE "public"."enum_recruitment_ctas_activefrom_tz";
  DROP TYPE "public"."enum_recruitment_ctas_activeuntil_tz";
  DROP TYPE "public"."enum_audit_log_at_tz";
  DROP TYPE "public"."enum_audit_log_publishat_tz";`)
}

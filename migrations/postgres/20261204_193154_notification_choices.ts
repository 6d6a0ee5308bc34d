import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" ADD COLUMN "notifications_submitted" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notifications_returned" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notifications_approved" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notifications_scheduled" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notifications_lifted" boolean DEFAULT true;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" DROP COLUMN "notifications_submitted";
  ALTER TABLE "users" DROP COLUMN "notifications_returned";
  ALTER TABLE "users" DROP COLUMN "notifications_approved";
  ALTER TABLE "users" DROP COLUMN "notifications_scheduled";
  ALTER TABLE "users" DROP COLUMN "notifications_lifted";`)
}

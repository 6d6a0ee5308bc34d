import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" ADD COLUMN "notifications_lift_failed" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notifications_preview_opened" boolean DEFAULT true;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" DROP COLUMN "notifications_lift_failed";
  ALTER TABLE "users" DROP COLUMN "notifications_preview_opened";`)
}

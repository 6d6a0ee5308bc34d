import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "_status_publishAt_idx" ON "news" USING btree ("_status","publish_at");
  CREATE INDEX "category_publishAt_idx" ON "news" USING btree ("category_id","publish_at");
  CREATE INDEX "version__status_version_publishAt_idx" ON "_news_v" USING btree ("version__status","version_publish_at");
  CREATE INDEX "version_category_version_publishAt_idx" ON "_news_v" USING btree ("version_category_id","version_publish_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "_status_publishAt_idx";
  DROP INDEX "category_publishAt_idx";
  DROP INDEX "version__status_version_publishAt_idx";
  DROP INDEX "version_category_version_publishAt_idx";`)
}

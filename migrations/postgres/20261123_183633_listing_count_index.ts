import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "_status_publishAt_idx";
  DROP INDEX "version__status_version_publishAt_idx";
  CREATE INDEX "_status_publishAt_withdrawal_withdrawnAt_idx" ON "news" USING btree ("_status","publish_at","withdrawal_withdrawn_at");
  CREATE INDEX "compound_index_idx" ON "_news_v" USING btree ("version__status","version_publish_at","version_withdrawal_withdrawn_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "_status_publishAt_withdrawal_withdrawnAt_idx";
  DROP INDEX "compound_index_idx";
  CREATE INDEX "_status_publishAt_idx" ON "news" USING btree ("_status","publish_at");
  CREATE INDEX "version__status_version_publishAt_idx" ON "_news_v" USING btree ("version__status","version_publish_at");`)
}

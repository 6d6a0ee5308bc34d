import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "news_amendments" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "_news_v_version_amendments" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  ALTER TABLE "news" ADD COLUMN "search_text" varchar;
  ALTER TABLE "_news_v" ADD COLUMN "version_search_text" varchar;
  ALTER TABLE "news_amendments" ADD CONSTRAINT "news_amendments_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."news"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_news_v_version_amendments" ADD CONSTRAINT "_news_v_version_amendments_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_news_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "news_amendments_order_idx" ON "news_amendments" USING btree ("_order");
  CREATE INDEX "news_amendments_parent_id_idx" ON "news_amendments" USING btree ("_parent_id");
  CREATE INDEX "_news_v_version_amendments_order_idx" ON "_news_v_version_amendments" USING btree ("_order");
  CREATE INDEX "_news_v_version_amendments_parent_id_idx" ON "_news_v_version_amendments" USING btree ("_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "news_amendments" CASCADE;
  DROP TABLE "_news_v_version_amendments" CASCADE;
  ALTER TABLE "news" DROP COLUMN "search_text";
  ALTER TABLE "_news_v" DROP COLUMN "version_search_text";`)
}

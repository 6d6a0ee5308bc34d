import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// The "publish now" transition is called what it does, lift the embargo now. Renaming the
// value keeps every history row that recorded it (dropping and recreating the type, as
// generated, would fail on them).
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`ALTER TYPE "public"."enum_audit_log_action" RENAME VALUE 'publishNow' TO 'liftEmbargoNow';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`ALTER TYPE "public"."enum_audit_log_action" RENAME VALUE 'liftEmbargoNow' TO 'publishNow';`)
}

import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// The "publish now" transition is called what it does, lift the embargo now: the history
// rows that recorded it say so too (SQLite keeps the choice as text, with no type to rename).
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`UPDATE \`audit_log\` SET \`action\` = 'liftEmbargoNow' WHERE \`action\` = 'publishNow';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`UPDATE \`audit_log\` SET \`action\` = 'publishNow' WHERE \`action\` = 'liftEmbargoNow';`)
}

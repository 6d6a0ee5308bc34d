/**
 * Background tasks (e-mail, embargo lifts) taken by one server only.
 *
 * Every server process polls the one job queue at the start of each second. Payload's runner
 * takes the tasks that are due in two steps: it reads them, then marks each as processing
 * (`updateJobs` in @payloadcms/drizzle, a find and then an update per row). Two servers polling
 * in the same instant both read the same tasks and both run them: an invitation or a media
 * list's e-mail went out twice (test/postgres/twoServers.test.ts), and a lift's bookkeeping
 * failed in one of them when the other had already deleted the finished task.
 *
 * Here the database's adapter takes them as the runner asks, but marks each with an update that
 * only succeeds while the task is still free (`WHERE processing = false`), one statement the
 * database makes atomic; the runner is given only the tasks this process won. The statement runs
 * in the runner's own transaction, so on PostgreSQL a server that finds a task being taken waits
 * for the other's commit and then sees it is gone.
 */
import { and, eq } from 'drizzle-orm'
import type { Payload, Where } from 'payload'

type UpdateJobsArgs = {
  id?: number | string
  data: Record<string, unknown>
  limit?: number
  req?: { transactionID?: number | string | Promise<number | string> }
  returning?: boolean
  sort?: string | string[]
  where?: Where
}
type UpdateJobs = (args: UpdateJobsArgs) => Promise<unknown[] | null>

type JobsTable = { id: never; processing: never }
type Drizzle = {
  update: (table: JobsTable) => {
    set: (values: { processing: boolean }) => {
      where: (condition: unknown) => {
        returning: (fields: { id: unknown }) => Promise<{ id: number | string }[]>
      }
    }
  }
}
type SqlAdapter = {
  name: string
  drizzle: Drizzle
  tables: Record<string, JobsTable>
  sessions: Record<string, { db: Drizzle }>
  find: (args: Record<string, unknown>) => Promise<{ docs: { id: number | string }[] }>
  updateJobs: UpdateJobs
}
type MongoAdapter = {
  name: 'mongoose'
  collections: Record<
    string,
    { updateOne: (filter: object, update: object) => Promise<{ modifiedCount: number }> }
  >
  find: SqlAdapter['find']
  updateJobs: UpdateJobs
}

const JOBS = 'payload-jobs'

/** The runner's call that takes due tasks: mark as processing whatever matches, up to a limit. */
const isTaking = ({ id, data, where }: UpdateJobsArgs) =>
  id === undefined &&
  where !== undefined &&
  data.processing === true &&
  Object.keys(data).every((key) => key === 'processing' || key === 'updatedAt')

/** Marks one task as processing if it is still free; true when this process took it. */
const taker = (db: SqlAdapter | MongoAdapter, args: UpdateJobsArgs) => {
  if (db.name === 'mongoose') {
    const jobs = (db as MongoAdapter).collections[JOBS]!
    return async (id: number | string) =>
      (await jobs.updateOne({ _id: id, processing: false }, { $set: { processing: true } }))
        .modifiedCount === 1
  }
  const sqlDb = db as SqlAdapter
  const table = sqlDb.tables.payload_jobs!
  return async (id: number | string) => {
    const transaction = args.req?.transactionID ? await args.req.transactionID : undefined
    const session = transaction === undefined ? undefined : sqlDb.sessions[String(transaction)]
    const taken = await (session?.db ?? sqlDb.drizzle)
      .update(table)
      .set({ processing: true })
      .where(and(eq(table.id, id as never), eq(table.processing, false as never)))
      .returning({ id: table.id })
    return taken.length === 1
  }
}

export const claimJobsAtomically = (payload: Payload): void => {
  const db = payload.db as unknown as SqlAdapter | MongoAdapter
  const updateJobs = db.updateJobs.bind(db)
  db.updateJobs = async (args) => {
    if (!isTaking(args)) return updateJobs(args)
    // A server that is closing its database (its tables are cleared) takes no more tasks: a tick
    // of the runner's clock can still come while it closes.
    if (db.name !== 'mongoose' && !(db as SqlAdapter).tables.payload_jobs) return []
    const { docs } = await db.find({
      collection: JOBS,
      where: args.where,
      limit: args.limit,
      sort: args.sort,
      pagination: false,
      req: args.req,
    })
    const take = taker(db, args)
    const won: (number | string)[] = []
    for (const { id } of docs) if (await take(id)) won.push(id)
    if (won.length === 0) return []
    // Payload's own update, now only of the tasks this process holds, returns them as the
    // runner expects them (with their log and status).
    return updateJobs({ ...args, where: { id: { in: won } } })
  }
}

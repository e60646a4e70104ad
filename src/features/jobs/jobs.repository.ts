// SQL for the admin view of the job queue. Lists leave the payload out: a queued mail's payload holds
// an address and a link, and an overview has no need to show them.
import type { Executor } from '../../db/database.ts';
import type { JobStatus } from '../../db/schema.ts';

export interface JobFilter {
  status?: JobStatus | undefined;
  type?: string | undefined;
}

const summaryColumns = [
  'id',
  'type',
  'status',
  'attempts',
  'max_attempts',
  'run_at',
  'locked_at',
  'locked_by',
  'last_error',
  'unique_key',
  'created_at',
  'finished_at',
] as const;

function filtered(db: Executor, filter: JobFilter) {
  let query = db.selectFrom('jobs');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.type) query = query.where('type', '=', filter.type);
  return query;
}

export async function findJobs(db: Executor, filter: JobFilter, page: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    filtered(db, filter).select(summaryColumns).orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export async function findJob(db: Executor, id: number) {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countJobsByStatus(db: Executor) {
  return db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
}

/** Jobs whose last attempt failed: given up (`failed`) or waiting for their next try (`queued`). */
export async function findRecentFailures(db: Executor, limit: number) {
  return db
    .selectFrom('jobs')
    .select(summaryColumns)
    .where('last_error', 'is not', null)
    .where('status', 'in', ['failed', 'queued'])
    .orderBy((eb) => eb.fn.coalesce('finished_at', 'run_at'), 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function distinctJobTypes(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('jobs').select('type').distinct().orderBy('type').execute();
  return rows.map((row) => row.type);
}

/**
 * Puts a failed job back in the queue with a fresh set of attempts; undefined if it was not failed.
 * The old last_error goes into the audit entry of the retry, not in the row.
 */
export async function requeueFailedJob(db: Executor, id: number, runAt: Date) {
  return db
    .updateTable('jobs')
    .set({ status: 'queued', attempts: 0, run_at: runAt, locked_at: null, locked_by: null, finished_at: null, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returning(summaryColumns)
    .executeTakeFirst();
}

/** Handlers replace a payload once it is no longer needed (data minimisation, see mail.service.ts). */
export async function replaceJobPayload(db: Executor, id: number, payload: unknown): Promise<void> {
  await db.updateTable('jobs').set({ payload: JSON.stringify(payload) }).where('id', '=', id).execute();
}

export async function findSchedules(db: Executor) {
  return db.selectFrom('job_schedules').select(['name', 'cron', 'job_type', 'next_run_at', 'last_run_at']).orderBy('name').execute();
}

// The job queue as administrators see it: what is queued, running, done and failed, why a job failed,
// and a way to run a failed job again once the cause is fixed. Admin only; a retry is audited.
import type { Executor } from '../../db/database.ts';
import type { JobStatus } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { systemClock, type Clock } from '../../domain/clock.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import {
  countJobsByStatus,
  distinctJobTypes,
  findJob,
  findJobs,
  findRecentFailures,
  findSchedules,
  requeueFailedJob,
  type JobFilter,
} from './jobs.repository.ts';

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const satisfies readonly JobStatus[];

export interface JobSummary {
  id: number;
  type: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lockedAt: Date | null;
  lockedBy: string | null;
  lastError: string | null;
  uniqueKey: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface JobDetail extends JobSummary {
  payload: unknown;
}

export interface JobSchedule {
  name: string;
  cron: string;
  jobType: string;
  nextRunAt: Date;
  lastRunAt: Date | null;
}

export type JobStatusCounts = Record<JobStatus, number>;

type SummaryRow = Awaited<ReturnType<typeof findRecentFailures>>[number];

function toJobSummary(row: SummaryRow): JobSummary {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lockedAt: row.locked_at,
    lockedBy: row.locked_by,
    lastError: row.last_error,
    uniqueKey: row.unique_key,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export interface JobList {
  jobs: JobSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** Every job type in the table, for the filter. */
  types: string[];
  counts: JobStatusCounts;
}

export async function listJobs(db: Executor, actor: Actor, filter: JobFilter, page: { page: number; pageSize: number }): Promise<JobList> {
  requireRole(actor, 'admin');
  const { rows, total } = await findJobs(db, filter, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  return {
    jobs: rows.map(toJobSummary),
    total,
    page: page.page,
    pageSize: page.pageSize,
    types: await distinctJobTypes(db),
    counts: await jobStatusCounts(db, actor),
  };
}

export async function jobStatusCounts(db: Executor, actor: Actor): Promise<JobStatusCounts> {
  requireRole(actor, 'admin');
  const counts: JobStatusCounts = { queued: 0, running: 0, succeeded: 0, failed: 0 };
  for (const row of await countJobsByStatus(db)) counts[row.status] = row.n;
  return counts;
}

/** Newest first: jobs given up (`failed`) and jobs waiting to try again (`queued` with an error). */
export async function listRecentFailures(db: Executor, actor: Actor, limit = 20): Promise<JobSummary[]> {
  requireRole(actor, 'admin');
  return (await findRecentFailures(db, limit)).map(toJobSummary);
}

export async function getJob(db: Executor, actor: Actor, id: number): Promise<JobDetail> {
  requireRole(actor, 'admin');
  const row = Number.isSafeInteger(id) ? await findJob(db, id) : undefined;
  if (!row) throw notFound('Jobbet', 'The job was not found');
  return { ...toJobSummary(row), payload: row.payload };
}

/**
 * Runs a failed job again, with all its attempts. The caller opens the transaction, so the change and
 * its audit entry are saved together.
 */
export async function retryFailedJob(db: Executor, actor: Actor, id: number, clock: Clock = systemClock): Promise<JobSummary> {
  requireRole(actor, 'admin');
  const before = await getJob(db, actor, id);
  const row = await requeueFailedJob(db, id, clock.now());
  if (!row) {
    throw new AppError('conflict', 'Kun et fejlet job kan køres igen.', {
      en: 'Only a failed job can be run again.',
      internal: `job ${id} has status ${before.status}`,
    });
  }
  const after = toJobSummary(row);
  await recordAudit(db, actor, {
    action: 'update',
    entityType: 'job',
    entityId: String(id),
    // No payload in the audit log: it may hold an address; type and error say what was retried.
    before: { type: before.type, status: before.status, attempts: before.attempts, lastError: before.lastError },
    after: { type: after.type, status: after.status, attempts: after.attempts },
  });
  return after;
}

export async function listSchedules(db: Executor, actor: Actor): Promise<JobSchedule[]> {
  requireRole(actor, 'admin');
  return (await findSchedules(db)).map((row) => ({
    name: row.name,
    cron: row.cron,
    jobType: row.job_type,
    nextRunAt: row.next_run_at,
    lastRunAt: row.last_run_at,
  }));
}

// The durable job runner. Jobs are rows in `jobs`; a runner claims one at a time in a short transaction
// (`FOR UPDATE SKIP LOCKED`: two processes never claim the same row and never wait for each other),
// runs the handler outside that transaction, and records the outcome. A job whose process died while
// running it is put back after `stuckAfterMs`, which is how the queue survives restarts and crashes.
// PGlite runs the same SQL: its single connection serializes the transactions instead.
//
// Every time comes from the Clock and reaches SQL as a parameter (never SQL now()), so tests move time.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database, Executor } from '../db/database.ts';
import type { JobsTable } from '../db/schema.ts';
import { minutes, systemClock, type Clock } from '../domain/clock.ts';
import { nextRun } from '../domain/cron.ts';
import type { Mailer } from '../features/mail/mailer.ts';
import type { Logger } from '../logger.ts';
import { PermanentJobError, type JobDefinition, type JobRegistry, createJobRegistry } from './definitions.ts';
import { enqueueJob } from './queue.ts';

export interface JobRunnerOptions {
  database: Database;
  definitions: JobRegistry | readonly JobDefinition[];
  config: Config;
  logger: Logger;
  clock: Clock;
  mailer: Mailer;
  /** Written to jobs.locked_by; defaults to host:pid:random. */
  workerId?: string;
  /** Pause between polls when start() is running; default 5 s. */
  pollIntervalMs?: number;
  /** A job `running` longer than this is taken to belong to a dead process; default 15 min. */
  stuckAfterMs?: number;
  /** The zone schedules are read in; default Europe/Copenhagen. */
  timeZone?: string;
}

export interface JobRunner {
  readonly workerId: string;
  /** Polls in the background: schedules, then due jobs, then waits pollIntervalMs. */
  start(): void;
  /** Stops polling and waits for the job that is running, if any, to finish. */
  stop(): Promise<void>;
  /** Claims and runs every job due now, one at a time; returns how many ran. */
  runDueJobs(): Promise<number>;
  /** Enqueues a job for every schedule that is due; returns how many jobs were enqueued. */
  runScheduled(): Promise<number>;
}

export type JobRow = Selectable<JobsTable>;

export const defaultStuckAfterMs = minutes(15);

/** 30 s, 1 min, 2 min, 4 min … capped at an hour: a mail server that is down gets time to come back. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), minutes(60));
}

const emailLike = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+/g;

/**
 * The message of an error, fit for jobs.last_error and the log: e-mail addresses a mail server may
 * quote back ("550 <someone@example.dk> unknown") are masked, and the text is bounded.
 */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message || error.name : String(error);
  return message.replace(emailLike, '[e-mail]').slice(0, 1000);
}

function describeIssues(error: z.ZodError): string {
  // Paths and messages only: zod's messages name what was expected, not the value that was sent.
  return error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`).join('; ');
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { database, config, clock, mailer } = options;
  const db = database.db;
  const registry = options.definitions instanceof Map ? options.definitions : createJobRegistry(options.definitions as readonly JobDefinition[]);
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  const stuckAfterMs = options.stuckAfterMs ?? defaultStuckAfterMs;
  const timeZone = options.timeZone ?? 'Europe/Copenhagen';
  const logger = options.logger.child({ component: 'jobs', workerId });

  async function reclaimStuckJobs(): Promise<void> {
    const now = clock.now();
    const reclaimed = await db
      .updateTable('jobs')
      .set({
        // A job that keeps killing its process must not come back for ever: out of attempts, it is dead.
        status: sql`case when attempts >= max_attempts then 'failed' else 'queued' end`,
        finished_at: sql`case when attempts >= max_attempts then ${now}::timestamptz end`,
        run_at: now,
        locked_at: null,
        locked_by: null,
        last_error: 'Afbrudt: processen stoppede, mens jobbet kørte / interrupted: the process stopped while the job ran',
      })
      .where('status', '=', 'running')
      .where('locked_at', '<', new Date(now.getTime() - stuckAfterMs))
      .returning(['id', 'status'])
      .execute();
    for (const job of reclaimed) logger.warn('Fastlåst job frigivet', { jobId: job.id, status: job.status });
  }

  async function claimNextJob(): Promise<JobRow | undefined> {
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .where('run_at', '<=', now)
        .orderBy('run_at')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!due) return undefined;
      return trx
        .updateTable('jobs')
        .set((eb) => ({ status: 'running', locked_at: now, locked_by: workerId, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', due.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  }

  // Only the worker that holds the job may finish it: if it was reclaimed meanwhile, the new owner decides.
  const ownJob = (id: number) => db.updateTable('jobs').where('id', '=', id).where('status', '=', 'running').where('locked_by', '=', workerId);

  async function succeed(job: JobRow, log: Logger): Promise<void> {
    await ownJob(job.id).set({ status: 'succeeded', finished_at: clock.now(), last_error: null }).execute();
    log.info('Job gennemført', { attempt: job.attempts });
  }

  async function fail(job: JobRow, log: Logger, reason: string, permanent: boolean): Promise<void> {
    const now = clock.now();
    if (permanent || job.attempts >= job.max_attempts) {
      await ownJob(job.id).set({ status: 'failed', finished_at: now, last_error: reason }).execute();
      log.error('Job opgivet', { attempt: job.attempts, reason });
      return;
    }
    const runAt = new Date(now.getTime() + retryDelayMs(job.attempts));
    await ownJob(job.id).set({ status: 'queued', run_at: runAt, locked_at: null, locked_by: null, last_error: reason }).execute();
    log.warn('Job fejlede og prøves igen', { attempt: job.attempts, retryAt: runAt.toISOString(), reason });
  }

  async function runJob(job: JobRow): Promise<void> {
    const log = logger.child({ jobId: job.id, jobType: job.type });
    const definition = registry.get(job.type);
    if (!definition) return fail(job, log, `Ukendt jobtype "${job.type}" / unknown job type`, true);
    const payload = definition.payloadSchema.safeParse(job.payload);
    if (!payload.success) {
      return fail(job, log, `Ugyldig payload til ${job.type} / invalid payload: ${describeIssues(payload.error)}`, true);
    }
    try {
      await definition.handler({ db, config, logger: log, clock, mailer, jobId: job.id }, payload.data);
    } catch (error) {
      return fail(job, log, describeFailure(error), error instanceof PermanentJobError);
    }
    await succeed(job, log);
  }

  async function runDueJobs(keepGoing: () => boolean = () => true): Promise<number> {
    await reclaimStuckJobs();
    let ran = 0;
    while (keepGoing()) {
      const job = await claimNextJob();
      if (!job) break;
      await runJob(job);
      ran++;
    }
    return ran;
  }

  async function runScheduled(): Promise<number> {
    const now = clock.now();
    const due = await db.selectFrom('job_schedules').select('name').where('next_run_at', '<=', now).orderBy('next_run_at').execute();
    let enqueued = 0;
    for (const { name } of due) {
      try {
        const jobId = await db.transaction().execute(async (trx) => {
          // Re-read under lock: another process may hold the row or have moved it on already.
          const schedule = await trx
            .selectFrom('job_schedules')
            .selectAll()
            .where('name', '=', name)
            .where('next_run_at', '<=', now)
            .forUpdate()
            .skipLocked()
            .executeTakeFirst();
          if (!schedule) return null;
          // The slot's key makes a second enqueue of the same slot a no-op, whatever the interleaving.
          const id = await enqueueJob(trx, schedule.job_type, schedule.payload, {
            runAt: schedule.next_run_at,
            uniqueKey: `${schedule.name}:${schedule.next_run_at.toISOString()}`,
          });
          // From `now`, not from the slot: slots missed while no process ran collapse into this one run.
          await trx
            .updateTable('job_schedules')
            .set({ next_run_at: nextRun(schedule.cron, now, timeZone), last_run_at: now })
            .where('name', '=', schedule.name)
            .execute();
          return id;
        });
        if (jobId !== null) {
          enqueued++;
          logger.info('Planlagt job sat i kø', { schedule: name, jobId });
        }
      } catch (error) {
        logger.error('Planlagt job kunne ikke sættes i kø', { schedule: name, reason: describeFailure(error) });
      }
    }
    return enqueued;
  }

  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let tick: Promise<void> | undefined;

  function poll(): void {
    tick = (async () => {
      try {
        await runScheduled();
        await runDueJobs(() => !stopping);
      } catch (error) {
        // The database may be away for a moment; the next poll tries again.
        logger.error('Jobkørslen fejlede', { reason: describeFailure(error) });
      }
    })().finally(() => {
      tick = undefined;
      if (!stopping) timer = setTimeout(poll, pollIntervalMs);
    });
  }

  return {
    workerId,
    start() {
      if (timer || tick) return;
      stopping = false;
      poll();
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      timer = undefined;
      await tick;
    },
    runDueJobs: () => runDueJobs(),
    runScheduled,
  };
}

export interface ScheduleDefinition {
  /** Stable name, the primary key of job_schedules. */
  name: string;
  cron: string;
  jobType: string;
  payload?: unknown;
}

/**
 * Creates or updates a schedule (called at boot, so it must be idempotent). An unchanged cron keeps
 * its next_run_at, so a restart neither skips nor repeats a slot; a changed cron is recomputed.
 */
export async function ensureSchedule(db: Executor, schedule: ScheduleDefinition, clock: Clock = systemClock, timeZone = 'Europe/Copenhagen'): Promise<void> {
  const firstRun = nextRun(schedule.cron, clock.now(), timeZone); // also rejects an invalid cron
  await db
    .insertInto('job_schedules')
    .values({
      name: schedule.name,
      cron: schedule.cron,
      job_type: schedule.jobType,
      payload: JSON.stringify(schedule.payload ?? {}),
      next_run_at: firstRun,
    })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({
        cron: eb.ref('excluded.cron'),
        job_type: eb.ref('excluded.job_type'),
        payload: eb.ref('excluded.payload'),
        next_run_at: sql`case when job_schedules.cron = excluded.cron then job_schedules.next_run_at else excluded.next_run_at end`,
      })),
    )
    .execute();
}

// Putting work on the durable job queue. A job is a row; the runner (runner.ts) claims it, runs it
// with retries and backoff, and records the result. Enqueue inside the caller's transaction so a job
// exists exactly when the change that asked for it was committed.
import type { Executor } from '../db/database.ts';

export interface EnqueueOptions {
  runAt?: Date;
  /** A job with the same key is enqueued only once (the second call returns null). */
  uniqueKey?: string;
  maxAttempts?: number;
}

export async function enqueueJob(db: Executor, type: string, payload: unknown, options: EnqueueOptions = {}): Promise<number | null> {
  const row = await db
    .insertInto('jobs')
    .values({
      type,
      payload: JSON.stringify(payload ?? {}),
      ...(options.runAt ? { run_at: options.runAt } : {}),
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
      unique_key: options.uniqueKey ?? null,
    })
    .onConflict((oc) => oc.column('unique_key').where('unique_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

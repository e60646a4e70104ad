import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../../test/helpers/database.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { ManualClock, minutes } from '../domain/clock.ts';
import { createMailer } from '../features/mail/mailer.ts';
import { silentLogger } from '../logger.ts';
import { defineJob, PermanentJobError, type JobDefinition } from './definitions.ts';
import { enqueueJob } from './queue.ts';
import { createJobRunner, retryDelayMs } from './runner.ts';

const start = '2030-01-10T12:00:00.000Z';

/** A job that records each run, so tests can count them. */
function recordingJob(runs: { id: number; payload: unknown }[], work: () => Promise<void> = async () => {}) {
  return defineJob({
    type: 'record',
    payloadSchema: z.object({ n: z.number() }),
    async handler(context, payload) {
      runs.push({ id: context.jobId, payload });
      await work();
    },
  });
}

describe('job runner', () => {
  let database: TestDatabase;
  let dataDir: string;
  let config: Config;
  let clock: ManualClock;

  before(async () => {
    database = await createTestDatabase({ reference: false });
    dataDir = await mkdtemp(join(tmpdir(), 'kp-jobs-'));
    config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  });
  after(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });
  // Each test gets its own queue: the runner runs every due job, so leftovers would leak between tests.
  beforeEach(async () => {
    await database.db.deleteFrom('jobs').execute();
    await database.db.deleteFrom('job_schedules').execute();
    clock = new ManualClock(start);
  });

  const runner = (definitions: JobDefinition[], workerId = 'worker-a', on: Database = database) =>
    createJobRunner({ database: on, definitions, config, logger: silentLogger, clock, mailer: createMailer(config, silentLogger), workerId });
  const job = async (id: number) => database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('runs a queued job once and marks it succeeded', async () => {
    const runs: { id: number; payload: unknown }[] = [];
    const id = (await enqueueJob(database.db, 'record', { n: 7 }, { runAt: clock.now() }))!;
    assert.equal(await runner([recordingJob(runs)]).runDueJobs(), 1);
    assert.deepEqual(runs, [{ id, payload: { n: 7 } }]);
    const row = await job(id);
    assert.deepEqual([row.status, row.attempts, row.locked_by, row.last_error], ['succeeded', 1, 'worker-a', null]);
    assert.equal(row.finished_at?.toISOString(), start);
    assert.equal(await runner([recordingJob(runs)]).runDueJobs(), 0, 'a finished job is not run again');
  });

  it('leaves a job alone until its run_at has come', async () => {
    const runs: { id: number; payload: unknown }[] = [];
    await enqueueJob(database.db, 'record', { n: 1 }, { runAt: new Date(clock.now().getTime() + minutes(5)) });
    assert.equal(await runner([recordingJob(runs)]).runDueJobs(), 0);
    clock.advance(minutes(5));
    assert.equal(await runner([recordingJob(runs)]).runDueJobs(), 1);
  });

  it('retries a failing job with exponential backoff and marks it failed after its last attempt', async () => {
    const failing = defineJob({ type: 'flaky', payloadSchema: z.object({}), handler: async () => Promise.reject(new Error('Serveren svarer ikke')) });
    const id = (await enqueueJob(database.db, 'flaky', {}, { runAt: clock.now(), maxAttempts: 3 }))!;
    const jobs = runner([failing]);

    assert.equal(await jobs.runDueJobs(), 1);
    let row = await job(id);
    assert.deepEqual([row.status, row.attempts, row.last_error], ['queued', 1, 'Serveren svarer ikke']);
    assert.equal(row.run_at.getTime() - clock.now().getTime(), 30_000, 'first retry after 30 s');
    assert.equal(await jobs.runDueJobs(), 0, 'not before the backoff has passed');

    clock.advance(30_000);
    assert.equal(await jobs.runDueJobs(), 1);
    row = await job(id);
    assert.deepEqual([row.status, row.attempts], ['queued', 2]);
    assert.equal(row.run_at.getTime() - clock.now().getTime(), 60_000, 'second retry after 60 s');

    clock.advance(60_000);
    assert.equal(await jobs.runDueJobs(), 1);
    row = await job(id);
    assert.deepEqual([row.status, row.attempts, row.last_error], ['failed', 3, 'Serveren svarer ikke']);
    assert.equal(row.finished_at?.toISOString(), clock.now().toISOString());
    clock.advance(minutes(60));
    assert.equal(await jobs.runDueJobs(), 0, 'a dead job is not run again');
  });

  it('grows the backoff by doubling and caps it at an hour', () => {
    assert.deepEqual([1, 2, 3, 4, 8, 20].map(retryDelayMs), [30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
  });

  it('succeeds on a retry after a failure', async () => {
    let calls = 0;
    const onceFailing = defineJob({
      type: 'onceFailing',
      payloadSchema: z.object({}),
      handler: async () => {
        if (++calls === 1) throw new Error('midlertidig fejl');
      },
    });
    const id = (await enqueueJob(database.db, 'onceFailing', {}, { runAt: clock.now() }))!;
    await runner([onceFailing]).runDueJobs();
    clock.advance(retryDelayMs(1));
    await runner([onceFailing]).runDueJobs();
    const row = await job(id);
    assert.deepEqual([row.status, row.attempts, row.last_error, calls], ['succeeded', 2, null, 2]);
  });

  it('fails a job of an unknown type at once, without retries', async () => {
    const id = (await enqueueJob(database.db, 'noSuchJob', {}, { runAt: clock.now() }))!;
    await runner([]).runDueJobs();
    const row = await job(id);
    assert.deepEqual([row.status, row.attempts], ['failed', 1]);
    assert.match(row.last_error ?? '', /Ukendt jobtype "noSuchJob"/);
  });

  it('fails a job whose payload does not fit its schema at once, naming the field', async () => {
    const runs: { id: number; payload: unknown }[] = [];
    const id = (await enqueueJob(database.db, 'record', { n: 'syv' }, { runAt: clock.now() }))!;
    await runner([recordingJob(runs)]).runDueJobs();
    const row = await job(id);
    assert.deepEqual([row.status, row.attempts, runs.length], ['failed', 1, 0]);
    assert.match(row.last_error ?? '', /Ugyldig payload til record.*n: /);
  });

  it('fails a job at once when its handler says retrying cannot help, with addresses masked', async () => {
    const refused = defineJob({
      type: 'refused',
      payloadSchema: z.object({}),
      handler: async () => Promise.reject(new PermanentJobError('550 <ole@example.dk>: no such user')),
    });
    const id = (await enqueueJob(database.db, 'refused', {}, { runAt: clock.now() }))!;
    await runner([refused]).runDueJobs();
    const row = await job(id);
    assert.deepEqual([row.status, row.attempts, row.last_error], ['failed', 1, '550 <[e-mail]>: no such user']);
  });

  it('never runs a job twice when two runners race for the queue', async () => {
    const runs: { id: number; payload: unknown }[] = [];
    const running = new Set<number>();
    let overlaps = 0;
    const slow = defineJob({
      type: 'slow',
      payloadSchema: z.object({ n: z.number() }),
      async handler(context, payload) {
        if (running.has(context.jobId)) overlaps++;
        running.add(context.jobId);
        runs.push({ id: context.jobId, payload });
        await sleep(2); // lets the other runner claim in the meantime
        running.delete(context.jobId);
      },
    });
    for (let n = 0; n < 30; n++) await enqueueJob(database.db, 'slow', { n }, { runAt: clock.now() });
    const [a, b] = await Promise.all([runner([slow], 'worker-a').runDueJobs(), runner([slow], 'worker-b').runDueJobs()]);
    assert.equal(a + b, 30);
    assert.ok(a > 0 && b > 0, `both runners took jobs (a=${a}, b=${b})`);
    assert.equal(runs.length, 30);
    assert.equal(new Set(runs.map((run) => run.id)).size, 30, 'every job ran exactly once');
    assert.equal(overlaps, 0);
    const statuses = await database.db.selectFrom('jobs').select(['status', 'attempts']).distinct().execute();
    assert.deepEqual(statuses, [{ status: 'succeeded', attempts: 1 }]);
  });

  it(
    'skips a job another connection holds locked instead of waiting for it (FOR UPDATE SKIP LOCKED)',
    { skip: testServerUrl() ? false : 'PostgreSQL only: PGlite has one connection, so nothing else can hold a lock' },
    async () => {
      const runs: { id: number; payload: unknown }[] = [];
      const first = (await enqueueJob(database.db, 'record', { n: 1 }, { runAt: clock.now() }))!;
      const second = (await enqueueJob(database.db, 'record', { n: 2 }, { runAt: clock.now() }))!;
      const jobs = runner([recordingJob(runs)]);
      await database.db.transaction().execute(async (trx) => {
        // This transaction holds the first job's row on its own pool connection; the runner uses another.
        await trx.selectFrom('jobs').select('id').where('id', '=', first).forUpdate().execute();
        assert.equal(await jobs.runDueJobs(), 1);
      });
      assert.deepEqual(runs.map((run) => run.id), [second]);
      assert.equal(await jobs.runDueJobs(), 1, 'once the lock is released the first job runs');
      assert.deepEqual(runs.map((run) => run.id), [second, first]);
    },
  );

  it('puts a job left running by a dead process back in the queue after the timeout', async () => {
    const runs: { id: number; payload: unknown }[] = [];
    const id = (await enqueueJob(database.db, 'record', { n: 1 }, { runAt: clock.now() }))!;
    await database.db.updateTable('jobs').set({ status: 'running', attempts: 1, locked_at: clock.now(), locked_by: 'dead-worker' }).where('id', '=', id).execute();
    const jobs = runner([recordingJob(runs)]);
    assert.equal(await jobs.runDueJobs(), 0, 'a running job is not taken from its worker');
    clock.advance(minutes(14));
    assert.equal(await jobs.runDueJobs(), 0, 'not before 15 minutes');
    clock.advance(minutes(1) + 1);
    assert.equal(await jobs.runDueJobs(), 1);
    const row = await job(id);
    assert.deepEqual([row.status, row.attempts, row.locked_by], ['succeeded', 2, 'worker-a']);
  });

  it('gives up an interrupted job that was on its last attempt', async () => {
    const id = (await enqueueJob(database.db, 'record', { n: 1 }, { runAt: clock.now(), maxAttempts: 2 }))!;
    await database.db.updateTable('jobs').set({ status: 'running', attempts: 2, locked_at: clock.now(), locked_by: 'dead-worker' }).where('id', '=', id).execute();
    clock.advance(minutes(16));
    assert.equal(await runner([recordingJob([])]).runDueJobs(), 0);
    const row = await job(id);
    assert.equal(row.status, 'failed');
    assert.match(row.last_error ?? '', /Afbrudt/);
    assert.equal(row.finished_at?.toISOString(), clock.now().toISOString());
  });

  it('does not let a reclaimed job be finished by the worker that lost it', async () => {
    let reclaimOnce = true;
    const late: JobDefinition = defineJob({
      type: 'late',
      payloadSchema: z.object({}),
      async handler(context): Promise<void> {
        if (!reclaimOnce) return;
        reclaimOnce = false;
        // While this job runs, 16 minutes pass and another runner takes it over and finishes it.
        clock.advance(minutes(16));
        assert.equal(await runner([late], 'worker-b').runDueJobs(), 1);
        assert.equal((await job(context.jobId)).locked_by, 'worker-b');
      },
    });
    const id = (await enqueueJob(database.db, 'late', {}, { runAt: clock.now() }))!;
    await runner([late], 'worker-a').runDueJobs();
    const row = await job(id);
    assert.deepEqual([row.status, row.attempts, row.locked_by], ['succeeded', 2, 'worker-b']);
  });

  it('waits for the running job when stopped', async () => {
    let release!: () => void;
    let started!: () => void;
    const hasStarted = new Promise<void>((resolve) => (started = resolve));
    const blocking = defineJob({
      type: 'blocking',
      payloadSchema: z.object({}),
      handler: () => new Promise<void>((resolve) => ((release = resolve), started())),
    });
    const id = (await enqueueJob(database.db, 'blocking', {}, { runAt: clock.now() }))!;
    const jobs = createJobRunner({ database, definitions: [blocking], config, logger: silentLogger, clock, mailer: createMailer(config, silentLogger), pollIntervalMs: 10 });
    jobs.start();
    await hasStarted;
    let stopped = false;
    const stopping = jobs.stop().then(() => (stopped = true));
    await sleep(20);
    assert.equal(stopped, false, 'stop() waits while the job runs');
    release();
    await stopping;
    assert.equal((await job(id)).status, 'succeeded');
  });
});

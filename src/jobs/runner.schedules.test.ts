// The runner across restarts and its scheduled (cron) jobs. See runner.test.ts for claiming and retries.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { ManualClock, minutes } from '../domain/clock.ts';
import { createMailer } from '../features/mail/mailer.ts';
import { silentLogger } from '../logger.ts';
import { defineJob } from './definitions.ts';
import { enqueueJob } from './queue.ts';
import { createJobRunner, ensureSchedule } from './runner.ts';

const start = '2030-01-10T12:00:00.000Z';

function recordingJob(runs: { id: number; payload: unknown }[]) {
  return defineJob({
    type: 'record',
    payloadSchema: z.object({ n: z.number() }),
    async handler(context, payload) {
      runs.push({ id: context.jobId, payload });
    },
  });
}

describe('job runner on a database that is closed and opened again', () => {
  it('keeps queued and interrupted jobs across a restart and runs them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kp-jobs-restart-'));
    try {
      const config = loadConfig({ DATA_DIR: dir, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
      const clock = new ManualClock(start);
      const pgliteDir = join(dir, 'db');
      const first = await openDatabase({ pgliteDir });
      await migrate(first);
      const queued = (await enqueueJob(first.db, 'record', { n: 1 }, { runAt: clock.now() }))!;
      const interrupted = (await enqueueJob(first.db, 'record', { n: 2 }, { runAt: clock.now() }))!;
      await first.db.updateTable('jobs').set({ status: 'running', attempts: 1, locked_at: clock.now(), locked_by: 'dead-worker' }).where('id', '=', interrupted).execute();
      await first.close();

      const second = await openDatabase({ pgliteDir });
      try {
        const runs: { id: number; payload: unknown }[] = [];
        const jobs = createJobRunner({ database: second, definitions: [recordingJob(runs)], config, logger: silentLogger, clock, mailer: createMailer(config, silentLogger) });
        assert.equal(await jobs.runDueJobs(), 1);
        clock.advance(minutes(16));
        assert.equal(await jobs.runDueJobs(), 1);
        assert.deepEqual(runs.map((run) => run.id), [queued, interrupted]);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('scheduled jobs', () => {
  let database: TestDatabase;
  let dataDir: string;
  let config: Config;
  let clock: ManualClock;

  before(async () => {
    database = await createTestDatabase({ reference: false });
    dataDir = await mkdtemp(join(tmpdir(), 'kp-schedules-'));
    config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  });
  after(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await database.db.deleteFrom('jobs').execute();
    await database.db.deleteFrom('job_schedules').execute();
    clock = new ManualClock(start);
  });

  const runner = (workerId: string) =>
    createJobRunner({ database, definitions: [recordingJob([])], config, logger: silentLogger, clock, mailer: createMailer(config, silentLogger), workerId });
  const schedule = () => database.db.selectFrom('job_schedules').selectAll().where('name', '=', 'nightly').executeTakeFirstOrThrow();
  const jobKeys = async () => (await database.db.selectFrom('jobs').select('unique_key').orderBy('id').execute()).map((row) => row.unique_key);

  it('enqueues a due schedule once per slot even when two runners tick at the same time', async () => {
    await ensureSchedule(database.db, { name: 'nightly', cron: '0 2 * * *', jobType: 'record', payload: { n: 1 } }, clock);
    assert.equal((await schedule()).next_run_at.toISOString(), '2030-01-11T01:00:00.000Z', '02:00 Danish winter time');
    assert.equal(await runner('worker-a').runScheduled(), 0, 'nothing is due yet');

    clock.set('2030-01-11T01:00:30Z');
    const [a, b] = await Promise.all([runner('worker-a').runScheduled(), runner('worker-b').runScheduled()]);
    assert.equal(a + b, 1);
    assert.deepEqual(await jobKeys(), ['nightly:2030-01-11T01:00:00.000Z']);
    const advanced = await schedule();
    assert.equal(advanced.next_run_at.toISOString(), '2030-01-12T01:00:00.000Z');
    assert.equal(advanced.last_run_at?.toISOString(), '2030-01-11T01:00:30.000Z');

    // A process that still saw the old slot (it read the row before the update) cannot enqueue it again.
    await database.db.updateTable('job_schedules').set({ next_run_at: new Date('2030-01-11T01:00:00Z') }).where('name', '=', 'nightly').execute();
    assert.equal(await runner('worker-c').runScheduled(), 0);
    assert.deepEqual(await jobKeys(), ['nightly:2030-01-11T01:00:00.000Z']);

    assert.equal(await runner('worker-a').runDueJobs(), 1, 'the enqueued job is due and runs');
  });

  it('runs slots missed while no process was running once, then carries on from now', async () => {
    await ensureSchedule(database.db, { name: 'nightly', cron: '0 2 * * *', jobType: 'record', payload: { n: 1 } }, clock);
    clock.set('2030-01-14T09:00:00Z');
    assert.equal(await runner('worker-a').runScheduled(), 1);
    assert.deepEqual(await jobKeys(), ['nightly:2030-01-11T01:00:00.000Z']);
    assert.equal((await schedule()).next_run_at.toISOString(), '2030-01-15T01:00:00.000Z');
  });

  it('keeps the next run when ensured again at boot, and recomputes it when the cron changes', async () => {
    await ensureSchedule(database.db, { name: 'nightly', cron: '0 2 * * *', jobType: 'record' }, clock);
    clock.advance(minutes(60 * 20)); // a restart after the slot was due: the slot must not be lost
    await ensureSchedule(database.db, { name: 'nightly', cron: '0 2 * * *', jobType: 'record' }, clock);
    assert.equal((await schedule()).next_run_at.toISOString(), '2030-01-11T01:00:00.000Z');
    await ensureSchedule(database.db, { name: 'nightly', cron: '0 4 * * *', jobType: 'record' }, clock);
    const changed = await schedule();
    assert.deepEqual([changed.cron, changed.next_run_at.toISOString()], ['0 4 * * *', '2030-01-12T03:00:00.000Z']);
  });

  it('refuses a schedule with an invalid cron, naming the field', async () => {
    await assert.rejects(ensureSchedule(database.db, { name: 'nightly', cron: '0 25 * * *', jobType: 'record' }, clock), /feltet time \("25"\)/);
  });
});

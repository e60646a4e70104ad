import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { loadConfig, type Config } from '../config.ts';
import { hours, ManualClock } from '../domain/clock.ts';
import { createMailer } from '../features/mail/mailer.ts';
import { silentLogger } from '../logger.ts';
import { createJobRegistry } from './definitions.ts';
import { ensureFoundationSchedules, foundationJobDefinitions, foundationSchedules } from './foundation-jobs.ts';
import { createJobRunner } from './runner.ts';

describe('foundation jobs and schedules', () => {
  let database: TestDatabase;
  let dataDir: string;
  let config: Config;
  const clock = new ManualClock('2030-03-05T12:00:00Z');

  before(async () => {
    database = await createTestDatabase({ reference: false });
    dataDir = await mkdtemp(join(tmpdir(), 'kp-foundation-'));
    config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  });
  after(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('defines sendMail and the three purges, each once, and a schedule for each purge', () => {
    const registry = createJobRegistry(foundationJobDefinitions);
    assert.deepEqual([...registry.keys()], ['sendMail', 'purgeMailLog', 'purgeLoginFailures', 'purgeFinishedJobs']);
    for (const schedule of foundationSchedules) assert.ok(registry.has(schedule.jobType), schedule.jobType);
  });

  it('ensures the schedules at boot, and the runner enqueues and runs them when they are due', async () => {
    await ensureFoundationSchedules(database.db, clock);
    await ensureFoundationSchedules(database.db, clock); // a second boot changes nothing
    const schedules = await database.db.selectFrom('job_schedules').select(['name', 'next_run_at']).orderBy('name').execute();
    assert.deepEqual(
      schedules.map((row) => [row.name, row.next_run_at.toISOString()]),
      [
        ['purgeFinishedJobs', '2030-03-06T02:45:00.000Z'], // 03:45 Danish winter time
        ['purgeLoginFailures', '2030-03-05T12:15:00.000Z'], // :15 past every hour (13:15 in Copenhagen)
        ['purgeMailLog', '2030-03-06T02:30:00.000Z'], // 03:30 Danish winter time
      ],
    );

    // Failed logins: one from 25 hours ago (past the 24-hour retention) and one from an hour ago.
    await database.db
      .insertInto('login_failures')
      .values([
        { email: 'gammel@example.dk', ip: '192.0.2.1', failed_at: new Date(clock.now().getTime() - hours(25)) },
        { email: 'ny@example.dk', ip: '192.0.2.2', failed_at: new Date(clock.now().getTime() - hours(1)) },
      ])
      .execute();

    clock.set('2030-03-06T03:00:00Z');
    const runner = createJobRunner({ database, definitions: foundationJobDefinitions, config, logger: silentLogger, clock, mailer: createMailer(config, silentLogger, clock) });
    assert.equal(await runner.runScheduled(), 3);
    assert.equal(await runner.runDueJobs(), 3);
    const jobs = await database.db.selectFrom('jobs').select(['type', 'status']).orderBy('type').execute();
    assert.deepEqual(jobs, [
      { type: 'purgeFinishedJobs', status: 'succeeded' },
      { type: 'purgeLoginFailures', status: 'succeeded' },
      { type: 'purgeMailLog', status: 'succeeded' },
    ]);
    const left = await database.db.selectFrom('login_failures').select('email').execute();
    assert.deepEqual(left, [{ email: 'ny@example.dk' }]);
  });

  it('deletes succeeded jobs after 30 days and failed ones after 90, and keeps the rest', async () => {
    const now = clock.now().getTime();
    const finished = (status: 'succeeded' | 'failed', ageDays: number) => ({
      type: `old-${status}-${ageDays}`,
      payload: '{}',
      status,
      finished_at: new Date(now - ageDays * 86_400_000),
    });
    await database.db
      .insertInto('jobs')
      .values([finished('succeeded', 31), finished('succeeded', 29), finished('failed', 91), finished('failed', 60)])
      .execute();
    await database.db.insertInto('jobs').values({ type: 'purgeFinishedJobs', payload: '{}', run_at: clock.now() }).execute();
    const runner = createJobRunner({ database, definitions: foundationJobDefinitions, config, logger: silentLogger, clock, mailer: createMailer(config, silentLogger, clock) });
    await runner.runDueJobs();
    const left = await database.db.selectFrom('jobs').select('type').where('type', 'like', 'old-%').orderBy('type').execute();
    assert.deepEqual(left.map((row) => row.type), ['old-failed-60', 'old-succeeded-29']);
  });
});

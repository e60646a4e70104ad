import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import type { Role, UserActor } from '../../domain/actor.ts';
import { ManualClock } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { ensureSchedule } from '../../jobs/runner.ts';
import { getJob, jobStatusCounts, listJobs, listRecentFailures, listSchedules, retryFailedJob } from './jobs.service.ts';

const actorWith = (...roles: Role[]): UserActor => ({
  kind: 'user',
  userId: randomUUID(),
  name: 'Test Testesen',
  organisationId: randomUUID(),
  organisationName: 'Erhvervshus Test',
  organisationKind: 'hub',
  regionCode: 1081,
  roles,
  locale: 'da',
});

const isAppError = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe('jobs admin service', () => {
  let database: TestDatabase;
  const admin = actorWith('admin');
  const clock = new ManualClock('2030-01-10T12:00:00Z');

  before(async () => (database = await createTestDatabase({ reference: false })));
  after(async () => database.drop());
  beforeEach(async () => {
    await database.db.deleteFrom('jobs').execute();
    await database.db.deleteFrom('job_schedules').execute();
  });

  /** A job in the given state, as the runner would have left it. */
  async function jobIn(status: 'queued' | 'running' | 'succeeded' | 'failed', type = 'sendMail', lastError: string | null = null) {
    const id = (await enqueueJob(database.db, type, { to: 'someone@example.dk' }, { runAt: clock.now() }))!;
    const finished = status === 'succeeded' || status === 'failed';
    await database.db
      .updateTable('jobs')
      .set({ status, attempts: status === 'queued' ? 0 : 5, last_error: lastError, finished_at: finished ? clock.now() : null })
      .where('id', '=', id)
      .execute();
    return id;
  }

  it('lists jobs newest first, filtered by status and type, with counts per status and the types', async () => {
    const mailQueued = await jobIn('queued');
    const mailFailed = await jobIn('failed', 'sendMail', 'Forbindelse afvist');
    const purgeDone = await jobIn('succeeded', 'purgeMailLog');

    const all = await listJobs(database.db, admin, {}, { page: 1, pageSize: 50 });
    assert.deepEqual(all.jobs.map((job) => job.id), [purgeDone, mailFailed, mailQueued]);
    assert.equal(all.total, 3);
    assert.deepEqual(all.counts, { queued: 1, running: 0, succeeded: 1, failed: 1 });
    assert.deepEqual(all.types, ['purgeMailLog', 'sendMail']);
    assert.equal('payload' in all.jobs[0]!, false, 'the overview does not carry payloads (addresses, links)');

    const failedMail = await listJobs(database.db, admin, { status: 'failed', type: 'sendMail' }, { page: 1, pageSize: 50 });
    assert.deepEqual(failedMail.jobs.map((job) => [job.id, job.lastError]), [[mailFailed, 'Forbindelse afvist']]);
    const secondPage = await listJobs(database.db, admin, {}, { page: 2, pageSize: 2 });
    assert.deepEqual([secondPage.jobs.map((job) => job.id), secondPage.total], [[mailQueued], 3]);
    assert.deepEqual(await jobStatusCounts(database.db, admin), all.counts);
  });

  it('lists recent failures with their error: jobs given up and jobs waiting to try again', async () => {
    await jobIn('succeeded');
    const waiting = await jobIn('queued', 'sendMail', 'Timeout');
    const dead = await jobIn('failed', 'sendMail', 'Mailserveren afviste mailen');
    const failures = await listRecentFailures(database.db, admin);
    assert.deepEqual(
      failures.map((job) => [job.id, job.status, job.lastError]).sort(),
      [
        [waiting, 'queued', 'Timeout'],
        [dead, 'failed', 'Mailserveren afviste mailen'],
      ].sort(),
    );
  });

  it('runs a failed job again with fresh attempts and records the retry in the audit log', async () => {
    const id = await jobIn('failed', 'sendMail', 'Forbindelse afvist');
    const retried = await retryFailedJob(database.db, admin, id, clock);
    assert.deepEqual([retried.status, retried.attempts, retried.lastError, retried.finishedAt], ['queued', 0, null, null]);
    assert.equal(retried.runAt.toISOString(), clock.now().toISOString());

    const audit = await database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'job').where('entity_id', '=', String(id)).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'update');
    assert.equal(audit[0]!.actor_user_id, admin.userId);
    assert.deepEqual(audit[0]!.before, { type: 'sendMail', status: 'failed', attempts: 5, lastError: 'Forbindelse afvist' });
    assert.doesNotMatch(JSON.stringify(audit[0]), /someone@example\.dk/, 'no payload in the audit log');
  });

  it('refuses to run a job again that has not failed, and answers not found for an unknown job', async () => {
    const id = await jobIn('succeeded');
    await assert.rejects(retryFailedJob(database.db, admin, id, clock), isAppError('conflict'));
    assert.equal((await getJob(database.db, admin, id)).status, 'succeeded');
    await assert.rejects(retryFailedJob(database.db, admin, 999_999, clock), isAppError('notFound'));
    await assert.rejects(getJob(database.db, admin, Number.NaN), isAppError('notFound'));
  });

  it('shows one job with its payload to an admin', async () => {
    const id = await jobIn('queued');
    const job = await getJob(database.db, admin, id);
    assert.deepEqual([job.id, job.type, job.payload], [id, 'sendMail', { to: 'someone@example.dk' }]);
  });

  it('lists the schedules with their next run', async () => {
    await ensureSchedule(database.db, { name: 'purgeMailLog', cron: '30 3 * * *', jobType: 'purgeMailLog' }, clock);
    assert.deepEqual(await listSchedules(database.db, admin), [
      { name: 'purgeMailLog', cron: '30 3 * * *', jobType: 'purgeMailLog', nextRunAt: new Date('2030-01-11T02:30:00Z'), lastRunAt: null },
    ]);
  });

  it('refuses everyone but administrators', async () => {
    const id = await jobIn('failed', 'sendMail', 'x');
    for (const actor of [actorWith('manager'), actorWith('adviser', 'kkr', 'viewer')]) {
      const forbidden = isAppError('forbidden');
      await assert.rejects(listJobs(database.db, actor, {}, { page: 1, pageSize: 10 }), forbidden);
      await assert.rejects(jobStatusCounts(database.db, actor), forbidden);
      await assert.rejects(listRecentFailures(database.db, actor), forbidden);
      await assert.rejects(getJob(database.db, actor, id), forbidden);
      await assert.rejects(retryFailedJob(database.db, actor, id, clock), forbidden);
      await assert.rejects(listSchedules(database.db, actor), forbidden);
    }
    assert.equal((await getJob(database.db, admin, id)).status, 'failed', 'nothing changed');
  });
});

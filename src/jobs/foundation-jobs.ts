// The jobs and schedules the foundation brings: sending mail and the retention purges. Boot registers
// the definitions with the runner and calls ensureFoundationSchedules once.
import { z } from 'zod';
import type { Executor } from '../db/database.ts';
import { days, hours, systemClock, type Clock } from '../domain/clock.ts';
import { purgeMailLogJob, sendMailJob } from '../features/mail/mail.service.ts';
import { defineJob, type JobDefinition } from './definitions.ts';
import { ensureSchedule, type ScheduleDefinition } from './runner.ts';

/**
 * Failed logins (e-mail and IP address) are needed only for throttling, which looks back 15 minutes;
 * they are personal data and are deleted after 24 hours (GDPR art. 5(1)(e), storage limitation).
 */
export const loginFailureRetention = hours(24);

export const purgeLoginFailuresJob = defineJob({
  type: 'purgeLoginFailures',
  payloadSchema: z.object({}),
  async handler(context) {
    const cutoff = new Date(context.clock.now().getTime() - loginFailureRetention);
    const result = await context.db.deleteFrom('login_failures').where('failed_at', '<', cutoff).executeTakeFirst();
    context.logger.info('Mislykkede logins er ryddet', { rows: Number(result.numDeletedRows) });
  },
});

/**
 * Finished jobs are history nobody reads after a while: succeeded jobs go after 30 days, failed ones
 * after 90 (long enough for an admin to see and retry them). Keeps the queue table small.
 */
export const finishedJobRetention = { succeeded: days(30), failed: days(90) };

export const purgeFinishedJobsJob = defineJob({
  type: 'purgeFinishedJobs',
  payloadSchema: z.object({}),
  async handler(context) {
    const now = context.clock.now().getTime();
    let rows = 0;
    for (const status of ['succeeded', 'failed'] as const) {
      const cutoff = new Date(now - finishedJobRetention[status]);
      const result = await context.db.deleteFrom('jobs').where('status', '=', status).where('finished_at', '<', cutoff).executeTakeFirst();
      rows += Number(result.numDeletedRows);
    }
    context.logger.info('Afsluttede job er ryddet', { rows });
  },
});

export const foundationJobDefinitions: readonly JobDefinition[] = [sendMailJob, purgeMailLogJob, purgeLoginFailuresJob, purgeFinishedJobsJob];

export const foundationSchedules: readonly ScheduleDefinition[] = [
  // Nightly at 03:30 Danish time, after the busy hours and clear of the 02:00–03:00 DST hour.
  { name: 'purgeMailLog', cron: '30 3 * * *', jobType: 'purgeMailLog' },
  // Hourly, so a failed login is gone at most an hour after its 24 hours are up.
  { name: 'purgeLoginFailures', cron: '15 * * * *', jobType: 'purgeLoginFailures' },
  { name: 'purgeFinishedJobs', cron: '45 3 * * *', jobType: 'purgeFinishedJobs' },
];

export async function ensureFoundationSchedules(db: Executor, clock: Clock = systemClock): Promise<void> {
  for (const schedule of foundationSchedules) await ensureSchedule(db, schedule, clock);
}

// The evaluation jobs (issue 6, decision 010): every hour `evaluation.invite` invites the contact
// persons of the hubs' courses that ended (after each hub's delay, on its weekday if it set one), and
// `evaluation.remind` sends the reminders that are due. Each works in batches, one transaction per
// batch: an invitation, its link and its mail are committed together; rows are claimed with
// `for update skip locked`, and unique constraints make a second runner's insert a no-op, so nothing
// is sent twice. Boot registers the definitions and calls ensureEvaluationSchedules.
import { z } from 'zod';
import type { Executor } from '../db/database.ts';
import { systemClock, type Clock } from '../domain/clock.ts';
import { inviteEndedCourses, sendDueReminders } from '../features/evaluation/invitations.service.ts';
import { defineJob, type JobDefinition } from './definitions.ts';
import { ensureSchedule, type ScheduleDefinition } from './runner.ts';

export const INVITE_JOB = 'evaluation.invite';
export const REMIND_JOB = 'evaluation.remind';
const batchSize = 100;

export const inviteJob = defineJob({
  type: INVITE_JOB,
  payloadSchema: z.object({}),
  async handler(context) {
    const deps = { config: context.config, clock: context.clock };
    let total = 0;
    for (;;) {
      const invited = await context.db.transaction().execute((trx) => inviteEndedCourses(trx, deps, batchSize));
      total += invited.length;
      // A short batch is the last (a course skipped for a malformed address waits for the next run).
      if (invited.length < batchSize) break;
    }
    context.logger.info('Invitationer til brugerevalueringen er sendt', { invited: total });
  },
});

export const remindJob = defineJob({
  type: REMIND_JOB,
  payloadSchema: z.object({}),
  async handler(context) {
    const deps = { config: context.config, clock: context.clock };
    let total = 0;
    for (;;) {
      const reminded = await context.db.transaction().execute((trx) => sendDueReminders(trx, deps, batchSize));
      total += reminded.length;
      if (reminded.length < batchSize) break;
    }
    context.logger.info('Påmindelser om brugerevalueringen er sendt', { reminded: total });
  },
});

export const evaluationJobDefinitions: readonly JobDefinition[] = [inviteJob, remindJob];

export const evaluationSchedules: readonly ScheduleDefinition[] = [
  // Hourly: an invitation goes out within the hour its course becomes due; reminders at half past.
  { name: INVITE_JOB, cron: '5 * * * *', jobType: INVITE_JOB },
  { name: REMIND_JOB, cron: '35 * * * *', jobType: REMIND_JOB },
];

export async function ensureEvaluationSchedules(db: Executor, clock: Clock = systemClock): Promise<void> {
  for (const schedule of evaluationSchedules) await ensureSchedule(db, schedule, clock);
}

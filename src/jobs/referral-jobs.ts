// The referral jobs (issue 5): every 15 minutes `referrals.flagOverdue` flags the referrals still
// waiting for first contact (sent or received) past their service-goal deadline, once each, and
// tells the receiving organisation and the sending adviser; `notifications.email` turns a
// notification into an e-mail. Boot registers the definitions and calls ensureReferralSchedules.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Executor } from '../db/database.ts';
import { systemClock, type Clock } from '../domain/clock.ts';
import { notificationEmailJob, notifyReferral } from '../features/notifications/notifications.service.ts';
import { findReferral } from '../features/referrals/referrals.repository.ts';
import { defineJob, type JobDefinition } from './definitions.ts';
import { ensureSchedule, type ScheduleDefinition } from './runner.ts';

export const FLAG_OVERDUE_JOB = 'referrals.flagOverdue';
const batchSize = 200;

/**
 * Flags up to `limit` overdue referrals at `now` and notifies about each, in the caller's transaction.
 * Rows another runner holds are skipped (`for update skip locked`), and `overdue_at is null` is
 * checked again by the update itself, so two runners never flag — or notify about — one referral twice.
 * The deadline is the domain's: overdue from the instant created_at + service_goal_hours is reached.
 */
export async function flagOverdueReferrals(db: Executor, clock: Clock, limit = batchSize): Promise<string[]> {
  const now = clock.now();
  const flagged = await db
    .updateTable('referrals')
    .set({ overdue_at: now })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('referrals')
        .select('id')
        .where('overdue_at', 'is', null)
        .where('state', 'in', ['sent', 'received'])
        .where('contacted_at', 'is', null)
        .where(sql<boolean>`created_at + service_goal_hours * interval '1 hour' <= ${now}`)
        .orderBy('created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .where('overdue_at', 'is', null)
    .returning('id')
    .execute();
  for (const { id } of flagged) {
    const referral = await findReferral(db, 'all', id);
    if (referral) await notifyReferral(db, clock, { kind: 'overdue', referral });
  }
  return flagged.map((row) => row.id);
}

export const flagOverdueReferralsJob = defineJob({
  type: FLAG_OVERDUE_JOB,
  payloadSchema: z.object({}),
  async handler(context) {
    let total = 0;
    // One transaction per batch: a flag and its notifications are committed together.
    for (;;) {
      const flagged = await context.db.transaction().execute((trx) => flagOverdueReferrals(trx, context.clock));
      total += flagged.length;
      if (flagged.length < batchSize) break;
    }
    context.logger.info('Henvisninger over servicemålet er markeret', { flagged: total });
  },
});

export const referralJobDefinitions: readonly JobDefinition[] = [flagOverdueReferralsJob, notificationEmailJob];

export const referralSchedules: readonly ScheduleDefinition[] = [
  // Every quarter of an hour: an overdue referral is flagged at most 15 minutes after its deadline.
  { name: FLAG_OVERDUE_JOB, cron: '*/15 * * * *', jobType: FLAG_OVERDUE_JOB },
];

export async function ensureReferralSchedules(db: Executor, clock: Clock = systemClock): Promise<void> {
  for (const schedule of referralSchedules) await ensureSchedule(db, schedule, clock);
}

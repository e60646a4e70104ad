// The referral service goal (02-crm.md): first contact within a number of calendar hours of the
// referral being sent (default 48; each receiving organisation sets its own, and a referral keeps the
// goal it was sent with). Calendar hours: weekends and holidays count.
import type { ReferralState } from './referral-states.ts';

export const DEFAULT_SERVICE_GOAL_HOURS = 48;
const HOUR = 3_600_000;

export interface ServiceGoalSubject {
  createdAt: Date;
  serviceGoalHours: number;
  contactedAt: Date | null;
  state: ReferralState;
}

/** The instant first contact is due: `createdAt + hours`. */
export function serviceGoalDeadline(createdAt: Date, hours: number): Date {
  return new Date(createdAt.getTime() + hours * HOUR);
}

export type ServiceGoalStatus =
  /** Contacted; `met` tells whether it was within the goal. */
  | { kind: 'contacted'; deadline: Date; met: boolean; hoursToContact: number }
  /** Waiting for first contact, `msLeft` until the deadline (> 0). */
  | { kind: 'awaiting'; deadline: Date; msLeft: number }
  /** Waiting for first contact past the deadline. */
  | { kind: 'overdue'; deadline: Date; msOver: number }
  /** Rejected or withdrawn before contact: the goal no longer applies. */
  | { kind: 'none'; deadline: Date };

/** Where a referral stands against its service goal at `now`. */
export function serviceGoalStatus(referral: ServiceGoalSubject, now: Date): ServiceGoalStatus {
  const deadline = serviceGoalDeadline(referral.createdAt, referral.serviceGoalHours);
  if (referral.contactedAt) {
    return { kind: 'contacted', deadline, met: referral.contactedAt.getTime() <= deadline.getTime(), hoursToContact: (referral.contactedAt.getTime() - referral.createdAt.getTime()) / HOUR };
  }
  if (referral.state !== 'sent' && referral.state !== 'received') return { kind: 'none', deadline };
  const msLeft = deadline.getTime() - now.getTime();
  return msLeft > 0 ? { kind: 'awaiting', deadline, msLeft } : { kind: 'overdue', deadline, msOver: -msLeft };
}

/** "1 d 3 t" / "5 t 20 min" / "12 min": a duration for people, in Danish or English. */
export function formatDuration(ms: number, locale: 'da' | 'en' = 'da'): string {
  const totalMinutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const [d, h] = locale === 'en' ? ['d', 'h'] : ['d', 't'];
  if (days > 0) return `${days} ${d} ${hours} ${h}`;
  if (hours > 0) return `${hours} ${h} ${minutes} min`;
  return `${minutes} min`;
}

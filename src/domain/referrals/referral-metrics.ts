// Referral metrics (02-crm.md): per receiver, sender and month — the share contacted within the service
// goal, the median time to first contact and the outcome distribution, each with the number it rests on.
//
// Which referrals count where:
// - `n`: every referral in the group (any state).
// - within goal: the referrals whose goal is decided at `now` — contacted, or still uncontacted past
//   the deadline; rejected and withdrawn referrals without contact never needed contact and are left out.
// - median hours to first contact: the contacted referrals.
// - outcomes: the closed referrals.
// The month is the Danish (Europe/Copenhagen) calendar month the referral was sent in.
import { referralOutcomes, type ReferralOutcome, type ReferralState } from './referral-states.ts';
import { serviceGoalStatus } from './service-goal.ts';

export interface MetricsReferral {
  fromOrganisationId: string;
  fromOrganisationName: string;
  toOrganisationId: string;
  toOrganisationName: string;
  createdAt: Date;
  serviceGoalHours: number;
  contactedAt: Date | null;
  state: ReferralState;
  outcome: ReferralOutcome | null;
}

export interface ReferralMetrics {
  key: string;
  label: string;
  n: number;
  withinGoal: { n: number; met: number; share: number | null };
  medianHoursToContact: { n: number; hours: number | null };
  outcomes: { n: number } & Record<ReferralOutcome, number>;
}

export type MetricsGrouping = 'receiver' | 'sender' | 'month';

const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit' });

/** The Danish calendar month of an instant, `YYYY-MM`. */
export function copenhagenMonth(at: Date): string {
  const parts = Object.fromEntries(monthFormat.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}`;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The metrics of one set of referrals. */
export function referralMetrics(referrals: MetricsReferral[], now: Date, key = 'all', label = key): ReferralMetrics {
  let decided = 0;
  let met = 0;
  const hoursToContact: number[] = [];
  const outcomes = { n: 0, used: 0, notUsed: 0, notRelevant: 0 };
  for (const referral of referrals) {
    const status = serviceGoalStatus(referral, now);
    if (status.kind === 'contacted') {
      decided += 1;
      if (status.met) met += 1;
      hoursToContact.push(status.hoursToContact);
    } else if (status.kind === 'overdue') decided += 1;
    if (referral.state === 'closed' && referral.outcome) {
      outcomes.n += 1;
      outcomes[referral.outcome] += 1;
    }
  }
  return {
    key,
    label,
    n: referrals.length,
    withinGoal: { n: decided, met, share: decided === 0 ? null : met / decided },
    medianHoursToContact: { n: hoursToContact.length, hours: median(hoursToContact) },
    outcomes,
  };
}

/** The metrics grouped by receiver, sender or Danish month; groups sorted by label (months newest first). */
export function groupedReferralMetrics(referrals: MetricsReferral[], grouping: MetricsGrouping, now: Date): ReferralMetrics[] {
  const groups = new Map<string, { label: string; items: MetricsReferral[] }>();
  for (const referral of referrals) {
    const [key, label] =
      grouping === 'receiver'
        ? [referral.toOrganisationId, referral.toOrganisationName]
        : grouping === 'sender'
          ? [referral.fromOrganisationId, referral.fromOrganisationName]
          : [copenhagenMonth(referral.createdAt), copenhagenMonth(referral.createdAt)];
    const group = groups.get(key) ?? { label, items: [] };
    group.items.push(referral);
    groups.set(key, group);
  }
  const result = [...groups].map(([key, group]) => referralMetrics(group.items, now, key, group.label));
  return grouping === 'month' ? result.sort((a, b) => b.key.localeCompare(a.key)) : result.sort((a, b) => a.label.localeCompare(b.label, 'da'));
}

export const outcomeKeys = referralOutcomes;

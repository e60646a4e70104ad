// The referral state machine, the service goal and the metrics (02-crm.md, "Referrals").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hours, minutes } from '../clock.ts';
import { copenhagenMonth, groupedReferralMetrics, median, referralMetrics, type MetricsReferral } from './referral-metrics.ts';
import { availableTransitions, checkTransition, referralStates, type ReferralSide, type ReferralState } from './referral-states.ts';
import { formatDuration, serviceGoalDeadline, serviceGoalStatus } from './service-goal.ts';

// Every allowed transition: [from, to, side]. Everything else is refused.
const allowed: [ReferralState, ReferralState, ReferralSide][] = [
  ['sent', 'received', 'receiver'],
  ['received', 'contacted', 'receiver'],
  ['contacted', 'inProgress', 'receiver'],
  ['contacted', 'closed', 'receiver'],
  ['inProgress', 'closed', 'receiver'],
  ['sent', 'rejected', 'receiver'],
  ['received', 'rejected', 'receiver'],
  ['sent', 'withdrawn', 'sender'],
  ['received', 'withdrawn', 'sender'],
  ['contacted', 'withdrawn', 'sender'],
  ['inProgress', 'withdrawn', 'sender'],
];
const details = { outcome: 'used', reason: 'Uden for vores målgruppe' };

describe('referral state machine', () => {
  for (const from of referralStates) {
    for (const to of referralStates) {
      for (const side of ['receiver', 'sender'] as const) {
        const expected = allowed.some(([f, t, s]) => f === from && t === to && s === side);
        it(`${expected ? 'allows' : 'refuses'} ${from} → ${to} by the ${side}`, () => {
          const result = checkTransition(from, to, side, details);
          assert.equal(result.ok, expected);
          if (!result.ok) assert.match(result.message, /henvisning|organisation/);
        });
      }
    }
  }

  it('names both states when a transition does not exist', () => {
    assert.deepEqual(checkTransition('closed', 'contacted', 'receiver', details), {
      ok: false,
      field: 'to',
      message: 'En henvisning med status "afsluttet" kan ikke ændres til "kontaktet".',
      en: 'A referral that is "closed" cannot become "contacted".',
    });
  });

  it('lets only the sender withdraw and only the receiver make contact', () => {
    const withdraw = checkTransition('received', 'withdrawn', 'receiver');
    assert.equal(withdraw.ok === false && withdraw.message, 'Kun den henvisende organisation kan ændre status til "trukket tilbage".');
    const contact = checkTransition('received', 'contacted', 'sender');
    assert.equal(contact.ok === false && contact.message, 'Kun den modtagende organisation kan ændre status til "kontaktet".');
  });

  it('needs an outcome to close and a reason to reject', () => {
    const noOutcome = checkTransition('contacted', 'closed', 'receiver', {});
    assert.equal(noOutcome.ok === false && noOutcome.field, 'outcome');
    const badOutcome = checkTransition('contacted', 'closed', 'receiver', { outcome: 'maybe' });
    assert.match(badOutcome.ok === false ? badOutcome.message : '', /"maybe" er ikke et udfald/);
    for (const outcome of ['used', 'notUsed', 'notRelevant']) assert.equal(checkTransition('inProgress', 'closed', 'receiver', { outcome }).ok, true);
    const noReason = checkTransition('received', 'rejected', 'receiver', { reason: '  ' });
    assert.equal(noReason.ok === false && noReason.field, 'reason');
  });

  it('lists the transitions each side may make', () => {
    assert.deepEqual(availableTransitions('sent', 'receiver'), ['received', 'rejected']);
    assert.deepEqual(availableTransitions('received', 'receiver'), ['contacted', 'rejected']);
    assert.deepEqual(availableTransitions('contacted', 'receiver'), ['inProgress', 'closed']);
    assert.deepEqual(availableTransitions('inProgress', 'sender'), ['withdrawn']);
    assert.deepEqual(availableTransitions('closed', 'sender'), []);
    assert.deepEqual(availableTransitions('rejected', 'receiver'), []);
  });
});

describe('referral service goal', () => {
  const createdAt = new Date('2026-03-27T10:00:00Z'); // a Friday; the goal runs over the weekend and the DST change
  it('counts calendar hours from the time sent', () => {
    assert.equal(serviceGoalDeadline(createdAt, 48).toISOString(), '2026-03-29T10:00:00.000Z');
    assert.equal(serviceGoalDeadline(createdAt, 24).toISOString(), '2026-03-28T10:00:00.000Z');
  });

  it('tells time left, overdue, met and missed', () => {
    const waiting = { createdAt, serviceGoalHours: 48, contactedAt: null, state: 'received' as const };
    assert.deepEqual(serviceGoalStatus(waiting, new Date(createdAt.getTime() + hours(47))), { kind: 'awaiting', deadline: new Date('2026-03-29T10:00:00Z'), msLeft: hours(1) });
    assert.equal(serviceGoalStatus(waiting, new Date(createdAt.getTime() + hours(48))).kind, 'overdue');
    const late = serviceGoalStatus(waiting, new Date(createdAt.getTime() + hours(50)));
    assert.equal(late.kind === 'overdue' && late.msOver, hours(2));
    const met = serviceGoalStatus({ ...waiting, state: 'contacted', contactedAt: new Date(createdAt.getTime() + hours(48)) }, new Date('2030-01-01'));
    assert.deepEqual(met, { kind: 'contacted', deadline: new Date('2026-03-29T10:00:00Z'), met: true, hoursToContact: 48 });
    const missed = serviceGoalStatus({ ...waiting, state: 'closed', contactedAt: new Date(createdAt.getTime() + hours(48) + minutes(1)) }, new Date('2030-01-01'));
    assert.equal(missed.kind === 'contacted' && missed.met, false);
    assert.equal(serviceGoalStatus({ ...waiting, state: 'withdrawn' }, new Date('2030-01-01')).kind, 'none');
  });

  it('formats durations for people', () => {
    assert.equal(formatDuration(hours(27) + minutes(5)), '1 d 3 t');
    assert.equal(formatDuration(hours(5) + minutes(20)), '5 t 20 min');
    assert.equal(formatDuration(minutes(12), 'en'), '12 min');
  });
});

describe('referral metrics', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const base = { fromOrganisationId: 'a', fromOrganisationName: 'Erhvervsservice Aalborg', toOrganisationId: 'h', toOrganisationName: 'Erhvervshus Nordjylland', serviceGoalHours: 48, outcome: null };
  const at = (iso: string) => new Date(iso);
  const after = (start: string, h: number) => new Date(Date.parse(start) + hours(h));
  const referrals: MetricsReferral[] = [
    { ...base, createdAt: at('2026-04-30T22:30:00Z'), contactedAt: after('2026-04-30T22:30:00Z', 10), state: 'closed', outcome: 'used' }, // 1 May in Denmark
    { ...base, createdAt: at('2026-05-04T08:00:00Z'), contactedAt: after('2026-05-04T08:00:00Z', 60), state: 'closed', outcome: 'notUsed' },
    { ...base, createdAt: at('2026-05-10T08:00:00Z'), contactedAt: after('2026-05-10T08:00:00Z', 20), state: 'inProgress' },
    { ...base, createdAt: at('2026-05-20T08:00:00Z'), contactedAt: null, state: 'received' }, // overdue at now
    { ...base, createdAt: at('2026-05-31T08:00:00Z'), contactedAt: null, state: 'sent' }, // still within the goal
    { ...base, createdAt: at('2026-05-12T08:00:00Z'), contactedAt: null, state: 'withdrawn' },
    { ...base, fromOrganisationId: 'h', fromOrganisationName: 'Erhvervshus Nordjylland', toOrganisationId: 'e', toOrganisationName: 'Eksportrådet', createdAt: at('2026-04-02T08:00:00Z'), contactedAt: after('2026-04-02T08:00:00Z', 30), state: 'closed', outcome: 'notRelevant' },
  ];

  it('computes the share within the goal, the median time to contact and the outcomes, each with n', () => {
    const all = referralMetrics(referrals, now);
    assert.equal(all.n, 7);
    assert.deepEqual(all.withinGoal, { n: 5, met: 3, share: 3 / 5 });
    assert.deepEqual(all.medianHoursToContact, { n: 4, hours: 25 });
    assert.deepEqual(all.outcomes, { n: 3, used: 1, notUsed: 1, notRelevant: 1 });
  });

  it('groups by receiver, sender and Danish month', () => {
    const byReceiver = groupedReferralMetrics(referrals, 'receiver', now);
    assert.deepEqual(byReceiver.map((g) => [g.label, g.n]), [['Eksportrådet', 1], ['Erhvervshus Nordjylland', 6]]);
    const bySender = groupedReferralMetrics(referrals, 'sender', now);
    assert.deepEqual(bySender.map((g) => [g.label, g.n, g.withinGoal.share]), [['Erhvervshus Nordjylland', 1, 1], ['Erhvervsservice Aalborg', 6, 2 / 4]]);
    const byMonth = groupedReferralMetrics(referrals, 'month', now);
    assert.deepEqual(byMonth.map((g) => [g.key, g.n]), [['2026-05', 6], ['2026-04', 1]]);
  });

  it('has no share or median without data, and a middle value for odd counts', () => {
    const empty = referralMetrics([], now);
    assert.deepEqual([empty.withinGoal.share, empty.medianHoursToContact.hours], [null, null]);
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(copenhagenMonth(new Date('2026-12-31T23:30:00Z')), '2027-01');
  });
});

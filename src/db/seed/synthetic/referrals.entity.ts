// Referrals ("henvisninger", 02-crm.md; migration 20261123000000_referrals.sql) with their history:
// local offices refer companies to their hub, to external partners and to each other; hubs refer to
// partners, to local offices and to other hubs. Each referral walks the state machine of
// src/domain/referrals/referral-states.ts — sent → received → contacted → (inProgress →) closed with an
// outcome, or rejected, or withdrawn — one referral_events row per step, and stops where the data set's
// today falls, so recent referrals are still open and old ones mostly done. Some first contacts come
// after the 48-hour service goal; those are flagged overdue (overdue_at) as the overdue job would have
// flagged them, so a server started on the data set does not flag years-old referrals. The company is
// shared with the sender's and the receiver's regions.
import { referralTransitions, type ReferralOutcome, type ReferralState } from '../../../domain/referrals/referral-states.ts';
import { TODAY, isoDay, nearbyCompany, shareWithRegion, type OrganisationInfo, type SyntheticEntity } from './context.ts';
import { mulberry32, seededUuid, weightedIndex, type Random } from './random.ts';
import { populationThousands } from './vocabulary.ts';

const HOUR = 3_600_000;
const SERVICE_GOAL_HOURS = 48; // the column's default: no synthetic organisation changes it
const NOW = Date.parse(`${isoDay(TODAY)}T00:00:00Z`);

const THEMES = [
  'Eksport til Tyskland', 'Finansiering af vækstplan', 'Generationsskifte', 'Grøn omstilling og energi', 'Rekruttering af faglærte',
  'Digitalisering af produktionen', 'Patentering og IP', 'Investorparathed', 'Salg og markedsføring online', 'Nye markeder i Norden',
];
const NOTES = ['Ejeren ønsker kontakt i denne uge.', 'Har talt med virksomheden om jeres tilbud.', 'Se vores besøgsnotat.', 'Virksomheden foretrækker telefon.'];
const REJECTIONS = ['Uden for vores målgruppe.', 'Virksomheden er allerede i forløb hos os.', 'Henvis til den lokale erhvervsservice i stedet.'];
const OUTCOMES: readonly (readonly [ReferralOutcome, number])[] = [['used', 55], ['notUsed', 25], ['notRelevant', 20]];
/** Where a referral ends, when time allows: [final state, weight]. */
const ENDINGS: readonly (readonly [ReferralState, number])[] = [['closed', 80], ['rejected', 8], ['withdrawn', 5], ['inProgress', 7]];

export const referralColumns = [
  'id', 'kind', 'from_organisation_id', 'from_user_id', 'to_organisation_id', 'receiver_user_id', 'company_id', 'region_code', 'theme',
  'note', 'state', 'outcome', 'rejection_reason', 'service_goal_hours', 'created_at', 'received_at', 'contacted_at', 'closed_at', 'overdue_at',
  'is_demo',
] as const;
export const referralEventColumns = ['referral_id', 'from_state', 'to_state', 'at', 'by_user_id', 'by_name', 'note'] as const;

/** The steps from 'sent' to `ending` (each a legal transition of referralTransitions). */
function path(ending: ReferralState, random: Random): ReferralState[] {
  const full: ReferralState[] = ['received', 'contacted', ...(random.chance(0.7) ? (['inProgress'] as const) : []), 'closed'];
  if (ending === 'closed') return full;
  if (ending === 'inProgress') return ['received', 'contacted', 'inProgress'];
  if (ending === 'rejected') return random.chance(0.6) ? ['received', 'rejected'] : ['rejected'];
  // withdrawn: from any open state
  const before = full.slice(0, random.int(full.length));
  return [...before.filter((s) => s !== 'closed'), 'withdrawn'];
}

/** Hours after the previous step. */
function delay(state: ReferralState, random: Random): number {
  if (state === 'received') return 1 + random.int(8);
  if (state === 'contacted') return random.chance(0.15) ? 40 + random.int(80) : 1 + random.int(36); // about one in seven after the 48-hour goal
  if (state === 'inProgress') return 24 * (1 + random.int(14));
  if (state === 'closed') return 24 * (7 + random.int(120));
  if (state === 'rejected') return 1 + random.int(36);
  return 1 + random.int(24 * 10); // withdrawn
}

export const referralsEntity: SyntheticEntity = {
  name: 'henvisninger',
  tables(context) {
    const random = mulberry32(context.seed ^ 0x4ef3a1);
    const events: (readonly unknown[])[] = [];
    function* referrals() {
      const { organisations, advisers, userNames, companies } = context;
      const hubs = organisations.filter((o) => o.kind === 'hub');
      const offices = organisations.filter((o) => o.kind === 'localOffice');
      const externals = organisations.filter((o) => o.kind === 'external');
      const hubOfRegion = (region: number | null) => hubs.filter((h) => h.regionCode === region);
      const drawOffice = weightedIndex(offices.map((o) => populationThousands[o.municipalityCode ?? ''] ?? 10));
      const drawEnding = weightedIndex(ENDINGS.map(([, weight]) => weight));
      const drawOutcome = weightedIndex(OUTCOMES.map(([, weight]) => weight));
      const adviserOf = (o: OrganisationInfo) => {
        const list = advisers.get(o.id) ?? [];
        return list.length > 0 ? random.pick(list) : null;
      };
      for (let i = 0; i < context.counts.referrals; i++) {
        const fromOffice = random.chance(0.65);
        const from = fromOffice ? offices[drawOffice(random)] : random.pick(hubs);
        if (!from) throw new Error('no organisations');
        const roll = random.next();
        let to: OrganisationInfo | undefined;
        if (fromOffice) {
          const ownHubs = hubOfRegion(from.regionCode);
          to = roll < 0.6 && ownHubs.length > 0 ? random.pick(ownHubs) : roll < 0.85 ? random.pick(externals) : random.pick(offices.filter((o) => o.regionCode === from.regionCode && o.id !== from.id));
        } else {
          to = roll < 0.5 ? random.pick(externals) : roll < 0.8 ? random.pick(offices.filter((o) => o.regionCode === from.regionCode)) : random.pick(hubs.filter((h) => h.id !== from.id));
        }
        const companyIndex = nearbyCompany(context, from, random);
        shareWithRegion(context, companyIndex, from.regionCode);
        shareWithRegion(context, companyIndex, to.regionCode);
        const id = seededUuid(random);
        const sender = adviserOf(from);
        const receiver = adviserOf(to);
        // One in twenty sent in the last month (the platform is in growing use), so inboxes have open referrals.
        const createdAt = NOW - (1 + random.int((random.chance(0.05) ? 30 : TODAY) * 24 - 1)) * HOUR;
        const steps = path(ENDINGS[drawEnding(random)]?.[0] ?? 'closed', random);
        let state: ReferralState = 'sent';
        let at = createdAt;
        const times: Partial<Record<ReferralState, number>> = {};
        const stepNotes: (string | null)[] = [];
        events.push([id, null, 'sent', new Date(createdAt), sender, sender ? (userNames.get(sender) ?? from.name) : from.name, null]);
        for (const step of steps) {
          const next = at + delay(step, random) * HOUR;
          if (next >= NOW) break; // the data set's today: the referral is still where it got to
          if (!referralTransitions[step as Exclude<ReferralState, 'sent'>].from.includes(state)) throw new Error(`illegal transition ${state} → ${step}`);
          const bySender = referralTransitions[step as Exclude<ReferralState, 'sent'>].by === 'sender';
          const by = bySender ? sender : receiver;
          const note = step === 'rejected' ? random.pick(REJECTIONS) : null;
          events.push([id, state, step, new Date(next), by, by ? (userNames.get(by) ?? '') : (bySender ? from : to).name, note]);
          stepNotes.push(note);
          times[step] = next;
          state = step;
          at = next;
        }
        const closedAt = times.closed ?? times.rejected ?? times.withdrawn ?? null;
        // Flagged as the overdue job (src/jobs/referral-jobs.ts) would have: still waiting for first
        // contact when the service goal's deadline passed, before the data set's today.
        const deadline = createdAt + SERVICE_GOAL_HOURS * HOUR;
        const stoppedWaiting = times.contacted ?? times.rejected ?? times.withdrawn ?? null;
        const overdueAt = deadline <= NOW && (stoppedWaiting === null || stoppedWaiting > deadline) ? new Date(deadline) : null;
        yield [
          id, random.chance(0.1) ? 'lead' : 'referral', from.id, sender, to.id, times.received !== undefined || times.contacted !== undefined ? receiver : null,
          companies.ids[companyIndex] ?? '', from.regionCode, random.pick(THEMES), random.chance(0.5) ? random.pick(NOTES) : null, state,
          state === 'closed' ? (OUTCOMES[drawOutcome(random)]?.[0] ?? 'used') : null, state === 'rejected' ? (stepNotes.at(-1) ?? REJECTIONS[0]!) : null,
          SERVICE_GOAL_HOURS, new Date(createdAt), times.received === undefined ? null : new Date(times.received),
          times.contacted === undefined ? null : new Date(times.contacted), closedAt === null ? null : new Date(closedAt), overdueAt, true,
        ];
      }
    }
    return [
      { table: 'referrals', columns: referralColumns, rows: referrals() },
      { table: 'referral_events', columns: referralEventColumns, rows: events as (readonly (string | Date | null)[])[] },
    ];
  },
};

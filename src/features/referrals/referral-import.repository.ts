// The lookups and writes of the referrals import (referral-import.service.ts).
import type { Executor } from '../../db/database.ts';
import type { ReferralKind, ReferralOutcome, ReferralState } from '../../domain/referrals/referral-states.ts';

/** Every organisation with its kind, region (as findReferralOrganisation) and current service goal. */
export async function findImportOrganisations(db: Executor) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('business_hubs as h', 'h.id', 'o.business_hub_id')
    .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
    .leftJoin('kkrs as k', 'k.id', 'o.kkr_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.referral_service_goal_hours'])
    .select((eb) => eb.fn.coalesce('h.region_code', 'm.region_code', 'k.region_code').as('region_code'))
    .execute();
}

export function findReferralBySourceId(db: Executor, sourceId: string) {
  return db.selectFrom('referrals').selectAll().where('source_id', '=', sourceId).executeTakeFirst();
}

export interface ImportedReferralValues {
  sourceId: string;
  kind: ReferralKind;
  fromOrganisationId: string;
  toOrganisationId: string;
  companyId: string;
  regionCode: number | null;
  theme: string;
  note: string | null;
  state: ReferralState;
  outcome: ReferralOutcome | null;
  rejectionReason: string | null;
  serviceGoalHours: number;
  createdAt: Date;
  receivedAt: Date | null;
  contactedAt: Date | null;
  closedAt: Date | null;
}

const columns = (v: ImportedReferralValues) => ({
  source_id: v.sourceId,
  kind: v.kind,
  from_organisation_id: v.fromOrganisationId,
  to_organisation_id: v.toOrganisationId,
  company_id: v.companyId,
  region_code: v.regionCode,
  theme: v.theme,
  note: v.note,
  state: v.state,
  outcome: v.outcome,
  rejection_reason: v.rejectionReason,
  service_goal_hours: v.serviceGoalHours,
  created_at: v.createdAt,
  received_at: v.receivedAt,
  contacted_at: v.contactedAt,
  closed_at: v.closedAt,
});

export async function insertImportedReferral(db: Executor, values: ImportedReferralValues): Promise<string> {
  const row = await db.insertInto('referrals').values({ ...columns(values), from_user_id: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateImportedReferral(db: Executor, id: string, values: ImportedReferralValues): Promise<void> {
  await db.updateTable('referrals').set(columns(values)).where('id', '=', id).execute();
}

/** The history of an imported referral, rebuilt from its times (no users: the organisations' names). */
export async function replaceReferralEvents(db: Executor, referralId: string, events: { fromState: ReferralState | null; toState: ReferralState; at: Date; byName: string; note: string | null }[]): Promise<void> {
  await db.deleteFrom('referral_events').where('referral_id', '=', referralId).execute();
  if (events.length === 0) return;
  await db
    .insertInto('referral_events')
    .values(events.map((e) => ({ referral_id: referralId, from_state: e.fromState, to_state: e.toState, at: e.at, by_user_id: null, by_name: e.byName, note: e.note })))
    .execute();
}

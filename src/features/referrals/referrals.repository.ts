import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ReferralOutcome, ReferralState } from '../../domain/referrals/referral-states.ts';
import { isUuid } from '../validation.ts';
import type { Referral, ReferralEvent, ReferralInput } from './referrals.schema.ts';

/** Who reads: their organisation, region, and whether they administer the region. `all` for the system. */
export type ReferralReader = { organisationId: string; regionCode: number | null; regionAdmin: boolean } | 'all';

function referralQuery(db: Executor) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('companies as c', 'c.id', 'r.company_id')
    .innerJoin('organisations as fo', 'fo.id', 'r.from_organisation_id')
    .innerJoin('organisations as tor', 'tor.id', 'r.to_organisation_id')
    .leftJoin('users as fu', 'fu.id', 'r.from_user_id')
    .leftJoin('users as ru', 'ru.id', 'r.receiver_user_id')
    .leftJoin('contact_persons as cp', 'cp.id', 'r.contact_person_id')
    .selectAll('r')
    .select([
      'c.name as company_name',
      'c.cvr as company_cvr',
      'fo.name as from_organisation_name',
      'tor.name as to_organisation_name',
      'tor.kind as to_organisation_kind',
      'fu.name as from_user_name',
      'ru.name as receiver_user_name',
      'cp.name as contact_person_name',
    ]);
}

type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralQuery>['executeTakeFirstOrThrow']>>;

/** Free text (note, reason) is seen by the two organisations, the region's admins and the system. */
function detailsVisibleTo(reader: ReferralReader, row: Pick<ReferralRow, 'from_organisation_id' | 'to_organisation_id' | 'region_code'>): boolean {
  if (reader === 'all') return true;
  return reader.organisationId === row.from_organisation_id || reader.organisationId === row.to_organisation_id || (reader.regionAdmin && reader.regionCode !== null && reader.regionCode === row.region_code);
}

function toReferral(row: ReferralRow, reader: ReferralReader): Referral {
  const visible = detailsVisibleTo(reader, row);
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    outcome: row.outcome,
    companyId: row.company_id,
    companyName: row.company_name,
    companyCvr: row.company_cvr,
    fromOrganisationId: row.from_organisation_id,
    fromOrganisationName: row.from_organisation_name,
    fromUserId: row.from_user_id,
    fromUserName: row.from_user_name,
    toOrganisationId: row.to_organisation_id,
    toOrganisationName: row.to_organisation_name,
    toOrganisationKind: row.to_organisation_kind,
    receiverUserId: row.receiver_user_id,
    receiverUserName: row.receiver_user_name,
    contactPersonName: visible ? row.contact_person_name : null,
    courseId: row.course_id,
    regionCode: row.region_code,
    theme: row.theme,
    note: visible ? row.note : null,
    rejectionReason: visible ? row.rejection_reason : null,
    serviceGoalHours: row.service_goal_hours,
    createdAt: row.created_at,
    receivedAt: row.received_at,
    contactedAt: row.contacted_at,
    closedAt: row.closed_at,
    detailsVisible: visible,
  };
}

/**
 * The sharing rule (02-crm.md): the two organisations see their referral; everyone in a region where
 * the company is worked with sees that it exists; a region's admins see its referrals.
 */
const visibleTo = (reader: Exclude<ReferralReader, 'all'>) =>
  sql<boolean>`(r.from_organisation_id = ${reader.organisationId} or r.to_organisation_id = ${reader.organisationId}
    or exists (select 1 from company_regions cr where cr.company_id = r.company_id and cr.region_code = ${reader.regionCode})
    ${reader.regionAdmin ? sql`or r.region_code = ${reader.regionCode}` : sql``})`;

export async function findReferral(db: Executor, reader: ReferralReader, id: string, options: { forUpdate?: boolean } = {}): Promise<Referral | undefined> {
  if (!isUuid(id)) return undefined;
  let query = referralQuery(db).where('r.id', '=', id);
  if (reader !== 'all') query = query.where(visibleTo(reader));
  if (options.forUpdate) query = query.forUpdate('r');
  const row = await query.executeTakeFirst();
  return row && toReferral(row, reader);
}

export interface ReferralListFilter {
  box: 'inbox' | 'outbox';
  organisationId: string;
  /** Only the adviser's own: sent by them (outbox), handled by them (inbox). */
  userId?: string | undefined;
}

/** An organisation's inbox or outbox: every open referral, and the latest `closedLimit` finished ones. */
export async function findReferralBox(db: Executor, reader: ReferralReader, filter: ReferralListFilter, closedLimit: number): Promise<Referral[]> {
  let query = referralQuery(db).where(filter.box === 'inbox' ? 'r.to_organisation_id' : 'r.from_organisation_id', '=', filter.organisationId);
  if (filter.userId) query = query.where(filter.box === 'inbox' ? 'r.receiver_user_id' : 'r.from_user_id', '=', filter.userId);
  const [open, finished] = await Promise.all([
    query.where('r.state', 'not in', ['closed', 'rejected', 'withdrawn']).orderBy('r.created_at', 'asc').orderBy('r.id').execute(),
    query.where('r.state', 'in', ['closed', 'rejected', 'withdrawn']).orderBy('r.closed_at', 'desc').orderBy('r.id').limit(closedLimit).execute(),
  ]);
  return [...open, ...finished].map((row) => toReferral(row, reader));
}

export async function findReferralsOfCompany(db: Executor, reader: ReferralReader, companyId: string): Promise<Referral[]> {
  let query = referralQuery(db).where('r.company_id', '=', companyId);
  if (reader !== 'all') query = query.where(visibleTo(reader));
  return (await query.orderBy('r.created_at', 'desc').execute()).map((row) => toReferral(row, reader));
}

/** The region's referrals for the metrics (metadata only), optionally those sent in one year (Danish time). */
export async function findReferralsForMetrics(db: Executor, reader: ReferralReader, range: { from?: Date | undefined; to?: Date | undefined }) {
  let query = referralQuery(db);
  if (reader !== 'all') query = query.where((eb) => eb.or([eb('r.region_code', '=', reader.regionCode), visibleTo(reader)]));
  if (range.from) query = query.where('r.created_at', '>=', range.from);
  if (range.to) query = query.where('r.created_at', '<', range.to);
  return (await query.orderBy('r.created_at').execute()).map((row) => toReferral(row, reader));
}

export async function findReferralEvents(db: Executor, referralId: string, withNotes: boolean): Promise<ReferralEvent[]> {
  const rows = await db.selectFrom('referral_events').selectAll().where('referral_id', '=', referralId).orderBy('at').orderBy('id').execute();
  return rows.map((row) => ({ fromState: row.from_state, toState: row.to_state, at: row.at, byName: row.by_name, note: withNotes ? row.note : null }));
}

export async function insertReferral(
  db: Executor,
  values: Omit<ReferralInput, 'kind'> & {
    kind: 'referral' | 'lead';
    companyId: string;
    fromOrganisationId: string;
    fromUserId: string | null;
    regionCode: number | null;
    serviceGoalHours: number;
    createdAt: Date;
    isDemo?: boolean;
  },
): Promise<string> {
  const row = await db
    .insertInto('referrals')
    .values({
      kind: values.kind,
      from_organisation_id: values.fromOrganisationId,
      from_user_id: values.fromUserId,
      to_organisation_id: values.toOrganisationId,
      company_id: values.companyId,
      contact_person_id: values.contactPersonId ?? null,
      course_id: values.courseId ?? null,
      region_code: values.regionCode,
      theme: values.theme,
      note: values.note ?? null,
      service_goal_hours: values.serviceGoalHours,
      created_at: values.createdAt,
      is_demo: values.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReferralState(
  db: Executor,
  id: string,
  change: { state: ReferralState; outcome?: ReferralOutcome; rejectionReason?: string; receivedAt?: Date; contactedAt?: Date; closedAt?: Date; receiverUserId?: string },
): Promise<void> {
  await db
    .updateTable('referrals')
    .set({
      state: change.state,
      ...(change.outcome ? { outcome: change.outcome } : {}),
      ...(change.rejectionReason ? { rejection_reason: change.rejectionReason } : {}),
      ...(change.receivedAt ? { received_at: change.receivedAt } : {}),
      ...(change.contactedAt ? { contacted_at: change.contactedAt } : {}),
      ...(change.closedAt ? { closed_at: change.closedAt } : {}),
      ...(change.receiverUserId ? { receiver_user_id: change.receiverUserId } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertReferralEvent(
  db: Executor,
  event: { referralId: string; fromState: ReferralState | null; toState: ReferralState; at: Date; byUserId: string | null; byName: string; note?: string | null | undefined },
): Promise<void> {
  await db
    .insertInto('referral_events')
    .values({ referral_id: event.referralId, from_state: event.fromState, to_state: event.toState, at: event.at, by_user_id: event.byUserId, by_name: event.byName, note: event.note ?? null })
    .execute();
}

/** The organisations one may refer to: every active one but one's own, with their service goal. */
export async function findReferralTargets(db: Executor, exceptOrganisationId: string | null) {
  let query = db.selectFrom('organisations').select(['id', 'name', 'kind', 'referral_service_goal_hours']).where('active', '=', true);
  if (exceptOrganisationId) query = query.where('id', '<>', exceptOrganisationId);
  return query.orderBy('name').execute();
}

/** An organisation with its region (its hub's, its municipality's or its KKR's; external: none) and service goal. */
export async function findReferralOrganisation(db: Executor, id: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('organisations as o')
    .leftJoin('business_hubs as h', 'h.id', 'o.business_hub_id')
    .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
    .leftJoin('kkrs as k', 'k.id', 'o.kkr_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.active', 'o.referral_service_goal_hours'])
    .select((eb) => eb.fn.coalesce('h.region_code', 'm.region_code', 'k.region_code').as('region_code'))
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export async function setServiceGoalHoursRow(db: Executor, organisationId: string, hours: number): Promise<void> {
  await db.updateTable('organisations').set({ referral_service_goal_hours: hours, updated_at: new Date() }).where('id', '=', organisationId).execute();
}

export async function findContactPersonOfCompany(db: Executor, companyId: string, id: string) {
  return db.selectFrom('contact_persons').select(['id', 'name']).where('id', '=', id).where('company_id', '=', companyId).where('erased_at', 'is', null).executeTakeFirst();
}

export async function findContactPersonChoices(db: Executor, companyId: string) {
  return db.selectFrom('contact_persons').select(['id', 'name', 'title']).where('company_id', '=', companyId).where('erased_at', 'is', null).orderBy('name').execute();
}

import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor } from '../../db/database.ts';
import { isUuid } from '../validation.ts';
import type { Activity, ActivityKind, ActivityNote } from './activities.schema.ts';

/** 'all' for the platform itself; otherwise the reader's region and organisation. */
export type ActivityReader = 'all' | { regionCode: number | null; organisationId: string | null };

/**
 * An activity is seen in every region that works with one of its companies (02-crm.md, sharing rule;
 * docs/decisions/005). Of its companies, a reader sees those of its region and those with a CVR number
 * (public register data); pre-starters of other regions are only counted.
 */
const inRegion = (regionCode: number | null) =>
  sql<boolean>`exists (select 1 from activity_companies ac join company_regions cr on cr.company_id = ac.company_id
    where ac.activity_id = a.id and cr.region_code = ${regionCode})`;

function activityQuery(db: Executor, reader: ActivityReader) {
  const regionCode = reader === 'all' ? null : reader.regionCode;
  const visibleCompany =
    reader === 'all'
      ? sql<boolean>`true`
      : sql<boolean>`(c.cvr is not null or exists (select 1 from company_regions cr where cr.company_id = c.id and cr.region_code = ${regionCode}))`;
  return db
    .selectFrom('activities as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('users as u', 'u.id', 'a.adviser_user_id')
    .selectAll('a')
    .select(['o.name as organisation_name', 'u.name as adviser_name'])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('activity_companies as ac')
          .innerJoin('companies as c', 'c.id', 'ac.company_id')
          .select(['c.id', 'c.name', 'c.cvr'])
          .whereRef('ac.activity_id', '=', 'a.id')
          .where(visibleCompany)
          .orderBy('c.name'),
      ).as('companies'),
      sql<number>`(select count(*) from activity_companies ac where ac.activity_id = a.id)::int`.as('company_count'),
    ]);
}

type ActivityRow = Awaited<ReturnType<ReturnType<typeof activityQuery>['executeTakeFirstOrThrow']>>;

function toActivity(row: ActivityRow, note: ActivityNote | null): Activity {
  return {
    id: row.id,
    kind: row.kind,
    activityDate: row.activity_date,
    title: row.title,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    adviserName: row.adviser_name,
    companies: row.companies,
    hiddenCompanies: row.company_count - row.companies.length,
    participantCount: row.participant_count,
    note,
    sourceId: row.source_id,
  };
}

/** The note of each activity that the reader may see: shared ones, internal ones of its own organisation. */
async function visibleNotes(db: Executor, activityIds: string[], reader: ActivityReader): Promise<Map<string, ActivityNote>> {
  if (activityIds.length === 0) return new Map();
  const organisationId = reader === 'all' ? null : reader.organisationId;
  const rows = await db
    .selectFrom('notes as n')
    .innerJoin('organisations as o', 'o.id', 'n.organisation_id')
    .leftJoin('users as u', 'u.id', 'n.author_user_id')
    .select(['n.subject_id', 'o.name as organisation_name', 'u.name as author_name', 'n.visibility', 'n.body'])
    .where('n.subject_type', '=', 'activity')
    .where('n.subject_id', 'in', activityIds)
    .where((eb) =>
      reader === 'all' ? eb.val(true) : organisationId ? eb.or([eb('n.visibility', '=', 'shared'), eb('n.organisation_id', '=', organisationId)]) : eb('n.visibility', '=', 'shared'),
    )
    .orderBy('n.created_at')
    .execute();
  return new Map(rows.map((row) => [row.subject_id, { organisationName: row.organisation_name, authorName: row.author_name, visibility: row.visibility, body: row.body }]));
}

async function withNotes(db: Executor, rows: ActivityRow[], reader: ActivityReader): Promise<Activity[]> {
  const notes = await visibleNotes(db, rows.map((row) => row.id), reader);
  return rows.map((row) => toActivity(row, notes.get(row.id) ?? null));
}

export async function findActivity(db: Executor, reader: ActivityReader, id: string): Promise<Activity | undefined> {
  if (!isUuid(id)) return undefined;
  let query = activityQuery(db, reader).where('a.id', '=', id);
  if (reader !== 'all') query = query.where(inRegion(reader.regionCode));
  const row = await query.executeTakeFirst();
  return row && (await withNotes(db, [row], reader))[0];
}

export interface ActivityFilter {
  companyId?: string | undefined;
  kind?: ActivityKind | undefined;
  organisationId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Executor, reader: ActivityReader, filter: ActivityFilter) {
  let query = activityQuery(db, reader);
  if (reader !== 'all') query = query.where(inRegion(reader.regionCode));
  if (filter.companyId) {
    const companyId = filter.companyId;
    query = query.where(sql<boolean>`exists (select 1 from activity_companies ac where ac.activity_id = a.id and ac.company_id = ${companyId})`);
  }
  if (filter.kind) query = query.where('a.kind', '=', filter.kind);
  if (filter.organisationId) query = query.where('a.organisation_id', '=', filter.organisationId);
  if (filter.from) query = query.where('a.activity_date', '>=', filter.from);
  if (filter.to) query = query.where('a.activity_date', '<=', filter.to);
  return query;
}

/** A page of activities, newest first, with the count and the participants of collective activities. */
export async function findActivities(db: Executor, reader: ActivityReader, filter: ActivityFilter, page: { limit: number; offset: number }) {
  const query = filtered(db, reader, filter);
  const [rows, totals] = await Promise.all([
    query.orderBy('a.activity_date', 'desc').orderBy('a.created_at', 'desc').orderBy('a.id').limit(page.limit).offset(page.offset).execute(),
    query
      .clearSelect()
      .select((eb) => [eb.fn.countAll<number>().as('n'), sql<number>`coalesce(sum(a.participant_count), 0)::int`.as('participants')])
      .executeTakeFirstOrThrow(),
  ]);
  return { activities: await withNotes(db, rows, reader), total: totals.n, participants: totals.participants };
}

export interface ActivityValues {
  kind: ActivityKind;
  activityDate: string;
  title: string;
  participantCount: number | null;
}

export async function insertActivity(
  db: Executor,
  values: ActivityValues & { organisationId: string; adviserUserId: string | null; sourceId?: string | null; isDemo?: boolean },
): Promise<string> {
  const row = await db
    .insertInto('activities')
    .values({
      source_id: values.sourceId ?? null,
      organisation_id: values.organisationId,
      adviser_user_id: values.adviserUserId,
      kind: values.kind,
      activity_date: values.activityDate,
      title: values.title,
      participant_count: values.participantCount,
      is_demo: values.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateActivityRow(db: Executor, id: string, values: ActivityValues): Promise<void> {
  await db
    .updateTable('activities')
    .set({ kind: values.kind, activity_date: values.activityDate, title: values.title, participant_count: values.participantCount, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Adds the companies not yet on the activity; returns those added. */
export async function addActivityCompanies(db: Executor, activityId: string, companyIds: string[]): Promise<void> {
  if (companyIds.length === 0) return;
  await db
    .insertInto('activity_companies')
    .values([...new Set(companyIds)].map((company_id) => ({ activity_id: activityId, company_id })))
    .onConflict((oc) => oc.columns(['activity_id', 'company_id']).doNothing())
    .execute();
}

export async function removeActivityCompanies(db: Executor, activityId: string, keep: string[]): Promise<void> {
  let query = db.deleteFrom('activity_companies').where('activity_id', '=', activityId);
  if (keep.length > 0) query = query.where('company_id', 'not in', keep);
  await query.execute();
}

/** All company ids of an activity, whoever reads (for changes by the registering organisation). */
export async function findActivityCompanyIds(db: Executor, activityId: string): Promise<string[]> {
  const rows = await db.selectFrom('activity_companies').select('company_id').where('activity_id', '=', activityId).execute();
  return rows.map((row) => row.company_id).sort();
}

/** The activity's own note: the one its organisation wrote (at most one; the form edits it). */
export async function findOwnNote(db: Executor, activityId: string, organisationId: string) {
  return db
    .selectFrom('notes')
    .select(['id', 'body', 'visibility'])
    .where('subject_type', '=', 'activity')
    .where('subject_id', '=', activityId)
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function saveOwnNote(
  db: Executor,
  activityId: string,
  organisationId: string,
  authorUserId: string | null,
  note: { body: string; visibility: 'internal' | 'shared' } | null,
): Promise<void> {
  const existing = await findOwnNote(db, activityId, organisationId);
  if (!note) {
    if (existing) await db.deleteFrom('notes').where('id', '=', existing.id).execute();
    return;
  }
  if (existing) {
    await db.updateTable('notes').set({ body: note.body, visibility: note.visibility }).where('id', '=', existing.id).execute();
    return;
  }
  await db
    .insertInto('notes')
    .values({ subject_type: 'activity', subject_id: activityId, organisation_id: organisationId, author_user_id: authorUserId, visibility: note.visibility, body: note.body })
    .execute();
}

/** The hubs and local offices of a region: the organisations that register activities. */
export async function findActivityOrganisations(db: Executor, regionCode: number | null) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('business_hubs as h', 'h.id', 'o.business_hub_id')
    .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
    .select(['o.id', 'o.name'])
    .where('o.kind', 'in', ['hub', 'localOffice'])
    .where((eb) => eb.fn.coalesce('h.region_code', 'm.region_code'), '=', regionCode ?? -1)
    .orderBy(sql`case o.kind when 'hub' then 1 else 2 end`)
    .orderBy('o.name')
    .execute();
}

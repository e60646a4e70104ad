// SQL of the courses import (02-crm.md, "Imports"). Everything works on a batch of rows at a time, so a
// large file costs a few statements per few hundred rows rather than several per row.
import { sql } from 'kysely';
import { insertByColumns } from '../../db/bulk.ts';
import type { Executor } from '../../db/database.ts';

export interface ImportReference {
  hubs: { id: string; name: string; regionCode: number }[];
  /** Municipality code → region code, for the 98 municipalities. */
  municipalityRegions: Map<string, number>;
}

export async function loadImportReference(db: Executor): Promise<ImportReference> {
  const [hubs, municipalities] = await Promise.all([
    db.selectFrom('business_hubs').select(['id', 'name', 'region_code']).orderBy('name').execute(),
    db.selectFrom('municipalities').select(['code', 'region_code']).execute(),
  ]);
  return {
    hubs: hubs.map((hub) => ({ id: hub.id, name: hub.name, regionCode: hub.region_code })),
    municipalityRegions: new Map(municipalities.map((m) => [m.code, m.region_code])),
  };
}

export interface ImportOrganisation {
  id: string;
  name: string;
  kind: string;
  active: boolean;
  /** The hub its courses count for: its own, or for a local office its municipality's. */
  hubId: string | null;
  regionCode: number | null;
}

function organisationQuery(db: Executor) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('business_hubs as h', 'h.id', 'o.business_hub_id')
    .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
    .leftJoin('kkrs as k', 'k.id', 'o.kkr_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.active'])
    .select((eb) => eb.fn.coalesce('o.business_hub_id', 'm.business_hub_id').as('hub_id'))
    .select((eb) => eb.fn.coalesce('h.region_code', 'm.region_code', 'k.region_code').as('region_code'));
}

type OrganisationRow = Awaited<ReturnType<ReturnType<typeof organisationQuery>['execute']>>[number];
const toOrganisation = (row: OrganisationRow): ImportOrganisation => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  active: row.active,
  hubId: row.hub_id,
  regionCode: row.region_code,
});

export async function findImportOrganisation(db: Executor, id: string): Promise<ImportOrganisation | undefined> {
  const row = await organisationQuery(db).where('o.id', '=', id).executeTakeFirst();
  return row && toOrganisation(row);
}

/** Organisations that may register courses (hubs and local offices) in a region, for the upload form. */
export async function findImportOrganisationsInRegion(db: Executor, regionCode: number | null): Promise<ImportOrganisation[]> {
  const rows = await organisationQuery(db)
    .where('o.kind', 'in', ['hub', 'localOffice'])
    .where('o.active', '=', true)
    .orderBy('o.kind')
    .orderBy('o.name')
    .execute();
  return rows.map(toOrganisation).filter((o) => o.regionCode === regionCode);
}

/** The active hub organisations: the default home of a file's courses when no organisation is named. */
export async function findHubOrganisations(db: Executor): Promise<ImportOrganisation[]> {
  return (await organisationQuery(db).where('o.kind', '=', 'hub').where('o.active', '=', true).orderBy('o.name').execute()).map(toOrganisation);
}

export async function findCompaniesByCvr(db: Executor, cvrs: string[]): Promise<{ id: string; cvr: string }[]> {
  if (cvrs.length === 0) return [];
  const rows = await db.selectFrom('companies').select(['id', 'cvr']).where('cvr', 'in', cvrs).execute();
  return rows.map((row) => ({ id: row.id, cvr: row.cvr! }));
}

export async function findCompaniesByImportKey(db: Executor, keys: string[]): Promise<{ importKey: string; companyId: string }[]> {
  if (keys.length === 0) return [];
  // A company merged into another (merge.service.ts) leads to the one kept, so a re-import after a
  // merge finds the kept company instead of moving the courses back.
  const rows = await db
    .selectFrom('company_import_keys as k')
    .innerJoin('companies as c', 'c.id', 'k.company_id')
    .select(['k.import_key', (eb) => eb.fn.coalesce('c.merged_into_id', 'c.id').as('company_id')])
    .where('k.import_key', 'in', keys)
    .execute();
  return rows.map((row) => ({ importKey: row.import_key, companyId: row.company_id }));
}

/** Pre-starters registered by hand (no CVR, no import key) in the municipalities, oldest first. */
export async function findUnkeyedPreStarters(db: Executor, municipalityCodes: string[]) {
  if (municipalityCodes.length === 0) return [];
  return db
    .selectFrom('companies as c')
    .select(['c.id', 'c.name', 'c.municipality_code'])
    .where('c.cvr', 'is', null)
    .where('c.merged_into_id', 'is', null)
    .where('c.municipality_code', 'in', municipalityCodes)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('company_import_keys as k').select('k.company_id').whereRef('k.company_id', '=', 'c.id'))))
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** The fields of an imported course that the file decides (02-crm.md, courses CSV). */
export interface ImportedCourseValues {
  company_id: string;
  organisation_id: string;
  business_hub_id: string;
  category: 'growth' | 'operations' | 'short' | 'earlyWarning';
  themes: string[];
  segment: 'growth' | 'operations';
  target_group: string | null;
  start_date: string;
  end_date: string | null;
  municipality_code: string;
  /** Sorted, without repeats. */
  meeting_dates: string[];
}

export type StoredImportedCourse = Omit<ImportedCourseValues, 'segment' | 'municipality_code'> & {
  id: string;
  source_id: string;
  segment: 'growth' | 'operations' | null;
  municipality_code: string | null;
  organisation_name: string;
};

export async function findImportedCourses(db: Executor, sourceIds: string[]): Promise<StoredImportedCourse[]> {
  if (sourceIds.length === 0) return [];
  const rows = await db
    .selectFrom('guidance_courses as gc')
    .innerJoin('organisations as o', 'o.id', 'gc.organisation_id')
    .select(['gc.id', 'gc.source_id', 'gc.company_id', 'gc.organisation_id', 'o.name as organisation_name', 'gc.business_hub_id', 'gc.category'])
    .select(['gc.themes', 'gc.segment', 'gc.target_group', 'gc.start_date', 'gc.end_date', 'gc.municipality_code'])
    .select(sql<string[]>`coalesce((select array_agg(distinct to_char(m.meeting_date, 'YYYY-MM-DD') order by to_char(m.meeting_date, 'YYYY-MM-DD')) from course_meetings m where m.course_id = gc.id), '{}')`.as('meeting_dates'))
    .where('gc.source_id', 'in', sourceIds)
    .execute();
  return rows.map((row) => ({ ...row, source_id: row.source_id! }));
}

export async function insertImportedCompanies(db: Executor, companies: { id: string; cvr: string | null; name: string; municipalityCode: string }[]): Promise<void> {
  if (companies.length === 0) return;
  const rows = companies.map((c) => ({ id: c.id, cvr: c.cvr, name: c.name, municipality_code: c.municipalityCode, source: 'import' }));
  await insertByColumns('companies', { id: 'uuid', cvr: 'text', name: 'text', municipality_code: 'text', source: 'text' }, rows).execute(db);
}

export async function insertCompanyImportKeys(db: Executor, keys: { importKey: string; companyId: string }[]): Promise<void> {
  if (keys.length === 0) return;
  const rows = keys.map((k) => ({ import_key: k.importKey, company_id: k.companyId }));
  await sql`${insertByColumns('company_import_keys', { import_key: 'text', company_id: 'uuid' }, rows)} on conflict (import_key) do nothing`.execute(db);
}

const courseColumnTypes = {
  id: 'uuid', source_id: 'text', company_id: 'uuid', organisation_id: 'uuid', business_hub_id: 'text', category: 'text', themes: 'text[]',
  segment: 'text', target_group: 'text', start_date: 'date', end_date: 'date', municipality_code: 'text', status: 'text',
} as const;

export async function insertImportedCourses(db: Executor, courses: (ImportedCourseValues & { id: string; source_id: string })[]): Promise<void> {
  if (courses.length === 0) return;
  const rows = courses.map(({ meeting_dates: _meetings, ...course }) => ({
    ...course,
    // The file has no status: a course with an end date has ended (decision 006).
    status: course.end_date === null ? 'active' : 'completed',
  }));
  await insertByColumns('guidance_courses', courseColumnTypes, rows).execute(db);
  await insertMeetings(db, courses.flatMap((course) => course.meeting_dates.map((date) => ({ courseId: course.id, date }))));
}

async function insertMeetings(db: Executor, meetings: { courseId: string; date: string }[]): Promise<void> {
  if (meetings.length === 0) return;
  await insertByColumns('course_meetings', { course_id: 'uuid', meeting_date: 'date' }, meetings.map((m) => ({ course_id: m.courseId, meeting_date: m.date }))).execute(db);
}

/** Makes an imported course equal to its row again: the fields and the list of meetings. */
export async function updateImportedCourse(db: Executor, id: string, values: ImportedCourseValues, meetingsChanged: boolean): Promise<void> {
  const { meeting_dates: meetings, ...columns } = values;
  await db
    .updateTable('guidance_courses')
    .set({ ...columns, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  if (!meetingsChanged) return;
  await db.deleteFrom('course_meetings').where('course_id', '=', id).execute();
  await insertMeetings(db, meetings.map((date) => ({ courseId: id, date })));
}

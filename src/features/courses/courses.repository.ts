import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { isUuid } from '../validation.ts';
import type { Course, CourseInput, Note } from './courses.schema.ts';

function courseQuery(db: Executor) {
  return db
    .selectFrom('guidance_courses as gc')
    .innerJoin('companies as c', 'c.id', 'gc.company_id')
    .innerJoin('organisations as o', 'o.id', 'gc.organisation_id')
    .leftJoin('users as u', 'u.id', 'gc.adviser_user_id')
    .selectAll('gc')
    .select(['c.name as company_name', 'c.cvr as company_cvr', 'o.name as organisation_name', 'u.name as adviser_name'])
    .select(sql<string[]>`coalesce((select array_agg(to_char(m.meeting_date, 'YYYY-MM-DD') order by m.meeting_date) from course_meetings m where m.course_id = gc.id), '{}')`.as('meeting_dates'));
}

type CourseRow = Awaited<ReturnType<ReturnType<typeof courseQuery>['executeTakeFirstOrThrow']>>;

function toCourse(row: CourseRow): Course {
  return {
    id: row.id,
    companyId: row.company_id,
    companyName: row.company_name,
    companyCvr: row.company_cvr,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    businessHubId: row.business_hub_id,
    adviserName: row.adviser_name,
    category: row.category,
    themes: row.themes,
    segment: row.segment,
    targetGroup: row.target_group,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    meetingDates: row.meeting_dates,
  };
}

/** Courses of the companies a region works with (02-crm.md: existence and metadata are shared). */
const inRegion = (regionCode: number | null) =>
  sql<boolean>`exists (select 1 from company_regions cr where cr.company_id = gc.company_id and cr.region_code = ${regionCode})`;

export async function findCourse(db: Executor, regionCode: number | null | 'all', id: string): Promise<Course | undefined> {
  if (!isUuid(id)) return undefined;
  let query = courseQuery(db).where('gc.id', '=', id);
  if (regionCode !== 'all') query = query.where(inRegion(regionCode));
  const row = await query.executeTakeFirst();
  return row && toCourse(row);
}

export async function findCoursesOfCompany(db: Executor, companyId: string): Promise<Course[]> {
  return (await courseQuery(db).where('gc.company_id', '=', companyId).orderBy('gc.start_date', 'desc').execute()).map(toCourse);
}

export interface CourseFilter {
  regionCode: number | null | 'all';
  category?: string | undefined;
  businessHubId?: string | undefined;
  organisationId?: string | undefined;
  /** Courses that count in this year by the year counting rule (02-crm.md). */
  year?: number | undefined;
}

export async function findCourses(db: Executor, filter: CourseFilter, page: { limit: number; offset: number }) {
  let query = courseQuery(db);
  if (filter.regionCode !== 'all') query = query.where(inRegion(filter.regionCode));
  if (filter.category) query = query.where('gc.category', '=', filter.category as Course['category']);
  if (filter.businessHubId) query = query.where('gc.business_hub_id', '=', filter.businessHubId);
  if (filter.organisationId) query = query.where('gc.organisation_id', '=', filter.organisationId);
  if (filter.year) {
    // The year counting rule: a meeting in the year, or no meetings and a start in the year.
    const year = filter.year;
    query = query.where(
      sql<boolean>`(exists (select 1 from course_meetings m where m.course_id = gc.id and extract(year from m.meeting_date) = ${year})
        or (not exists (select 1 from course_meetings m where m.course_id = gc.id) and extract(year from gc.start_date) = ${year}))`,
    );
  }
  const [rows, total] = await Promise.all([
    query.orderBy('gc.start_date', 'desc').orderBy('gc.id').limit(page.limit).offset(page.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { courses: rows.map(toCourse), total: total.n };
}

export async function insertCourse(
  db: Executor,
  values: CourseInput & { companyId: string; organisationId: string; businessHubId: string; adviserUserId: string | null; sourceId?: string | null; isDemo?: boolean },
): Promise<string> {
  const row = await db
    .insertInto('guidance_courses')
    .values({
      source_id: values.sourceId ?? null,
      company_id: values.companyId,
      organisation_id: values.organisationId,
      business_hub_id: values.businessHubId,
      adviser_user_id: values.adviserUserId,
      category: values.category,
      themes: values.themes,
      segment: values.segment,
      target_group: values.targetGroup,
      start_date: values.startDate,
      end_date: values.endDate,
      status: values.status,
      is_demo: values.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCourseRow(db: Executor, id: string, values: CourseInput): Promise<void> {
  await db
    .updateTable('guidance_courses')
    .set({
      category: values.category,
      themes: values.themes,
      segment: values.segment,
      target_group: values.targetGroup,
      start_date: values.startDate,
      end_date: values.endDate,
      status: values.status,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertMeeting(db: Executor, courseId: string, meetingDate: string): Promise<string> {
  const row = await db.insertInto('course_meetings').values({ course_id: courseId, meeting_date: meetingDate }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertNote(
  db: Executor,
  values: { subjectType: 'company' | 'course'; subjectId: string; organisationId: string; authorUserId: string | null; visibility: 'internal' | 'shared'; body: string },
): Promise<string> {
  const row = await db
    .insertInto('notes')
    .values({
      subject_type: values.subjectType,
      subject_id: values.subjectId,
      organisation_id: values.organisationId,
      author_user_id: values.authorUserId,
      visibility: values.visibility,
      body: values.body,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Notes on a subject: the shared ones, and the internal ones only for their own organisation. */
export async function findNotes(db: Executor, subjectType: 'company' | 'course', subjectIds: string[], readerOrganisationId: string | null): Promise<(Note & { subjectId: string })[]> {
  if (subjectIds.length === 0) return [];
  const rows = await db
    .selectFrom('notes as n')
    .innerJoin('organisations as o', 'o.id', 'n.organisation_id')
    .leftJoin('users as u', 'u.id', 'n.author_user_id')
    .select(['n.id', 'n.subject_id', 'o.name as organisation_name', 'u.name as author_name', 'n.visibility', 'n.body', 'n.created_at'])
    .where('n.subject_type', '=', subjectType)
    .where('n.subject_id', 'in', subjectIds)
    .where((eb) => (readerOrganisationId ? eb.or([eb('n.visibility', '=', 'shared'), eb('n.organisation_id', '=', readerOrganisationId)]) : eb('n.visibility', '=', 'shared')))
    .orderBy('n.created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    subjectId: row.subject_id,
    organisationName: row.organisation_name,
    authorName: row.author_name,
    visibility: row.visibility,
    body: row.body,
    createdAt: row.created_at,
  }));
}

/** The hub a guiding organisation counts for: its own, or for a local office its municipality's. */
export async function hubOfOrganisation(db: Executor, organisationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('organisations as o')
    .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
    .select((eb) => eb.fn.coalesce('o.business_hub_id', 'm.business_hub_id').as('hub'))
    .where('o.id', '=', organisationId)
    .executeTakeFirst();
  return row?.hub ?? null;
}

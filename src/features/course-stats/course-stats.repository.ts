// A hub's course statistics for a year, in SQL (02-crm.md: the figures of `courses stats`, for the
// data in the database). The year counting rule, as in src/domain/guidance/year-counting.ts: a course
// counts in every calendar year with a registered meeting, and a course without meetings in the year
// of its start date. A company is one companies row: the import finds a company again by CVR, and a
// pre-starter by its name and municipality (decision 006), so a row is what the file's company key is.
// byMunicipality counts a course in the municipality its source file gave it, or else its company's.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** Each of the hub's courses that counts in year-1 or year, once per such year. */
export function countedCourses(hubId: string, year: number): RawBuilder<unknown> {
  const from = `${year - 1}-01-01`;
  const to = `${year + 1}-01-01`;
  return sql`
    select gc.id, gc.company_id, gc.category, gc.themes, gc.start_date,
           coalesce(gc.municipality_code, c.municipality_code) as municipality_code, y.year
    from guidance_courses gc
    join companies c on c.id = gc.company_id
    cross join lateral (
      select distinct extract(year from m.meeting_date)::int as year
      from course_meetings m
      where m.course_id = gc.id and m.meeting_date >= ${from}::date and m.meeting_date < ${to}::date
      union all
      select extract(year from gc.start_date)::int
      where not exists (select 1 from course_meetings m where m.course_id = gc.id)
    ) y
    where gc.business_hub_id = ${hubId} and y.year between ${year - 1} and ${year}`;
}

export interface CourseStatsRows {
  companies: { uniqueCompanies: number; newCompanies: number };
  categories: { category: string; courses: number }[];
  municipalities: { municipalityCode: string | null; uniqueCompanies: number; courses: number }[];
  themes: { theme: string; courses: number }[];
  months: { month: number; courses: number }[];
}

export async function queryCourseStats(db: Executor, hubId: string, year: number): Promise<CourseStatsRows> {
  const counted = countedCourses(hubId, year);
  const [companies, categories, municipalities, themes, months] = await Promise.all([
    // New company (goal 1, 2022-23): guided in Y by the hub, not guided by the same hub in Y-1.
    sql<{ unique_companies: number; new_companies: number }>`
      with counted as (${counted})
      select count(*)::int as unique_companies, (count(*) filter (where not guided_before))::int as new_companies
      from (select company_id, bool_or(year = ${year - 1}) as guided_before from counted group by company_id having bool_or(year = ${year})) guided`.execute(db),
    sql<{ category: string; courses: number }>`
      with counted as (${counted})
      select category, count(*)::int as courses from counted where year = ${year} group by category`.execute(db),
    sql<{ municipality_code: string | null; unique_companies: number; courses: number }>`
      with counted as (${counted})
      select municipality_code, count(distinct company_id)::int as unique_companies, count(*)::int as courses
      from counted where year = ${year} group by municipality_code`.execute(db),
    sql<{ theme: string; courses: number }>`
      with counted as (${counted})
      select t.theme, count(distinct counted.id)::int as courses
      from counted cross join lateral unnest(counted.themes) as t(theme) where year = ${year} group by t.theme`.execute(db),
    // Per month, the year counting rule applied to months: each month of Y with a meeting, or the
    // start month for a course without meetings (src/domain/guidance/course-stats.ts).
    sql<{ month: number; courses: number }>`
      with counted as (${counted})
      select month, count(distinct id)::int as courses from (
        select counted.id, extract(month from m.meeting_date)::int as month
        from counted join course_meetings m on m.course_id = counted.id
        where counted.year = ${year} and m.meeting_date >= ${`${year}-01-01`}::date and m.meeting_date < ${`${year + 1}-01-01`}::date
        union all
        select counted.id, extract(month from counted.start_date)::int
        from counted where counted.year = ${year} and not exists (select 1 from course_meetings m where m.course_id = counted.id)
      ) by_month group by month`.execute(db),
  ]);
  const totals = companies.rows[0];
  return {
    companies: { uniqueCompanies: totals?.unique_companies ?? 0, newCompanies: totals?.new_companies ?? 0 },
    categories: categories.rows,
    municipalities: municipalities.rows.map((r) => ({ municipalityCode: r.municipality_code, uniqueCompanies: r.unique_companies, courses: r.courses })),
    themes: themes.rows,
    months: months.rows,
  };
}

export interface HubRow {
  id: string;
  name: string;
  regionCode: number;
}

export async function findHubs(db: Executor): Promise<HubRow[]> {
  const rows = await db.selectFrom('business_hubs').select(['id', 'name', 'region_code']).orderBy('name').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, regionCode: row.region_code }));
}

export async function findMunicipalityNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('municipalities').select(['code', 'name']).where('code', 'in', codes).execute();
  return new Map(rows.map((row) => [row.code, row.name]));
}

// The records a contract's targets are measured on (04-contracts.md: metric and count targets), read
// for one hub and year: the courses that count in the year (the year counting rule of 02-crm.md, as
// the course statistics apply it), the referrals the hub received, and the hub's collective activities.
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ReferralOutcome, ReferralState } from '../../domain/referrals/referral-states.ts';

export interface CountedCourseRow {
  id: string;
  companyId: string;
  category: string;
  themes: string[];
  municipalityCode: string | null;
}

/**
 * The hub's courses that count in `year` by the year counting rule (countedCourses of the course
 * statistics, for one year): a course with a meeting in the year, or without meetings and started in
 * it. Written for the one year rather than through countedCourses(), which works out year-1 too and
 * runs a subquery per course of the hub: the meetings of the year are read once (bench/README.md).
 */
export async function findCountedCourses(db: Executor, hubId: string, year: number): Promise<CountedCourseRow[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const rows = await sql<{ id: string; company_id: string; category: string; themes: string[]; municipality_code: string | null }>`
    select gc.id, gc.company_id, gc.category, gc.themes,
           coalesce(gc.municipality_code, (select c.municipality_code from companies c where c.id = gc.company_id)) as municipality_code
      from guidance_courses gc
     where gc.business_hub_id = ${hubId}
       and (gc.id in (select m.course_id from course_meetings m where m.meeting_date >= ${from}::date and m.meeting_date < ${to}::date)
            or (gc.start_date >= ${from}::date and gc.start_date < ${to}::date and not exists (select 1 from course_meetings m where m.course_id = gc.id)))
     order by gc.id`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, companyId: r.company_id, category: r.category, themes: r.themes, municipalityCode: r.municipality_code }));
}

/**
 * The companies the hub guided in `year` and in `year - 1` by the year counting rule, a merged company
 * as the company kept: what findGuidedCompaniesByYear(db, hubId, [year, year - 1]) returns, reading
 * only the meetings of the two years instead of every meeting of every course of the hub.
 */
export async function findGuidedCompaniesInYearAndBefore(db: Executor, hubId: string, year: number): Promise<Map<number, Set<string>>> {
  const from = `${year - 1}-01-01`;
  const to = `${year + 1}-01-01`;
  const rows = await sql<{ company_id: string; year: number }>`
    select distinct (select coalesce(c.merged_into_id, c.id) from companies c where c.id = y.company_id) as company_id, y.year
      from (select gc.company_id, extract(year from m.meeting_date)::int as year
              from guidance_courses gc join course_meetings m on m.course_id = gc.id
             where gc.business_hub_id = ${hubId} and m.meeting_date >= ${from}::date and m.meeting_date < ${to}::date
            union
            select gc.company_id, extract(year from gc.start_date)::int
              from guidance_courses gc
             where gc.business_hub_id = ${hubId} and gc.start_date >= ${from}::date and gc.start_date < ${to}::date
               and not exists (select 1 from course_meetings m where m.course_id = gc.id)) y`.execute(db);
  const byYear = new Map<number, Set<string>>([
    [year, new Set()],
    [year - 1, new Set()],
  ]);
  for (const row of rows.rows) byYear.get(Number(row.year))?.add(row.company_id);
  return byYear;
}

export interface ReceivedReferralRow {
  id: string;
  fromOrganisationKind: string;
  createdAt: Date;
  serviceGoalHours: number;
  contactedAt: Date | null;
  state: ReferralState;
  outcome: ReferralOutcome | null;
}

/** Referrals sent in `year` (Danish time) to any of the hub's organisations. */
export async function findReferralsReceivedByHub(db: Executor, hubId: string, year: number): Promise<ReceivedReferralRow[]> {
  const rows = await db
    .selectFrom('referrals as r')
    .innerJoin('organisations as receiver', 'receiver.id', 'r.to_organisation_id')
    .innerJoin('organisations as sender', 'sender.id', 'r.from_organisation_id')
    .select(['r.id', 'sender.kind as from_kind', 'r.created_at', 'r.service_goal_hours', 'r.contacted_at', 'r.state', 'r.outcome'])
    .where('receiver.business_hub_id', '=', hubId)
    .where(sql<boolean>`extract(year from r.created_at at time zone 'Europe/Copenhagen')::int = ${year}`)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fromOrganisationKind: r.from_kind,
    createdAt: r.created_at,
    serviceGoalHours: r.service_goal_hours,
    contactedAt: r.contacted_at,
    state: r.state as ReferralState,
    outcome: (r.outcome ?? null) as ReferralOutcome | null,
  }));
}

/** The hub's collective activities (events) in `year`, with their participant counts. */
export async function findHubEvents(db: Executor, hubId: string, year: number): Promise<{ id: string; participants: number }[]> {
  const rows = await db
    .selectFrom('activities as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'a.participant_count'])
    .where('o.business_hub_id', '=', hubId)
    .where('a.kind', '=', 'event')
    .where('a.activity_date', '>=', `${year}-01-01`)
    .where('a.activity_date', '<', `${year + 1}-01-01`)
    .orderBy('a.activity_date')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ id: r.id, participants: r.participant_count ?? 0 }));
}

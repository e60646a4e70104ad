// The hand-written SQL baseline of the contract evaluation (issue 8, item 1): the numbers a hub's
// contract is judged on for one year, computed by two statements straight from the tables — the
// evaluation metrics per segment and in all (one pass over the year's responses, GROUP BY ROLLUP),
// and the CRM figures by the year counting rule of 02-crm.md (courses and unique companies counted
// in the year, newCompanyShare from the guided companies of the year and the year before). It
// returns aggregates only; the service also returns the records behind each figure (drill-down ids)
// and confidence intervals, which is part of the cost the ratio shows.
//
// `baselineMeasurements` maps each measurable target of a contract onto these aggregates and refuses
// a target it does not compute (a municipality or theme filter, referral service goals, events), so
// the comparison can never silently skip a figure.
import { sql } from 'kysely';
import type { Executor } from '../../src/db/database.ts';
import type { Contract } from '../../src/domain/contracts/contracts.ts';
import { Rational } from '../../src/domain/money/rational.ts';

interface EvaluationRow {
  segment: string | null;
  promoters: number;
  detractors: number;
  nps_n: number;
  very_pleased: number;
  very_pleased_n: number;
  expected_high: number;
  expected_n: number;
  effect_medium: number;
  effect_high: number;
  effect_n: number;
  referral_used: number;
  referral_n: number;
  digital_high: number;
  digital_n: number;
}

export interface BaselineFigures {
  /** Per segment ('growth', 'operations') and in all ('all'). */
  evaluation: Map<string, EvaluationRow>;
  /** Courses counted in the year, per category. */
  coursesByCategory: Map<string, number>;
  uniqueCompanies: number;
  /** Evaluated companies guided in the year, and of them those not guided the year before. */
  newCompanies: { n: number; count: number };
}

const effectColumns = ['effect_unrecognised_challenges', 'effect_strategy', 'effect_growth_ambitions', 'effect_business_concept', 'effect_sales_marketing', 'effect_organisation', 'effect_operations'];
const anyEffect = (condition: string) => sql.raw(effectColumns.map((column) => `${column} ${condition}`).join(' or '));

/** The two statements. */
export async function contractBaseline(db: Executor, hubId: string, year: number): Promise<BaselineFigures> {
  const evaluation = await sql<EvaluationRow>`
    select segment,
           count(*) filter (where recommend >= 9)::int as promoters,
           count(*) filter (where recommend < 7)::int as detractors,
           count(recommend)::int as nps_n,
           count(*) filter (where staff_competence = 'veryPleased')::int as very_pleased,
           count(staff_competence)::int as very_pleased_n,
           count(*) filter (where expected_effect = 'high')::int as expected_high,
           count(expected_effect)::int as expected_n,
           count(*) filter (where ${anyEffect("in ('high', 'some')")})::int as effect_medium,
           count(*) filter (where ${anyEffect("= 'high'")})::int as effect_high,
           count(*) filter (where ${anyEffect('is not null')})::int as effect_n,
           count(*) filter (where referred = 'yes' and used_referral = 'yes')::int as referral_used,
           count(*) filter (where referred = 'yes' and used_referral is not null)::int as referral_n,
           count(*) filter (where digital_guidance = 'yes' and expected_effect = 'high')::int as digital_high,
           count(*) filter (where digital_guidance = 'yes' and expected_effect is not null)::int as digital_n
      from evaluation_responses
     where business_hub_id = ${hubId} and guidance_year = ${year}
     group by rollup (segment)`.execute(db);

  // The year counting rule for year-1 and year: a course counts in each year it has a meeting in,
  // and a course without meetings in its start year.
  const from = `${year - 1}-01-01`;
  const to = `${year + 1}-01-01`;
  const crm = await sql<{ kind: string; key: string | null; n: number; count: number }>`
    with hub_courses as (
      select id, company_id, category, start_date from guidance_courses where business_hub_id = ${hubId}
    ), counted as (
      select distinct hc.id, hc.company_id, hc.category, extract(year from m.meeting_date)::int as year
        from hub_courses hc join course_meetings m on m.course_id = hc.id
       where m.meeting_date >= ${from}::date and m.meeting_date < ${to}::date
      union all
      select hc.id, hc.company_id, hc.category, extract(year from hc.start_date)::int
        from hub_courses hc
       where hc.start_date >= ${from}::date and hc.start_date < ${to}::date
         and not exists (select 1 from course_meetings m where m.course_id = hc.id)
    ), guided as (
      -- A merged company counts as the company kept (a lookup per row: cheaper than hashing all companies).
      select distinct (select coalesce(c.merged_into_id, c.id) from companies c where c.id = counted.company_id) as company_id, counted.year
        from counted
    ), evaluated as (
      select distinct company_id from evaluation_responses
       where business_hub_id = ${hubId} and guidance_year = ${year} and company_id is not null
    )
    select 'category' as kind, category as key, count(*)::int as n, 0 as count from counted where year = ${year} group by category
    union all
    select 'unique', null, count(distinct company_id)::int, 0 from counted where year = ${year}
    union all
    select 'new', null, count(*)::int,
           (count(*) filter (where not exists (select 1 from guided g where g.company_id = e.company_id and g.year = ${year - 1})))::int
      from evaluated e
     where exists (select 1 from guided g where g.company_id = e.company_id and g.year = ${year})`.execute(db);

  const coursesByCategory = new Map<string, number>();
  let uniqueCompanies = 0;
  let newCompanies = { n: 0, count: 0 };
  for (const row of crm.rows) {
    if (row.kind === 'category' && row.key !== null) coursesByCategory.set(row.key, row.n);
    else if (row.kind === 'unique') uniqueCompanies = row.n;
    else if (row.kind === 'new') newCompanies = { n: row.n, count: row.count };
  }
  return { evaluation: new Map(evaluation.rows.map((row) => [row.segment ?? 'all', row])), coursesByCategory, uniqueCompanies, newCompanies };
}

/** One target's figure as the baseline computes it: the exact value and n (null for counts; value null when n = 0). */
export interface BaselineMeasurement {
  value: Rational | null;
  n: number | null;
}

const share = (count: number, n: number): BaselineMeasurement => ({ value: n === 0 ? null : Rational.of(100 * count, n), n });

const shares = {
  veryPleasedShare: (r: EvaluationRow) => share(r.very_pleased, r.very_pleased_n),
  expectedEffectHighShare: (r: EvaluationRow) => share(r.expected_high, r.expected_n),
  effectMediumShare: (r: EvaluationRow) => share(r.effect_medium, r.effect_n),
  effectHighShare: (r: EvaluationRow) => share(r.effect_high, r.effect_n),
  referralUptakeShare: (r: EvaluationRow) => share(r.referral_used, r.referral_n),
  digitalEffectHighShare: (r: EvaluationRow) => share(r.digital_high, r.digital_n),
  nps: (r: EvaluationRow): BaselineMeasurement => ({ value: r.nps_n === 0 ? null : Rational.of(100 * (r.promoters - r.detractors), r.nps_n), n: r.nps_n }),
} as const;

const emptyRow: EvaluationRow = {
  segment: null, promoters: 0, detractors: 0, nps_n: 0, very_pleased: 0, very_pleased_n: 0, expected_high: 0, expected_n: 0,
  effect_medium: 0, effect_high: 0, effect_n: 0, referral_used: 0, referral_n: 0, digital_high: 0, digital_n: 0,
};

/** The baseline's figure for every measured (metric or count) target of the contract, keyed by target id. */
export function baselineMeasurements(contract: Contract, year: number, figures: BaselineFigures): Map<string, BaselineMeasurement> {
  const result = new Map<string, BaselineMeasurement>();
  for (const goal of contract.goals) {
    for (const target of goal.targets) {
      if (target.kind !== 'metric' && target.kind !== 'count') continue;
      const { year: filterYear, segment, categories, ...other } = target.filters as { year?: number; segment?: string; categories?: string[] } & Record<string, unknown>;
      const unsupported = Object.keys(other).filter((key) => other[key] !== undefined);
      if ((filterYear ?? contract.year) !== year || unsupported.length > 0) throw new Error(`the baseline does not compute target ${target.id} (filters ${JSON.stringify(target.filters)})`);
      if (target.kind === 'metric') {
        if (target.metric === 'newCompanyShare' && segment === undefined) result.set(target.id, share(figures.newCompanies.count, figures.newCompanies.n));
        else if (target.metric in shares) result.set(target.id, shares[target.metric as keyof typeof shares](figures.evaluation.get(segment ?? 'all') ?? emptyRow));
        else throw new Error(`the baseline does not compute metric ${target.metric} (target ${target.id})`);
      } else if (target.count === 'courses' && segment === undefined) {
        const counted = [...figures.coursesByCategory].filter(([category]) => categories === undefined || categories.includes(category));
        result.set(target.id, { value: Rational.of(counted.reduce((sum, [, n]) => sum + n, 0)), n: null });
      } else if (target.count === 'uniqueCompanies' && segment === undefined && categories === undefined) {
        result.set(target.id, { value: Rational.of(figures.uniqueCompanies), n: null });
      } else {
        throw new Error(`the baseline does not compute count ${target.count} (target ${target.id})`);
      }
    }
  }
  return result;
}

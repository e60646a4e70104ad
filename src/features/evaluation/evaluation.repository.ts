// SQL of the user evaluation: the stored responses (evaluation_responses) read back as the domain's
// EvaluationResponse, written by the import, and the lookups the import and the explorer need.
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { EvaluationResponsesTable } from '../../db/tables/evaluation.ts';
import type { EvaluationResponse } from '../../domain/evaluation/evaluation.types.ts';
import type { DegreeAnswer, EffectItem, SatisfactionAnswer, YesNoAnswer } from '../../domain/evaluation/instrument.ts';
import type { GuidanceSegment, GuidanceTheme } from '../../domain/guidance/guidance.types.ts';

export type ResponseRow = Selectable<EvaluationResponsesTable>;

/** The answer columns, by the domain's answer and effect keys. */
export const effectColumns: Readonly<Record<EffectItem, keyof ResponseRow>> = {
  unrecognisedChallenges: 'effect_unrecognised_challenges',
  strategy: 'effect_strategy',
  growthAmbitions: 'effect_growth_ambitions',
  businessConcept: 'effect_business_concept',
  salesMarketing: 'effect_sales_marketing',
  organisation: 'effect_organisation',
  operations: 'effect_operations',
};

export interface HubRow {
  id: string;
  name: string;
  regionCode: number;
}

export async function findHubs(db: Executor): Promise<HubRow[]> {
  const rows = await db.selectFrom('business_hubs').select(['id', 'name', 'region_code']).orderBy('name').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, regionCode: row.region_code }));
}

export async function findMunicipalities(db: Executor): Promise<{ code: string; name: string; hubId: string }[]> {
  const rows = await db.selectFrom('municipalities').select(['code', 'name', 'business_hub_id']).orderBy('name').execute();
  return rows.map((row) => ({ code: row.code, name: row.name, hubId: row.business_hub_id }));
}

/** The stored row as the domain's response; `hubName` is the hub's name (as the CSV names it). */
export function toEvaluationResponse(row: ResponseRow, hubName: string): EvaluationResponse {
  return {
    responseId: row.source_response_id,
    source: row.source,
    cvr: row.cvr,
    hub: hubName,
    municipalityCode: row.municipality_code,
    segment: row.segment,
    guidanceYear: row.guidance_year,
    answeredAt: row.answered_at,
    themes: row.themes as GuidanceTheme[],
    answers: {
      recommend: row.recommend,
      staffCompetence: row.staff_competence as SatisfactionAnswer | null,
      expectedEffect: row.expected_effect as DegreeAnswer | null,
      effect: Object.fromEntries(Object.entries(effectColumns).map(([item, column]) => [item, row[column] as DegreeAnswer | null])) as Record<EffectItem, DegreeAnswer | null>,
      referred: row.referred as YesNoAnswer | null,
      usedReferral: row.used_referral as YesNoAnswer | null,
      digitalGuidance: row.digital_guidance as YesNoAnswer | null,
    },
  };
}

/** The columns a response writes (all but ids, import id and timestamps). */
export function responseValues(response: EvaluationResponse, hubId: string, companyId: string | null) {
  const a = response.answers;
  return {
    source: response.source,
    source_response_id: response.responseId,
    cvr: response.cvr,
    company_id: companyId,
    business_hub_id: hubId,
    municipality_code: response.municipalityCode,
    segment: response.segment,
    guidance_year: response.guidanceYear,
    answered_at: response.answeredAt,
    recommend: a.recommend,
    staff_competence: a.staffCompetence,
    expected_effect: a.expectedEffect,
    effect_unrecognised_challenges: a.effect.unrecognisedChallenges,
    effect_strategy: a.effect.strategy,
    effect_growth_ambitions: a.effect.growthAmbitions,
    effect_business_concept: a.effect.businessConcept,
    effect_sales_marketing: a.effect.salesMarketing,
    effect_organisation: a.effect.organisation,
    effect_operations: a.effect.operations,
    referred: a.referred,
    used_referral: a.usedReferral,
    digital_guidance: a.digitalGuidance,
    themes: [...response.themes],
  };
}
export type ResponseValues = ReturnType<typeof responseValues>;

/** The stored responses among (source, response_id) pairs, by "<source> <response_id>". */
export async function findResponsesBySourceIds(db: Executor, keys: { source: 'erst' | 'own'; id: string }[]): Promise<Map<string, ResponseRow>> {
  const found = new Map<string, ResponseRow>();
  for (const source of ['erst', 'own'] as const) {
    const ids = keys.filter((key) => key.source === source).map((key) => key.id);
    if (ids.length === 0) continue;
    const rows = await db.selectFrom('evaluation_responses').selectAll().where('source', '=', source).where('source_response_id', 'in', ids).execute();
    for (const row of rows) found.set(`${row.source} ${row.source_response_id}`, row);
  }
  return found;
}

/** Known companies by CVR number (a merged one leads to the company kept). */
export async function findCompanyIdsForCvrs(db: Executor, cvrs: string[]): Promise<Map<string, string>> {
  if (cvrs.length === 0) return new Map();
  const rows = await db
    .selectFrom('companies')
    .select((eb) => ['cvr', eb.fn.coalesce('merged_into_id', 'id').as('id')])
    .where('cvr', 'in', cvrs)
    .execute();
  return new Map(rows.flatMap((row) => (row.cvr === null ? [] : [[row.cvr, row.id] as const])));
}

export async function insertResponses(db: Executor, values: (ResponseValues & { import_id: string | null })[]): Promise<void> {
  if (values.length === 0) return;
  await db.insertInto('evaluation_responses').values(values).execute();
}

export async function updateResponse(db: Executor, id: string, values: ResponseValues & { import_id: string | null }, now: Date): Promise<void> {
  await db.updateTable('evaluation_responses').set({ ...values, updated_at: now }).where('id', '=', id).execute();
}

export interface ResponseQuery {
  hubId: string;
  year?: number | undefined;
  segment?: GuidanceSegment | undefined;
  municipalityCode?: string | undefined;
  source?: 'erst' | 'own' | undefined;
  theme?: GuidanceTheme | undefined;
}

/** The responses of a hub that pass the filters (the year too, when given), oldest year first. */
export async function findResponses(db: Executor, query: ResponseQuery): Promise<ResponseRow[]> {
  let select = db.selectFrom('evaluation_responses').selectAll().where('business_hub_id', '=', query.hubId);
  if (query.year !== undefined) select = select.where('guidance_year', '=', query.year);
  if (query.segment !== undefined) select = select.where('segment', '=', query.segment);
  if (query.municipalityCode !== undefined) select = select.where('municipality_code', '=', query.municipalityCode);
  if (query.source !== undefined) select = select.where('source', '=', query.source);
  if (query.theme !== undefined) select = select.where(sql<boolean>`${query.theme} = any(themes)`);
  return select.orderBy('guidance_year').orderBy('source').orderBy('source_response_id').execute();
}

/** The company names of the linked companies, for the drill-down list. */
export async function findCompanyNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('companies').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A question of a stored instrument (evaluation_instruments.questions), with its scale's options. */
export interface StoredQuestion {
  key: string;
  da: string;
  en: string;
  scale: { kind: 'numeric'; min: number; max: number } | { kind: 'choice'; options: { key: string; da: string; en: string }[] };
}

/**
 * The questions of every stored instrument (the latest version of each), each question once, in the
 * order the instruments list them (oldest instrument first) — the instrument as data, as loaded by the
 * reference seed.
 */
export async function findStoredQuestions(db: Executor): Promise<StoredQuestion[]> {
  const rows = await db.selectFrom('evaluation_instruments').select(['key', 'version', 'questions', 'scales']).orderBy('from_year').orderBy('key').orderBy('version', 'desc').execute();
  const seenInstruments = new Set<string>();
  const questions = new Map<string, StoredQuestion>();
  for (const row of rows) {
    if (seenInstruments.has(row.key)) continue;
    seenInstruments.add(row.key);
    const scales = row.scales as Record<string, StoredQuestion['scale']>;
    for (const question of row.questions as { key: string; da: string; en: string; scale: string }[]) {
      const scale = scales[question.scale];
      if (scale && !questions.has(question.key)) questions.set(question.key, { key: question.key, da: question.da, en: question.en, scale });
    }
  }
  return [...questions.values()];
}

/**
 * The companies the hub guided in each of `years`, by the year counting rule of 02-crm.md (a course
 * counts in every calendar year with a registered meeting; a course without meetings in its start
 * year). A merged company counts as the company kept.
 */
export async function findGuidedCompaniesByYear(db: Executor, hubId: string, years: number[]): Promise<Map<number, Set<string>>> {
  const byYear = new Map<number, Set<string>>(years.map((year) => [year, new Set()]));
  if (years.length === 0) return byYear;
  const rows = await sql<{ company_id: string; year: number }>`
    select distinct coalesce(c.merged_into_id, c.id) as company_id, y.year
    from guidance_courses gc
    join companies c on c.id = gc.company_id
    cross join lateral (
      select distinct extract(year from m.meeting_date)::int as year from course_meetings m where m.course_id = gc.id
      union
      select extract(year from gc.start_date)::int where not exists (select 1 from course_meetings m where m.course_id = gc.id)
    ) y
    where gc.business_hub_id = ${hubId} and y.year in (${sql.join(years)})`.execute(db);
  for (const row of rows.rows) byYear.get(Number(row.year))?.add(row.company_id);
  return byYear;
}

// The metrics explorer (issue 6; 03-evaluation.md, "Metric definitions"): the metrics of the stored
// responses of a hub, filtered by year, segment, municipality, source and theme, each with its n and
// 95 % interval, the trend over the guidance years, and the distribution of the answers per question.
// The numbers are computed by the domain's `computeEvaluationMetrics` over the same responses the
// filters select, so they equal what `knudepunkt evaluation metrics` gives for the same rows.
//
// Who sees what (decided here; enforced in this service, so the pages, the Excel file and the API
// cannot differ):
// - Every signed-in role reads the metrics of the hubs of their own region (as the course statistics);
//   the platform itself (command line, jobs) reads all.
// - Raw answers — the drill-down to the responses behind a number, and any figure over fewer than 5
//   answers — are for admins, and for managers and advisers of the hub's own organisation (kind hub).
// - Everyone else (KKR, viewers, local business offices, other hubs' staff) sees only aggregates over
//   at least 5 answers: a figure on 1-4 answers is "færre end 5 svar" — no value, no n, no interval, no
//   counts. A figure on 0 answers is "ingen besvarelser" (nothing to protect). A question's
//   distribution is suppressed as a whole when fewer than 5 answered it.
import type { Executor } from '../../db/database.ts';
import { hasRole, type Actor } from '../../domain/actor.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { EvaluationResponse } from '../../domain/evaluation/evaluation.types.ts';
import type { ConfidenceInterval } from '../../domain/evaluation/intervals.ts';
import { effectItems, evaluationQuestions, type EvaluationQuestion, type QuestionKey } from '../../domain/evaluation/instrument.ts';
import { computeEvaluationMetrics, newCompanyShare, type EvaluationFilter, type EvaluationMetrics, type ShareMetric } from '../../domain/evaluation/metrics.ts';
import type { Rational } from '../../domain/money/rational.ts';
import { requireRole } from '../authorization.ts';
import { hubOfOrganisation } from '../courses/courses.repository.ts';
import { fieldErrors } from '../validation.ts';
import { findCompanyNames, findGuidedCompaniesByYear, findMunicipalities, findHubs, findResponses, findStoredQuestions, toEvaluationResponse, type HubRow, type StoredQuestion } from './evaluation.repository.ts';
import { drillDownQuery, evaluationFilterQuery, evaluationMetricNames, type DrillDownTarget, type FigureMetricName } from './evaluation.schema.ts';
import { findHub } from '../../domain/hubs.ts';

export const evaluationReaders = ['adviser', 'manager', 'kkr', 'admin', 'viewer'] as const;
/** Aggregates over fewer answers than this are suppressed for users without raw access. */
export const MIN_ANSWERS = 5;
export const DRILL_DOWN_PAGE_SIZE = 50;

export type FigureStatus = 'ok' | 'none' | 'suppressed';

/** One metric as a reader may see it. `suppressed` and `none` carry no numbers. */
export interface Figure {
  metric: FigureMetricName;
  status: FigureStatus;
  value: Rational | null;
  n: number | null;
  /** The numerator of a share; for NPS the promoters. */
  count: number | null;
  nps: { promoters: number; passives: number; detractors: number } | null;
  interval: ConfidenceInterval | null;
}

export interface AnswerCount {
  key: string;
  label: { da: string; en: string };
  count: number | null;
}

export interface QuestionDistribution {
  question: QuestionKey;
  text: { da: string; en: string };
  /** Responses that answered the question; null when suppressed. */
  total: number | null;
  suppressed: boolean;
  answers: AnswerCount[];
}

export interface EvaluationFilters {
  year: number | null;
  segment: 'growth' | 'operations' | null;
  municipalityCode: string | null;
  source: 'erst' | 'own' | null;
  theme: EvaluationResponse['themes'][number] | null;
}

export interface EvaluationOverview {
  hub: { id: string; name: string };
  hubs: { id: string; name: string }[];
  filters: EvaluationFilters;
  /** Whether the reader may see raw answers (the drill-down) and figures under 5 answers. */
  rawAccess: boolean;
  /** Responses that pass the filters; null when suppressed. */
  n: number | null;
  nStatus: FigureStatus;
  figures: Figure[];
  trend: { year: number; n: number | null; nStatus: FigureStatus; figures: Figure[] }[];
  distribution: QuestionDistribution[];
  /** For the filter form: the hub's municipalities and the years with responses. */
  municipalities: { code: string; name: string }[];
  years: number[];
}

interface Scope {
  hub: HubRow;
  visible: HubRow[];
  rawAccess: boolean;
  filters: EvaluationFilters;
}

function invalidFilter(error: import('zod').ZodError): AppError {
  const fields = fieldErrors(error);
  return new AppError('validation', fields[0]?.message ?? 'Ugyldigt filter.', { en: 'Invalid filter.', fields });
}

/** Whether the actor may see the raw answers of a hub's responses. */
export async function mayReadRawAnswers(db: Executor, actor: Actor, hubId: string): Promise<boolean> {
  if (actor.kind === 'system' || hasRole(actor, 'admin')) return true;
  if (!hasRole(actor, 'manager', 'adviser') || actor.organisationKind !== 'hub') return false;
  return (await hubOfOrganisation(db, actor.organisationId)) === hubId;
}

async function resolveScope(db: Executor, actor: Actor, query: { hub?: string | undefined; year?: number | undefined; segment?: EvaluationFilters['segment'] | undefined; municipality?: string | undefined; source?: EvaluationFilters['source'] | undefined; theme?: EvaluationFilters['theme'] | undefined }): Promise<Scope> {
  requireRole(actor, ...evaluationReaders);
  const all = await findHubs(db);
  const visible = actor.kind === 'system' ? all : all.filter((hub) => hub.regionCode === actor.regionCode);
  let hub: HubRow | undefined;
  if (query.hub !== undefined) {
    hub = findHub(all, query.hub);
    if (!hub) throw notFound(`Erhvervshuset "${query.hub}"`, `The business hub "${query.hub}" was not found.`);
    if (!visible.includes(hub)) {
      throw new AppError('forbidden', `Du kan kun se brugerevalueringen for erhvervshuse i din egen region – ${hub.name} hører til en anden.`, {
        en: `You can only see the user evaluation of the business hubs of your own region; ${hub.name} belongs to another.`,
      });
    }
  } else {
    const own = actor.kind === 'user' ? await hubOfOrganisation(db, actor.organisationId) : null;
    hub = visible.find((h) => h.id === own) ?? visible[0];
    if (!hub) {
      throw new AppError('forbidden', 'Din organisation hører ikke til en region med et erhvervshus, så der er ingen brugerevaluering at vise.', {
        en: 'Your organisation does not belong to a region with a business hub, so there is no user evaluation to show.',
      });
    }
  }
  return {
    hub,
    visible,
    rawAccess: await mayReadRawAnswers(db, actor, hub.id),
    filters: {
      year: query.year ?? null,
      segment: query.segment ?? null,
      municipalityCode: query.municipality ?? null,
      source: query.source ?? null,
      theme: query.theme ?? null,
    },
  };
}

/** The hub's responses passing every filter but the year (the trend needs every year). */
async function loadResponses(db: Executor, scope: Scope): Promise<{ responses: EvaluationResponse[]; companyIds: Map<string, string | null> }> {
  const rows = await findResponses(db, {
    hubId: scope.hub.id,
    segment: scope.filters.segment ?? undefined,
    municipalityCode: scope.filters.municipalityCode ?? undefined,
    source: scope.filters.source ?? undefined,
    theme: scope.filters.theme ?? undefined,
  });
  return {
    responses: rows.map((row) => toEvaluationResponse(row, scope.hub.name)),
    companyIds: new Map(rows.map((row) => [`${row.source} ${row.source_response_id}`, row.company_id])),
  };
}

function statusOf(n: number, rawAccess: boolean): FigureStatus {
  if (n === 0) return 'none';
  return n < MIN_ANSWERS && !rawAccess ? 'suppressed' : 'ok';
}

/** The metrics as the reader may see them; `newCompanies` (newCompanyShare) when a year is given. */
export function figuresOf(metrics: EvaluationMetrics, rawAccess: boolean, newCompanies: ShareMetric | null = null): Figure[] {
  const share = (name: FigureMetricName, m: ShareMetric): Figure => {
    const status = statusOf(m.n, rawAccess);
    if (status !== 'ok') return { metric: name, status, value: null, n: status === 'none' ? 0 : null, count: null, nps: null, interval: null };
    return { metric: name, status, value: m.value, n: m.n, count: m.count, nps: null, interval: m.interval };
  };
  const figures = evaluationMetricNames.map((name): Figure => {
    if (name !== 'nps') return share(name, metrics[name]);
    const m = metrics.nps;
    const status = statusOf(m.n, rawAccess);
    if (status !== 'ok') return { metric: name, status, value: null, n: status === 'none' ? 0 : null, count: null, nps: null, interval: null };
    return { metric: name, status, value: m.value, n: m.n, count: m.promoters, nps: { promoters: m.promoters, passives: m.passives, detractors: m.detractors }, interval: m.interval };
  });
  return newCompanies === null ? figures : [...figures, share('newCompanyShare', newCompanies)];
}

/**
 * newCompanyShare for year Y (03-evaluation.md): among the companies evaluated for Y (responses linked
 * to a known company) that the hub guided in Y, the share it did not guide in Y-1.
 */
function newCompaniesOf(responses: EvaluationResponse[], companyIds: Map<string, string | null>, year: number, guided: Map<number, Set<string>>): ShareMetric {
  const evaluated = responses.filter((r) => r.guidanceYear === year).flatMap((r) => {
    const id = companyIds.get(`${r.source} ${r.responseId}`);
    return id ? [id] : [];
  });
  return newCompanyShare({ evaluatedCompanies: evaluated, guidedInYear: guided.get(year) ?? new Set(), guidedInPreviousYear: guided.get(year - 1) ?? new Set() });
}

function answerOf(response: EvaluationResponse, key: QuestionKey): string | number | null {
  const a = response.answers;
  if (key.startsWith('effect.')) return a.effect[key.slice('effect.'.length) as (typeof effectItems)[number]];
  return a[key as Exclude<QuestionKey, `effect.${string}`>];
}

/**
 * Counts per answer option of each question, with the texts and options of the stored instruments
 * (evaluation_instruments, "the instrument is data"). A question nobody answered is left out.
 */
function distributionOf(responses: EvaluationResponse[], questions: StoredQuestion[], rawAccess: boolean): QuestionDistribution[] {
  const known = new Set<string>(evaluationQuestions.map((q) => q.key));
  const out: QuestionDistribution[] = [];
  for (const question of questions) {
    if (!known.has(question.key)) continue; // a question without a stored answer column yet
    const scale = question.scale;
    const options =
      scale.kind === 'numeric'
        ? Array.from({ length: scale.max - scale.min + 1 }, (_, i) => ({ key: String(scale.min + i), label: { da: String(scale.min + i), en: String(scale.min + i) } }))
        : scale.options.map((option) => ({ key: option.key, label: { da: option.da, en: option.en } }));
    const counts = new Map(options.map((option) => [option.key, 0]));
    let total = 0;
    for (const response of responses) {
      const answer = answerOf(response, question.key as QuestionKey);
      if (answer === null) continue;
      total++;
      counts.set(String(answer), (counts.get(String(answer)) ?? 0) + 1);
    }
    if (total === 0) continue;
    const suppressed = statusOf(total, rawAccess) === 'suppressed';
    out.push({
      question: question.key as QuestionKey,
      text: { da: question.da, en: question.en },
      total: suppressed ? null : total,
      suppressed,
      answers: options.map((option) => ({ ...option, count: suppressed ? null : (counts.get(option.key) ?? 0) })),
    });
  }
  return out;
}

/** The explorer: the hub's metrics under the filters, the trend over the years and the distribution. */
export async function getEvaluationOverview(db: Executor, actor: Actor, rawQuery: unknown): Promise<EvaluationOverview> {
  requireRole(actor, ...evaluationReaders);
  const parsed = evaluationFilterQuery.safeParse(rawQuery ?? {});
  if (!parsed.success) throw invalidFilter(parsed.error);
  const scope = await resolveScope(db, actor, parsed.data);
  const { responses, companyIds } = await loadResponses(db, scope);
  const selected = scope.filters.year === null ? responses : responses.filter((r) => r.guidanceYear === scope.filters.year);
  const metrics = computeEvaluationMetrics(selected);
  const years = [...new Set(responses.map((r) => r.guidanceYear))].sort((a, b) => a - b);
  const shown = [...new Set([...years, ...(scope.filters.year === null ? [] : [scope.filters.year])])];
  const guided = await findGuidedCompaniesByYear(db, scope.hub.id, [...new Set(shown.flatMap((year) => [year, year - 1]))]);
  const trend = years.map((year) => {
    const yearMetrics = computeEvaluationMetrics(responses, { year } satisfies EvaluationFilter);
    const nStatus = statusOf(yearMetrics.n, scope.rawAccess);
    return { year, n: nStatus === 'suppressed' ? null : yearMetrics.n, nStatus, figures: figuresOf(yearMetrics, scope.rawAccess, newCompaniesOf(responses, companyIds, year, guided)) };
  });
  const nStatus = statusOf(metrics.n, scope.rawAccess);
  const municipalities = (await findMunicipalities(db)).filter((m) => m.hubId === scope.hub.id).map((m) => ({ code: m.code, name: m.name }));
  return {
    hub: { id: scope.hub.id, name: scope.hub.name },
    hubs: scope.visible.map((h) => ({ id: h.id, name: h.name })),
    filters: scope.filters,
    rawAccess: scope.rawAccess,
    n: nStatus === 'suppressed' ? null : metrics.n,
    nStatus,
    figures: figuresOf(metrics, scope.rawAccess, scope.filters.year === null ? null : newCompaniesOf(responses, companyIds, scope.filters.year, guided)),
    trend,
    distribution: distributionOf(selected, await findStoredQuestions(db), scope.rawAccess),
    municipalities,
    years,
  };
}

/** Whether a response is in a metric's population (`inPopulation`) and in its numerator (`counted`). */
export function metricMembership(response: EvaluationResponse, metric: DrillDownTarget): { inPopulation: boolean; counted: boolean } {
  const a = response.answers;
  const effects = effectItems.map((item) => a.effect[item]).filter((answer) => answer !== null);
  switch (metric) {
    case 'all':
      return { inPopulation: true, counted: false };
    case 'nps':
      return { inPopulation: a.recommend !== null, counted: a.recommend !== null && a.recommend >= 9 };
    case 'veryPleasedShare':
      return { inPopulation: a.staffCompetence !== null, counted: a.staffCompetence === 'veryPleased' };
    case 'expectedEffectHighShare':
      return { inPopulation: a.expectedEffect !== null, counted: a.expectedEffect === 'high' };
    case 'effectMediumShare':
      return { inPopulation: effects.length > 0, counted: effects.some((e) => e === 'high' || e === 'some') };
    case 'effectHighShare':
      return { inPopulation: effects.length > 0, counted: effects.includes('high') };
    case 'referralUptakeShare':
      return { inPopulation: a.referred === 'yes' && a.usedReferral !== null, counted: a.usedReferral === 'yes' };
    case 'digitalEffectHighShare':
      return { inPopulation: a.digitalGuidance === 'yes' && a.expectedEffect !== null, counted: a.expectedEffect === 'high' };
  }
}

export interface DrillDownRow {
  id: string;
  response: EvaluationResponse;
  company: { id: string; name: string } | null;
  counted: boolean;
}

export interface DrillDown {
  hub: { id: string; name: string };
  filters: EvaluationFilters;
  metric: DrillDownTarget;
  page: number;
  pageSize: number;
  total: number;
  rows: DrillDownRow[];
}

/** The responses behind a metric (its population), a page at a time; raw answers, so allowed users only. */
export async function listEvaluationResponses(db: Executor, actor: Actor, rawQuery: unknown): Promise<DrillDown> {
  requireRole(actor, ...evaluationReaders);
  const parsed = drillDownQuery.safeParse(rawQuery ?? {});
  if (!parsed.success) throw invalidFilter(parsed.error);
  const scope = await resolveScope(db, actor, parsed.data);
  if (!scope.rawAccess) {
    throw new AppError('forbidden', `De enkelte besvarelser kan kun ses af administratorer og af ledere og konsulenter i ${scope.hub.name}. Du kan se nøgletallene.`, {
      en: `Only administrators and the managers and advisers of ${scope.hub.name} can see the individual responses. You can see the metrics.`,
    });
  }
  const metric = parsed.data.metric ?? 'all';
  const rows = await findResponses(db, {
    hubId: scope.hub.id,
    year: scope.filters.year ?? undefined,
    segment: scope.filters.segment ?? undefined,
    municipalityCode: scope.filters.municipalityCode ?? undefined,
    source: scope.filters.source ?? undefined,
    theme: scope.filters.theme ?? undefined,
  });
  const members = rows
    .map((row) => ({ row, response: toEvaluationResponse(row, scope.hub.name) }))
    .map((item) => ({ ...item, membership: metricMembership(item.response, metric) }))
    .filter((item) => item.membership.inPopulation);
  const page = parsed.data.page;
  const slice = members.slice((page - 1) * DRILL_DOWN_PAGE_SIZE, page * DRILL_DOWN_PAGE_SIZE);
  const names = await findCompanyNames(db, [...new Set(slice.flatMap((item) => (item.row.company_id ? [item.row.company_id] : [])))]);
  return {
    hub: { id: scope.hub.id, name: scope.hub.name },
    filters: scope.filters,
    metric,
    page,
    pageSize: DRILL_DOWN_PAGE_SIZE,
    total: members.length,
    rows: slice.map((item) => ({
      id: item.row.id,
      response: item.response,
      company: item.row.company_id ? { id: item.row.company_id, name: names.get(item.row.company_id) ?? '' } : null,
      counted: item.membership.counted,
    })),
  };
}

/** The answers of a response by question key, as stored (option keys, 0-10). */
export function answersByQuestion(response: EvaluationResponse): Record<QuestionKey, string | number | null> {
  return Object.fromEntries(evaluationQuestions.map((q: EvaluationQuestion) => [q.key, answerOf(response, q.key)])) as Record<QuestionKey, string | number | null>;
}

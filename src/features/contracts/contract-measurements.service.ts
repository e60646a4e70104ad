// Measuring a contract's targets on the platform's data (04-contracts.md): metric targets from the
// user evaluation (03-evaluation.md, the same engine as the explorer), newCompanyShare from the
// evaluation and the CRM, the referral service-goal share from the referrals the hub received, and
// the CRM counts of the year (02-crm.md's year counting rule). External targets use the figure recorded
// on the contract. Each measurement keeps the ids of the records it counts, for the drill-down.
import type { Executor } from '../../db/database.ts';
import type { Contract, CountTarget, MeasurableTarget, Measurement, MetricTarget, TargetFilters } from '../../domain/contracts/contracts.ts';
import { recordedMeasurement } from '../../domain/contracts/contracts.ts';
import { computeEvaluationMetrics, matchesFilter, newCompanyShare, shareMetric, type EvaluationFilter } from '../../domain/evaluation/metrics.ts';
import type { EvaluationResponse } from '../../domain/evaluation/evaluation.types.ts';
import { wilsonInterval } from '../../domain/evaluation/intervals.ts';
import { serviceGoalStatus } from '../../domain/referrals/service-goal.ts';
import { Rational } from '../../domain/money/rational.ts';
import { findResponses, toEvaluationResponse } from '../evaluation/evaluation.repository.ts';
import { metricMembership } from '../evaluation/evaluation.service.ts';
import { findCountedCourses, findGuidedCompaniesInYearAndBefore, findHubEvents, findReferralsReceivedByHub, type CountedCourseRow, type ReceivedReferralRow } from './contract-measurements.repository.ts';

/** What kind of record a target's measurement counts (for the drill-down). */
export type RecordKind = 'response' | 'company' | 'course' | 'referral' | 'activity';

export function recordKindOf(target: MeasurableTarget): RecordKind | null {
  switch (target.kind) {
    case 'metric':
      if (target.metric === 'newCompanyShare') return 'company';
      if (target.metric === 'referralServiceGoalShare') return 'referral';
      return 'response';
    case 'count':
      if (target.count === 'participants') return 'activity';
      if (target.count === 'referralsContactedWithinServiceGoal') return 'referral';
      return 'course';
    case 'external':
      return null;
  }
}

export interface MeasureContext {
  hubId: string;
  hubName: string;
  /** Now: the end of the data period of a year that is not over, and the service-goal clock. */
  now: Date;
}

/** Every measurable target of the contract, measured; keyed by target id. */
export async function measureContract(db: Executor, contract: Contract, context: MeasureContext): Promise<Record<string, Measurement>> {
  const data = new YearData(db, context);
  // Start the reads the targets need at once (on PostgreSQL they run side by side); each runs once.
  for (const goal of contract.goals) {
    for (const target of goal.targets) if (target.kind === 'metric' || target.kind === 'count') data.prefetch(target, target.filters.year ?? contract.year);
  }
  const result: Record<string, Measurement> = {};
  for (const goal of contract.goals) {
    for (const target of goal.targets) {
      if (target.kind === 'activities') continue;
      result[target.id] = await measureTarget(data, contract, target);
    }
  }
  return result;
}

/** One target, measured (the drill-down re-measures the target it lists). */
export async function measureOneTarget(db: Executor, contract: Contract, target: MeasurableTarget, context: MeasureContext): Promise<Measurement> {
  return measureTarget(new YearData(db, context), contract, target);
}

/** The target measured over its year (the contract's unless the target names one), to today while the year runs. */
async function measureTarget(data: YearData, contract: Contract, target: MeasurableTarget): Promise<Measurement> {
  if (target.kind === 'external') return recordedMeasurement(target);
  const year = target.filters.year ?? contract.year;
  if (year > yearOf(data.context.now)) return { kind: 'missing', missing: `${year} er ikke begyndt endnu` };
  const measured = target.kind === 'metric' ? await measureMetric(data, target, year) : await measureCount(data, target, year);
  if (measured.kind === 'missing') return measured;
  const to = year === yearOf(data.context.now) ? data.context.now.toISOString().slice(0, 10) : `${year}-12-31`;
  return { ...measured, period: { from: `${year}-01-01`, to } };
}

async function measureMetric(data: YearData, target: MetricTarget, year: number): Promise<Measurement> {
  if (target.metric === 'referralServiceGoalShare') {
    const decided = (await data.referrals(year)).filter((r) => matchesReferralFilter(r, target.filters)).flatMap((r) => {
      const status = serviceGoalStatus(withGoal(r, target.filters), data.context.now);
      return status.kind === 'contacted' ? [{ id: r.id, met: status.met }] : status.kind === 'overdue' ? [{ id: r.id, met: false }] : [];
    });
    const met = decided.filter((d) => d.met).length;
    if (decided.length === 0) return { kind: 'missing', missing: `ingen henvisninger til erhvervshuset i ${year} med afgjort servicemål` };
    return share(met, decided.length, decided.map((d) => d.id), 'Henvisninger i Knudepunkt');
  }
  const responses = await data.responses(year);
  const filter = evaluationFilterOf(target.filters, year);
  const selected = responses.filter((r) => matchesFilter(r.response, filter));
  if (target.metric === 'newCompanyShare') {
    const guided = await data.guidedCompanies(year);
    const evaluated = selected.flatMap((r) => (r.companyId === null ? [] : [r.companyId]));
    const metric = newCompanyShare({ evaluatedCompanies: evaluated, guidedInYear: guided.get(year) ?? new Set(), guidedInPreviousYear: guided.get(year - 1) ?? new Set() });
    if (metric.value === null) return { kind: 'missing', missing: `ingen evaluerede virksomheder vejledt i ${year}` };
    const population = [...new Set(evaluated)].filter((id) => guided.get(year)?.has(id)).sort();
    return { kind: 'value', value: metric.value, n: metric.n, period: null, recordIds: population, source: 'Brugerevaluering og CRM', interval: metric.interval };
  }
  const metrics = computeEvaluationMetrics(selected.map((r) => r.response));
  const m = metrics[target.metric];
  const recordIds = selected.filter((r) => metricMembership(r.response, target.metric as Exclude<typeof target.metric, 'newCompanyShare' | 'referralServiceGoalShare'>).inPopulation).map((r) => r.id);
  if (m.value === null) return { kind: 'missing', missing: `ingen besvarelser${describeFilter(target.filters)} i ${year}` };
  return { kind: 'value', value: m.value, n: m.n, period: null, recordIds, source: sourceText(target.filters), interval: m.interval };
}

async function measureCount(data: YearData, target: CountTarget, year: number): Promise<Measurement> {
  const f = target.filters;
  switch (target.count) {
    case 'uniqueCompanies':
    case 'courses': {
      const courses = (await data.courses(year)).filter((c) => matchesCourseFilter(c, f));
      const value = target.count === 'courses' ? courses.length : new Set(courses.map((c) => c.companyId)).size;
      return count(value, courses.map((c) => c.id), 'Forløb i Knudepunkt (årstællereglen)');
    }
    case 'participants': {
      const events = await data.events(year);
      return count(events.reduce((sum, e) => sum + e.participants, 0), events.map((e) => e.id), 'Kollektive aktiviteter i Knudepunkt');
    }
    case 'referralsContactedWithinServiceGoal': {
      const met = (await data.referrals(year)).filter((r) => matchesReferralFilter(r, f)).filter((r) => {
        const status = serviceGoalStatus(withGoal(r, f), data.context.now);
        return status.kind === 'contacted' && status.met;
      });
      return count(met.length, met.map((r) => r.id), 'Henvisninger i Knudepunkt');
    }
  }
}

function share(met: number, n: number, recordIds: string[], source: string): Measurement {
  const metric = shareMetric(met, n);
  return { kind: 'value', value: metric.value ?? Rational.ZERO, n, period: null, recordIds, source, interval: wilsonInterval(met, n) };
}

const count = (value: number, recordIds: string[], source: string): Measurement => ({ kind: 'value', value: Rational.of(value), n: null, period: null, recordIds, source });

function evaluationFilterOf(f: TargetFilters, year: number): EvaluationFilter {
  return { year, segment: f.segment, municipalityCode: f.municipalityCode, source: f.source, theme: f.theme };
}

function matchesCourseFilter(course: CountedCourseRow, f: TargetFilters): boolean {
  if (f.categories !== undefined && !f.categories.includes(course.category as never)) return false;
  if (f.theme !== undefined && !course.themes.includes(f.theme)) return false;
  if (f.municipalityCode !== undefined && course.municipalityCode !== f.municipalityCode) return false;
  return true;
}

function matchesReferralFilter(referral: ReceivedReferralRow, f: TargetFilters): boolean {
  return f.referredFrom === undefined || referral.fromOrganisationKind === f.referredFrom;
}

/** The contract's own service goal (Midtjylland 2020: 48 hours) instead of the one the receiver had. */
const withGoal = (r: ReceivedReferralRow, f: TargetFilters) => ({ ...r, serviceGoalHours: f.serviceGoalHours ?? r.serviceGoalHours });

const segmentNames = { growth: 'vækst', operations: 'drift' } as const;

function describeFilter(f: TargetFilters): string {
  const parts = [f.segment ? `segment ${segmentNames[f.segment]}` : null, f.municipalityCode ? `kommune ${f.municipalityCode}` : null, f.theme ? `tema ${f.theme}` : null].filter(Boolean);
  return parts.length === 0 ? '' : ` for ${parts.join(', ')}`;
}

function sourceText(f: TargetFilters): string {
  return f.source === 'erst' ? 'Brugerevaluering (ERST)' : f.source === 'own' ? 'Brugerevaluering (egen)' : 'Brugerevaluering (egen og ERST)';
}

const yearOf = (at: Date) => Number(at.toISOString().slice(0, 4));

interface StoredResponse {
  id: string;
  companyId: string | null;
  response: EvaluationResponse;
}

/** The hub's data per year, each read once however many targets use it. */
class YearData {
  private readonly cache = new Map<string, Promise<unknown>>();
  constructor(
    private readonly db: Executor,
    readonly context: MeasureContext,
  ) {}

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.cache.get(key) as Promise<T> | undefined;
    if (value === undefined) {
      value = load();
      this.cache.set(key, value);
    }
    return value;
  }

  responses(year: number): Promise<StoredResponse[]> {
    return this.once(`responses ${year}`, async () =>
      (await findResponses(this.db, { hubId: this.context.hubId, year })).map((row) => ({ id: row.id, companyId: row.company_id, response: toEvaluationResponse(row, this.context.hubName) })),
    );
  }
  courses(year: number): Promise<CountedCourseRow[]> {
    return this.once(`courses ${year}`, () => findCountedCourses(this.db, this.context.hubId, year));
  }
  referrals(year: number): Promise<ReceivedReferralRow[]> {
    return this.once(`referrals ${year}`, () => findReferralsReceivedByHub(this.db, this.context.hubId, year));
  }
  events(year: number): Promise<{ id: string; participants: number }[]> {
    return this.once(`events ${year}`, () => findHubEvents(this.db, this.context.hubId, year));
  }
  guidedCompanies(year: number): Promise<Map<number, Set<string>>> {
    return this.once(`guided ${year}`, () => findGuidedCompaniesInYearAndBefore(this.db, this.context.hubId, year));
  }

  /** Starts the read(s) a target will need; a failure is reported when the target awaits it. */
  prefetch(target: MetricTarget | CountTarget, year: number): void {
    const reads: Promise<unknown>[] = [];
    if (target.kind === 'metric' && target.metric === 'referralServiceGoalShare') reads.push(this.referrals(year));
    else if (target.kind === 'metric') reads.push(this.responses(year), ...(target.metric === 'newCompanyShare' ? [this.guidedCompanies(year)] : []));
    else if (target.kind === 'count') reads.push(target.count === 'participants' ? this.events(year) : target.count === 'referralsContactedWithinServiceGoal' ? this.referrals(year) : this.courses(year));
    for (const read of reads) read.catch(() => undefined);
  }
}

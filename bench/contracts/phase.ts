// The contract evaluation benchmark (issue 8, items 1 and 4): on the whole synthetic data set
// (`knudepunkt demo generate`: companies, courses with meetings, activities, referrals, evaluation
// responses, 2022–2026) and the shipped contracts (loadReferenceData), the real
// `evaluateStoredContract` for one hub and year — every goal — against the hand-written SQL of
// ./baseline.ts on the same data. Before anything is timed the baseline's numbers must equal the
// service's, exactly (Rational value and n), for every measured target; the run stops otherwise.
// The two are timed alternately in the same loop, so the machine's noise falls on both alike.
import { sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import type { Database } from '../../src/db/database.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { evaluateStoredContract, getContract, type StoredContract } from '../../src/features/contracts/contracts.service.ts';
import { findCountedCourses, findGuidedCompaniesInYearAndBefore } from '../../src/features/contracts/contract-measurements.repository.ts';
import { findGuidedCompaniesByYear, findResponses } from '../../src/features/evaluation/evaluation.repository.ts';
import { generateSyntheticData } from '../../src/db/seed/synthetic/generate.ts';
import type { Scale } from '../../src/db/seed/synthetic/companies.ts';
import { percentile, timed } from '../measure.ts';
import type { BenchTarget } from '../targets.ts';
import { baselineMeasurements, contractBaseline } from './baseline.ts';

const VACUUMED = ['companies', 'company_regions', 'guidance_courses', 'course_meetings', 'activities', 'activity_companies', 'referrals', 'referral_events', 'evaluation_responses'];

/** The contract measured: Nordjylland 2023 (the synthetic years are 2022–2026, so 2023 and 2022 both have data). */
export const CONTRACT_SLUG = 'nordjylland-2023';

export interface Samples {
  min: number;
  p50: number;
  p95: number;
  max: number;
  runs: number;
}

export interface ContractPhaseResult {
  scale: Scale;
  contract: string;
  hubId: string;
  year: number;
  /** What the year holds for the hub: the size of the work. */
  data: { responses: number; countedCourses: number; hubCourses: number };
  /** Seconds to load the whole synthetic data set (one transaction, indexes re-created) and ANALYZE it. */
  generateS: number;
  /** Seconds of the VACUUM ANALYZE after it (the state autovacuum leaves the tables in). */
  vacuumS: number;
  /** Right after the load, before the VACUUM (visibility map not yet set): a few runs of each. */
  beforeVacuum: { service: Samples; baseline: Samples };
  /** Targets whose figure the baseline checked (equal, exact), and the external ones the service reads from the contract. */
  checkedTargets: number;
  externalTargets: number;
  service: Samples;
  baseline: Samples;
  /** Each read the service makes, timed alone (median of the runs): where the time goes. */
  parts: Record<string, Samples>;
  /** PostgreSQL only: the same two with JIT compilation on (`-c jit=on`, PostgreSQL's default; the app turns it off). */
  jitOn?: { service: Samples; baseline: Samples };
}

export interface ContractOptions {
  scale: Scale;
  seed: number;
  runs: number;
  warmup: number;
  log: (message: string) => void;
}

function samples(values: number[]): Samples {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? Number.NaN, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN, runs: sorted.length };
}

const clock = { now: () => new Date() };

/** Throws unless every measured target's figure equals the baseline's, exactly. */
async function checkEqual(database: Database, stored: StoredContract): Promise<{ checked: number; external: number }> {
  const { contract } = stored;
  const evaluated = await evaluateStoredContract(database.db, stored, clock);
  const expected = baselineMeasurements(contract, contract.year, await contractBaseline(database.db, stored.row.business_hub_id, contract.year));
  const differences: string[] = [];
  let external = 0;
  for (const [id, measurement] of Object.entries(evaluated.measurements)) {
    const target = contract.goals.flatMap((g) => g.targets).find((t) => t.id === id);
    if (target?.kind === 'external') {
      external += 1;
      continue;
    }
    const figure = expected.get(id);
    if (!figure) differences.push(`${id}: no baseline figure`);
    else if (measurement.kind === 'missing') {
      if (figure.value !== null) differences.push(`${id}: service has no value (${measurement.missing}), baseline ${figure.value.toString()}`);
    } else if (figure.value === null || !measurement.value.equals(figure.value) || measurement.n !== figure.n) {
      differences.push(`${id}: service ${measurement.value.toString()} (n ${measurement.n}), baseline ${figure.value?.toString() ?? 'none'} (n ${figure.n})`);
    }
  }
  for (const id of expected.keys()) if (!(id in evaluated.measurements)) differences.push(`${id}: not measured by the service`);
  if (differences.length > 0) throw new Error(`the SQL baseline and evaluateStoredContract differ:\n  ${differences.join('\n  ')}`);
  return { checked: expected.size, external };
}

/** `service` and `baseline` alternately (which goes first alternates too), `warmup` untimed pairs first. */
async function timePair(service: () => Promise<unknown>, baseline: () => Promise<unknown>, runs: number, warmup: number) {
  const times = { service: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < warmup + runs; i++) {
    const order: ['service' | 'baseline', () => Promise<unknown>][] = i % 2 === 0 ? [['service', service], ['baseline', baseline]] : [['baseline', baseline], ['service', service]];
    for (const [name, work] of order) {
      const t0 = performance.now();
      await work();
      if (i >= warmup) times[name].push(performance.now() - t0);
    }
  }
  return { service: samples(times.service), baseline: samples(times.baseline) };
}

async function timeAlone(work: () => Promise<unknown>, runs: number, warmup: number): Promise<Samples> {
  for (let i = 0; i < warmup; i++) await work();
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push((await timed(work)).ms);
  return samples(values);
}

async function measureOn(database: Database, runs: number, warmup: number) {
  const stored = await getContract(database.db, systemActor('Benchmark'), CONTRACT_SLUG);
  const { business_hub_id: hubId } = stored.row;
  const year = stored.contract.year;
  const check = await checkEqual(database, stored);
  const pair = await timePair(
    () => evaluateStoredContract(database.db, stored, clock),
    async () => baselineMeasurements(stored.contract, year, await contractBaseline(database.db, hubId, year)),
    runs,
    warmup,
  );
  return { stored, hubId, year, check, ...pair };
}

/**
 * Replaces the loaded companies with the whole synthetic data set at `scale`, checks the baseline
 * against the service and times both. The HTTP phase that follows runs on this data set.
 */
export async function measureContracts(target: BenchTarget, options: ContractOptions): Promise<ContractPhaseResult> {
  options.log(`${target.label}: whole synthetic data set (${options.scale}) for the contract evaluation`);
  const connection = await target.bulkConnection();
  let generateS: number;
  try {
    // The search rounds loaded demo companies only; the generator refuses a database with demo data.
    await connection.query('truncate companies cascade');
    generateS = (await timed(() => generateSyntheticData(connection, options.scale, options.seed, { skipVacuum: true }))).ms / 1000;
  } finally {
    await connection.close();
  }
  // Just loaded (without the VACUUM `demo generate` ends with): no visibility map yet, so no index-only
  // scans — the state a large import leaves until autovacuum comes by.
  let database = await target.open();
  let beforeVacuum: ContractPhaseResult['beforeVacuum'];
  try {
    options.log(`${target.label}: contract evaluation right after the load, before VACUUM`);
    const fresh = await measureOn(database, Math.min(5, options.runs), 1);
    beforeVacuum = { service: fresh.service, baseline: fresh.baseline };
  } finally {
    await database.close();
  }
  const vacuum = await target.bulkConnection();
  let vacuumS: number;
  try {
    vacuumS = (await timed(() => vacuum.query(`vacuum analyze ${VACUUMED.join(', ')}`))).ms / 1000;
  } finally {
    await vacuum.close();
  }
  database = await target.open();
  try {
    options.log(`${target.label}: contract evaluation (${CONTRACT_SLUG}) against the SQL baseline`);
    const { hubId, year, check, service, baseline } = await measureOn(database, options.runs, options.warmup);
    const counts = await sql<{ responses: number; hub_courses: number }>`
      select (select count(*) from evaluation_responses where business_hub_id = ${hubId} and guidance_year = ${year})::int as responses,
             (select count(*) from guidance_courses where business_hub_id = ${hubId})::int as hub_courses`.execute(database.db);
    const countedCourses = (await findCountedCourses(database.db, hubId, year)).length;
    const row = counts.rows[0];
    if (!row || row.responses === 0 || countedCourses === 0) throw new Error(`the synthetic data set has no responses or courses for ${hubId} ${year}`);
    options.log(`${target.label}: where the evaluation's time goes`);
    const partRuns = Math.max(5, Math.round(options.runs / 2));
    const parts = {
      responses: await timeAlone(() => findResponses(database.db, { hubId, year }), partRuns, 2),
      countedCourses: await timeAlone(() => findCountedCourses(database.db, hubId, year), partRuns, 2),
      guidedCompanies: await timeAlone(() => findGuidedCompaniesByYear(database.db, hubId, [year, year - 1]), partRuns, 2),
      // What the service reads for newCompanyShare: the same sets from the two years' meetings only.
      guidedCompaniesTwoYears: await timeAlone(() => findGuidedCompaniesInYearAndBefore(database.db, hubId, year), partRuns, 2),
    };
    const result: ContractPhaseResult = {
      scale: options.scale,
      contract: CONTRACT_SLUG,
      hubId,
      year,
      data: { responses: row.responses, countedCourses, hubCourses: row.hub_courses },
      generateS,
      vacuumS,
      beforeVacuum,
      checkedTargets: check.checked,
      externalTargets: check.external,
      service,
      baseline,
      parts,
    };
    const jitOn = target.openWithJit ? await target.openWithJit() : null;
    if (jitOn) {
      try {
        options.log(`${target.label}: the same with JIT compilation on`);
        const on = await measureOn(jitOn, options.runs, options.warmup);
        result.jitOn = { service: on.service, baseline: on.baseline };
      } finally {
        await jitOn.close();
      }
    }
    return result;
  } finally {
    await database.close();
  }
}

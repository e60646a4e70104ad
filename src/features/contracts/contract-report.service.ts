// The annual report to KKR (04-contracts.md, "The annual report"): composed from the live evaluation,
// the geographic spread and the development over the hub's contract years; issuing freezes it as the
// next version, and versions can be compared.
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Clock } from '../../domain/clock.ts';
import { buildContractReport, reportDecimal } from '../../domain/contracts/report.build.ts';
import { diffReports } from '../../domain/contracts/report.diff.ts';
import type { ContractReport, ReportDevelopmentRow, ReportDifference, ReportNumber, ReportSpreadRow } from '../../domain/contracts/report.types.ts';
import { computeEvaluationMetrics } from '../../domain/evaluation/metrics.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import { Rational } from '../../domain/money/rational.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queryCourseStats } from '../course-stats/course-stats.repository.ts';
import { findResponses, toEvaluationResponse } from '../evaluation/evaluation.repository.ts';
import { findContracts, findReportVersion, findReportVersions, findSpread, insertReportVersion, type ReportVersionRow } from './contracts.repository.ts';
import { evaluateStoredContract, getContract, type EvaluatedContract, type StoredContract } from './contracts.service.ts';

export const drillDownPath = (contractId: string, goalNumber: number, targetId: string) => `/kontrakter/${contractId}/maal/${goalNumber}/${encodeURIComponent(targetId)}`;

/** The report as the data stands now. */
export async function composeReport(db: Executor, evaluated: EvaluatedContract, clock: Clock): Promise<ContractReport> {
  const { row, contract } = evaluated;
  const drillDownPaths: Record<string, string> = {};
  for (const goal of contract.goals) for (const target of goal.targets) if (target.kind !== 'activities' && target.kind !== 'external') drillDownPaths[target.id] = drillDownPath(row.id, goal.number, target.id);
  const stats = await queryCourseStats(db, row.business_hub_id, contract.year);
  const spread: ReportSpreadRow[] = (await findSpread(db, row.business_hub_id, stats.municipalities)).map((m) => ({
    municipalityCode: m.code,
    municipalityName: m.name,
    guidedCompanies: m.guidedCompanies,
    courses: m.courses,
    companyPopulation: m.companyPopulation,
    guidedShare: m.companyPopulation === null ? null : shareNumber(m.guidedCompanies, m.companyPopulation),
  }));
  return buildContractReport({ contract, evaluation: evaluated.evaluation, computedAt: evaluated.computedAt, drillDownPaths, spread, development: await development(db, evaluated, clock) });
}

/** Key figures for each of the hub's contract years up to this one (and this one's evaluation). */
async function development(db: Executor, evaluated: EvaluatedContract, clock: Clock): Promise<ReportDevelopmentRow[]> {
  const { row } = evaluated;
  const contracts = (await findContracts(db, row.region_code)).filter((k) => k.business_hub_id === row.business_hub_id && k.year <= row.year);
  const years = [...new Set([...contracts.map((k) => k.year), row.year])].sort((a, b) => a - b);
  const result: ReportDevelopmentRow[] = [];
  for (const year of years) {
    const stats = await queryCourseStats(db, row.business_hub_id, year);
    const responses = (await findResponses(db, { hubId: row.business_hub_id, year })).map((r) => toEvaluationResponse(r, row.hub_name));
    const metrics = computeEvaluationMetrics(responses);
    const yearContract = contracts.find((k) => k.year === year);
    let goals: { fulfilled: number; total: number } | null = null;
    if (yearContract && yearContract.id === row.id) goals = fulfilledOf(evaluated);
    else if (yearContract) {
      const other = await evaluateStoredContract(db, await getContract(db, { kind: 'system', name: 'afrapportering' }, yearContract.id), clock);
      goals = fulfilledOf(other);
    }
    result.push({
      year,
      uniqueCompanies: stats.companies.uniqueCompanies,
      courses: stats.categories.reduce((sum, c) => sum + c.courses, 0),
      nps: numberOf(metrics.nps.value),
      npsN: metrics.nps.n,
      referralUptakeShare: numberOf(metrics.referralUptakeShare.value),
      goalsFulfilled: goals?.fulfilled ?? null,
      goalsTotal: goals?.total ?? null,
    });
  }
  return result;
}

const fulfilledOf = (e: EvaluatedContract) => ({ fulfilled: e.evaluation.goals.filter((g) => g.status === 'fulfilled').length, total: e.evaluation.goals.length });

const numberOf = (value: Rational | null): ReportNumber | null => (value === null ? null : reportDecimal(value));

const shareNumber = (count: number, of: number): ReportNumber => reportDecimal(Rational.of(count * 100, of));

/** Issues the report: freezes the numbers as the next version (04-contracts.md). */
export async function issueReport(db: Executor, actor: Actor, stored: StoredContract, note: string | null, clock: Clock): Promise<number> {
  if (!stored.mayEdit) throw forbidden(`may not issue the report of ${stored.row.slug}`);
  const report = await composeReport(db, await evaluateStoredContract(db, stored, clock), clock);
  const trimmed = note?.trim() || null;
  if (trimmed !== null && trimmed.length > 2000) throw new AppError('validation', 'Bemærkningen er for lang (højst 2.000 tegn).', { en: 'The note is too long (at most 2,000 characters).', fields: [{ field: 'note', message: 'Bemærkningen er for lang (højst 2.000 tegn).' }] });
  const version = await insertReportVersion(db, { contractId: stored.row.id, report, userId: actor.kind === 'user' ? actor.userId : null, userName: actor.name, note: trimmed, now: clock.now() });
  await recordAudit(db, actor, { action: 'create', entityType: 'contract-report', entityId: `${stored.row.id}/v${version}`, after: { version, note: trimmed, summary: report.summary } });
  return version;
}

export async function listReportVersions(db: Executor, stored: StoredContract): Promise<ReportVersionRow[]> {
  return findReportVersions(db, stored.row.id);
}

export interface IssuedReport extends ReportVersionRow {
  report: ContractReport;
  /** The differences from the version before (empty for version 1). */
  differences: ReportDifference[];
  previousVersion: number | null;
}

export async function getIssuedReport(db: Executor, stored: StoredContract, version: number): Promise<IssuedReport> {
  const found = await findReportVersion(db, stored.row.id, version);
  if (!found) throw notFound(`Version ${version} af afrapporteringen`, `Version ${version} of the report was not found.`);
  const previous = version > 1 ? await findReportVersion(db, stored.row.id, version - 1) : undefined;
  return { ...found, differences: previous ? diffReports(previous.report, found.report) : [], previousVersion: previous?.version ?? null };
}

/** What has changed in the data since a version was issued. */
export async function differencesSinceIssued(db: Executor, stored: StoredContract, version: number, live: ContractReport): Promise<ReportDifference[]> {
  const found = await findReportVersion(db, stored.row.id, version);
  if (!found) throw notFound(`Version ${version} af afrapporteringen`, `Version ${version} of the report was not found.`);
  return diffReports(found.report, live);
}

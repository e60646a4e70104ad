// Builds the annual report to KKR (04-contracts.md, "The annual report") from a contract, its
// evaluation and the figures the service read: pure, no I/O. Every number is carried exact (the
// Rational as "181/250") and as shown in Danish ("72,4"; counts "1.234"), so a frozen report can be
// compared exactly with a later version and rendered the same way on the web, in PDF and in Excel.
import type { Rational } from '../money/rational.ts';
import type { Activity, Contract, Goal, Target } from './contract.schema.ts';
import type { GoalEvaluation, TargetEvaluation } from './contract.evaluate.ts';
import { unitOf } from './contract.evaluate.ts';
import {
  activityStatusLabels,
  comparisonSymbols,
  contractStatusLabels,
  goalKindLabels,
  goalStatusLabels,
  metricLabels,
} from './contract.vocabulary.ts';
import type { GoalStatus } from './contract.vocabulary.ts';
import { formatContractDecimal } from './decimal.ts';
import type { ContractReport, ReportActivity, ReportGoal, ReportInputs, ReportNumber, ReportTarget } from './report.types.ts';

/** "1234567" → "1.234.567" (Danish thousands separator) on the integer part of a plain decimal string. */
function groupThousands(text: string): string {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [int, frac] = body.split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${frac === undefined ? '' : `,${frac}`}`;
}

/** Danish notation with a fixed number of decimals: 1234.56 → "1.234,6" (digits = 1). */
export function formatDanish(value: Rational, digits: number): string {
  return groupThousands(value.toFixed(digits));
}

/** A share or NPS: exact fraction, shown with one decimal ("181/250" → "72,4"). */
export function reportDecimal(value: Rational): ReportNumber {
  return { exact: value.toString(), shown: formatDanish(value, 1) };
}

/** A count: whole numbers with thousands separators ("1.234"); a non-integer falls back to one decimal. */
export function reportCount(value: Rational): ReportNumber {
  return { exact: value.toString(), shown: formatDanish(value, value.isInteger() ? 0 : 1) };
}

/** A fulfilment percent: "100" and "50" as they are, "200/3" with one decimal ("66,7"). */
export function reportPercent(value: Rational): ReportNumber {
  return reportCount(value);
}

/** An interval bound (a float, for showing only) in Danish with one decimal; never "-0,0". */
function intervalBound(value: number): string {
  const text = (Math.round(value * 10) / 10).toFixed(1);
  return (text === '-0.0' ? '0.0' : text).replace('.', ',');
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The Danish status word as shown in tables and headings ("Ikke målbart"). */
export const goalStatusText = (status: GoalStatus) => capitalise(goalStatusLabels[status].da);

const isCount = (target: Target) => target.kind === 'count';

/** A target's value or threshold as a report number: counts whole ("1.234"), shares and NPS with one decimal. */
export function targetNumber(target: Target, value: Rational): ReportNumber {
  return isCount(target) ? reportCount(value) : reportDecimal(value);
}

/** "≥ 70", "≥ 50 %", "> 0 procentpoint", "≥ 3.800", "alle indsatser tilfredsstillende gennemført". */
export function requirementText(target: Target, goal: Goal): string {
  if (target.kind === 'activities') {
    const proportional = goal.rule.kind === 'activities' && goal.rule.partial === 'proportional';
    return proportional
      ? 'indsatserne tilfredsstillende gennemført (forholdsmæssig opfyldelse)'
      : 'alle indsatser tilfredsstillende gennemført';
  }
  const threshold = isCount(target) ? formatDanish(target.threshold, target.threshold.isInteger() ? 0 : 1) : formatContractDecimal(target.threshold);
  return `${comparisonSymbols[target.comparison]} ${threshold}${unitOf(target)}`;
}

function unitText(target: Target): string {
  if (target.kind === 'metric') return metricLabels[target.metric].unit;
  if (target.kind === 'external') return target.unit;
  return '';
}

/** "36 % (september 2021); delmål: ≥ 45 % i 2021, ≥ 47 % i 2022". */
function baselineText(target: Target): string | null {
  if (target.kind !== 'metric' && target.kind !== 'external') return null;
  const parts: string[] = [];
  const b = target.baseline;
  if (b !== undefined) {
    const when = [b.note, b.date].filter((x) => x !== undefined).join(', ');
    parts.push(`${formatContractDecimal(b.value)}${unitOf(target)}${when === '' ? '' : ` (${when})`}`);
  }
  const milestones = target.milestones ?? [];
  if (milestones.length > 0) {
    parts.push(`delmål: ${milestones.map((m) => `${comparisonSymbols[m.comparison]} ${formatContractDecimal(m.threshold)}${unitOf(target)} i ${m.year}`).join(', ')}`);
  }
  return parts.length === 0 ? null : parts.join('; ');
}

function activity(a: Activity): ReportActivity {
  return {
    id: a.id,
    name: a.name,
    status: a.status,
    statusLabel: capitalise(activityStatusLabels[a.status].da),
    evidence: a.evidence.map((e) => ({ kind: e.kind, value: e.value, label: e.label ?? null, date: e.date ?? null })),
    note: a.note ?? null,
  };
}

function reportTarget(target: Target, goal: Goal, evaluation: TargetEvaluation | undefined, drillDownPaths: Readonly<Record<string, string>>): ReportTarget {
  const m = evaluation?.measurement;
  const value = m !== undefined && m !== null && m.kind === 'value' ? m : null;
  const measured = value !== null && evaluation?.missing === null ? value : null;
  let source: string | null = value?.source ?? null;
  if (target.kind === 'external' && value !== null) {
    const name = source ?? target.measuredBy;
    const date = value.period?.to;
    source = date === undefined || name.includes(date) ? name : `${name}, ${date}`;
  }
  const interval = measured?.interval ?? null;
  return {
    id: target.id,
    kind: target.kind,
    label: target.label,
    requirement: requirementText(target, goal),
    comparison: target.kind === 'activities' ? null : target.comparison,
    threshold: target.kind === 'activities' ? null : targetNumber(target, target.threshold),
    unit: unitText(target),
    result: measured === null ? null : targetNumber(target, measured.value),
    n: measured?.n ?? null,
    interval: interval === null ? null : { low: intervalBound(interval.low), high: intervalBound(interval.high) },
    period: measured?.period ? { from: measured.period.from, to: measured.period.to } : null,
    source,
    holds: evaluation?.holds ?? null,
    missing: evaluation === undefined ? 'ikke vurderet' : evaluation.missing,
    recordCount: value?.recordIds.length ?? 0,
    drillDownPath: drillDownPaths[target.id] ?? null,
    baseline: baselineText(target),
    activities: target.kind === 'activities' ? target.activities.map(activity) : [],
  };
}

function reportGoal(goal: Goal, evaluation: GoalEvaluation | undefined, drillDownPaths: Readonly<Record<string, string>>): ReportGoal {
  const byId = new Map((evaluation?.targets ?? []).map((t) => [t.target.id, t]));
  const status: GoalStatus = evaluation?.status ?? 'notMeasurable';
  return {
    number: goal.number,
    title: goal.title,
    kind: goal.kind,
    kindLabel: goalKindLabels[goal.kind].da,
    text: goal.text,
    method: goal.method ?? null,
    rationale: goal.rationale ?? null,
    targets: goal.targets.map((t) => reportTarget(t, goal, byId.get(t.id), drillDownPaths)),
    status,
    statusLabel: goalStatusText(status),
    fulfilment: evaluation?.percent ? reportPercent(evaluation.percent) : null,
    explanation: evaluation?.explanation ?? 'Målet er ikke vurderet.',
    missing: evaluation?.missing ?? [],
    corrections: goal.corrections.map((c) => ({ field: c.field, stated: c.stated, applied: c.applied, reason: c.reason })),
  };
}

/** The calendar day (YYYY-MM-DD) of an instant in Copenhagen. */
function copenhagenDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The contract year, cut at the day the numbers were computed while the year is not over. */
export function reportPeriod(year: number, computedAt: Date): { from: string; to: string } {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  const today = copenhagenDay(computedAt);
  const to = today < from ? from : today < end ? today : end;
  return { from, to };
}

export function buildContractReport(inputs: ReportInputs): ContractReport {
  const { contract, evaluation } = inputs;
  const evaluations = new Map(evaluation.goals.map((g) => [g.goalNumber, g]));
  const goals = [...contract.goals]
    .sort((a, b) => a.number - b.number)
    .map((goal) => reportGoal(goal, evaluations.get(goal.number), inputs.drillDownPaths));
  const count = (status: GoalStatus) => goals.filter((g) => g.status === status).length;
  return {
    contractId: contract.id,
    title: contract.title,
    hub: contract.hub,
    kkr: contract.kkr,
    year: contract.year,
    contractStatus: contractStatusLabels[contract.status].da,
    computedAt: inputs.computedAt.toISOString(),
    period: reportPeriod(contract.year, inputs.computedAt),
    baseGrant: baseGrant(contract),
    summary: {
      fulfilled: count('fulfilled'),
      partlyFulfilled: count('partlyFulfilled'),
      notFulfilled: count('notFulfilled'),
      notMeasurable: count('notMeasurable'),
      total: goals.length,
    },
    goals,
    spread: inputs.spread.map((row) => ({ ...row, guidedShare: row.guidedShare === null ? null : { ...row.guidedShare } })),
    development: inputs.development.map((row) => ({
      ...row,
      nps: row.nps === null ? null : { ...row.nps },
      referralUptakeShare: row.referralUptakeShare === null ? null : { ...row.referralUptakeShare },
    })),
  };
}

function baseGrant(contract: Contract): ContractReport['baseGrant'] {
  if (contract.baseGrant === undefined) return null;
  return { amount: reportCount(contract.baseGrant.amount), distributionKey: contract.baseGrant.distributionKey };
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** "2023-09-30" → "30. september 2023" (a date as written in Danish documents). */
export function formatDanishDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (m === null) return day;
  return `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** An ISO instant as "15. februar 2024 kl. 11.00", in Copenhagen time. */
export function formatDanishDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${formatDanishDate(copenhagenDay(at))} kl. ${time.replace(':', '.')}`;
}

/** "1. januar 2023 – 31. december 2023". */
export const formatDanishPeriod = (period: { from: string; to: string }) =>
  period.from === period.to ? formatDanishDate(period.from) : `${formatDanishDate(period.from)} – ${formatDanishDate(period.to)}`;

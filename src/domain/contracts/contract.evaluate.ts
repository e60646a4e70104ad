// Judging a goal (04-contracts.md, "Fulfilment rules"): the caller measures each target (a metric from
// the responses, a CRM count, an entered external figure) and hands the measurements in through a
// MeasurementProvider; activities are judged on their recorded status. Everything is exact: a value is
// a Rational and is compared with the exact threshold, so an NPS of 59.96 does not meet "≥ 60".
// Missing data never becomes 0 % or 100 % by accident: a metric with n = 0, or any target the rule
// depends on without a value, makes the goal "not measurable", with what is missing — also when
// another target already fails (the rule is only judged on complete data).
import { Rational } from '../money/rational.ts';
import type { ConfidenceInterval } from '../evaluation/intervals.ts';
import type { IsoDate } from '../guidance/guidance.types.ts';
import type {
  ActivitiesTarget,
  Contract,
  CountTarget,
  ExternalTarget,
  Goal,
  MetricTarget,
  Target,
  Tier,
  TierCondition,
} from './contract.schema.ts';
import { activityStatusLabels, comparisonSymbols, countLabels, metricLabels } from './contract.vocabulary.ts';
import type { Comparison, GoalStatus } from './contract.vocabulary.ts';
import { HUNDRED, formatContractDecimal } from './decimal.ts';

/** The data period a figure covers (inclusive). */
export interface DataPeriod {
  from: IsoDate;
  to: IsoDate;
}

/**
 * A measured value with what is needed to show where it comes from: n (answers behind a metric, or
 * null where n has no meaning), the data period, and the ids of the records counted (responses,
 * courses, referrals) so every figure in a report can link to them.
 */
export interface MeasuredValue {
  kind: 'value';
  value: Rational;
  n: number | null;
  period: DataPeriod | null;
  recordIds: readonly string[];
  source?: string;
  /** 95 % interval for a share (Wilson) or NPS (standard error), in percent or NPS points. */
  interval?: ConfidenceInterval | null;
}

/** No value, and why ("ingen besvarelser for segment drift i 2023", "kendskabsmålingen er ikke indtastet"). */
export interface MissingMeasurement {
  kind: 'missing';
  missing: string;
}

export type Measurement = MeasuredValue | MissingMeasurement;

export type MeasurableTarget = MetricTarget | CountTarget | ExternalTarget;

/** Supplied by the caller (the contracts service measures on the database; tests supply fixed values). */
export interface MeasurementProvider {
  measure(target: MeasurableTarget, goal: Goal): Measurement;
}

export interface ActivityTally {
  done: number;
  total: number;
  /** Activities not (yet) satisfactorily completed, with their status in Danish. */
  outstanding: { id: string; name: string; status: string }[];
}

export interface TargetEvaluation {
  target: Target;
  /** true/false when judged; null when it cannot be judged (see `missing`). */
  holds: boolean | null;
  measurement: Measurement | null;
  missing: string | null;
  activities: ActivityTally | null;
}

export interface GoalEvaluation {
  goalNumber: number;
  title: string;
  status: GoalStatus;
  /** Exact fulfilment percent (e.g. 200/3 for 2 of 3 activities, proportional); null when not measurable. */
  percent: Rational | null;
  targets: TargetEvaluation[];
  /** What is missing, one line per target the rule could not judge (empty unless notMeasurable). */
  missing: string[];
  /** The index (0-based) of the tier that matched, for a tiers rule. */
  matchedTier: number | null;
  /** One Danish sentence saying how the percent came about. */
  explanation: string;
}

export interface ContractEvaluation {
  contractId: string;
  year: number;
  goals: GoalEvaluation[];
}

/** value ⋈ threshold, exactly. */
export function compareExact(value: Rational, comparison: Comparison, threshold: Rational): boolean {
  const c = value.compare(threshold);
  switch (comparison) {
    case '>=':
      return c >= 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '<':
      return c < 0;
  }
}

/** The external figure as entered on the target (value, source, date, document), or missing. */
export function recordedMeasurement(target: ExternalTarget): Measurement {
  const r = target.recorded;
  if (r === undefined) return { kind: 'missing', missing: `ingen værdi indtastet fra ${target.measuredBy}` };
  return {
    kind: 'value',
    value: r.value,
    n: r.n ?? null,
    period: { from: r.date, to: r.date },
    recordIds: r.document === undefined ? [] : [r.document],
    source: r.source,
  };
}

/**
 * A provider from fixed measurements keyed by target id. External targets without an entry use the
 * figure recorded on the target; other targets without an entry are missing.
 */
export function measurementsByTargetId(measurements: Readonly<Record<string, Measurement>>): MeasurementProvider {
  return {
    measure(target) {
      const m = measurements[target.id];
      if (m !== undefined) return m;
      if (target.kind === 'external') return recordedMeasurement(target);
      return { kind: 'missing', missing: 'ingen måling' };
    },
  };
}

export function evaluateContract(contract: Contract, provider: MeasurementProvider): ContractEvaluation {
  return { contractId: contract.id, year: contract.year, goals: contract.goals.map((goal) => evaluateGoal(goal, provider)) };
}

export function evaluateGoal(goal: Goal, provider: MeasurementProvider): GoalEvaluation {
  const targets = goal.targets.map((target) => evaluateTarget(target, goal, provider));
  const byId = new Map(targets.map((t) => [t.target.id, t]));
  const base = { goalNumber: goal.number, title: goal.title, targets };

  const dependsOn = ruleTargets(goal).map((id) => byId.get(id)).filter((t): t is TargetEvaluation => t !== undefined);
  const missing = dependsOn.filter((t) => t.holds === null).map((t) => `${t.target.label}: ${t.missing ?? 'ingen måling'}`);
  if (missing.length > 0) {
    return { ...base, status: 'notMeasurable', percent: null, missing, matchedTier: null, explanation: `Ikke målbart: ${missing.join('; ')}.` };
  }

  const rule = goal.rule;
  if (rule.kind === 'all') {
    const failing = dependsOn.filter((t) => t.holds === false);
    const percent = failing.length === 0 ? HUNDRED : Rational.ZERO;
    const explanation =
      failing.length === 0
        ? 'Alle målepunkter er opfyldt.'
        : `Ikke opfyldt: ${failing.map((t) => t.target.label).join('; ')}.`;
    return { ...base, status: statusOf(percent), percent, missing: [], matchedTier: null, explanation };
  }

  if (rule.kind === 'activities') {
    const tallies = dependsOn.map((t) => t.activities).filter((a): a is ActivityTally => a !== null);
    const done = tallies.reduce((s, a) => s + a.done, 0);
    const total = tallies.reduce((s, a) => s + a.total, 0);
    const percent =
      rule.partial === 'proportional'
        ? HUNDRED.mul(Rational.of(done, total))
        : done === total
          ? HUNDRED
          : Rational.ZERO;
    const explanation = `${done} af ${total} indsatser er tilfredsstillende gennemført${rule.partial === 'proportional' ? ' (forholdsmæssig opfyldelse)' : ''}.`;
    return { ...base, status: statusOf(percent), percent, missing: [], matchedTier: null, explanation };
  }

  // Tiers: read top to bottom, first match wins, else 0 %.
  for (const [index, tier] of rule.tiers.entries()) {
    if (tier.when.every((condition) => conditionHolds(condition, byId))) {
      return {
        ...base,
        status: statusOf(tier.percent),
        percent: tier.percent,
        missing: [],
        matchedTier: index,
        explanation: `${describeTier(tier, goal)} → ${formatContractDecimal(tier.percent)} %.`,
      };
    }
  }
  return {
    ...base,
    status: 'notFulfilled',
    percent: Rational.ZERO,
    missing: [],
    matchedTier: null,
    explanation: `Ingen af trinene er nået (${rule.tiers.map((t) => describeTier(t, goal)).join('; ')}) → 0 %.`,
  };
}

/** The ids of the targets the goal's rule judges on, in the goal's order. */
export function ruleTargets(goal: Goal): string[] {
  switch (goal.rule.kind) {
    case 'all':
      return goal.targets.map((t) => t.id);
    case 'activities':
      return goal.targets.filter((t) => t.kind === 'activities').map((t) => t.id);
    case 'tiers': {
      const used = new Set(goal.rule.tiers.flatMap((tier) => tier.when.map((c) => c.target)));
      return goal.targets.filter((t) => used.has(t.id)).map((t) => t.id);
    }
  }
}

function evaluateTarget(target: Target, goal: Goal, provider: MeasurementProvider): TargetEvaluation {
  if (target.kind === 'activities') return evaluateActivities(target);
  const measurement = provider.measure(target, goal);
  if (measurement.kind === 'missing') {
    return { target, holds: null, measurement, missing: measurement.missing, activities: null };
  }
  // A share or survey figure over no answers has no value; a count of 0 is a real count.
  if (target.kind !== 'count' && measurement.n === 0) {
    return { target, holds: null, measurement, missing: 'ingen besvarelser (n = 0)', activities: null };
  }
  return {
    target,
    holds: compareExact(measurement.value, target.comparison, target.threshold),
    measurement,
    missing: null,
    activities: null,
  };
}

function evaluateActivities(target: ActivitiesTarget): TargetEvaluation {
  const outstanding = target.activities
    .filter((a) => a.status !== 'done')
    .map((a) => ({ id: a.id, name: a.name, status: activityStatusLabels[a.status].da }));
  const total = target.activities.length;
  const tally: ActivityTally = { done: total - outstanding.length, total, outstanding };
  return { target, holds: outstanding.length === 0, measurement: null, missing: null, activities: tally };
}

function conditionHolds(condition: TierCondition, byId: ReadonlyMap<string, TargetEvaluation>): boolean {
  const t = byId.get(condition.target);
  // The schema guarantees the target exists and evaluateGoal returns notMeasurable before any tier
  // is read when one of them has no value; these guards only keep the types honest.
  if (t === undefined || t.holds === null) throw new Error(`tier condition on unmeasured target ${condition.target}`);
  if (condition.comparison === undefined || condition.threshold === undefined) return t.holds;
  if (t.measurement === null || t.measurement.kind !== 'value') throw new Error(`tier threshold on target ${condition.target} without a value`);
  return compareExact(t.measurement.value, condition.comparison, condition.threshold);
}

function describeTier(tier: Tier, goal: Goal): string {
  return tier.when
    .map((c) => {
      const target = goal.targets.find((t) => t.id === c.target);
      const label = target === undefined ? c.target : targetShortLabel(target);
      if (c.comparison === undefined || c.threshold === undefined) return `${label} opfyldt`;
      return `${label} ${comparisonSymbols[c.comparison]} ${formatContractDecimal(c.threshold)}${target === undefined ? '' : unitOf(target)}`;
    })
    .join(' og ');
}

function targetShortLabel(target: Target): string {
  switch (target.kind) {
    case 'metric':
      return metricLabels[target.metric].da;
    case 'count':
      return countLabels[target.count].da;
    default:
      return target.label;
  }
}

/** The unit to show after a threshold: " %" for shares, " procentpoint", or nothing. */
export function unitOf(target: Target): string {
  switch (target.kind) {
    case 'metric':
      return metricLabels[target.metric].unit === '%' ? ' %' : '';
    case 'external':
      return target.unit === '' ? '' : ` ${target.unit}`;
    default:
      return '';
  }
}

function statusOf(percent: Rational): GoalStatus {
  if (percent.equals(HUNDRED)) return 'fulfilled';
  if (percent.isZero()) return 'notFulfilled';
  return 'partlyFulfilled';
}

// Small builders for the shipped contracts: they produce the plain input form (thresholds as exact
// decimal strings) that contractSchema reads, so every seed goes through the same validation as a
// contract entered in the platform.
import type { ContractInput, GoalInput } from '../contract.schema.ts';
import type { Comparison, CountKey, MetricKey } from '../contract.vocabulary.ts';

export type TargetInput = GoalInput['targets'][number];
export type RuleInput = GoalInput['rule'];
type FiltersInput = NonNullable<Extract<TargetInput, { kind: 'metric' }>['filters']>;
type ExternalExtra = Partial<Pick<Extract<TargetInput, { kind: 'external' }>, 'baseline' | 'milestones' | 'recorded'>>;
type MetricExtra = Partial<Pick<Extract<TargetInput, { kind: 'metric' }>, 'baseline' | 'milestones'>>;

/** A checklist of named activities, each starting as notStarted; ids are `<id>-1`, `<id>-2`, … */
export function activities(id: string, label: string, names: readonly string[]): TargetInput {
  return { kind: 'activities', id, label, activities: names.map((name, i) => ({ id: `${id}-${i + 1}`, name })) };
}

/**
 * For goals where the source only gives the number of activities: "Aktivitet 1" … "Aktivitet n",
 * to be renamed when the hub enters its activities.
 */
export function numberedActivities(id: string, label: string, count: number): TargetInput {
  return activities(id, label, Array.from({ length: count }, (_, i) => `Aktivitet ${i + 1}`));
}

export function metric(
  id: string,
  label: string,
  key: MetricKey,
  filters: FiltersInput,
  comparison: Comparison,
  threshold: string,
  extra: MetricExtra = {},
): TargetInput {
  return { kind: 'metric', id, label, metric: key, filters, comparison, threshold, ...extra };
}

export function count(id: string, label: string, key: CountKey, filters: FiltersInput, comparison: Comparison, threshold: string): TargetInput {
  return { kind: 'count', id, label, count: key, filters, comparison, threshold };
}

export function external(
  id: string,
  label: string,
  measuredBy: string,
  unit: '%' | 'procentpoint' | '',
  comparison: Comparison,
  threshold: string,
  extra: ExternalExtra = {},
): TargetInput {
  return { kind: 'external', id, label, measuredBy, unit, comparison, threshold, ...extra };
}

/** Tiers on one target: [[threshold, percent], …] read top to bottom, each "≥ threshold". */
export function tiersAtLeast(target: string, steps: readonly (readonly [string, string])[]): RuleInput {
  return { kind: 'tiers', tiers: steps.map(([threshold, percent]) => ({ when: [{ target, comparison: '>=', threshold }], percent })) };
}

export const all: RuleInput = { kind: 'all' };
export const allActivitiesDone: RuleInput = { kind: 'activities', partial: 'none' };

/** The reporting line every contract states: the hub (its director) reports to KKR yearly and when KKR asks. */
export function reportingToKkr(hub: string, kkr: string): GoalInput['reporting'] {
  return [{ from: `${hub} (direktøren)`, to: kkr, frequency: 'årligt og når KKR ønsker det' }];
}

export function parties(hub: string, kkr: string): ContractInput['parties'] {
  return [
    { role: 'kkr', name: kkr },
    { role: 'hub', name: hub },
  ];
}

export function chairs(hub: string, kkr: string): NonNullable<ContractInput['signatories']> {
  return [
    { party: 'kkr', title: `Formand for ${kkr}` },
    { party: 'hub', title: `Bestyrelsesformand for ${hub}` },
  ];
}

// The Danish sentence that says what an allocation was based on (spec 05, "Data": the allocation
// records which data set and date it used, "bopælskommunefolketal pr. 1. kvt. 2022").
import type { Rational } from '../money/rational.ts';
import { formatDanishNumber, formatDanishPercent, joinDanish } from './allocation.format.ts';
import type { AllocationUnit } from './allocation.types.ts';

export interface CriterionDescription {
  key: string;
  /** What the values are, e.g. "bopælskommunefolketal"; the key is used when absent. */
  label?: string | undefined;
  /** The data date, e.g. "1. kvt. 2022"; rendered as "pr. 1. kvt. 2022". */
  period?: string | undefined;
  /** Needed to say "med 50 % efter …" when there is more than one criterion. */
  weight?: Rational | undefined;
}

/**
 * "fordelt efter bopælskommunefolketal pr. 1. kvt. 2022", or with several criteria
 * "fordelt med 50 % efter bopælskommunefolketal pr. 1. kvt. 2022 og 50 % efter antal ansatte".
 * Criteria with weight 0 are left out (they do not affect the result). When a weight is missing
 * for one of several criteria, the percentages are left out: "fordelt efter X og Y".
 */
export function describeDistributionKey(criteria: readonly CriterionDescription[]): string {
  const used = criteria.filter((c) => c.weight === undefined || !c.weight.isZero());
  if (used.length === 0) return '';
  const phrase = (c: CriterionDescription): string =>
    `${c.label?.trim() || c.key}${c.period?.trim() ? ` pr. ${c.period.trim()}` : ''}`;
  if (used.length === 1) return `fordelt efter ${phrase(used[0]!)}`;
  if (used.some((c) => c.weight === undefined)) return `fordelt efter ${joinDanish(used.map(phrase))}`;
  return `fordelt med ${joinDanish(used.map((c) => `${formatDanishPercent(c.weight!)} efter ${phrase(c)}`))}`;
}

const UNIT_LABELS: Record<AllocationUnit, { one: string; many: string }> = {
  DKK: { one: 'kr.', many: 'kr.' },
  '1000 DKK': { one: '1.000 kr.', many: '1.000 kr.' },
  places: { one: 'plads', many: 'pladser' },
  persons: { one: 'person', many: 'personer' },
};

/** "100 pladser", "17.291 (1.000 kr.)", "1.234,5 kr." */
export function describeAmount(amount: Rational, unit: AllocationUnit): string {
  const labels = UNIT_LABELS[unit];
  const text = formatDanishNumber(amount);
  if (unit === '1000 DKK') return `${text} (${labels.many})`;
  return `${text} ${amount.isInteger() && amount.num === 1n ? labels.one : labels.many}`;
}

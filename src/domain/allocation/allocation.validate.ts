// The rules of spec 05 that need the whole allocation. Returns every error found, not the first.
import { Rational, sumRationals } from '../money/rational.ts';
import { allocationErrors as E } from './allocation.messages.ts';
import { findTransferCycles } from './allocation.transfers.ts';
import { ALLOCATION_UNITS, ROUNDING_METHODS } from './allocation.types.ts';
import type {
  AllocationError,
  AllocationInput,
  AllocationUnit,
  Criterion,
  RecipientInput,
  RoundingMethod,
  ValidationResult,
} from './allocation.types.ts';

/** AllocationInput before its strings are checked; JSON and typed callers both produce one. */
export interface AllocationDraft {
  name: string;
  total: Rational;
  unit: string;
  resolution?: Rational | undefined;
  method?: string | undefined;
  criteria: readonly Criterion[];
  recipients: readonly RecipientInput[];
  derived?: readonly { name: string; factor: Rational; method?: string | undefined }[] | undefined;
}

/** Validates a typed allocation (e.g. one a service built from the database). */
export function validateAllocation(input: AllocationInput): AllocationError[] {
  const result = validateAllocationDraft(input);
  return result.ok ? [] : result.errors;
}

export function validateAllocationDraft(draft: AllocationDraft): ValidationResult<AllocationInput> {
  const errors: AllocationError[] = [];
  const resolution = draft.resolution ?? Rational.ONE;
  if (draft.name.trim() === '') errors.push(E.emptyText('name'));
  errors.push(...checkTotal(draft.total, resolution));
  if (!isUnit(draft.unit)) errors.push(E.unknownUnit('unit', draft.unit));
  const method = draft.method ?? 'largestRemainder';
  if (!isMethod(method)) errors.push(E.unknownMethod('method', method));
  errors.push(...checkCriteria(draft.criteria));
  const recipientErrors = checkRecipients(draft.recipients, draft.criteria);
  errors.push(...recipientErrors);
  if (recipientErrors.length === 0) errors.push(...checkCriterionSums(draft.recipients, draft.criteria));
  errors.push(...checkDerived(draft.derived ?? []));
  if (errors.length > 0 || !isUnit(draft.unit) || !isMethod(method)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name: draft.name,
      total: draft.total,
      unit: draft.unit,
      resolution,
      method,
      criteria: draft.criteria,
      recipients: draft.recipients,
      derived: (draft.derived ?? []).map((d) => ({
        name: d.name,
        factor: d.factor,
        method: (d.method ?? 'largestRemainder') as RoundingMethod,
      })),
    },
  };
}

function checkTotal(total: Rational, resolution: Rational): AllocationError[] {
  const errors: AllocationError[] = [];
  if (total.isNegative()) errors.push(E.negativeTotal(total));
  if (!resolution.isPositive()) errors.push(E.nonPositiveResolution(resolution));
  else if (!total.isMultipleOf(resolution)) errors.push(E.totalNotMultiple(total, resolution));
  return errors;
}

function checkCriteria(criteria: readonly Criterion[]): AllocationError[] {
  if (criteria.length === 0) return [E.noCriteria()];
  const errors: AllocationError[] = [];
  const firstIndex = new Map<string, number>();
  criteria.forEach((c, i) => {
    const seen = firstIndex.get(c.key);
    if (seen !== undefined) errors.push(E.duplicateCriterion(`criteria[${i}].key`, c.key, seen));
    else firstIndex.set(c.key, i);
    if (c.weight.isNegative()) errors.push(E.negativeWeight(`criteria[${i}].weight`, c.weight));
  });
  const sum = sumRationals(criteria.map((c) => c.weight));
  if (!sum.equals(Rational.ONE)) errors.push(E.weightsNotOne(sum));
  return errors;
}

/** Recipients that share the rest by the criteria (spec 05: not fixed, not exempt). */
export function sharesByCriteria(r: RecipientInput): boolean {
  return r.exempt !== true && r.fixedShare === undefined;
}

function checkRecipients(recipients: readonly RecipientInput[], criteria: readonly Criterion[]): AllocationError[] {
  if (recipients.length === 0) return [E.noRecipients()];
  const errors: AllocationError[] = [];
  const firstIndex = new Map<string, number>();
  recipients.forEach((r, i) => {
    const at = `recipients[${i}]`;
    if (r.id.trim() === '') errors.push(E.emptyText(`${at}.id`));
    const seen = firstIndex.get(r.id);
    if (seen !== undefined) errors.push(E.duplicateRecipient(`${at}.id`, r.id, seen));
    else firstIndex.set(r.id, i);
    if (r.exempt === true && r.fixedShare !== undefined) errors.push(E.exemptWithFixedShare(`${at}.fixedShare`, r.id));
    if (r.exempt === true && r.transferTo !== undefined) errors.push(E.exemptWithTransfer(`${at}.transferTo`, r.id));
    if (r.fixedShare !== undefined && (r.fixedShare.isNegative() || r.fixedShare.gt(Rational.ONE))) {
      errors.push(E.fixedShareOutOfRange(`${at}.fixedShare`, r.fixedShare));
    }
    for (const [key, value] of Object.entries(r.values)) {
      if (value.isNegative()) errors.push(E.negativeValue(`${at}.values.${key}`, value));
    }
    // Exempt and fixed-share recipients are not in the criteria sums, so they need no values.
    if (sharesByCriteria(r)) {
      for (const key of new Set(criteria.map((c) => c.key))) {
        if (!Object.hasOwn(r.values, key)) errors.push(E.missingValue(`${at}.values.${key}`, r.id, key));
      }
    }
  });
  errors.push(...checkFixedShares(recipients));
  errors.push(...checkTransfers(recipients));
  return errors;
}

function checkFixedShares(recipients: readonly RecipientInput[]): AllocationError[] {
  const fixed = recipients.flatMap((r) => (r.fixedShare === undefined ? [] : [r.fixedShare]));
  // An out-of-range single share is already reported; its sum would only repeat the error.
  if (fixed.length === 0 || fixed.some((f) => f.isNegative() || f.gt(Rational.ONE))) return [];
  const sum = sumRationals(fixed);
  if (sum.gt(Rational.ONE)) return [E.fixedSharesOver100(sum)];
  if (sum.lt(Rational.ONE) && !recipients.some(sharesByCriteria)) return [E.noRecipientForRest(sum)];
  return [];
}

function checkTransfers(recipients: readonly RecipientInput[]): AllocationError[] {
  const errors: AllocationError[] = [];
  const byId = new Map(recipients.map((r) => [r.id, r]));
  recipients.forEach((r, i) => {
    if (r.transferTo === undefined) return;
    const field = `recipients[${i}].transferTo`;
    const target = byId.get(r.transferTo);
    if (target === undefined) errors.push(E.unknownTransferTarget(field, r.transferTo));
    else if (r.transferTo === r.id) errors.push(E.transferToSelf(field, r.id));
    else if (target.exempt === true) errors.push(E.transferToExempt(field, r.transferTo));
  });
  const index = new Map(recipients.map((r, i) => [r.id, i]));
  for (const cycle of findTransferCycles(recipients)) {
    if (cycle.length <= 2) continue; // A → A is reported as transfer_to_self above
    errors.push(E.transferCycle(`recipients[${index.get(cycle[0]!) ?? 0}].transferTo`, cycle));
  }
  return errors;
}

/** Division by zero: a weighted criterion whose values are all 0 among those sharing the rest. */
function checkCriterionSums(recipients: readonly RecipientInput[], criteria: readonly Criterion[]): AllocationError[] {
  const participants = recipients.filter(sharesByCriteria);
  const fixedSum = sumRationals(recipients.flatMap((r) => (r.fixedShare === undefined ? [] : [r.fixedShare])));
  if (participants.length === 0 || !fixedSum.lt(Rational.ONE)) return [];
  return criteria.flatMap((c, i) => {
    if (!c.weight.isPositive()) return [];
    const sum = sumRationals(participants.map((r) => r.values[c.key] ?? Rational.ZERO));
    return sum.isZero() ? [E.zeroCriterionSum(`criteria[${i}].key`, c.key)] : [];
  });
}

function checkDerived(derived: readonly { name: string; factor: Rational; method?: string | undefined }[]): AllocationError[] {
  const errors: AllocationError[] = [];
  const names = new Set<string>();
  derived.forEach((d, i) => {
    if (names.has(d.name)) errors.push(E.duplicateDerived(`derived[${i}].name`, d.name));
    names.add(d.name);
    if (d.factor.isNegative()) errors.push(E.negativeFactor(`derived[${i}].factor`, d.factor));
    if (d.method !== undefined && !isMethod(d.method)) errors.push(E.unknownMethod(`derived[${i}].method`, d.method));
  });
  return errors;
}

function isUnit(unit: string): unit is AllocationUnit {
  return (ALLOCATION_UNITS as readonly string[]).includes(unit);
}

function isMethod(method: string): method is RoundingMethod {
  return (ROUNDING_METHODS as readonly string[]).includes(method);
}

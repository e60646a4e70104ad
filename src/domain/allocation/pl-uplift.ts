// PL uplift ("PL-fremskrivning") of contributions and payback of surplus (spec 05, "Uplift").
//
// Next year's contribution = this year's × (1 + PL rate), e.g. × 1,048 for PL 4,8 %. Two roundings:
// - `perRow` (DEFAULT): each municipality's uplifted amount rounded half up on its own, to whole
//   kroner or øre (the resolution). This is how the secretariats invoice: each municipality can
//   check its own line as "last year × 1,048". The rows may then differ from the uplifted total by
//   a few units; the result shows by how much.
// - `exactSum`: the uplifted total rounded half up once, and split over the exact uplifted amounts
//   with largest remainder (the allocation engine's rounding), so the rows sum exactly.
// Both are always computed, so a page can show the difference per municipality.
import { Rational, sumRationals } from '../money/rational.ts';
import { formatDanishNumber } from './allocation.format.ts';
import { allocate } from './allocation.compute.ts';
import { apportionLargestRemainder } from './allocation.rounding.ts';
import type { AllocationError, AllocationResult, ValidationResult } from './allocation.types.ts';

export type UpliftMode = 'perRow' | 'exactSum';

export interface Contribution {
  id: string;
  name: string;
  /** This year's contribution. */
  amount: Rational;
}

export interface UpliftOptions {
  /** The PL rate as a fraction: 0.048 for 4,8 % (see rateFromPercent). */
  rate: Rational;
  /** 1 for whole kroner, 0.01 for øre. */
  resolution: Rational;
  /** Which rounding `uplifted` uses; default `perRow`. */
  mode?: UpliftMode;
}

export interface UpliftRow {
  id: string;
  name: string;
  current: Rational;
  /** current × (1 + rate), exact. */
  exact: Rational;
  perRow: Rational;
  exactSum: Rational;
  /** perRow or exactSum, by the chosen mode. */
  uplifted: Rational;
  /** exactSum − perRow. */
  difference: Rational;
}

export interface UpliftResult {
  mode: UpliftMode;
  rate: Rational;
  factor: Rational;
  resolution: Rational;
  rows: UpliftRow[];
  currentTotal: Rational;
  exactTotal: Rational;
  perRowTotal: Rational;
  exactSumTotal: Rational;
  upliftedTotal: Rational;
}

/** 4,8 (percent) → 0,048. */
export function rateFromPercent(percent: Rational): Rational {
  return percent.div(Rational.of(100n));
}

const err = (field: string, code: string, message: string): AllocationError => ({ field, code, message });
const n = (r: Rational): string => formatDanishNumber(r, 10);

export function upliftContributions(
  contributions: readonly Contribution[],
  options: UpliftOptions,
): ValidationResult<UpliftResult> {
  const errors: AllocationError[] = [];
  const factor = Rational.ONE.add(options.rate);
  if (factor.isNegative()) {
    errors.push(err('rate', 'rate_below_minus_100', `"rate" er ${n(options.rate)} – en PL-sats under -100 % giver negative bidrag.`));
  }
  if (!options.resolution.isPositive()) {
    errors.push(err('resolution', 'non_positive_resolution', `"resolution" er ${n(options.resolution)} – opløsningen skal være større end 0.`));
  }
  errors.push(...checkRows(contributions.map((c) => ({ id: c.id, value: c.amount })), 'contributions', 'amount', 'et bidrag må ikke være negativt'));
  if (errors.length > 0) return { ok: false, errors };

  const { resolution } = options;
  const mode = options.mode ?? 'perRow';
  const exacts = contributions.map((c) => c.amount.mul(factor));
  const exactTotal = sumRationals(exacts);
  const perRow = exacts.map((e) => e.roundHalfUpTo(resolution));
  const exactSum = apportionLargestRemainder(
    contributions.map((c, i) => ({ id: c.id, exact: exacts[i]! })),
    exactTotal.roundHalfUpTo(resolution),
    resolution,
  );
  const rows = contributions.map((c, i): UpliftRow => ({
    id: c.id,
    name: c.name,
    current: c.amount,
    exact: exacts[i]!,
    perRow: perRow[i]!,
    exactSum: exactSum[i]!,
    uplifted: mode === 'perRow' ? perRow[i]! : exactSum[i]!,
    difference: exactSum[i]!.sub(perRow[i]!),
  }));
  return {
    ok: true,
    value: {
      mode,
      rate: options.rate,
      factor,
      resolution,
      rows,
      currentTotal: sumRationals(contributions.map((c) => c.amount)),
      exactTotal,
      perRowTotal: sumRationals(perRow),
      exactSumTotal: sumRationals(exactSum),
      upliftedTotal: sumRationals(rows.map((r) => r.uplifted)),
    },
  };
}

export interface KeyShare {
  id: string;
  name: string;
  /** The key's value for this municipality (e.g. its contribution or population). */
  weight: Rational;
}

export interface PaybackInput {
  surplus: Rational;
  carriedForward: Rational;
  key: readonly KeyShare[];
  /** 1 for whole kroner, 0.01 for øre. */
  resolution: Rational;
}

export interface PaybackResult {
  /** surplus − carriedForward. */
  payback: Rational;
  /** payback floored to the resolution: what is split. */
  paidBack: Rational;
  /** payback − paidBack (< one resolution step); stays with the secretariat with the carry-forward. */
  residue: Rational;
  allocation: AllocationResult;
}

/**
 * Surplus payback (spec 05: "Surplus is paid back to the municipalities except an amount carried
 * forward; the payback is split by the same key"), with largest remainder so the lines sum exactly.
 * Decision: when the payback is not a whole number of resolution steps (a surplus in øre paid back in
 * whole kroner), the part below one step is not paid out but stays with the carry-forward (`residue`).
 */
export function splitSurplusPayback(input: PaybackInput): ValidationResult<PaybackResult> {
  const errors: AllocationError[] = [];
  if (input.surplus.isNegative()) {
    errors.push(err('surplus', 'negative_surplus', `"surplus" er ${n(input.surplus)} – et underskud kan ikke betales tilbage.`));
  }
  if (input.carriedForward.isNegative()) {
    errors.push(err('carriedForward', 'negative_carried_forward', `"carriedForward" er ${n(input.carriedForward)} – beløbet må ikke være negativt.`));
  } else if (input.carriedForward.gt(input.surplus)) {
    errors.push(
      err(
        'carriedForward',
        'carried_forward_exceeds_surplus',
        `"carriedForward" er ${n(input.carriedForward)}, mere end overskuddet på ${n(input.surplus)}.`,
      ),
    );
  }
  if (!input.resolution.isPositive()) {
    errors.push(err('resolution', 'non_positive_resolution', `"resolution" er ${n(input.resolution)} – opløsningen skal være større end 0.`));
  }
  errors.push(...checkRows(input.key.map((k) => ({ id: k.id, value: k.weight })), 'key', 'weight', 'nøglens værdier må ikke være negative'));
  if (errors.length === 0 && sumRationals(input.key.map((k) => k.weight)).isZero()) {
    errors.push(err('key', 'zero_key_sum', 'Alle værdier i "key" er 0 – overskuddet kan ikke fordeles efter en sum på 0.'));
  }
  if (errors.length > 0) return { ok: false, errors };

  const payback = input.surplus.sub(input.carriedForward);
  const paidBack = payback.floorTo(input.resolution);
  const result = allocate({
    name: 'Tilbagebetaling af overskud',
    total: paidBack,
    unit: 'DKK',
    resolution: input.resolution,
    method: 'largestRemainder',
    criteria: [{ key: 'key', weight: Rational.ONE }],
    recipients: input.key.map((k) => ({ id: k.id, name: k.name, values: { key: k.weight } })),
  });
  if (!result.ok) return result;
  return { ok: true, value: { payback, paidBack, residue: payback.sub(paidBack), allocation: result.value } };
}

function checkRows(
  rows: readonly { id: string; value: Rational }[],
  list: string,
  valueField: string,
  rule: string,
): AllocationError[] {
  if (rows.length === 0) return [err(list, 'empty', `Listen "${list}" er tom.`)];
  const errors: AllocationError[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (seen.has(row.id)) errors.push(err(`${list}[${i}].id`, 'duplicate_id', `Id'et "${row.id}" i "${list}[${i}].id" optræder flere gange.`));
    seen.add(row.id);
    if (row.value.isNegative()) {
      errors.push(err(`${list}[${i}].${valueField}`, 'negative_value', `Værdien i "${list}[${i}].${valueField}" er ${n(row.value)} – ${rule}.`));
    }
  });
  return errors;
}

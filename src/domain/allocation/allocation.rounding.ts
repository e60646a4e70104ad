// Rounding of exact amounts to a resolution (spec 05, "Rounding methods").
import { sumRationals } from '../money/rational.ts';
import type { Rational } from '../money/rational.ts';
import type { RoundingMethod } from './allocation.types.ts';

export interface ExactAmount {
  /** Recipient id; the last tie-breaker of largestRemainder. */
  id: string;
  exact: Rational;
}

/**
 * Hamilton / largest remainder (spec 05): every amount is floored to the resolution; the units left
 * over (target − Σ floors, counted in resolutions) go one each to the largest remainders. Ties are
 * broken by the larger exact amount, then by the recipient id compared by UTF-16 code units (plain
 * `<`, not localeCompare, so the result never depends on the machine's locale).
 *
 * Returns the rounded amounts in input order; they sum to `target`. Throws RangeError when the
 * target cannot be reached with at most one extra unit each (a caller bug: validation guarantees a
 * total that is a multiple of the resolution and shares that sum to 1).
 */
export function apportionLargestRemainder(
  items: readonly ExactAmount[],
  target: Rational,
  resolution: Rational,
): Rational[] {
  const floors = items.map((item) => item.exact.floorTo(resolution));
  const leftover = target.sub(sumRationals(floors)).div(resolution);
  if (!leftover.isInteger() || leftover.isNegative() || leftover.num > BigInt(items.length)) {
    throw new RangeError(`largestRemainder: cannot reach ${target} from the floored amounts`);
  }
  const order = items
    .map((item, index) => ({ index, id: item.id, exact: item.exact, remainder: item.exact.sub(floors[index]!) }))
    .sort(
      (a, b) =>
        b.remainder.compare(a.remainder) || b.exact.compare(a.exact) || compareCodeUnits(a.id, b.id),
    );
  const units = Number(leftover.num);
  const result = floors.slice();
  for (const entry of order.slice(0, units)) result[entry.index] = result[entry.index]!.add(resolution);
  return result;
}

/**
 * Rounds every amount by `method`. For largestRemainder the target is the exact sum rounded half up
 * to the resolution: for the allocation itself that is the total (a multiple of the resolution);
 * for a derived column (spec 05: "a factor … and its own rounding") it is the column's exact total
 * rounded half up, e.g. 0.9 × 100 places = 90.
 */
export function roundAmounts(
  items: readonly ExactAmount[],
  method: RoundingMethod,
  resolution: Rational,
): Rational[] {
  switch (method) {
    case 'largestRemainder': {
      const target = sumRationals(items.map((i) => i.exact)).roundHalfUpTo(resolution);
      return apportionLargestRemainder(items, target, resolution);
    }
    case 'roundEach':
      return items.map((i) => i.exact.roundHalfUpTo(resolution));
    case 'floor':
      return items.map((i) => i.exact.floorTo(resolution));
  }
}

export function compareCodeUnits(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

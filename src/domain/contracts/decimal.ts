// Exact decimals as the contracts write them: "60", "47,5", "16500000" (decimal comma, no thousands
// separators, so "1.300" is refused rather than guessed). Read into exact Rationals: a threshold is
// never a binary float.
import { Rational, fromNumber, parseDecimal } from '../money/rational.ts';

const DANISH_DECIMAL = /^[+-]?\d+(?:,\d+)?$/;

/** "47,5" → 95/2; also a JS number (read through its shortest decimal). null for anything else. */
export function readContractDecimal(value: unknown): Rational | null {
  if (typeof value === 'number') return Number.isFinite(value) ? fromNumber(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!DANISH_DECIMAL.test(text)) return null;
  return parseDecimal(text.replace(',', '.'));
}

/** Exact value with a decimal comma ("47,5", "200/3" → "66,6666666667" when it does not terminate). */
export function formatContractDecimal(value: Rational, maxFractionDigits?: number): string {
  return value.toDecimalString(maxFractionDigits).replace('.', ',');
}

/** Display form with a fixed number of decimals (03-evaluation.md: shown with one decimal). */
export function formatDisplay(value: Rational, digits = 1): string {
  return value.toFixed(digits).replace('.', ',');
}

export const HUNDRED = Rational.of(100n);

// Danish number formatting for messages, notes and the explanation sentence (decimal comma,
// '.' as thousands separator, "7,2 %"), without going through binary floating point.
import { Rational } from '../money/rational.ts';
import type { RoundingMethod } from './allocation.types.ts';

/**
 * "16.488", "0,9", "-1.234,5". Exact when the decimal terminates; otherwise rounded to
 * `maxFractionDigits` digits (trailing zeros trimmed, as this is for reading, not for data).
 */
export function formatDanishNumber(value: Rational, maxFractionDigits = 4): string {
  const text = value.isTerminatingDecimal()
    ? value.toDecimalString()
    : value.toFixed(maxFractionDigits).replace(/\.?0+$/, '');
  const negative = text.startsWith('-');
  const [intPart = '0', fracPart] = (negative ? text.slice(1) : text).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fracPart ? `,${fracPart}` : ''}`;
}

/** A share as a Danish percentage: 0.072 → "7,2 %", 1/3 → "33,33 %". */
export function formatDanishPercent(share: Rational, maxFractionDigits = 2): string {
  return `${formatDanishNumber(share.mul(Rational.of(100n)), maxFractionDigits)} %`;
}

/** A raw JSON input value as it should appear inside a Danish message. */
export function describeInputValue(value: unknown): string {
  if (value === undefined) return 'ingenting';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'en liste';
  return 'et objekt';
}

const METHOD_LABELS: Record<RoundingMethod, string> = {
  largestRemainder: 'største brøkrest (Hamilton) – summen passer altid',
  roundEach: 'hver række afrundet for sig (som i et regneark)',
  floor: 'afrundet nedad',
};

export function describeRoundingMethod(method: RoundingMethod): string {
  return METHOD_LABELS[method];
}

/** Danish list: ["a"] → "a", ["a","b","c"] → "a, b og c". */
export function joinDanish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

// Output of `knudepunkt allocate` (spec 05, "The command"): --json, --csv and the default table.
//
// Decision for --json: `share` and `exact` are decimal strings, as the spec says (they may not
// terminate: 1/3 is written "0.3333333333", rounded half up to 10 digits). Rounded amounts (`total`,
// `allocatedTotal`, `difference`, `allocated` and derived values) are multiples of the resolution and
// are written as JSON numbers with their exact decimal digits, never through a binary double; only a
// value whose decimal does not terminate (possible with a fractional resolution such as "1/3") is
// written as a string instead.
import { Rational } from '../../domain/money/rational.ts';
import {
  compareWithPerRowRounding,
  describeAmount,
  describeDistributionKey,
  describeRoundingMethod,
  formatDanishNumber,
  formatDanishPercent,
} from '../../domain/allocation/allocation.ts';
import type { AllocationInput, AllocationResult } from '../../domain/allocation/allocation.ts';

/** A number already written as JSON text. */
class RawJson {
  constructor(readonly text: string) {}
}
type JsonValue = string | null | boolean | RawJson | JsonValue[] | { [key: string]: JsonValue };

function amount(value: Rational): JsonValue {
  const text = value.toDecimalString();
  return value.isTerminatingDecimal() ? new RawJson(text) : text;
}

function stringify(value: JsonValue, indent = ''): string {
  if (value instanceof RawJson) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + stringify(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringify(v, inner)}`).join(',\n')}\n${indent}}`;
}

export function formatAllocationJson(result: AllocationResult): string {
  const derivedObject = (pairs: [string, Rational][]): JsonValue =>
    Object.fromEntries(pairs.map(([name, v]) => [name, amount(v)]));
  const document: JsonValue = {
    name: result.name,
    unit: result.unit,
    resolution: amount(result.resolution),
    method: result.method,
    total: amount(result.total),
    allocatedTotal: amount(result.allocatedTotal),
    difference: amount(result.difference),
    recipients: result.recipients.map((r) => ({
      id: r.id,
      name: r.name,
      share: r.share.toDecimalString(),
      exact: r.exact.toDecimalString(),
      allocated: amount(r.allocated),
      derived: derivedObject(r.derived.map((d) => [d.name, d.value])),
      note: r.note,
    })),
    derivedTotals: derivedObject(result.derivedTotals.map((d) => [d.name, d.valueTotal])),
  };
  return `${stringify(document)}\n`;
}

/** RFC 4180: comma separated, CRLF line ends, fields with comma, quote or line break quoted. */
export function formatAllocationCsv(result: AllocationResult): string {
  const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const derivedNames = result.derivedTotals.map((d) => d.name);
  const header = ['id', 'name', 'share', 'exact', 'allocated', ...derivedNames, 'note'];
  const rows = result.recipients.map((r) => [
    r.id,
    r.name,
    r.share.toDecimalString(),
    r.exact.toDecimalString(),
    r.allocated.toDecimalString(),
    ...r.derived.map((d) => d.value.toDecimalString()),
    r.note ?? '',
  ]);
  return [header, ...rows].map((cells) => `${cells.map(field).join(',')}\r\n`).join('');
}

/** The readable Danish table printed without --json/--csv. */
export function formatAllocationTable(input: AllocationInput, result: AllocationResult): string {
  const comparison = compareWithPerRowRounding(result);
  const showSpreadsheet = comparison.differingRows > 0;
  const n = (value: Rational): string => formatDanishNumber(value);
  const header = ['Id', 'Navn', 'Andel', 'Præcist', 'Tildelt', ...result.derivedTotals.map((d) => d.name)];
  if (showSpreadsheet) header.push('Regneark');
  header.push('Note');
  const rows = result.recipients.map((r, i) => {
    const cells = [r.id, r.name, formatDanishPercent(r.share), n(r.exact), n(r.allocated), ...r.derived.map((d) => n(d.value))];
    if (showSpreadsheet) cells.push(n(comparison.rows[i]!.perRowRounded));
    cells.push(r.note ?? '');
    return cells;
  });
  const totalRow = ['I alt', '', formatDanishPercent(Rational.ONE), n(result.total), n(result.allocatedTotal), ...result.derivedTotals.map((d) => n(d.valueTotal))];
  if (showSpreadsheet) totalRow.push(n(comparison.perRowTotal));
  totalRow.push('');

  const all = [header, ...rows, totalRow];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const textColumns = new Set([0, 1, header.length - 1]);
  const render = (row: string[]): string =>
    row
      .map((cell, c) => (textColumns.has(c) ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();

  const key = describeDistributionKey(input.criteria);
  const lines = [
    result.name,
    `${describeAmount(result.total, result.unit)}${key ? ` ${key}` : ''}.`,
    `Afrunding: ${describeRoundingMethod(result.method)}; opløsning ${n(result.resolution)}.`,
    '',
    render(header),
    ...rows.map(render),
    render(totalRow),
    '',
  ];
  if (result.difference.isZero()) lines.push(`De tildelte beløb summerer præcis til totalen (${describeAmount(result.total, result.unit)}).`);
  else lines.push(`De tildelte beløb summerer til ${describeAmount(result.allocatedTotal, result.unit)} – forskel til totalen: ${n(result.difference)}.`);
  for (const d of result.derivedTotals) {
    if (!d.valueTotal.equals(d.exactTotal)) {
      lines.push(`Kolonnen "${d.name}" summerer til ${n(d.valueTotal)} mod præcist ${n(d.exactTotal)}.`);
    }
  }
  if (showSpreadsheet) {
    lines.push(
      `Et regneark, der afrunder hver række for sig, giver ${n(comparison.perRowTotal)} i alt ` +
        `(forskel til totalen: ${n(comparison.perRowDifferenceToTotal)}); ${comparison.differingRows} ` +
        `${comparison.differingRows === 1 ? 'række afviger' : 'rækker afviger'} fra kolonnen Regneark.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

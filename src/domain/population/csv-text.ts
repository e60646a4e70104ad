// Line and field splitting and locale-aware numbers for the importers. Line-based on purpose:
// every message can then name the physical line (DST files never hold line breaks inside fields).
import { parseDecimal } from '../money/rational.ts';
import type { Rational } from '../money/rational.ts';

export interface TextLine {
  /** 1-based physical line number. */
  number: number;
  text: string;
}

/** Strips a UTF-8 BOM and splits on CRLF, LF or CR; blank lines are dropped (numbers are kept). */
export function splitLines(text: string): TextLine[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body
    .split(/\r\n|\n|\r/)
    .map((line, i) => ({ number: i + 1, text: line }))
    .filter((line) => line.text.trim() !== '');
}

/**
 * Splits one line on `separator`, RFC 4180 style: a field may be quoted with "…", and "" inside
 * quotes is a quote. Returns null when a quote is not closed. Fields are trimmed.
 */
export function splitFields(line: string, separator: string): string[] | null {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"' && current.trim() === '') {
      quoted = true;
      wasQuoted = true;
      current = '';
    } else if (ch === separator) {
      fields.push(wasQuoted ? current : current.trim());
      current = '';
      wasQuoted = false;
    } else current += ch;
  }
  if (quoted) return null;
  fields.push(wasQuoted ? current : current.trim());
  return fields;
}

/** Header names compared without case, spaces at the ends or surrounding quotes. */
export function normaliseHeader(name: string): string {
  return name.trim().toLocaleUpperCase('da-DK');
}

/**
 * A number as Danish Statistics and Danish spreadsheets write it:
 * - a comma is the decimal separator ("1234,5");
 * - spaces (also no-break and thin spaces) are thousands separators;
 * - with `dot: 'danish'`, dots that form proper groups of three after a non-zero lead ("5.873.420",
 *   "1.234,5") are thousands separators; any other single dot is a decimal point ("12.5", "0.125"),
 *   as in English-language downloads. With `dot: 'decimal'` a dot is always a decimal point.
 * Returns null for anything else.
 */
export function parseLocaleNumber(text: string, dot: 'danish' | 'decimal'): Rational | null {
  let t = text.replace(/[\s\u00A0\u202F]/g, '');
  if (t === '') return null;
  if (t.includes(',')) {
    const [intPart = '', fracPart = '', ...rest] = t.split(',');
    if (rest.length > 0 || !/^\d+$/.test(fracPart)) return null;
    if (intPart.includes('.')) {
      if (dot === 'decimal' || !/^[+-]?[1-9]\d{0,2}(\.\d{3})+$/.test(intPart)) return null;
    }
    t = `${intPart.replace(/\./g, '')}.${fracPart}`;
  } else if (dot === 'danish' && /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/.test(t)) {
    t = t.replace(/\./g, '');
  }
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return null;
  return parseDecimal(t);
}

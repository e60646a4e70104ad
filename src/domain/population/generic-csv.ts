// Generic CSV of a value per municipality (spec 05, "Data": "any other CSV with municipality code and
// value"). Same output as the FOLK1A parser. Decisions (the spec is silent):
// - Separator: semicolon when the header line has one outside quotes, otherwise comma.
// - Header row required. Column names compare without case, spaces, '_' or '-':
//   code:   kommunekode, kommunenr, kommunenummer, komkode, municipalitycode, code, kode
//   value:  value, værdi, vaerdi
//   period (optional): periode, period, tid — else every row gets options.period (default '')
//   name (optional): kommune, kommunenavn, navn, name, municipality — when present it must agree
//   with the code (a guard against shifted columns).
// - Numbers: a semicolon file follows Danish spreadsheets (decimal comma, '.' thousands separators
//   in groups of three); a comma file follows programs (decimal point; a decimal comma only inside
//   quotes, "1,5").
// - Codes outside the 98 municipalities (regions, whole country, unknown) are skipped with the
//   reason, as in FOLK1A; an empty value or ".." is skipped as missing.
import { parseLocaleNumber, splitFields, splitLines } from './csv-text.ts';
import { addRow, emptyImport, periodsOf } from './import-result.ts';
import { createAreaMatcher } from './municipality-lookup.ts';
import type { Municipality, MunicipalityValueImport } from './population.types.ts';

const CODE_NAMES = ['kommunekode', 'kommunenr', 'kommunenummer', 'komkode', 'municipalitycode', 'code', 'kode'];
const VALUE_NAMES = ['value', 'værdi', 'vaerdi'];
const PERIOD_NAMES = ['periode', 'period', 'tid'];
const NAME_NAMES = ['kommune', 'kommunenavn', 'navn', 'name', 'municipality'];

export interface GenericCsvOptions {
  /** Period for all rows when the file has no period column, e.g. "2022K1". */
  period?: string;
}

export function parseMunicipalityValueCsv(
  text: string,
  municipalities: readonly Municipality[],
  options: GenericCsvOptions = {},
): MunicipalityValueImport {
  const out = emptyImport();
  const [headerLine, ...dataLines] = splitLines(text);
  if (headerLine === undefined) {
    out.errors.push({ line: 1, field: '', message: 'Filen er tom – der er hverken overskrift eller rækker.' });
    return out;
  }
  const separator = (splitFields(headerLine.text, ';')?.length ?? 0) > 1 ? ';' : ',';
  const rawHeader = splitFields(headerLine.text, separator) ?? [];
  const header = rawHeader.map((h) => h.toLocaleLowerCase('da-DK').replace(/[\s_-]/g, ''));
  const col = (names: readonly string[]): number => header.findIndex((h) => names.includes(h));
  const [code, value, period, name] = [col(CODE_NAMES), col(VALUE_NAMES), col(PERIOD_NAMES), col(NAME_NAMES)];
  if (code < 0) out.errors.push(missingColumn(headerLine.number, headerLine.text, 'kommunekode', CODE_NAMES));
  if (value < 0) out.errors.push(missingColumn(headerLine.number, headerLine.text, 'værdi', VALUE_NAMES));
  if (out.errors.length > 0) return out;

  const match = createAreaMatcher(municipalities);
  const seen = new Map<string, number>();
  const label = (i: number): string => rawHeader[i] ?? '';
  for (const { number: line, text: lineText } of dataLines) {
    const cells = splitFields(lineText, separator);
    if (cells === null || cells.length !== header.length) {
      out.errors.push({
        line,
        field: '',
        message: `Linje ${line} har ${cells === null ? 'et anførselstegn, der ikke er lukket' : `${cells.length} felter, men overskriften har ${header.length}`}: "${lineText}".`,
      });
      continue;
    }
    const codeText = cells[code]!;
    const area = name >= 0 ? `${codeText} ${cells[name]}`.trim() : codeText;
    if (!/^\d{1,4}$/.test(codeText)) {
      out.errors.push({ line, field: label(code), message: `Linje ${line}, kolonne ${label(code)}: "${codeText}" er ikke en kommunekode (fx 851).` });
      continue;
    }
    const m = match(area);
    if (m.kind === 'invalid') {
      out.errors.push({ line, field: label(name >= 0 ? name : code), message: `Linje ${line}, kolonne ${label(name >= 0 ? name : code)}: ${m.message}.` });
      continue;
    }
    if (m.kind === 'outside') {
      out.skipped.push({ line, area, reason: m.reason });
      continue;
    }
    const raw = cells[value]!;
    if (raw === '' || raw === '..') {
      out.skipped.push({ line, area, reason: `værdien mangler ("${raw}")` });
      continue;
    }
    const parsed = parseLocaleNumber(raw, separator === ';' ? 'danish' : 'decimal');
    if (parsed === null) {
      out.errors.push({ line, field: label(value), message: `Linje ${line}, kolonne ${label(value)}: "${raw}" er ikke et tal.` });
      continue;
    }
    const rowPeriod = period >= 0 ? cells[period]! : (options.period ?? '');
    addRow(out, seen, { municipalityCode: m.code, municipalityName: m.name, value: parsed, period: rowPeriod, line }, label(code));
  }
  out.periods = periodsOf(out);
  return out;
}

function missingColumn(line: number, text: string, what: string, names: readonly string[]) {
  return {
    line,
    field: what,
    message: `Linje ${line}: overskriften "${text}" har ingen kolonne med ${what} – brug et af navnene ${names.join(', ')}.`,
  };
}

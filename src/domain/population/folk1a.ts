// Parser of Danmarks Statistik's FOLK1A CSV (StatBank API, format=CSV), spec 05 "Data": semicolons,
// UTF-8 with or without a BOM, CRLF or LF, a header such as OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD,
// areas as label, code or "code label", quarters like 2022K1, ".." for a suppressed value, decimal
// comma and '.' thousands separators. Pure: text in, rows out; the caller reads the file and loads
// the 98 municipalities from reference data.
//
// Columns are found by name: the area is OMRÅDE, the period TID, the value INDHOLD (the English
// headers REGION and TIME are accepted too). Every other column (KØN, ALDER, CIVILSTAND, or whatever
// else a user kept in the selection) is a *dimension*. Decision for dimensions:
// - if a dimension has one value in every row, it does not split the data and all rows are kept
//   (a warning says so when that value is not a total, e.g. a file with only "Mænd");
// - if it has several values, only rows where it is a total ("I alt", "Alder i alt", "Total", the
//   codes "TOT"/"IALT") are kept and the others are skipped with the reason; summing sub-groups
//   instead could double count (age groups overlap single years), so a dimension with several values
//   and no total at all is an error.
import type { Rational } from '../money/rational.ts';
import { normaliseHeader, parseLocaleNumber, splitFields, splitLines } from './csv-text.ts';
import { addRow, emptyImport, periodsOf } from './import-result.ts';
import { createAreaMatcher } from './municipality-lookup.ts';
import type { Municipality, MunicipalityValueImport } from './population.types.ts';

const AREA_HEADERS = ['OMRÅDE', 'REGION'];
const TIME_HEADERS = ['TID', 'TIME'];
const VALUE_HEADERS = ['INDHOLD'];
const PERIOD = /^\d{4}(K[1-4]|Q[1-4]|H[12]|M(0[1-9]|1[0-2]))?$/;

export function parseFolk1aCsv(text: string, municipalities: readonly Municipality[]): MunicipalityValueImport {
  const out = emptyImport();
  const [headerLine, ...dataLines] = splitLines(text);
  if (headerLine === undefined) {
    out.errors.push({ line: 1, field: '', message: 'Filen er tom – der er hverken overskrift eller rækker.' });
    return out;
  }
  const header = (splitFields(headerLine.text, ';') ?? []).map(normaliseHeader);
  const col = (names: readonly string[]): number => header.findIndex((h) => names.includes(h));
  const [area, time, value] = [col(AREA_HEADERS), col(TIME_HEADERS), col(VALUE_HEADERS)];
  for (const [index, name] of [[area, 'OMRÅDE'], [time, 'TID'], [value, 'INDHOLD']] as const) {
    if (index >= 0) continue;
    out.errors.push({
      line: headerLine.number,
      field: name,
      message: `Linje ${headerLine.number}: kolonnen ${name} mangler i overskriften "${headerLine.text}" – forventet fx OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD (semikolonsepareret).`,
    });
  }
  if (out.errors.length > 0) return out;

  const records: { line: number; cells: string[] }[] = [];
  for (const line of dataLines) {
    const cells = splitFields(line.text, ';');
    if (cells === null) {
      out.errors.push({ line: line.number, field: '', message: `Linje ${line.number}: et anførselstegn (") er ikke lukket.` });
    } else if (cells.length !== header.length) {
      out.errors.push({
        line: line.number,
        field: '',
        message: `Linje ${line.number} har ${cells.length} felter, men overskriften har ${header.length}: "${line.text}".`,
      });
    } else records.push({ line: line.number, cells });
  }

  const filters = dimensionFilters(header, [area, time, value], records, headerLine.number, out);
  const match = createAreaMatcher(municipalities);
  const seen = new Map<string, number>();
  for (const { line, cells } of records) {
    const areaText = cells[area]!;
    const excluded = filters.find((f) => !f.keep(cells[f.index]!));
    if (excluded) {
      out.skipped.push({ line, area: areaText, reason: `ikke en i alt-række (${excluded.name} = ${cells[excluded.index]})` });
      continue;
    }
    const m = match(areaText);
    if (m.kind === 'invalid') {
      out.errors.push({ line, field: header[area]!, message: `Linje ${line}, kolonne ${header[area]}: "${areaText}" – ${m.message}.` });
      continue;
    }
    if (m.kind === 'outside') {
      out.skipped.push({ line, area: areaText, reason: m.reason });
      continue;
    }
    const period = cells[time]!;
    if (!PERIOD.test(period)) {
      out.errors.push({
        line,
        field: header[time]!,
        message: `Linje ${line}, kolonne ${header[time]}: "${period}" er ikke en periode som 2022K1, 2022M01 eller 2022.`,
      });
      continue;
    }
    const raw = cells[value]!;
    if (raw === '..' || raw === '.' || raw === '') {
      out.skipped.push({ line, area: areaText, reason: `værdien mangler eller er diskretioneret ("${raw}")` });
      continue;
    }
    const parsed: Rational | null = parseLocaleNumber(raw, 'danish');
    if (parsed === null) {
      out.errors.push({ line, field: header[value]!, message: `Linje ${line}, kolonne ${header[value]}: "${raw}" er ikke et tal.` });
      continue;
    }
    addRow(out, seen, { municipalityCode: m.code, municipalityName: m.name, value: parsed, period, line }, header[area]!);
  }
  out.periods = periodsOf(out);
  return out;
}

/** "2022K1" → "1. kvt. 2022" (for the explanation sentence); other forms are returned as written. */
export function describePeriod(period: string): string {
  const quarter = /^(\d{4})[KQ]([1-4])$/.exec(period);
  if (quarter) return `${quarter[2]}. kvt. ${quarter[1]}`;
  const half = /^(\d{4})H([12])$/.exec(period);
  if (half) return `${half[2]}. halvår ${half[1]}`;
  const month = /^(\d{4})M(\d{2})$/.exec(period);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  return period;
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** A total in a dimension column: "I alt", "Alder i alt", "Total", "Age, total", codes TOT/IALT. */
export function isTotalValue(value: string): boolean {
  const key = value.toLocaleLowerCase('da-DK').replace(/[^a-zæøå]/g, '');
  return key === 'tot' || key.endsWith('ialt') || key.endsWith('total');
}

interface DimensionFilter {
  index: number;
  name: string;
  keep: (value: string) => boolean;
}

function dimensionFilters(
  header: readonly string[],
  known: readonly number[],
  records: readonly { cells: string[] }[],
  headerLine: number,
  out: MunicipalityValueImport,
): DimensionFilter[] {
  const filters: DimensionFilter[] = [];
  header.forEach((name, index) => {
    if (known.includes(index)) return;
    const values = [...new Set(records.map((r) => r.cells[index]!))];
    if (values.length <= 1) {
      if (values[0] !== undefined && !isTotalValue(values[0])) {
        out.warnings.push(`Alle rækker har ${name} = "${values[0]}", så tallene gælder kun for den gruppe.`);
      }
      return;
    }
    if (!values.some(isTotalValue)) {
      out.errors.push({
        line: headerLine,
        field: name,
        message: `Kolonnen ${name} har flere værdier (${values.slice(0, 3).join(', ')} …), men ingen i alt-række – vælg "I alt" for ${name} i Statistikbanken.`,
      });
    }
    filters.push({ index, name, keep: isTotalValue });
  });
  return filters;
}

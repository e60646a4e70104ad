// The guidance courses CSV of 02-crm.md ("Imports", `import courses`): one course per data line, or
// the line's errors, each naming line, column and value in Danish:
//   Linje 7, kolonne "cvr": "12345679" er ikke et gyldigt CVR-nummer (modulus 11).
// Pure: the caller passes the 6 hub names and the 98 municipality codes from reference data.
//
// Decisions (the spec is silent):
// - The header must hold exactly the 12 columns of the spec, in any order, names compared without case;
//   a missing, unknown or repeated column stops the file at line 1 (no row can be read safely).
// - A `course_id` seen before is an error on the later line, whether or not the earlier row was valid.
// - Meeting dates are not checked against start and end date: the year counting rule counts a
//   registered meeting in its own year, whenever it lies.
import { readMunicipalityCode } from '../municipality-code.ts';
import { readCvr } from '../companies/cvr.ts';
import { CsvRecordReader } from './csv-records.ts';
import type { CsvRecord } from './csv-records.ts';
import { readCategory, readDate, readHub, readSegment, readTargetGroup, readThemes } from './courses-csv.fields.ts';
import type { FieldReading } from './courses-csv.fields.ts';
import type { GuidanceCourse, IsoDate } from './guidance.types.ts';

export const courseCsvColumns = [
  'course_id',
  'cvr',
  'company_name',
  'municipality_code',
  'hub',
  'category',
  'segment',
  'themes',
  'target_group',
  'start_date',
  'end_date',
  'meeting_dates',
] as const;
export type CourseCsvColumn = (typeof courseCsvColumns)[number];

export interface CoursesCsvReference {
  /** The hub names of the reference data, e.g. "Erhvervshus Nordjylland". */
  hubs: readonly string[];
  /** The 98 municipality codes, 3 digits. */
  municipalityCodes: readonly string[] | ReadonlySet<string>;
}

export interface CourseCsvError {
  line: number;
  /** The column's name, or '' for the whole line or file. */
  column: string;
  /** The offending value as written ('' when empty). */
  value: string;
  /** Danish, with line, column and value. */
  message: string;
}

export type CourseCsvRow = { line: number; course: GuidanceCourse } | { line: number; errors: CourseCsvError[] };

/** Streams the rows of a courses CSV; `lines` are physical lines without their line breaks. */
export async function* parseCoursesCsv(lines: AsyncIterable<string>, reference: CoursesCsvReference): AsyncGenerator<CourseCsvRow> {
  const parser = createCoursesCsvParser(reference);
  for await (const line of lines) yield* parser.push(line);
  yield* parser.end();
}

/** The whole file at once: accepted courses and every error, in line order. */
export function parseCoursesCsvText(text: string, reference: CoursesCsvReference): { courses: GuidanceCourse[]; errors: CourseCsvError[] } {
  const parser = createCoursesCsvParser(reference);
  const rows = [...text.split(/\r?\n|\r/).flatMap((line) => parser.push(line)), ...parser.end()];
  return {
    courses: rows.flatMap((row) => ('course' in row ? [row.course] : [])),
    errors: rows.flatMap((row) => ('errors' in row ? row.errors : [])),
  };
}

/** The push parser both entry points share: feed lines, get rows. */
export function createCoursesCsvParser(reference: CoursesCsvReference): { push(line: string): CourseCsvRow[]; end(): CourseCsvRow[] } {
  const records = new CsvRecordReader();
  const municipalities = new Set(reference.municipalityCodes);
  const firstLineOfId = new Map<string, number>();
  let columns: Map<CourseCsvColumn, number> | null = null;
  let stopped = false;
  let sawHeader = false; // any record at all, valid or not

  const handle = (record: CsvRecord): CourseCsvRow[] => {
    if (stopped) return [];
    sawHeader = true;
    if (record.kind === 'error') return [{ line: record.line, errors: [{ line: record.line, column: '', value: record.text, message: record.message }] }];
    if (columns === null) {
      const header = readHeader(record);
      if ('errors' in header) {
        stopped = true;
        return [header];
      }
      columns = header.columns;
      return [];
    }
    if (record.fields.length !== columns.size) return [{ line: record.line, errors: [fieldCountError(record, columns.size, records.separator)] }];
    return [readCourse(record, columns, reference.hubs, municipalities, firstLineOfId)];
  };

  return {
    push: (line) => records.push(line).flatMap(handle),
    end: () => {
      const rows = records.end().flatMap(handle);
      if (!sawHeader && !stopped) {
        rows.push({ line: 1, errors: [{ line: 1, column: '', value: '', message: 'Filen er tom – der er hverken overskrift eller rækker.' }] });
      }
      return rows;
    },
  };
}

function readHeader(record: Extract<CsvRecord, { kind: 'record' }>): { columns: Map<CourseCsvColumn, number> } | { line: number; errors: CourseCsvError[] } {
  const columns = new Map<CourseCsvColumn, number>();
  const problems: string[] = [];
  record.fields.forEach((name, index) => {
    const key = name.trim().toLowerCase() as CourseCsvColumn;
    if (!courseCsvColumns.includes(key)) problems.push(`ukendt kolonne "${name}"`);
    else if (columns.has(key)) problems.push(`kolonnen "${key}" står to gange`);
    else columns.set(key, index);
  });
  const missing = courseCsvColumns.filter((c) => !columns.has(c));
  if (missing.length > 0) problems.push(`${missing.length === 1 ? 'kolonnen' : 'kolonnerne'} ${missing.map((c) => `"${c}"`).join(', ')} mangler`);
  if (problems.length === 0) return { columns };
  const message = `Linje ${record.line}: overskriften er ikke et forløbsark – ${problems.join('; ')}. Forventet: ${courseCsvColumns.join(',')}.`;
  return { line: record.line, errors: [{ line: record.line, column: '', value: record.text, message }] };
}

function fieldCountError(record: Extract<CsvRecord, { kind: 'record' }>, expected: number, separator: string | null): CourseCsvError {
  // 02-crm.md: themes and meeting_dates are semicolon-separated, so a semicolon file must quote them.
  const hint =
    separator === ';' && record.fields.length > expected
      ? ' Står der semikolon i themes eller meeting_dates uden anførselstegn? Skriv fx "innovation;finance".'
      : '';
  return {
    line: record.line,
    column: '',
    value: record.text,
    message: `Linje ${record.line} har ${record.fields.length} felter, men overskriften har ${expected}.${hint}`,
  };
}

function readCourse(
  record: Extract<CsvRecord, { kind: 'record' }>,
  columns: ReadonlyMap<CourseCsvColumn, number>,
  hubs: readonly string[],
  municipalities: ReadonlySet<string>,
  firstLineOfId: Map<string, number>,
): CourseCsvRow {
  const { line } = record;
  const errors: CourseCsvError[] = [];
  const cell = (column: CourseCsvColumn): string => (record.fields[columns.get(column)!] ?? '').trim();
  const fail = (column: CourseCsvColumn, value: string, fragment: string) =>
    errors.push({ line, column, value, message: `Linje ${line}, kolonne "${column}": ${fragment}` });
  const take = <T>(column: CourseCsvColumn, reading: FieldReading<T>): T | undefined => {
    if (reading.ok) return reading.value;
    fail(column, cell(column), reading.message);
    return undefined;
  };

  const courseId = cell('course_id');
  if (courseId === '') fail('course_id', '', 'feltet er tomt – angiv kildesystemets id for forløbet.');
  else {
    const first = firstLineOfId.get(courseId);
    if (first !== undefined) fail('course_id', courseId, `"${courseId}" står allerede i linje ${first}.`);
    else firstLineOfId.set(courseId, line);
  }

  let cvr: string | null = null;
  if (cell('cvr') !== '') {
    const reading = readCvr(cell('cvr'));
    if (reading.ok) cvr = reading.cvr;
    else fail('cvr', cell('cvr'), reading.message);
  }
  const companyName = cell('company_name') === '' ? null : cell('company_name').replace(/\s+/g, ' ');
  if (cell('cvr') === '' && companyName === null) {
    fail('company_name', '', 'feltet er tomt – navnet skal udfyldes, når cvr er tom (førstarter).');
  }

  const municipalityCode = readMunicipality(cell('municipality_code'), municipalities);
  if (!municipalityCode.ok) fail('municipality_code', cell('municipality_code'), municipalityCode.message);
  const hub = take('hub', readHub(cell('hub'), hubs));
  const category = take('category', readCategory(cell('category')));
  const segment = take('segment', readSegment(cell('segment')));
  const themes = readThemes(cell('themes'));
  for (const e of themes.errors) fail('themes', e.value, e.message);
  const targetGroup = take('target_group', readTargetGroup(cell('target_group')));

  let startDate: IsoDate | undefined;
  if (cell('start_date') === '') fail('start_date', '', 'feltet er tomt – angiv en dato (31-12-2023 eller 2023-12-31).');
  else startDate = take('start_date', readDate(cell('start_date')));
  const endDate = cell('end_date') === '' ? null : take('end_date', readDate(cell('end_date')));
  if (startDate !== undefined && endDate !== undefined && endDate !== null && endDate < startDate) {
    fail('end_date', cell('end_date'), `"${cell('end_date')}" ligger før start_date (${startDate}).`);
  }
  const meetingDates = new Set<IsoDate>();
  for (const text of cell('meeting_dates').split(';').map((t) => t.trim()).filter((t) => t !== '')) {
    const reading = readDate(text);
    if (reading.ok) meetingDates.add(reading.value);
    else fail('meeting_dates', text, reading.message);
  }

  if (errors.length > 0 || !municipalityCode.ok || hub === undefined || category === undefined || segment === undefined) return { line, errors };
  if (targetGroup === undefined || startDate === undefined || endDate === undefined) return { line, errors };
  return {
    line,
    course: {
      courseId,
      cvr,
      companyName,
      municipalityCode: municipalityCode.value,
      hub,
      category,
      segment,
      themes: themes.themes,
      targetGroup,
      startDate,
      endDate,
      meetingDates: [...meetingDates].sort(),
    },
  };
}

function readMunicipality(text: string, municipalities: ReadonlySet<string>): FieldReading<string> {
  if (text === '') return { ok: false, message: 'feltet er tomt – angiv kommunekoden (fx 851).' };
  const reading = readMunicipalityCode(text, municipalities);
  if (reading.kind === 'municipality') return { ok: true, value: reading.code };
  if (reading.kind === 'region') return { ok: false, message: `"${text}" er en regionskode (${reading.name}), ikke en kommunekode.` };
  return { ok: false, message: reading.message };
}

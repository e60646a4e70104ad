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
import { readCvr } from '../companies/cvr.ts';
import { createCsvSheetParser, parseCsvSheet, parseCsvSheetText, rowCells, type CsvCellError, type CsvDataRecord, type CsvSheetParser } from './csv-sheet.ts';
import { readCategory, readDate, readHub, readMunicipality, readSegment, readTargetGroup, readThemes } from './courses-csv.fields.ts';
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

export type CourseCsvError = CsvCellError;

export type CourseCsvRow = { line: number; course: GuidanceCourse } | { line: number; errors: CourseCsvError[] };

/** Streams the rows of a courses CSV; `lines` are physical lines without their line breaks. */
export function parseCoursesCsv(lines: AsyncIterable<string>, reference: CoursesCsvReference): AsyncGenerator<CourseCsvRow> {
  return parseCsvSheet(createCoursesCsvParser(reference), lines);
}

/** The whole file at once: accepted courses and every error, in line order. */
export function parseCoursesCsvText(text: string, reference: CoursesCsvReference): { courses: GuidanceCourse[]; errors: CourseCsvError[] } {
  const rows = parseCsvSheetText(createCoursesCsvParser(reference), text);
  return {
    courses: rows.flatMap((row) => ('course' in row ? [row.course] : [])),
    errors: rows.flatMap((row) => ('errors' in row ? row.errors : [])),
  };
}

/** The push parser both entry points share: feed lines, get rows. */
export function createCoursesCsvParser(reference: CoursesCsvReference): CsvSheetParser<CourseCsvRow> {
  const municipalities = new Set(reference.municipalityCodes);
  return createCsvSheetParser({
    required: courseCsvColumns,
    sheetName: 'et forløbsark',
    // 02-crm.md: themes and meeting_dates are semicolon-separated, so a semicolon file must quote them.
    semicolonHint: 'Står der semikolon i themes eller meeting_dates uden anførselstegn? Skriv fx "innovation;finance".',
    rowReader: () => {
      const firstLineOfId = new Map<string, number>();
      return (record, columns) => readCourse(record, columns, reference.hubs, municipalities, firstLineOfId);
    },
  });
}

function readCourse(
  record: CsvDataRecord,
  columns: ReadonlyMap<CourseCsvColumn, number>,
  hubs: readonly string[],
  municipalities: ReadonlySet<string>,
  firstLineOfId: Map<string, number>,
): CourseCsvRow {
  const { line, errors, cell, fail, take, uniqueId } = rowCells(record, columns);
  const courseId = uniqueId('course_id', firstLineOfId, 'feltet er tomt – angiv kildesystemets id for forløbet.');

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

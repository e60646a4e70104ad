// The activities CSV (docs/formats.md, "Aktiviteter (CSV)"), on the principles of 02-crm.md ("Imports"):
// one activity per data line, or the line's errors, each naming line, column and value in Danish:
//   Linje 7, kolonne "kind": "kaffe" er ikke en aktivitetstype – brug visit, meeting, call, email, event …
// Pure: what needs the database (organisations, companies, advisers) is checked by the import service.
//
// Decisions (docs/decisions/007-activities.md):
// - Required columns: activity_id, date, kind, title, organisation, cvr, company_name, municipality_code;
//   optional: participants, note, note_visibility, adviser_email. Any order, names without case; a
//   missing, unknown or repeated column stops the file at line 1.
// - `cvr` holds one or more CVR numbers separated by semicolons (quote the field in a semicolon file).
//   An empty `cvr` means a pre-starter, identified by company_name and municipality_code.
// - `participants` is only allowed for events (collective activities); a note without a visibility
//   is internal — the safe default, as the sharing rule keeps internal notes in the organisation.
import { matchKey, readDate } from '../guidance/courses-csv.fields.ts';
import type { FieldReading } from '../guidance/courses-csv.fields.ts';
import { readCvr } from '../companies/cvr.ts';
import { readMunicipalityCode } from '../municipality-code.ts';
import { createCsvSheetParser, rowCells, type CsvCellError, type CsvDataRecord, type CsvSheetParser } from '../guidance/csv-sheet.ts';

export const activityCsvKinds = ['visit', 'meeting', 'call', 'email', 'event'] as const;
export type ActivityCsvKind = (typeof activityCsvKinds)[number];
const kindLabels: Record<ActivityCsvKind, string[]> = {
  visit: ['besøg', 'virksomhedsbesøg'],
  meeting: ['møde'],
  call: ['telefonsamtale', 'opkald', 'telefon'],
  email: ['e-mail', 'mail'],
  event: ['arrangement', 'workshop', 'netværksmøde'],
};
const kindByName = new Map<string, ActivityCsvKind>(activityCsvKinds.flatMap((kind) => [kind, ...kindLabels[kind]].map((name) => [matchKey(name), kind] as const)));

export const activityCsvRequiredColumns = ['activity_id', 'date', 'kind', 'title', 'organisation', 'cvr', 'company_name', 'municipality_code'] as const;
export const activityCsvOptionalColumns = ['participants', 'note', 'note_visibility', 'adviser_email'] as const;
export type ActivityCsvColumn = (typeof activityCsvRequiredColumns)[number] | (typeof activityCsvOptionalColumns)[number];

/** One activity as the file states it; the import service resolves names to rows. */
export interface ActivityCsvActivity {
  activityId: string;
  date: string;
  kind: ActivityCsvKind;
  title: string;
  organisation: string;
  /** Several for an event; empty for a pre-starter. */
  cvrs: string[];
  companyName: string | null;
  municipalityCode: string | null;
  participants: number | null;
  note: { body: string; visibility: 'internal' | 'shared' } | null;
  adviserEmail: string | null;
}

export type ActivityCsvError = CsvCellError;

export type ActivityCsvRow = { line: number; activity: ActivityCsvActivity } | { line: number; errors: ActivityCsvError[] };

/** The push parser: feed physical lines (without line breaks), get rows; `end()` after the last line. */
export function createActivitiesCsvParser(municipalityCodes: ReadonlySet<string>): CsvSheetParser<ActivityCsvRow> {
  return createCsvSheetParser({
    required: activityCsvRequiredColumns,
    optional: activityCsvOptionalColumns,
    sheetName: 'et aktivitetsark',
    semicolonHint: 'Står der flere CVR-numre i cvr uden anførselstegn? Skriv fx "12345678;87654321".',
    rowReader: () => {
      const firstLineOfId = new Map<string, number>();
      return (record, columns) => readActivity(record, columns, municipalityCodes, firstLineOfId);
    },
  });
}

function readActivity(
  record: CsvDataRecord,
  columns: ReadonlyMap<ActivityCsvColumn, number>,
  municipalityCodes: ReadonlySet<string>,
  firstLineOfId: Map<string, number>,
): ActivityCsvRow {
  const { line, errors, cell, fail, take, uniqueId } = rowCells(record, columns);
  const activityId = uniqueId('activity_id', firstLineOfId, 'feltet er tomt – angiv kildesystemets id for aktiviteten.');
  if (activityId.length > 100) fail('activity_id', activityId, 'id’et må højst være 100 tegn.');

  let date: string | undefined;
  if (cell('date') === '') fail('date', '', 'feltet er tomt – angiv en dato (31-12-2023 eller 2023-12-31).');
  else date = take('date', readDate(cell('date')));
  const kind = take('kind', readKind(cell('kind')));
  const title = cell('title').replace(/\s+/g, ' ');
  if (title === '') fail('title', '', 'feltet er tomt – angiv en kort titel.');
  else if (title.length > 200) fail('title', title, `titlen har ${title.length} tegn; højst 200.`);
  const organisation = cell('organisation');
  if (organisation === '') fail('organisation', '', 'feltet er tomt – angiv organisationens navn, fx Erhvervsservice Læsø.');

  const cvrs: string[] = [];
  for (const text of cell('cvr').split(';').map((part) => part.trim()).filter((part) => part !== '')) {
    const reading = readCvr(text);
    if (!reading.ok) fail('cvr', text, reading.message);
    else if (!cvrs.includes(reading.cvr)) cvrs.push(reading.cvr);
  }
  const companyName = cell('company_name') === '' ? null : cell('company_name').replace(/\s+/g, ' ');
  const cvrEmpty = cell('cvr') === '';
  if (cvrEmpty && companyName === null) fail('company_name', '', 'feltet er tomt – navnet skal udfyldes, når cvr er tom (førstarter).');
  let municipalityCode: string | null = null;
  if (cell('municipality_code') !== '') {
    const reading = readMunicipalityCode(cell('municipality_code'), municipalityCodes);
    if (reading.kind === 'municipality') municipalityCode = reading.code;
    else fail('municipality_code', cell('municipality_code'), reading.kind === 'region' ? `"${cell('municipality_code')}" er en regionskode (${reading.name}), ikke en kommunekode.` : reading.message);
  } else if (cvrEmpty) fail('municipality_code', '', 'feltet er tomt – kommunekoden skal udfyldes, når cvr er tom (førstarter).');

  let participants: number | null = null;
  if (cell('participants') !== '') {
    const text = cell('participants');
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 100_000) fail('participants', text, `"${text}" er ikke et antal deltagere – skriv et helt tal fra 1 til 100000.`);
    else if (kind !== undefined && kind !== 'event') fail('participants', text, 'antal deltagere registreres kun for arrangementer (kind = event).');
    else participants = Number(text);
  }

  const body = cell('note');
  if (body.length > 5000) fail('note', `${body.slice(0, 40)} …`, `noten har ${body.length} tegn; højst 5000.`);
  const visibility = readVisibility(cell('note_visibility'));
  if (!visibility.ok) fail('note_visibility', cell('note_visibility'), visibility.message);
  const adviserEmail = cell('adviser_email') === '' ? null : cell('adviser_email').toLowerCase();
  if (adviserEmail !== null && !/^[^\s@]+@[^\s@]+$/.test(adviserEmail)) fail('adviser_email', cell('adviser_email'), `"${cell('adviser_email')}" er ikke en e-mailadresse.`);

  if (errors.length > 0 || date === undefined || kind === undefined || !visibility.ok) return { line, errors };
  return {
    line,
    activity: {
      activityId,
      date,
      kind,
      title,
      organisation,
      cvrs,
      companyName,
      municipalityCode,
      participants,
      note: body === '' ? null : { body, visibility: visibility.value },
      adviserEmail,
    },
  };
}

function readKind(text: string): FieldReading<ActivityCsvKind> {
  const kind = kindByName.get(matchKey(text));
  if (kind !== undefined) return { ok: true, value: kind };
  if (text.trim() === '') return { ok: false, message: `feltet er tomt – brug ${activityCsvKinds.join(', ')}.` };
  return { ok: false, message: `"${text}" er ikke en aktivitetstype – brug ${activityCsvKinds.join(', ')} (eller besøg, møde, telefonsamtale, e-mail, arrangement).` };
}

function readVisibility(text: string): FieldReading<'internal' | 'shared'> {
  const key = matchKey(text);
  if (key === '' || key === 'internal' || key === 'intern') return { ok: true, value: 'internal' };
  if (key === 'shared' || key === 'delt') return { ok: true, value: 'shared' };
  return { ok: false, message: `"${text}" er ikke en synlighed – brug internal eller shared (eller intern, delt).` };
}

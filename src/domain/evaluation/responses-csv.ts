// The responses CSV of 03-evaluation.md ("Responses CSV", import and export format): one response per
// data line, or the line's errors, each naming line, column and value in Danish:
//   Linje 7, kolonne "recommend": "11" er ikke et tal fra 0 til 10.
// Records come from the shared CSV record reader (guidance/csv-records.ts: UTF-8 with or without BOM,
// CRLF or LF, comma or semicolon, quoted fields), so the file streams a line at a time.
// Pure: the caller passes the 6 hub names and the 98 municipality codes from reference data.
//
// Decisions (the spec is silent):
// - The header must hold the 21 columns of the spec, in any order, names compared without case; an
//   optional `themes` column (semicolon-separated theme keys) lets a response carry the themes of the
//   evaluated guidance. A missing, unknown or repeated column stops the file at line 1.
// - Required in every row: response_id (unique in the file), source (`erst`/`own`), hub,
//   municipality_code, segment, guidance_year ("every response also records …"). `cvr` may be empty
//   (a pre-starter); when given it must pass modulus 11. `answered_at` may be empty.
// - Every answer column may be empty ("not answered"). `used_referral` is kept as written even when
//   `referred` is not Ja; the metrics count it only among `referred` = Ja.
// - Answers are not checked against the instrument of the guidance year: ERST's exports may hold
//   questions the platform's instrument has dropped, and the metrics only count what was answered.
import { readCvr } from '../companies/cvr.ts';
import { readDate, readMunicipality, readSegment } from '../guidance/courses-csv.fields.ts';
import { createCsvSheetParser, parseCsvSheet, parseCsvSheetText, rowCells, type CsvCellError, type CsvDataRecord, type CsvSheetParser } from '../guidance/csv-sheet.ts';
import type { EvaluationAnswers, EvaluationResponse } from './evaluation.types.ts';
import { degreeScale, effectItems, satisfactionScale, yesNoScale, type DegreeAnswer, type EffectItem } from './instrument.ts';
import {
  readAnswer,
  readGuidanceYear,
  readRecommend,
  readResponseHub,
  readResponseThemes,
  readSource,
} from './responses-csv.fields.ts';

/** The answer columns: the same names in the CSV file and in evaluation_responses. */
export const responseAnswerColumns = [
  'recommend',
  'staff_competence',
  'expected_effect',
  'effect_unrecognised_challenges',
  'effect_strategy',
  'effect_growth_ambitions',
  'effect_business_concept',
  'effect_sales_marketing',
  'effect_organisation',
  'effect_operations',
  'referred',
  'used_referral',
  'digital_guidance',
] as const;

export const responseCsvColumns = [
  'response_id',
  'source',
  'cvr',
  'hub',
  'municipality_code',
  'segment',
  'guidance_year',
  'answered_at',
  ...responseAnswerColumns,
] as const;
export const responseCsvOptionalColumns = ['themes'] as const;
export type ResponseCsvColumn = (typeof responseCsvColumns)[number] | (typeof responseCsvOptionalColumns)[number];

const effectColumns: Readonly<Record<EffectItem, ResponseCsvColumn>> = {
  unrecognisedChallenges: 'effect_unrecognised_challenges',
  strategy: 'effect_strategy',
  growthAmbitions: 'effect_growth_ambitions',
  businessConcept: 'effect_business_concept',
  salesMarketing: 'effect_sales_marketing',
  organisation: 'effect_organisation',
  operations: 'effect_operations',
};

export interface ResponsesCsvReference {
  /** The hub names of the reference data, e.g. "Erhvervshus Nordjylland". */
  hubs: readonly string[];
  /** The 98 municipality codes, 3 digits. */
  municipalityCodes: readonly string[] | ReadonlySet<string>;
}

export type ResponseCsvError = CsvCellError;

export type ResponseCsvRow = { line: number; response: EvaluationResponse } | { line: number; errors: ResponseCsvError[] };

/** Streams the rows of a responses CSV; `lines` are physical lines without their line breaks. */
export function parseResponsesCsv(lines: AsyncIterable<string>, reference: ResponsesCsvReference): AsyncGenerator<ResponseCsvRow> {
  return parseCsvSheet(createResponsesCsvParser(reference), lines);
}

/** The whole file at once: accepted responses and every error, in line order. */
export function parseResponsesCsvText(text: string, reference: ResponsesCsvReference): { responses: EvaluationResponse[]; errors: ResponseCsvError[] } {
  const rows = parseCsvSheetText(createResponsesCsvParser(reference), text);
  return {
    responses: rows.flatMap((row) => ('response' in row ? [row.response] : [])),
    errors: rows.flatMap((row) => ('errors' in row ? row.errors : [])),
  };
}

/** The push parser both entry points share: feed physical lines, get rows; `end()` after the last. */
export function createResponsesCsvParser(reference: ResponsesCsvReference): CsvSheetParser<ResponseCsvRow> {
  const municipalities = new Set(reference.municipalityCodes);
  return createCsvSheetParser({
    required: responseCsvColumns,
    optional: responseCsvOptionalColumns,
    sheetName: 'et besvarelsesark',
    semicolonHint: 'Står der semikolon i themes uden anførselstegn? Skriv fx "innovation;finance".',
    rowReader: () => {
      const firstLineOfId = new Map<string, number>();
      return (record, columns) => readResponse(record, columns, reference.hubs, municipalities, firstLineOfId);
    },
  });
}

function readResponse(
  record: CsvDataRecord,
  columns: ReadonlyMap<ResponseCsvColumn, number>,
  hubs: readonly string[],
  municipalities: ReadonlySet<string>,
  firstLineOfId: Map<string, number>,
): ResponseCsvRow {
  const { line, errors, cell, fail, take, uniqueId } = rowCells(record, columns);
  const responseId = uniqueId('response_id', firstLineOfId, 'feltet er tomt – angiv kildesystemets id for besvarelsen.');
  const source = take('source', readSource(cell('source')));
  let cvr: string | null = null;
  if (cell('cvr') !== '') {
    const reading = readCvr(cell('cvr'));
    if (reading.ok) cvr = reading.cvr;
    else fail('cvr', cell('cvr'), reading.message);
  }
  const hub = take('hub', readResponseHub(cell('hub'), hubs));
  const municipalityCode = take('municipality_code', readMunicipality(cell('municipality_code'), municipalities));
  const segment =
    cell('segment') === ''
      ? (fail('segment', '', 'feltet er tomt – angiv segmentet (vækst eller drift).'), undefined)
      : take('segment', readSegment(cell('segment')));
  const guidanceYear = take('guidance_year', readGuidanceYear(cell('guidance_year')));
  const answeredAt = cell('answered_at') === '' ? null : take('answered_at', readDate(cell('answered_at')));
  const themes = readResponseThemes(cell('themes'));
  for (const e of themes.errors) fail('themes', e.value, e.message);

  // Read in the spec's column order, so the errors of a line come out in that order.
  const recommend = take('recommend', readRecommend(cell('recommend'))) ?? null;
  const staffCompetence = take('staff_competence', readAnswer(satisfactionScale, cell('staff_competence'))) ?? null;
  const expectedEffect = take('expected_effect', readAnswer(degreeScale, cell('expected_effect'))) ?? null;
  const effect = {} as Record<EffectItem, DegreeAnswer | null>;
  for (const item of effectItems) effect[item] = take(effectColumns[item], readAnswer(degreeScale, cell(effectColumns[item]))) ?? null;
  const answers: EvaluationAnswers = {
    recommend,
    staffCompetence,
    expectedEffect,
    effect,
    referred: take('referred', readAnswer(yesNoScale, cell('referred'))) ?? null,
    usedReferral: take('used_referral', readAnswer(yesNoScale, cell('used_referral'))) ?? null,
    digitalGuidance: take('digital_guidance', readAnswer(yesNoScale, cell('digital_guidance'))) ?? null,
  };

  if (errors.length > 0 || source === undefined || hub === undefined || municipalityCode === undefined) return { line, errors };
  if (segment === undefined || guidanceYear === undefined || answeredAt === undefined) return { line, errors };
  return {
    line,
    response: { responseId, source, cvr, hub, municipalityCode, segment, guidanceYear, answeredAt, themes: themes.themes, answers },
  };
}

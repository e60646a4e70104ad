// knudepunkt evaluation metrics <responses.csv> [--hub NAME] [--year Y] [--segment growth|operations]
// [--municipality CODE] [--json] (03-evaluation.md, "The command the contracts' figures come from"):
// every metric over a responses file, without the database, as one JSON object or a Danish table.
// The file streams (node:readline over a file stream): rows are validated and counted one at a time.
// Any invalid row means no figures at all — a goal must not be judged on a partly read file: every
// error goes to stderr with its line.
// Beyond the spec: --source and --theme (the spec's other filters), and --courses <forløb.csv> to
// compute newCompanyShare from a courses CSV (it needs the CRM's guided companies of Y and Y-1, so it
// also needs --hub and --year); without --courses, newCompanyShare is left out.
// Exit codes: 0 figures printed; 1 a file cannot be read or has invalid rows; 2 bad usage.
import { describeReadError, openFileLines } from '../files.ts';
import { readMunicipalities } from '../../db/seed/reference.ts';
import type { MunicipalityReference } from '../../db/seed/reference.ts';
import { parseCoursesCsv } from '../../domain/guidance/courses-csv.ts';
import { companyKey, countsInYear } from '../../domain/guidance/year-counting.ts';
import { createMetricsAccumulator, evaluatedCompanyKeys, newCompanyShare, type ShareMetric } from '../../domain/evaluation/metrics.ts';
import { parseResponsesCsv } from '../../domain/evaluation/responses-csv.ts';
import type { EvaluationResponse } from '../../domain/evaluation/evaluation.types.ts';
import { formatEvaluationMetricsJson, formatEvaluationMetricsTable } from './evaluation-metrics.format.ts';
import { parseEvaluationMetricsArguments, type EvaluationMetricsArguments } from './evaluation-metrics.args.ts';

export interface EvaluationMetricsIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file's lines without line breaks; when absent, the file is streamed from disk. */
  openLines?(path: string): AsyncIterable<string>;
}

export interface EvaluationMetricsOptions {
  /** The 98 municipalities with their hubs; read from the seed reference data when absent. */
  municipalities?: readonly MunicipalityReference[];
}

/** Errors written before the rest are only counted, so a wholly wrong file does not flood the terminal. */
const MAX_ERRORS_SHOWN = 1000;

export function describeEvaluationMetricsUsage(): string {
  return [
    'knudepunkt evaluation metrics <besvarelser.csv> [--hub NAVN] [--year ÅR] [--segment growth|operations] [--municipality KODE] [--source erst|own] [--theme TEMA] [--courses forløb.csv] [--json]',
    '  Beregner brugerevalueringens nøgletal (NPS, andele og 95 %-intervaller) direkte fra en besvarelsesfil (CSV), uden database.',
    '  --hub: erhvervshusets navn, fx "Erhvervshus Nordjylland" (eller blot Nordjylland).',
    '  --year: vejledningsåret (guidance_year), fx 2023.  --segment: growth/vækst eller operations/drift.',
    '  --municipality: kommunekode, fx 851.  --source: erst (Erhvervsstyrelsen) eller own (egen evaluering).',
    '  --theme: et tema (fx innovation); kun besvarelser med temaet tæller.',
    '  --courses: en forløbsfil (CSV) til andelen af nye virksomheder (newCompanyShare); kræver --hub og --year.',
    '  --json: ét JSON-objekt { n, metrics } (se docs/formats.md); ellers en læsbar tabel.',
    '  Filformat: se "Responses CSV" i spec 03-evaluation.md (komma eller semikolon, UTF-8).',
    '  Afslutningskode: 0 = beregnet, 1 = en fil kan ikke læses eller har ugyldige rækker (hver fejl skrives med linjenummer; ingen tal),',
    '  2 = forkert brug.',
  ].join('\n');
}

export async function runEvaluationMetrics(args: string[], io: EvaluationMetricsIo, options: EvaluationMetricsOptions = {}): Promise<number> {
  const municipalities = options.municipalities ?? readMunicipalities();
  const hubs = [...new Set(municipalities.map((m) => m.businessHub))].sort((a, b) => a.localeCompare(b, 'da'));
  const reference = { hubs, municipalityCodes: municipalities.map((m) => m.code) };
  const parsed = parseEvaluationMetricsArguments(args, reference);
  if ('help' in parsed) {
    io.stdout(`${describeEvaluationMetricsUsage()}\n`);
    return 0;
  }
  if ('usageError' in parsed) {
    io.stderr(`${parsed.usageError}\n\nBrug: ${describeEvaluationMetricsUsage()}\n`);
    return 2;
  }

  const openLines = io.openLines ?? openFileLines;
  const accumulator = createMetricsAccumulator(parsed.filter);
  // newCompanyShare needs the evaluated companies; only they are kept, not the responses.
  const evaluated = new Set<string>();
  const errors = createErrorReport(io);
  try {
    for await (const row of parseResponsesCsv(openLines(parsed.path), reference)) {
      if ('response' in row) {
        accumulator.add(row.response);
        if (parsed.coursesPath !== null) addEvaluated(evaluated, row.response, parsed);
      } else errors.add(row.errors);
    }
  } catch (error) {
    io.stderr(`Kan ikke læse filen "${parsed.path}": ${describeReadError(error)}.\n`);
    return 1;
  }
  if (errors.finish(parsed.path)) return 1;

  let newCompanies: ShareMetric | null = null;
  if (parsed.coursesPath !== null && parsed.filter.hub !== undefined && parsed.filter.year !== undefined) {
    const { hub, year } = parsed.filter;
    const guidedInYear = new Set<string>();
    const guidedInPreviousYear = new Set<string>();
    const courseErrors = createErrorReport(io);
    try {
      for await (const row of parseCoursesCsv(openLines(parsed.coursesPath), reference)) {
        if (!('course' in row)) courseErrors.add(row.errors);
        else if (row.course.hub === hub) {
          if (countsInYear(row.course, year)) guidedInYear.add(companyKey(row.course));
          if (countsInYear(row.course, year - 1)) guidedInPreviousYear.add(companyKey(row.course));
        }
      }
    } catch (error) {
      io.stderr(`Kan ikke læse filen "${parsed.coursesPath}": ${describeReadError(error)}.\n`);
      return 1;
    }
    if (courseErrors.finish(parsed.coursesPath)) return 1;
    newCompanies = newCompanyShare({ evaluatedCompanies: evaluated, guidedInYear, guidedInPreviousYear });
  }

  const metrics = accumulator.result();
  if (parsed.json) io.stdout(formatEvaluationMetricsJson(metrics, newCompanies));
  else io.stdout(formatEvaluationMetricsTable(metrics, newCompanies, { path: parsed.path, filter: parsed.filter, coursesPath: parsed.coursesPath }));
  return 0;
}

function addEvaluated(evaluated: Set<string>, response: EvaluationResponse, parsed: EvaluationMetricsArguments): void {
  for (const key of evaluatedCompanyKeys([response], parsed.filter)) evaluated.add(key);
}

/** Writes each row error as it comes; `finish` writes the summary and tells whether there were any. */
function createErrorReport(io: EvaluationMetricsIo) {
  let shown = 0;
  let total = 0;
  let rows = 0;
  return {
    add(errors: readonly { message: string }[]) {
      rows++;
      for (const error of errors) {
        if (shown < MAX_ERRORS_SHOWN) {
          io.stderr(`${error.message}\n`);
          shown++;
        }
        total++;
      }
    },
    finish(path: string): boolean {
      if (total === 0) return false;
      if (total > shown) io.stderr(`… og ${total - shown} fejl mere.\n`);
      const invalid = rows === 1 ? '1 ugyldig række' : `${rows} ugyldige rækker`;
      io.stderr(`Filen "${path}" har ${invalid} (${total} fejl). Der er ikke beregnet tal – ret fejlene og kør kommandoen igen.\n`);
      return true;
    },
  };
}

// knudepunkt courses stats <courses.csv> --hub NAME --year Y [--json] (02-crm.md, "Imports"): a hub's
// course statistics for a year straight from a courses CSV, without the database, so a KKR secretariat
// can recompute the figures a hub reports from the hub's raw export.
// The file streams (node:readline over a file stream): rows are validated and counted one at a time.
// Any invalid row means no figures at all — a KKR secretariat must not get figures from a partly
// broken file: every error is written to stderr with its line, and the exit code is 2.
// Exit codes: 0 figures printed; 1 the file cannot be read; 2 bad usage, unknown hub or invalid rows.
import { describeReadError, openFileLines } from '../files.ts';
import { readMunicipalities } from '../../db/seed/reference.ts';
import type { MunicipalityReference } from '../../db/seed/reference.ts';
import { createCourseStatsAccumulator } from '../../domain/guidance/course-stats.ts';
import { parseCoursesCsv } from '../../domain/guidance/courses-csv.ts';
import type { CourseCsvError } from '../../domain/guidance/courses-csv.ts';
import { formatCourseStatsJson, formatCourseStatsSummary } from './courses-stats.format.ts';
import { findHubName } from '../../domain/hubs.ts';

export interface CoursesStatsIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file's lines without line breaks; when absent, the file is streamed from disk. */
  openLines?(path: string): AsyncIterable<string>;
}

export interface CoursesStatsOptions {
  openLines?(path: string): AsyncIterable<string>;
  /** The 98 municipalities with their hubs; read from the seed reference data when absent. */
  municipalities?: readonly MunicipalityReference[];
}

/** Errors written before the rest are only counted, so a wholly wrong file does not flood the terminal. */
const MAX_ERRORS_SHOWN = 1000;

export function describeCoursesStatsUsage(): string {
  return [
    'knudepunkt courses stats <forløb.csv> --hub NAVN --year ÅR [--json]',
    '  Beregner et erhvervshus\' forløbsstatistik for et år direkte fra en forløbsfil (CSV), uden database.',
    '  --hub: erhvervshusets navn, fx "Erhvervshus Nordjylland" (eller blot Nordjylland).',
    '  --year: året, fx 2023. Et forløb tæller i hvert år med et registreret møde, ellers i startåret.',
    '  --json: maskinlæsbar JSON { uniqueCompanies, newCompanies, courses, byMunicipality }; ellers et læsbart resumé.',
    '  Filformat: se "Guidance courses CSV" i spec 02-crm.md (komma eller semikolon, UTF-8).',
    '  Afslutningskode: 0 = beregnet, 1 = filen kan ikke læses,',
    '  2 = forkert brug, ukendt erhvervshus eller ugyldige rækker (hver fejl skrives med linjenummer; ingen tal).',
  ].join('\n');
}

export async function runCoursesStats(args: string[], io: CoursesStatsIo, options: CoursesStatsOptions = {}): Promise<number> {
  const parsed = parseArguments(args);
  if ('help' in parsed) {
    io.stdout(`${describeCoursesStatsUsage()}\n`);
    return 0;
  }
  if ('usageError' in parsed) {
    io.stderr(`${parsed.usageError}\n\nBrug: ${describeCoursesStatsUsage()}\n`);
    return 2;
  }
  const municipalities = options.municipalities ?? readMunicipalities();
  const hubs = [...new Set(municipalities.map((m) => m.businessHub))].sort((a, b) => a.localeCompare(b, 'da'));
  const hub = findHubName(hubs, parsed.hub);
  if (hub === null) {
    io.stderr(`Ukendt erhvervshus "${parsed.hub}". Gyldige erhvervshuse: ${hubs.join(', ')}.\n`);
    return 2;
  }

  const { path, year } = parsed;
  const openLines = io.openLines ?? options.openLines ?? openFileLines;
  const reference = { hubs, municipalityCodes: municipalities.map((m) => m.code) };
  const accumulator = createCourseStatsAccumulator(hub, year);
  const errors: CourseCsvError[] = [];
  let invalidRows = 0;
  try {
    for await (const row of parseCoursesCsv(openLines(path), reference)) {
      if ('course' in row) {
        accumulator.add(row.course);
        continue;
      }
      invalidRows++;
      for (const error of row.errors) {
        if (errors.length < MAX_ERRORS_SHOWN) io.stderr(`${error.message}\n`);
        errors.push(error);
      }
    }
  } catch (error) {
    io.stderr(`Kan ikke læse filen "${path}": ${describeReadError(error)}.\n`);
    return 1;
  }
  if (errors.length > 0) {
    const hidden = errors.length - MAX_ERRORS_SHOWN;
    if (hidden > 0) io.stderr(`… og ${hidden} fejl mere.\n`);
    const rows = invalidRows === 1 ? '1 ugyldig række' : `${invalidRows} ugyldige rækker`;
    io.stderr(`Filen "${path}" har ${rows} (${errors.length} fejl). Der er ikke beregnet tal – ret fejlene og kør kommandoen igen.\n`);
    return 2;
  }

  const stats = accumulator.result();
  if (parsed.json) io.stdout(formatCourseStatsJson(stats));
  else {
    const municipalityNames = new Map(municipalities.map((m) => [m.code, m.name]));
    io.stdout(formatCourseStatsSummary(stats, { hub, year, path, municipalityNames }));
  }
  return 0;
}

type Arguments = { path: string; hub: string; year: number; json: boolean };

function parseArguments(args: readonly string[]): Arguments | { help: true } | { usageError: string } {
  const paths: string[] = [];
  let hub: string | undefined;
  let yearText: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--help' || flag === '-h') return { help: true };
    if (flag === '--json') json = true;
    else if (flag === '--hub' || flag === '--year') {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return { usageError: `${flag} mangler en værdi.` };
      if (flag === '--hub') hub = value;
      else yearText = value;
    } else if (arg.startsWith('-')) return { usageError: `Ukendt flag "${arg}".` };
    else paths.push(arg);
  }
  if (paths.length === 0) return { usageError: 'Angiv forløbsfilen (CSV).' };
  if (paths.length > 1) return { usageError: `Angiv kun én forløbsfil – fik ${paths.map((p) => `"${p}"`).join(', ')}.` };
  if (hub === undefined) return { usageError: 'Angiv erhvervshuset med --hub, fx --hub "Erhvervshus Nordjylland".' };
  if (yearText === undefined) return { usageError: 'Angiv året med --year, fx --year 2023.' };
  if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1990 || Number(yearText) > 2100) {
    return { usageError: `--year skal være et årstal som 2023, ikke "${yearText}".` };
  }
  return { path: paths[0]!, hub, year: Number(yearText), json };
}


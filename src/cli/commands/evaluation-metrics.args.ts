// The arguments of `knudepunkt evaluation metrics`: one responses file and the filters of
// 03-evaluation.md (hub, year, segment, municipality, source, theme). Danish messages name the flag and
// the value; the command prints them with the usage and exits 2.
import { readMunicipalityCode } from '../../domain/municipality-code.ts';
import { readSegment, matchKey } from '../../domain/guidance/courses-csv.fields.ts';
import { guidanceThemeLabels, guidanceThemes } from '../../domain/guidance/guidance.types.ts';
import { readSource } from '../../domain/evaluation/responses-csv.fields.ts';
import type { EvaluationFilter } from '../../domain/evaluation/metrics.ts';
import { findHubName } from '../../domain/hubs.ts';

export interface EvaluationMetricsArguments {
  path: string;
  filter: EvaluationFilter;
  coursesPath: string | null;
  json: boolean;
}

const valueFlags = ['--hub', '--year', '--segment', '--municipality', '--source', '--theme', '--courses'] as const;
type ValueFlag = (typeof valueFlags)[number];

export function parseEvaluationMetricsArguments(
  args: readonly string[],
  reference: { hubs: readonly string[]; municipalityCodes: readonly string[] },
): EvaluationMetricsArguments | { help: true } | { usageError: string } {
  const paths: string[] = [];
  const values = new Map<ValueFlag, string>();
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--help' || flag === '-h') return { help: true };
    if (flag === '--json') json = true;
    else if ((valueFlags as readonly string[]).includes(flag)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return { usageError: `${flag} mangler en værdi.` };
      if (values.has(flag as ValueFlag)) return { usageError: `${flag} er angivet to gange.` };
      values.set(flag as ValueFlag, value);
    } else if (arg.startsWith('-')) return { usageError: `Ukendt flag "${arg}".` };
    else paths.push(arg);
  }
  if (paths.length === 0) return { usageError: 'Angiv besvarelsesfilen (CSV).' };
  if (paths.length > 1) return { usageError: `Angiv kun én besvarelsesfil – fik ${paths.map((p) => `"${p}"`).join(', ')}.` };

  const filter: EvaluationFilter = {};
  const hub = values.get('--hub');
  if (hub !== undefined) {
    const found = findHubName(reference.hubs, hub);
    if (found === null) return { usageError: `--hub: ukendt erhvervshus "${hub}". Gyldige erhvervshuse: ${reference.hubs.join(', ')}.` };
    filter.hub = found;
  }
  const year = values.get('--year');
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year) || Number(year) < 2000 || Number(year) > 2100) return { usageError: `--year skal være et årstal som 2023, ikke "${year}".` };
    filter.year = Number(year);
  }
  const segment = values.get('--segment');
  if (segment !== undefined) {
    const reading = readSegment(segment);
    if (!reading.ok) return { usageError: `--segment: ${reading.message}` };
    filter.segment = reading.value;
  }
  const municipality = values.get('--municipality');
  if (municipality !== undefined) {
    const reading = readMunicipalityCode(municipality, reference.municipalityCodes);
    if (reading.kind === 'region') return { usageError: `--municipality: "${municipality}" er en regionskode (${reading.name}), ikke en kommunekode.` };
    if (reading.kind === 'invalid') return { usageError: `--municipality: ${reading.message}` };
    filter.municipalityCode = reading.code;
  }
  const source = values.get('--source');
  if (source !== undefined) {
    const reading = readSource(source);
    if (!reading.ok) return { usageError: `--source: ${reading.message}` };
    filter.source = reading.value;
  }
  const theme = values.get('--theme');
  if (theme !== undefined) {
    const found = guidanceThemes.find((t) => matchKey(t) === matchKey(theme) || matchKey(guidanceThemeLabels[t].da) === matchKey(theme));
    if (found === undefined) return { usageError: `--theme: "${theme}" er ikke et tema – brug ${guidanceThemes.join(', ')}.` };
    filter.theme = found;
  }
  const coursesPath = values.get('--courses') ?? null;
  if (coursesPath !== null && (filter.hub === undefined || filter.year === undefined)) {
    return { usageError: '--courses kræver --hub og --year: andelen af nye virksomheder gælder ét erhvervshus og ét år.' };
  }
  return { path: paths[0]!, filter, coursesPath, json };
}


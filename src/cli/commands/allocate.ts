// knudepunkt allocate <allocation.json> [--json | --csv] (spec 05, "The command"): reads an
// allocation, prints the result. No database. Exit codes: 0 success; 1 the file cannot be read or is
// not JSON (the message names the file and the position); 2 bad usage or an allocation that is
// refused (each error as "field: message" on stderr).
import { computeAllocation, parseAllocationJson } from '../../domain/allocation/allocation.ts';
import { formatAllocationCsv, formatAllocationJson, formatAllocationTable } from './allocate.format.ts';
import { locateJsonError } from './allocate.json-error.ts';

export interface AllocateIo {
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

type OutputFormat = 'table' | 'json' | 'csv';

export function describeAllocateUsage(): string {
  return [
    'knudepunkt allocate <fordeling.json> [--json | --csv]',
    '  Beregner en fordelingsnøgle, så beløbene altid summerer præcis til totalen.',
    '  Uden flag: en læsbar tabel. --json: maskinlæsbar JSON (andel og præcist beløb som tekst).',
    '  --csv: kommasepareret CSV med decimalpunktum (RFC 4180).',
    '  Filformat: se docs/examples/allocation-example.json. Valgfrit pr. modtager:',
    '  "fixedShare": 0.072, "exempt": true, "transferTo": "<id>".',
    '  Afslutningskode: 0 = beregnet, 1 = filen kan ikke læses eller er ikke gyldig JSON,',
    '  2 = forkert brug eller ugyldig fordeling (fejlene skrives med feltnavn).',
  ].join('\n');
}

export async function runAllocate(args: string[], io: AllocateIo): Promise<number> {
  const parsed = parseArguments(args);
  if ('help' in parsed) {
    io.stdout(`${describeAllocateUsage()}\n`);
    return 0;
  }
  if ('usageError' in parsed) {
    io.stderr(`${parsed.usageError}\n\nBrug: ${describeAllocateUsage()}\n`);
    return 2;
  }
  const { path, format } = parsed;

  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    io.stderr(`Kan ikke læse filen "${path}": ${describeReadError(error)}.\n`);
    return 1;
  }

  // A BOM is tolerated: editors on Windows write one, and JSON.parse refuses it.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    const at = locateJsonError(json);
    const where = at ? `${at.problem} ved position ${at.offset} (linje ${at.line}, kolonne ${at.column})` : 'ukendt fejl';
    io.stderr(`Filen "${path}" er ikke gyldig JSON: ${where}.\n`);
    return 1;
  }

  const input = parseAllocationJson(data);
  if (!input.ok) {
    io.stderr(`Fordelingen i "${path}" er afvist (${input.errors.length} fejl):\n`);
    for (const e of input.errors) io.stderr(`  ${e.field === '' ? '' : `${e.field}: `}${e.message}\n`);
    return 2;
  }

  const result = computeAllocation(input.value);
  if (format === 'json') io.stdout(formatAllocationJson(result));
  else if (format === 'csv') io.stdout(formatAllocationCsv(result));
  else io.stdout(formatAllocationTable(input.value, result));
  return 0;
}

function parseArguments(args: readonly string[]): { path: string; format: OutputFormat } | { help: true } | { usageError: string } {
  const paths: string[] = [];
  const formats = new Set<OutputFormat>();
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--json') formats.add('json');
    else if (arg === '--csv') formats.add('csv');
    else if (arg.startsWith('-')) return { usageError: `Ukendt flag "${arg}".` };
    else paths.push(arg);
  }
  if (formats.size > 1) return { usageError: 'Vælg enten --json eller --csv, ikke begge.' };
  if (paths.length === 0) return { usageError: 'Angiv fordelingsfilen (JSON).' };
  if (paths.length > 1) return { usageError: `Angiv kun én fordelingsfil – fik ${paths.map((p) => `"${p}"`).join(', ')}.` };
  return { path: paths[0]!, format: [...formats][0] ?? 'table' };
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'filen findes ikke';
  if (code === 'EACCES' || code === 'EPERM') return 'ingen adgang til filen';
  if (code === 'EISDIR') return 'det er en mappe, ikke en fil';
  return error instanceof Error ? error.message : String(error);
}

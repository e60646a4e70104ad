// knudepunkt contract evaluate --hub NAME --year Y [--json] and knudepunkt report --hub NAME --year Y
// --format html|pdf|xlsx --out FILE (04-contracts.md): a hub's result contract judged on the data in
// the database now, and its annual report to KKR as a file. The same services as the web pages, as the
// platform itself (the command line has the database's own rights).
// Exit codes: 0 done; 1 the file cannot be written; 2 bad usage, unknown hub or no contract that year.
import { writeFile } from 'node:fs/promises';
import { loadConfig } from '../../config.ts';
import { systemActor } from '../../domain/actor.ts';
import { goalStatusLabels } from '../../domain/contracts/contracts.ts';
import { AppError } from '../../domain/errors.ts';
import { systemClock } from '../../domain/clock.ts';
import { composeReport } from '../../features/contracts/contract-report.service.ts';
import { reportHtmlDocument } from '../../features/contracts/contract-report.views.tsx';
import { contractEvaluationJson, type ContractEvaluationJson } from '../../features/contracts/contracts.schema.ts';
import { evaluateStoredContract, getContractByHubYear } from '../../features/contracts/contracts.service.ts';
import { renderReportPdf } from '../../features/contracts/report.pdf.ts';
import { renderReportWorkbook } from '../../features/contracts/report.spreadsheet.ts';
import { openConfiguredDatabase } from '../../server.ts';
import type { CliIo } from '../io.ts';

export const contractEvaluateUsage = [
  'knudepunkt contract evaluate --hub NAVN --year ÅR [--json]',
  '  Vurderer erhvervshusets resultatkontrakt for året på data i databasen nu: hvert mål med værdi, n,',
  '  95 %-interval, opfyldelse og status (ikke målbart med det, der mangler).',
  '  --hub: erhvervshusets navn, fx "Erhvervshus Nordjylland" (eller blot Nordjylland).',
  '  --json: maskinlæsbar JSON (docs/formats.md, "Resultatkontrakter"); ellers en læsbar oversigt.',
  '  Afslutningskode: 0 = vurderet, 2 = forkert brug, ukendt erhvervshus eller ingen kontrakt for året.',
].join('\n');

export const reportUsage = [
  'knudepunkt report --hub NAVN --year ÅR --format html|pdf|xlsx --out FIL',
  '  Skriver afrapporteringen til KKR for erhvervshusets resultatkontrakt som webside, PDF eller Excel,',
  '  med tallene, som data er nu.',
  '  Afslutningskode: 0 = skrevet, 1 = filen kan ikke skrives, 2 = forkert brug, ukendt erhvervshus eller ingen kontrakt.',
].join('\n');

type Options = Record<string, string | true>;

function readOptions(args: string[], valued: string[], flags: string[]): Options | string {
  const options: Options = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.replace(/^--/, '');
    if (!arg.startsWith('--') || (!valued.includes(name) && !flags.includes(name))) return `Ukendt argument "${arg}".`;
    if (flags.includes(name)) options[name] = true;
    else {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return `--${name} mangler en værdi.`;
      options[name] = value;
    }
  }
  return options;
}

function hubAndYear(options: Options): { hub: string; year: number } | string {
  if (typeof options.hub !== 'string') return '--hub skal angives.';
  if (typeof options.year !== 'string' || !/^\d{4}$/.test(options.year)) return `--year skal være et årstal som 2023${typeof options.year === 'string' ? ` (ikke "${options.year}")` : ''}.`;
  return { hub: options.hub, year: Number(options.year) };
}

async function withContract<T>(io: CliIo, hub: string, year: number, use: (e: Awaited<ReturnType<typeof evaluateStoredContract>>, db: Parameters<typeof composeReport>[0]) => Promise<T>): Promise<T | number> {
  const database = await openConfiguredDatabase(loadConfig(io.env));
  try {
    const stored = await getContractByHubYear(database.db, systemActor('kommandolinjen'), hub, year);
    return await use(await evaluateStoredContract(database.db, stored, systemClock), database.db);
  } catch (error) {
    if (error instanceof AppError && error.code === 'notFound') {
      io.stderr(`${error.userMessage}\n`);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}

export async function runContract(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'evaluate') {
    io.stderr(`Ukendt underkommando "${sub ?? ''}".\n\nBrug: ${contractEvaluateUsage}\n`);
    return 2;
  }
  const options = readOptions(rest, ['hub', 'year'], ['json']);
  const target = typeof options === 'string' ? options : hubAndYear(options);
  if (typeof target === 'string') {
    io.stderr(`${target}\n\nBrug: ${contractEvaluateUsage}\n`);
    return 2;
  }
  const result = await withContract(io, target.hub, target.year, async (evaluated) => contractEvaluationJson(evaluated));
  if (typeof result === 'number') return result;
  io.stdout(typeof options !== 'string' && options.json ? `${JSON.stringify(result, null, 2)}\n` : formatEvaluation(result));
  return 0;
}

export function formatEvaluation(e: ContractEvaluationJson): string {
  const lines = [`${e.contract.title} (${e.contract.status}), beregnet ${e.computedAt}`];
  lines.push(`${e.summary.total} mål: ${e.summary.fulfilled} opfyldt, ${e.summary.partlyFulfilled} delvist, ${e.summary.notFulfilled} ikke opfyldt, ${e.summary.notMeasurable} ikke målbare`);
  for (const g of e.goals) {
    const percent = g.fulfilment === null ? '' : ` (${String(g.fulfilment).replace('.', ',')} %)`;
    lines.push('', `Mål ${g.number}: ${g.title} – ${goalStatusLabels[g.status].da}${percent}`);
    for (const t of g.targets) {
      if (t.activities) lines.push(`  ${t.label}: ${t.activities.done} af ${t.activities.total} indsatser gennemført`);
      else if (t.value === null) lines.push(`  ${t.label}: ${t.missing ?? 'ingen værdi'}`);
      else lines.push(`  ${t.label}: ${String(t.value).replace('.', ',')}${t.n === null ? '' : ` (n = ${t.n})`} – krav ${t.comparison} ${t.threshold?.replace('.', ',')}: ${t.holds ? 'nået' : 'ikke nået'}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const formats = ['html', 'pdf', 'xlsx'] as const;

export async function runReport(args: string[], io: CliIo): Promise<number> {
  const options = readOptions(args, ['hub', 'year', 'format', 'out'], []);
  let problem = typeof options === 'string' ? options : null;
  const target = typeof options === 'string' ? null : hubAndYear(options);
  if (typeof target === 'string') problem = target;
  const format = typeof options === 'string' ? undefined : options.format;
  if (problem === null && !formats.includes(format as never)) problem = `--format skal være html, pdf eller xlsx${typeof format === 'string' ? ` (ikke "${format}")` : ''}.`;
  const out = typeof options === 'string' ? undefined : options.out;
  if (problem === null && typeof out !== 'string') problem = '--out skal angives (filen, der skrives).';
  if (problem !== null || target === null || typeof target === 'string' || typeof out !== 'string') {
    io.stderr(`${problem}\n\nBrug: ${reportUsage}\n`);
    return 2;
  }
  const bytes = await withContract(io, target.hub, target.year, async (evaluated, db) => {
    const report = await composeReport(db, evaluated, systemClock);
    if (format === 'pdf') return renderReportPdf(report);
    if (format === 'xlsx') return renderReportWorkbook(report);
    return Buffer.from(reportHtmlDocument(report), 'utf8');
  });
  if (typeof bytes === 'number') return bytes;
  try {
    await writeFile(out, bytes);
  } catch (error) {
    io.stderr(`Filen "${out}" kan ikke skrives: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.\n`);
    return 1;
  }
  io.stdout(`Afrapporteringen er skrevet til ${out} (${bytes.length.toLocaleString('da-DK')} bytes).\n`);
  return 0;
}

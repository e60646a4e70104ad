// knudepunkt import population <fil.csv> [--name NAVN] [--period 2022K1] [--dry-run]
// knudepunkt import published-base-grants
// The same services as the web pages (Økonomi → Datasæt / Basisbevillinger). Exit codes: 0 done
// (also when the figures were already imported); 1 the file cannot be read; 2 bad usage, or a file
// with errors (each with its line on stderr; nothing is imported).
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import { systemActor } from '../../domain/actor.ts';
import { systemClock } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import { formatDanishNumber } from '../../domain/allocation/allocation.ts';
import { parseDecimal } from '../../domain/money/rational.ts';
import { importPublishedBaseGrants } from '../../features/base-grants/base-grants.published.ts';
import { MAX_IMPORT_BYTES, type ImportPreview } from '../../features/data-sets/data-sets.schema.ts';
import { importDataSet, previewDataSetImport } from '../../features/data-sets/data-sets.service.ts';
import { openConfiguredDatabase } from '../../server.ts';
import type { CliIo } from '../io.ts';

export function describeImportUsage(): string {
  return [
    'knudepunkt import population <fil.csv> [--name NAVN] [--period PERIODE] [--dry-run]',
    '  Importerer folketal pr. kommune fra Danmarks Statistiks tabel FOLK1A (CSV fra Statistikbanken:',
    '  semikolon, med eller uden BOM, navne eller koder som "851 Aalborg", kvartaler som 2022K1).',
    '  Rækker for hele landet, regioner og ukendte områder springes over og nævnes med linjenummer.',
    '  --dry-run viser, hvad der ville blive importeret, uden at gemme noget. Har filen flere perioder,',
    '  vælges én med --period. De samme tal importeret igen giver det samme datasæt (intet dobbelt).',
    'knudepunkt import published-base-grants',
    '  Indlæser de udgivne basisbevillingstabeller som historiske fordelinger (år, der findes, springes over).',
  ].join('\n');
}

const actor = systemActor('Kommandolinje');
const n = (text: string) => formatDanishNumber(parseDecimal(text)!);

export async function runImport(args: string[], io: CliIo): Promise<number> {
  const [what, ...rest] = args;
  if (what === 'published-base-grants' && rest.length === 0) return withDatabase(io, (db) => publishedBaseGrants(db, io));
  if (what !== 'population') {
    io.stderr(`Brug:\n${describeImportUsage()}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { name: { type: 'string' }, period: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\nBrug:\n${describeImportUsage()}\n`);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    io.stderr(`Angiv præcis én CSV-fil.\n\nBrug:\n${describeImportUsage()}\n`);
    return 2;
  }
  const path = parsed.positionals[0]!;
  let content: string;
  try {
    content = await io.readFile(path);
  } catch (error) {
    io.stderr(`Kan ikke læse filen "${path}": ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'filen findes ikke' : (error as Error).message}.\n`);
    return 1;
  }
  if (content.length > MAX_IMPORT_BYTES) {
    io.stderr(`Filen "${path}" er større end 5 MB.\n`);
    return 2;
  }
  if (content.includes('\uFFFD') || content.includes('\u0000')) {
    io.stderr(`Filen "${path}" er ikke en CSV-fil gemt som UTF-8. Gem den som "CSV UTF-8", eller hent den igen fra Statistikbanken.\n`);
    return 2;
  }
  const options = { format: 'folk1a', name: parsed.values.name, period: parsed.values.period, fileName: path.split(/[\\/]/).pop() };
  return withDatabase(io, async (db) => {
    if (parsed.values['dry-run']) {
      const preview = await previewDataSetImport(db, actor, options, content);
      report(io, preview);
      io.stdout(preview.errors.length > 0 ? 'Filen kan ikke importeres, før fejlene er rettet. Intet er gemt.\n' : 'Forhåndsvisning: intet er gemt. Kør uden --dry-run for at importere.\n');
      return preview.errors.length > 0 ? 2 : 0;
    }
    try {
      const result = await db.transaction().execute((tx) => importDataSet(tx, actor, options, content));
      report(io, result.preview);
      const dataSet = result.dataSet!;
      io.stdout(
        result.created
          ? `Importeret: "${dataSet.name}" med ${dataSet.rowCount} kommuner (id ${dataSet.id}).\n`
          : `De samme tal er allerede importeret som "${dataSet.name}" (id ${dataSet.id}). Intet nyt er oprettet.\n`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation') throw error;
      const preview = await previewDataSetImport(db, actor, options, content).catch(() => undefined);
      if (preview) report(io, preview);
      else for (const field of error.fields) io.stderr(`  ${field.field}: ${field.message}\n`);
      io.stderr(`${error.userMessage}\n`);
      return 2;
    }
  });
}

function report(io: CliIo, preview: ImportPreview): void {
  if (preview.rows.length > 0) io.stdout(`${preview.rows.length} kommuner, ${preview.periodLabel || 'ingen periode'}, i alt ${n(preview.total)}.\n`);
  for (const warning of preview.warnings) io.stdout(`Bemærk: ${warning}\n`);
  if (preview.skipped.length > 0) {
    io.stdout(`${preview.skipped.length} rækker sprunget over:\n`);
    for (const s of preview.skipped) io.stdout(`  linje ${s.line}: ${s.area} – ${s.reason}\n`);
  }
  if (preview.errors.length > 0) {
    io.stderr(`${preview.errors.length} fejl:\n`);
    for (const e of preview.errors) io.stderr(`  ${e.message}\n`);
  }
}

async function publishedBaseGrants(db: Parameters<typeof importPublishedBaseGrants>[0], io: CliIo): Promise<number> {
  const result = await db.transaction().execute((tx) => importPublishedBaseGrants(tx, systemClock, actor));
  for (const label of result.imported) io.stdout(`Indlæst: udgivet basisbevilling ${label}\n`);
  for (const label of result.skipped) io.stdout(`Findes allerede: ${label}\n`);
  return 0;
}

async function withDatabase(io: CliIo, work: (db: Awaited<ReturnType<typeof openConfiguredDatabase>>['db']) => Promise<number>): Promise<number> {
  const database = await openConfiguredDatabase(loadConfig(io.env));
  try {
    const pending = await pendingMigrations(database);
    if (pending.length > 0) {
      io.stderr(`Databasen mangler ${pending.length} migrering(er): kør "knudepunkt migrate" først.\n`);
      return 2;
    }
    return await work(database.db);
  } finally {
    await database.close();
  }
}

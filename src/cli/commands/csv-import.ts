// The command-line side of a CSV import (`knudepunkt import activities|referrals <fil.csv> [--dry-run]`):
// arguments, the file, the migrations check, progress on stderr, every error on stderr, the summary
// on stdout. Exit codes: 0 imported (or, with --dry-run, the file is valid); 1 the file cannot be
// read; 2 bad usage, a database without the migrations, or a file with errors (nothing is imported).
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import type { Executor } from '../../db/database.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import { systemActor, type Actor } from '../../domain/actor.ts';
import { openConfiguredDatabase } from '../../server.ts';
import type { CliIo } from '../io.ts';
import { readFileLines } from '../../features/courses/course-import.files.ts';

export interface CsvImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  companiesCreated: number;
  errors: { message: string }[];
}

export interface CsvImportCommand<S extends CsvImportSummary> {
  usage: string;
  /** What is imported, plural: "aktiviteter". */
  noun: string;
  /** The system actor the audit log names: "Aktivitetsimport". */
  actorName: string;
  importFile(db: Executor, actor: Actor, lines: AsyncIterable<string>, options: { dryRun: boolean; onProgress: (rows: number) => void }): Promise<S>;
}

const count = (n: number) => n.toLocaleString('da-DK');

function describe(summary: CsvImportSummary, noun: string): string {
  return (
    `${count(summary.created)} nye, ${count(summary.updated)} ændrede og ${count(summary.unchanged)} uændrede ${noun}; ` +
    (summary.companiesCreated === 1 ? '1 ny virksomhed' : `${count(summary.companiesCreated)} nye virksomheder`)
  );
}

export async function runCsvImport<S extends CsvImportSummary>(command: CsvImportCommand<S>, args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\nBrug: ${command.usage}\n`);
    return 2;
  }
  const [file, ...rest] = parsed.positionals;
  if (!file || rest.length > 0) {
    io.stderr(`Angiv præcis én CSV-fil.\n\nBrug: ${command.usage}\n`);
    return 2;
  }
  try {
    await access(file);
  } catch {
    io.stderr(`Filen "${file}" kan ikke læses (findes den?).\n`);
    return 1;
  }
  const dryRun = parsed.values['dry-run'] === true;
  const database = await openConfiguredDatabase(loadConfig(io.env));
  try {
    const pending = await pendingMigrations(database);
    if (pending.length > 0) {
      io.stderr(`Databasen mangler ${pending.length} migrering(er): kør "knudepunkt migrate" først.\n`);
      return 2;
    }
    const summary = await command.importFile(database.db, systemActor(command.actorName), readFileLines(file), {
      dryRun,
      onProgress: (rows) => io.stderr(`\rLæst: ${count(rows)} rækker`),
    });
    io.stderr('\n');
    if (summary.errors.length > 0) {
      io.stderr(`${count(summary.errors.length)} fejl:\n`);
      for (const error of summary.errors) io.stderr(`  ${error.message}\n`);
      io.stderr('Filen kan ikke importeres, før fejlene er rettet. Intet er importeret.\n');
      return 2;
    }
    io.stdout(
      dryRun
        ? `Prøvekørsel: ${count(summary.rows)} rækker er gyldige – ville give ${describe(summary, command.noun)}. Intet er gemt.\n`
        : `Importeret: ${describe(summary, command.noun)}.\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

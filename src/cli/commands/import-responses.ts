// knudepunkt import responses <file.csv> [--dry-run] (03-evaluation.md, "Responses CSV"; issue 6): user
// evaluation responses (ERST's or the platform's own) from a CSV file into the database, streamed, with
// progress on stderr. Every hub's rows are imported (the command runs as the platform).
// Exit codes: 0 imported (or a clean dry run); 1 the file or the database cannot be used;
// 2 bad usage or invalid rows (every one printed with its line, column and value; nothing imported).
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { systemActor } from '../../domain/actor.ts';
import { readFileLines } from '../../features/courses/course-import.files.ts';
import { importResponses, type ResponseImportSummary } from '../../features/evaluation/response-import.service.ts';
import { openConfiguredDatabase } from '../../server.ts';
import { importFailureExitCode, readImportArguments } from '../files.ts';
import type { CliIo } from '../io.ts';

export const importResponsesUsage =
  'knudepunkt import responses <besvarelser.csv> [--dry-run]\n' +
  '  Indlæser brugerevalueringens besvarelser (ERST eller egne) fra en CSV-fil (kolonnerne i "Responses CSV",\n' +
  '  spec 03-evaluation.md). --dry-run: kontrollerer hele filen og viser hver ugyldig række med linje, kolonne\n' +
  '  og værdi; intet gemmes. Alt eller intet: én ugyldig række, og intet importeres. Besvarelser genkendes på\n' +
  '  source + response_id, så samme fil kan køres igen uden dubletter. Afslutningskode: 0 = gennemført,\n' +
  '  1 = filen/databasen kan ikke bruges, 2 = forkert brug eller ugyldige rækker.';

export interface ImportResponsesOptions {
  /** An open, migrated database (tests); otherwise the configured one is opened and closed. */
  database?: Database;
  now?: Date;
}

export async function runImportResponses(args: string[], io: CliIo, options: ImportResponsesOptions = {}): Promise<number> {
  const parsed = await readImportArguments(args, io, { usage: importResponsesUsage, fileLabel: 'besvarelsesfilen', options: { 'dry-run': { type: 'boolean' } } });
  if (typeof parsed === 'number') return parsed;
  const { file } = parsed;
  const dryRun = parsed.values['dry-run'] === true;
  const database = options.database ?? (await openConfiguredDatabase(loadConfig(io.env)));
  try {
    const summary = await importResponses(database.db, systemActor('Besvarelsesimport (kommandolinje)'), readFileLines(file), {
      dryRun,
      fileName: file,
      now: options.now ?? new Date(),
      onProgress: (rows) => io.stderr(`\rLæst: ${rows.toLocaleString('da-DK')} rækker`),
      onError: (error) => io.stderr(`\n${error.message}`),
    });
    io.stderr('\n');
    io.stdout(describeSummary(summary));
    return summary.errorCount > 0 ? 2 : 0;
  } catch (error) {
    io.stderr('\n');
    return importFailureExitCode(error, file, io);
  } finally {
    if (!options.database) await database.close();
  }
}

function describeSummary(s: ResponseImportSummary): string {
  const lines = [
    s.dryRun ? 'Prøvekørsel – intet er gemt.' : s.errorCount > 0 ? 'Intet er importeret.' : 'Importen er gennemført.',
    `Rækker: ${s.rows}, ugyldige: ${s.invalidRows} (${s.errorCount} fejl).`,
    `Besvarelser ${s.dryRun ? 'der vil blive ' : ''}oprettet: ${s.created}, opdateret: ${s.updated}, uændret: ${s.unchanged}.`,
    `Knyttet til kendte virksomheder: ${s.linkedToCompanies}.`,
  ];
  if (!s.dryRun && s.errorCount === 0 && s.created === 0 && s.updated === 0) lines.push('Ingen ændringer: alle besvarelser var allerede importeret som i filen.');
  return `${lines.join('\n')}\n`;
}

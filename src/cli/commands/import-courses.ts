// knudepunkt import courses <file.csv> [--dry-run] [--organisation NAME|ID] (02-crm.md, "Imports"):
// guidance courses from a CSV file into the database, streamed, with progress on stderr.
// Exit codes: 0 imported (or a clean dry run); 1 the file or the database cannot be used;
// 2 bad usage, an unknown organisation, or invalid rows (every one printed with its line; nothing imported).
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { systemActor } from '../../domain/actor.ts';
import { readFileLines } from '../../features/courses/course-import.files.ts';
import { CourseImportRejected, importCourses, type CourseImportSummary } from '../../features/courses/course-import.service.ts';
import { findOrganisationByName } from '../../features/organisations/organisations.repository.ts';
import { isUuid } from '../../features/validation.ts';
import { openConfiguredDatabase } from '../../server.ts';
import { importFailureExitCode, readImportArguments } from '../files.ts';
import type { CliIo } from '../io.ts';

export const importCoursesUsage =
  'knudepunkt import courses <forløb.csv> [--dry-run] [--organisation NAVN|ID]\n' +
  '  Indlæser vejledningsforløb fra en CSV-fil (kolonnerne i "Guidance courses CSV", spec 02-crm.md).\n' +
  '  --dry-run: kontrollerer hele filen og viser hver ugyldig række med linjenummer; intet gemmes.\n' +
  '  --organisation: erhvervshuset eller det lokale erhvervskontor, forløbene registreres under; rækker for\n' +
  '    andre erhvervshuse springes over. Uden: hver række registreres under sit erhvervshus\' organisation.\n' +
  '  Alt eller intet: én ugyldig række, og intet importeres. Forløb genkendes på course_id, så samme fil\n' +
  '  kan køres igen uden dubletter. Afslutningskode: 0 = gennemført, 1 = filen/databasen kan ikke bruges,\n' +
  '  2 = forkert brug eller ugyldige rækker.';

export interface ImportCoursesOptions {
  /** An open, migrated database (tests); otherwise the configured one is opened and closed. */
  database?: Database;
}

export async function runImportCourses(args: string[], io: CliIo, options: ImportCoursesOptions = {}): Promise<number> {
  const parsed = await readImportArguments(args, io, { usage: importCoursesUsage, fileLabel: 'forløbsfilen', options: { 'dry-run': { type: 'boolean' }, organisation: { type: 'string' } } });
  if (typeof parsed === 'number') return parsed;
  const { file } = parsed;
  const dryRun = parsed.values['dry-run'] === true;
  const database = options.database ?? (await openConfiguredDatabase(loadConfig(io.env)));
  try {
    let organisationId: string | undefined;
    const named = parsed.values.organisation;
    if (named !== undefined) {
      const organisation = isUuid(named) ? { id: named } : await findOrganisationByName(database.db, named);
      if (!organisation) {
        io.stderr(`Organisationen "${named}" findes ikke. Angiv dens navn, som det står i Knudepunkt, eller dens id.\n`);
        return 2;
      }
      organisationId = organisation.id;
    }
    const actor = systemActor('Forløbsimport (kommandolinje)');
    const run = (db: Database['db']) =>
      importCourses(db, actor, readFileLines(file), {
        dryRun,
        organisationId,
        fileName: file,
        onProgress: (rows) => io.stderr(`\rLæst: ${rows.toLocaleString('da-DK')} rækker`),
        onError: (error) => io.stderr(`\n${error.message}`),
      });
    try {
      const summary = dryRun ? await run(database.db) : await database.db.transaction().execute(run);
      io.stderr('\n');
      io.stdout(describeSummary(summary));
      return dryRun && summary.errorCount > 0 ? 2 : 0;
    } catch (error) {
      io.stderr('\n');
      if (error instanceof CourseImportRejected) {
        io.stdout(describeSummary(error.summary));
        io.stderr(`${error.userMessage}\n`);
        return 2;
      }
      return importFailureExitCode(error, file, io);
    }
  } finally {
    if (!options.database) await database.close();
  }
}

function describeSummary(summary: CourseImportSummary): string {
  const { courses } = summary;
  const lines = [
    summary.dryRun ? 'Prøvekørsel – intet er gemt.' : summary.errorCount > 0 ? 'Intet er importeret.' : 'Importen er gennemført.',
    `Rækker: ${summary.rows}, ugyldige: ${summary.invalidRows} (${summary.errorCount} fejl).`,
    `Forløb ${summary.dryRun ? 'der vil blive ' : ''}oprettet: ${courses.created}, opdateret: ${courses.updated}, uændret: ${courses.unchanged}.`,
    `Nye virksomheder: ${summary.companiesCreated}.`,
  ];
  if (summary.organisation) lines.push(`Organisation: ${summary.organisation.name}.`);
  if (summary.skipped.count > 0) {
    lines.push(`Sprunget over: ${summary.skipped.count} rækker for andre erhvervshuse (${summary.skipped.hubs.join(', ')}), linje ${summary.skipped.lines.join(', ')}${summary.skipped.count > summary.skipped.lines.length ? ' …' : ''}.`);
  }
  if (!summary.dryRun && summary.errorCount === 0 && courses.created === 0 && courses.updated === 0) lines.push('Ingen ændringer: alle forløb var allerede importeret som i filen.');
  return `${lines.join('\n')}\n`;
}

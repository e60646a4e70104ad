// knudepunkt import activities <fil.csv> [--dry-run]: activities from an existing CRM (02-crm.md,
// "Imports"; format in docs/formats.md, "Aktiviteter (CSV)"). The file streams line by line. Exit
// codes: 0 imported (or, with --dry-run, the file is valid); 1 the file cannot be read; 2 bad usage, a
// database without the migrations, or a file with errors (each on stderr; nothing is imported).
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import { systemActor } from '../../domain/actor.ts';
import { importActivities, type ActivityImportSummary } from '../../features/activities/activity-import.service.ts';
import { openConfiguredDatabase } from '../../server.ts';
import type { CliIo } from '../io.ts';

export const importActivitiesUsage =
  'knudepunkt import activities <fil.csv> [--dry-run]\n' +
  '  Importerer aktiviteter (besøg, møder, samtaler, e-mails, arrangementer) fra en CSV-fil med kolonnerne\n' +
  '  activity_id,date,kind,title,organisation,cvr,company_name,municipality_code\n' +
  '  og evt. participants,note,note_visibility,adviser_email (se docs/formats.md, "Aktiviteter (CSV)").\n' +
  '  Komma eller semikolon; datoer som 31-12-2023 eller 2023-12-31. Alt eller intet: har én række fejl,\n' +
  '  importeres intet. Samme fil igen ændrer intet (nøglen er activity_id).\n' +
  '  --dry-run kontrollerer filen mod databasen og viser alle fejl med linjenummer uden at gemme noget.';

const count = (n: number) => n.toLocaleString('da-DK');

function describe(summary: ActivityImportSummary): string {
  return (
    `${count(summary.created)} nye, ${count(summary.updated)} ændrede og ${count(summary.unchanged)} uændrede aktiviteter; ` +
    (summary.companiesCreated === 1 ? '1 ny virksomhed' : `${count(summary.companiesCreated)} nye virksomheder`)
  );
}

export async function runImportActivities(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\nBrug: ${importActivitiesUsage}\n`);
    return 2;
  }
  const [file, ...rest] = parsed.positionals;
  if (!file || rest.length > 0) {
    io.stderr(`Angiv præcis én CSV-fil.\n\nBrug: ${importActivitiesUsage}\n`);
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
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    const summary = await importActivities(database.db, systemActor('Aktivitetsimport'), lines, {
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
        ? `Prøvekørsel: ${count(summary.rows)} rækker er gyldige – ville give ${describe(summary)}. Intet er gemt.\n`
        : `Importeret: ${describe(summary)}.\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

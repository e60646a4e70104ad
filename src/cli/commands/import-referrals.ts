// knudepunkt import referrals <fil.csv> [--dry-run]: referrals from an earlier system (02-crm.md,
// "Imports"; format in docs/formats.md, "Henvisninger (CSV)"). The file streams line by line. Exit
// codes: 0 imported (or, with --dry-run, the file is valid); 1 the file cannot be read; 2 bad usage, a
// database without the migrations, or a file with errors (each on stderr; nothing is imported).
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import { systemActor } from '../../domain/actor.ts';
import { importReferrals, type ReferralImportSummary } from '../../features/referrals/referral-import.service.ts';
import { openConfiguredDatabase } from '../../server.ts';
import type { CliIo } from '../io.ts';

export const importReferralsUsage =
  'knudepunkt import referrals <fil.csv> [--dry-run]\n' +
  '  Importerer henvisninger (og leads) fra et tidligere system fra en CSV-fil med kolonnerne\n' +
  '  referral_id,created,from_organisation,to_organisation,cvr,company_name,municipality_code,theme,state\n' +
  '  og evt. kind,outcome,rejection_reason,note,received,contacted,closed,service_goal_hours\n' +
  '  (se docs/formats.md, "Henvisninger (CSV)"). Tidspunkter i dansk tid: 31-12-2023, 2023-12-31 eller\n' +
  '  2023-12-31 14:05. Alt eller intet: har én række fejl, importeres intet. Samme fil igen ændrer intet\n' +
  '  (nøglen er referral_id). Importerede henvisninger beholder deres tidspunkter og giver ingen notifikationer.\n' +
  '  --dry-run kontrollerer filen mod databasen og viser alle fejl med linjenummer uden at gemme noget.';

const count = (n: number) => n.toLocaleString('da-DK');

function describe(summary: ReferralImportSummary): string {
  return (
    `${count(summary.created)} nye, ${count(summary.updated)} ændrede og ${count(summary.unchanged)} uændrede henvisninger; ` +
    (summary.companiesCreated === 1 ? '1 ny virksomhed' : `${count(summary.companiesCreated)} nye virksomheder`)
  );
}

export async function runImportReferrals(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\nBrug: ${importReferralsUsage}\n`);
    return 2;
  }
  const [file, ...rest] = parsed.positionals;
  if (!file || rest.length > 0) {
    io.stderr(`Angiv præcis én CSV-fil.\n\nBrug: ${importReferralsUsage}\n`);
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
    const summary = await importReferrals(database.db, systemActor('Henvisningsimport'), lines, {
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

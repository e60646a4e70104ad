// knudepunkt import referrals <fil.csv> [--dry-run]: referrals from an earlier system (02-crm.md,
// "Imports"; format in docs/formats.md, "Henvisninger (CSV)"). The file streams line by line;
// arguments, output and exit codes are those of every CSV import (csv-import.ts).
import { importReferrals } from '../../features/referrals/referral-import.service.ts';
import type { CliIo } from '../io.ts';
import { runCsvImport } from './csv-import.ts';

export const importReferralsUsage =
  'knudepunkt import referrals <fil.csv> [--dry-run]\n' +
  '  Importerer henvisninger (og leads) fra et tidligere system fra en CSV-fil med kolonnerne\n' +
  '  referral_id,created,from_organisation,to_organisation,cvr,company_name,municipality_code,theme,state\n' +
  '  og evt. kind,outcome,rejection_reason,note,received,contacted,closed,service_goal_hours\n' +
  '  (se docs/formats.md, "Henvisninger (CSV)"). Tidspunkter i dansk tid: 31-12-2023, 2023-12-31 eller\n' +
  '  2023-12-31 14:05. Alt eller intet: har én række fejl, importeres intet. Samme fil igen ændrer intet\n' +
  '  (nøglen er referral_id). Importerede henvisninger beholder deres tidspunkter og giver ingen notifikationer.\n' +
  '  --dry-run kontrollerer filen mod databasen og viser alle fejl med linjenummer uden at gemme noget.';

export function runImportReferrals(args: string[], io: CliIo): Promise<number> {
  return runCsvImport({ usage: importReferralsUsage, noun: 'henvisninger', actorName: 'Henvisningsimport', importFile: importReferrals }, args, io);
}

// knudepunkt import activities <fil.csv> [--dry-run]: activities from an existing CRM (02-crm.md,
// "Imports"; format in docs/formats.md, "Aktiviteter (CSV)"). The file streams line by line;
// arguments, output and exit codes are those of every CSV import (csv-import.ts).
import { importActivities } from '../../features/activities/activity-import.service.ts';
import type { CliIo } from '../io.ts';
import { runCsvImport } from './csv-import.ts';

export const importActivitiesUsage =
  'knudepunkt import activities <fil.csv> [--dry-run]\n' +
  '  Importerer aktiviteter (besøg, møder, samtaler, e-mails, arrangementer) fra en CSV-fil med kolonnerne\n' +
  '  activity_id,date,kind,title,organisation,cvr,company_name,municipality_code\n' +
  '  og evt. participants,note,note_visibility,adviser_email (se docs/formats.md, "Aktiviteter (CSV)").\n' +
  '  Komma eller semikolon; datoer som 31-12-2023 eller 2023-12-31. Alt eller intet: har én række fejl,\n' +
  '  importeres intet. Samme fil igen ændrer intet (nøglen er activity_id).\n' +
  '  --dry-run kontrollerer filen mod databasen og viser alle fejl med linjenummer uden at gemme noget.';

export function runImportActivities(args: string[], io: CliIo): Promise<number> {
  return runCsvImport({ usage: importActivitiesUsage, noun: 'aktiviteter', actorName: 'Aktivitetsimport', importFile: importActivities }, args, io);
}

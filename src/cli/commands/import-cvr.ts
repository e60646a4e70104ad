// knudepunkt import cvr <file>: the CVR register's documents into the companies (02-crm.md).
import { access } from 'node:fs/promises';
import { loadConfig } from '../../config.ts';
import { systemActor } from '../../domain/actor.ts';
import { readCvrDocuments } from '../../domain/companies/cvr-document.ts';
import { importCvrDocuments } from '../../features/companies/cvr-import.service.ts';
import { openConfiguredDatabase } from '../../server.ts';
import type { CliIo } from '../io.ts';
import { readFileLines } from '../../features/courses/course-import.files.ts';

export const importCvrUsage =
  'knudepunkt import cvr <fil>\n' +
  '  Filen er CVR-registrets søgesvar (hits.hits[]._source.Vrvirksomhed) eller ét dokument pr. linje.\n' +
  '  Findes CVR-nummeret, opdateres virksomheden; ellers oprettes den. Alt eller intet.';

export async function runImportCvr(args: string[], io: CliIo): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) {
    io.stderr(`Brug: ${importCvrUsage}\n`);
    return 2;
  }
  try {
    await access(file);
  } catch {
    io.stderr(`Filen "${file}" kan ikke læses.\n`);
    return 1;
  }
  const database = await openConfiguredDatabase(loadConfig(io.env));
  try {
    const summary = await database.db.transaction().execute((tx) =>
      importCvrDocuments(tx, systemActor('CVR-import'), readCvrDocuments(readFileLines(file)), {
        now: new Date(),
        onProgress: (done) => io.stderr(`\rIndlæst: ${done.toLocaleString('da-DK')} dokumenter`),
      }),
    );
    io.stderr('\n');
    io.stdout(
      `Oprettet: ${summary.created}, opdateret: ${summary.updated}, uændret: ${summary.unchanged}, afvist: ${summary.rejected.length}\n` +
        summary.rejected.map((r) => `  Linje ${r.line}${r.cvr ? ` (CVR ${r.cvr})` : ''}: ${r.reason}\n`).join(''),
    );
    return 0;
  } finally {
    await database.close();
  }
}

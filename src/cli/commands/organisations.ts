// knudepunkt organisations create: the first organisation of a new installation (before any admin
// exists to create it in the browser).
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { systemActor } from '../../domain/actor.ts';
import { createOrganisation } from '../../features/organisations/organisations.service.ts';
import { openConfiguredDatabase } from '../../server.ts';
import type { CliIo } from '../io.ts';

export const organisationsUsage =
  'knudepunkt organisations create --name NAVN --kind hub|localOffice|kkrSecretariat|external [--hub ID] [--municipality KODE] [--kkr ID]\n' +
  '  --hub: erhvervshusets id (nordjylland, midtjylland, sydjylland, fyn, sjaelland, hovedstaden)\n' +
  '  --municipality: kommunekode med 3 cifre (fx 851); --kkr: fx kkr-nordjylland';

export async function runOrganisations(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') {
    io.stderr(`Brug: ${organisationsUsage}\n`);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { name: { type: 'string' }, kind: { type: 'string' }, hub: { type: 'string' }, municipality: { type: 'string' }, kkr: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  const database = await openConfiguredDatabase(loadConfig(io.env));
  try {
    const organisation = await database.db.transaction().execute((tx) =>
      createOrganisation(tx, systemActor('Kommandolinje'), {
        name: values.name,
        kind: values.kind,
        businessHubId: values.hub,
        municipalityCode: values.municipality,
        kkrId: values.kkr,
      }),
    );
    io.stdout(`Organisation oprettet: ${organisation.name} (${organisation.kind}), id ${organisation.id}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

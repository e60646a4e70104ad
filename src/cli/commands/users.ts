// knudepunkt users create: the first administrator of a new installation is made here.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { systemActor } from '../../domain/actor.ts';
import { systemClock } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import { findOrganisation, findOrganisationByName } from '../../features/organisations/organisations.repository.ts';
import { createUserWithPassword, inviteUser } from '../../features/users/users.service.ts';
import { openConfiguredDatabase } from '../../server.ts';
import type { CliIo } from '../io.ts';

export async function runUsers(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') {
    io.stderr('Brug: knudepunkt users create --email E --name NAVN --organisation ORG --role ROLLE [--password-stdin]\n');
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        organisation: { type: 'string' },
        role: { type: 'string', multiple: true },
        locale: { type: 'string', default: 'da' },
        'password-stdin': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  const missing = (['email', 'name', 'organisation', 'role'] as const).filter((key) => values[key] === undefined);
  if (missing.length > 0) {
    io.stderr(`Mangler: ${missing.map((key) => `--${key}`).join(', ')}\n`);
    return 2;
  }
  const config = loadConfig(io.env);
  const database = await openConfiguredDatabase(config);
  try {
    const actor = systemActor('Kommandolinje');
    const result = await database.db.transaction().execute(async (tx) => {
      const organisation = (await findOrganisation(tx, values.organisation!)) ?? (await findOrganisationByName(tx, values.organisation!));
      if (!organisation) {
        throw new AppError('validation', `Organisationen "${values.organisation}" findes ikke.`, {
          fields: [{ field: 'organisation', message: 'Skriv organisationens navn eller id som i Administration → Organisationer.' }],
        });
      }
      const input = { email: values.email, name: values.name, organisationId: organisation.id, roles: values.role, locale: values.locale };
      if (values['password-stdin']) {
        const password = (await io.readStdin()).replace(/\r?\n$/, '');
        return { user: await createUserWithPassword(tx, actor, { ...input, password }), link: null };
      }
      // No e-mail: the first administrator of a new installation often has no mail set up yet.
      return inviteUser(tx, { config, clock: systemClock }, actor, input, { sendMail: false });
    });
    io.stdout(`Bruger oprettet: ${result.user.email} (${result.user.roles.join(', ')}) hos ${result.user.organisationName}\n`);
    if (result.link) io.stdout(`Invitationslink (virker én gang i 7 dage):\n${result.link}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

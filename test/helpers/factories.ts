// Test data made through the services, so every test gets its own organisations and users.
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../src/db/database.ts';
import { systemActor, type Role } from '../../src/domain/actor.ts';
import { createOrganisation } from '../../src/features/organisations/organisations.service.ts';
import { createUserWithPassword } from '../../src/features/users/users.service.ts';

export const testPassword = 'correct horse battery staple';
const system = systemActor('Testdata');

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export async function makeOrganisation(db: Executor, input: Record<string, unknown> = {}) {
  return createOrganisation(db, system, { name: unique('Organisation'), kind: 'hub', businessHubId: 'nordjylland', ...input });
}

export async function makeUser(db: Executor, options: { roles?: Role[]; organisationId?: string; email?: string; name?: string } = {}) {
  const organisationId = options.organisationId ?? (await makeOrganisation(db)).id;
  return createUserWithPassword(db, system, {
    email: options.email ?? `${unique('bruger')}@test.example`,
    name: options.name ?? 'Test Bruger',
    organisationId,
    roles: options.roles ?? ['adviser'],
    password: testPassword,
  });
}

// Test data for the economy features (data sets, allocations, base grants): actors with a role, the
// Nordjylland FOLK1A fixture imported through the service, and a base-grant key built on it.
import { readFileSync } from 'node:fs';
import type { Executor } from '../../src/db/database.ts';
import { systemActor, type Role, type UserActor } from '../../src/domain/actor.ts';
import { actorFromUser } from '../../src/features/auth/auth.service.ts';
import { importDataSet } from '../../src/features/data-sets/data-sets.service.ts';
import { createAllocation } from '../../src/features/allocations/allocations.service.ts';
import { findUserById } from '../../src/features/users/users.repository.ts';
import { makeUser } from './factories.ts';

export const nordjyllandFolk1a = readFileSync(new URL('../fixtures/folk1a-nordjylland-2022K1.csv', import.meta.url), 'utf8');

/** The published 2023 base grant of Erhvervshus Nordjylland (1.000 kr.), which the fixture reproduces. */
export const published2023: Record<string, number> = {
  '773': 598, '787': 1285, '810': 1079, '813': 1756, '820': 1083, '825': 53, '840': 914, '846': 1242, '849': 1139, '851': 6592, '860': 1904,
};

export async function actorWith(db: Executor, roles: Role[]): Promise<UserActor> {
  const user = await makeUser(db, { roles });
  return actorFromUser((await findUserById(db, user.id))!);
}

/** The fixture as a data set (idempotent: the same data set every time). */
export async function nordjyllandPopulation(db: Executor): Promise<string> {
  const result = await importDataSet(db, systemActor('Testdata'), { format: 'folk1a' }, nordjyllandFolk1a);
  return result.dataSet!.id;
}

/** The 2023 base-grant key of Erhvervshus Nordjylland: 17.645 (1.000 kr.) by population 2022K1. */
export async function baseGrantKey(db: Executor, overrides: Record<string, unknown> = {}) {
  const dataSetId = await nordjyllandPopulation(db);
  return createAllocation(db, systemActor('Testdata'), {
    name: 'Basisbevilling 2023, Erhvervshus Nordjylland',
    total: '17645',
    unit: '1000 DKK',
    resolution: '1',
    recipients: 'hub:nordjylland',
    criteria: [{ dataSetId, weight: '1' }],
    ...overrides,
  });
}

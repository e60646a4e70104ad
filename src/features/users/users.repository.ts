import type { Executor } from '../../db/database.ts';
import { isRole } from '../../domain/actor.ts';
import type { User } from './users.schema.ts';
import { isUuid } from '../validation.ts';

function userQuery(db: Executor) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    // The region an organisation works in: its hub's, its municipality's or its KKR's (external: none).
    .leftJoin('business_hubs as org_hub', 'org_hub.id', 'organisations.business_hub_id')
    .leftJoin('municipalities as org_municipality', 'org_municipality.code', 'organisations.municipality_code')
    .leftJoin('kkrs as org_kkr', 'org_kkr.id', 'organisations.kkr_id')
    .select((eb) => eb.fn.coalesce('org_hub.region_code', 'org_municipality.region_code', 'org_kkr.region_code').as('region_code'))
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.organisation_id',
      'organisations.name as organisation_name',
      'organisations.kind as organisation_kind',
      'users.roles',
      'users.locale',
      'users.active',
      'users.password_hash',
      'users.last_login_at',
      'users.is_demo',
    ]);
}

export type UserRow = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    roles: row.roles.filter(isRole),
    active: row.active,
    invitationPending: row.password_hash === null,
    lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
  };
}

export async function findUsers(db: Executor, filter: { organisationId?: string | undefined } = {}): Promise<UserRow[]> {
  let query = userQuery(db);
  if (filter.organisationId) query = query.where('users.organisation_id', '=', filter.organisationId);
  return query.orderBy('organisations.name').orderBy('users.name').execute();
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  if (!isUuid(id)) return undefined;
  return userQuery(db).where('users.id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return userQuery(db).where('users.email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function insertUser(
  db: Executor,
  values: { email: string; name: string; organisationId: string; roles: string[]; locale: 'da' | 'en'; passwordHash: string | null; isDemo: boolean },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      email: values.email,
      name: values.name,
      organisation_id: values.organisationId,
      roles: values.roles,
      locale: values.locale,
      password_hash: values.passwordHash,
      is_demo: values.isDemo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUserRow(
  db: Executor,
  id: string,
  values: Partial<{ name: string; organisation_id: string; roles: string[]; active: boolean; password_hash: string; locale: 'da' | 'en'; last_login_at: Date }>,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function countRealUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('is_demo', '=', false).executeTakeFirstOrThrow();
  return row.n;
}

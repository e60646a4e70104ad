import type { Executor } from '../../db/database.ts';
import type { OrganisationsTable } from '../../db/schema.ts';
import { sql, type Selectable } from 'kysely';
import type { Organisation, OrganisationInput } from './organisations.schema.ts';
import { isUuid } from '../validation.ts';

export function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    businessHubId: row.business_hub_id,
    municipalityCode: row.municipality_code,
    kkrId: row.kkr_id,
    email: row.email,
    website: row.website,
    active: row.active,
    isDemo: row.is_demo,
  };
}

function columns(input: OrganisationInput) {
  return {
    name: input.name,
    kind: input.kind,
    business_hub_id: input.kind === 'hub' ? (input.businessHubId ?? null) : null,
    municipality_code: input.kind === 'localOffice' ? (input.municipalityCode ?? null) : null,
    kkr_id: input.kind === 'kkrSecretariat' ? (input.kkrId ?? null) : null,
    email: input.email ?? null,
    website: input.website ?? null,
  };
}

export async function findOrganisations(db: Executor): Promise<Organisation[]> {
  // The order of the system: the hub, the KKR secretariat, the local offices, then external partners.
  const kindOrder = sql<number>`case kind when 'hub' then 1 when 'kkrSecretariat' then 2 when 'localOffice' then 3 else 4 end`;
  const rows = await db.selectFrom('organisations').selectAll().orderBy(kindOrder).orderBy('name').execute();
  return rows.map(toOrganisation);
}

export async function findOrganisation(db: Executor, id: string): Promise<Organisation | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOrganisation(row);
}

export async function findOrganisationByName(db: Executor, name: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('name', '=', name).executeTakeFirst();
  return row && toOrganisation(row);
}

export async function insertOrganisation(db: Executor, input: OrganisationInput, isDemo = false): Promise<Organisation> {
  const row = await db
    .insertInto('organisations')
    .values({ ...columns(input), is_demo: isDemo })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrganisation(row);
}

export async function updateOrganisationRow(db: Executor, id: string, input: OrganisationInput, active: boolean): Promise<Organisation> {
  const row = await db
    .updateTable('organisations')
    .set({ ...columns(input), active, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrganisation(row);
}

export async function countRealOrganisations(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_demo', '=', false)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findReferenceChoices(db: Executor) {
  const [hubs, kkrs, municipalities] = await Promise.all([
    db.selectFrom('business_hubs').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('kkrs').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('municipalities').select(['code', 'name']).orderBy('name').execute(),
  ]);
  return { hubs, kkrs, municipalities };
}

// The lookups of the activities import (activity-import.service.ts): reference data loaded once per
// file, and what one row needs to find.
import type { Executor } from '../../db/database.ts';
import { normaliseCompanyName } from '../../domain/guidance/year-counting.ts';

/** The 98 municipalities with their regions. */
export async function findMunicipalityRegions(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom('municipalities').select(['code', 'region_code']).execute();
  return new Map(rows.map((row) => [row.code, row.region_code]));
}

/** The organisations that register activities, with the region they work in (as users.repository). */
export async function findRegisteringOrganisations(db: Executor) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('business_hubs as h', 'h.id', 'o.business_hub_id')
    .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
    .select(['o.id', 'o.name'])
    .select((eb) => eb.fn.coalesce('h.region_code', 'm.region_code').as('region_code'))
    .where('o.kind', 'in', ['hub', 'localOffice'])
    .execute();
}

export async function findUserIdInOrganisation(db: Executor, organisationId: string, email: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('id').where('organisation_id', '=', organisationId).where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * A pre-starter (no CVR) by the import key the courses import uses too ("name:<normalised name>|<code>",
 * table company_import_keys, docs/decisions/006), so both imports meet the same company; failing that,
 * a pre-starter registered by hand with the same normalised name in the municipality (02-crm.md). A
 * merged company leads to the one kept.
 */
export async function findPreStarterId(db: Executor, importKey: string, name: string, municipalityCode: string): Promise<string | null> {
  const keyed = await db
    .selectFrom('company_import_keys as k')
    .innerJoin('companies as c', 'c.id', 'k.company_id')
    .select((eb) => eb.fn.coalesce('c.merged_into_id', 'c.id').as('id'))
    .where('k.import_key', '=', importKey)
    .executeTakeFirst();
  if (keyed) return keyed.id;
  const candidates = await db
    .selectFrom('companies')
    .select(['id', 'name'])
    .where('cvr', 'is', null)
    .where('merged_into_id', 'is', null)
    .where('municipality_code', '=', municipalityCode)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return candidates.find((company) => normaliseCompanyName(company.name) === normaliseCompanyName(name))?.id ?? null;
}

export async function saveImportKey(db: Executor, importKey: string, companyId: string): Promise<void> {
  await db.insertInto('company_import_keys').values({ import_key: importKey, company_id: companyId }).onConflict((oc) => oc.column('import_key').doNothing()).execute();
}

export async function findActivityBySourceId(db: Executor, sourceId: string) {
  return db
    .selectFrom('activities as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .selectAll('a')
    .select('o.name as organisation_name')
    .where('a.source_id', '=', sourceId)
    .executeTakeFirst();
}

export async function setActivityAdviser(db: Executor, id: string, adviserUserId: string | null): Promise<void> {
  await db.updateTable('activities').set({ adviser_user_id: adviserUserId }).where('id', '=', id).execute();
}

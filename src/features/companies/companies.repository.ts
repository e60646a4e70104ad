import { sql, type Selectable } from 'kysely';
import { insertByColumns, type ColumnTypes } from '../../db/bulk.ts';
import type { Executor } from '../../db/database.ts';
import type { CompaniesTable } from '../../db/tables/crm.ts';
import { isUuid } from '../validation.ts';
import type { Company, CompanySearchQuery } from './companies.schema.ts';

/**
 * Which companies a reader works with: those of one region (02-crm.md, sharing rule), or all. Register
 * data is public, so a company with a CVR number can also be opened from outside its regions (found
 * by its full CVR number); a pre-starter without CVR only inside them.
 */
export type CompanyScope = { regionCode: number | null } | 'all';

const inRegion = (regionCode: number | null) =>
  sql<boolean>`exists (select 1 from company_regions cr where cr.company_id = c.id and cr.region_code = ${regionCode})`;

export type CompanyColumns = Omit<Selectable<CompaniesTable>, 'id' | 'created_at' | 'updated_at' | 'is_demo' | 'merged_into_id'>;

function companyQuery(db: Executor, scope: CompanyScope | 'public') {
  const query = db
    .selectFrom('companies as c')
    .leftJoin('municipalities as m', 'm.code', 'c.municipality_code')
    .selectAll('c')
    .select('m.name as municipality_name');
  if (scope === 'all') return query;
  if (scope === 'public') return query.where('c.cvr', 'is not', null);
  return query.where(inRegion(scope.regionCode));
}

type CompanyRow = Awaited<ReturnType<ReturnType<typeof companyQuery>['executeTakeFirstOrThrow']>>;

export function toCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    cvr: row.cvr,
    name: row.name,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    industryCode: row.industry_code,
    industryText: row.industry_text,
    legalForm: row.legal_form,
    employeesBand: row.employees_band,
    employeesYear: row.employees_year,
    startDate: row.start_date,
    status: row.status,
    statusText: row.status_text,
    advertisingProtected: row.advertising_protected,
    source: row.source,
    cvrSyncedAt: row.cvr_synced_at ? row.cvr_synced_at.toISOString() : null,
    mergedIntoId: row.merged_into_id,
  };
}

export async function findCompany(db: Executor, scope: CompanyScope, id: string): Promise<{ company: Company; inScope: boolean } | undefined> {
  if (!isUuid(id)) return undefined;
  const scoped = await companyQuery(db, scope).where('c.id', '=', id).executeTakeFirst();
  if (scoped) return { company: toCompany(scoped), inScope: true };
  const published = await companyQuery(db, 'public').where('c.id', '=', id).executeTakeFirst();
  return published && { company: toCompany(published), inScope: false };
}

export async function addCompanyRegions(db: Executor, companyId: string, regionCodes: (number | null | undefined)[]): Promise<void> {
  const codes = [...new Set(regionCodes.filter((code): code is number => typeof code === 'number'))];
  if (codes.length === 0) return;
  await db
    .insertInto('company_regions')
    .values(codes.map((region_code) => ({ company_id: companyId, region_code })))
    .onConflict((oc) => oc.columns(['region_code', 'company_id']).doNothing())
    .execute();
}

/** By CVR across all regions: a CVR number names one company in the whole country. */
export async function findCompanyIdByCvr(db: Executor, cvr: string) {
  return db.selectFrom('companies').select(['id', 'name']).where('cvr', '=', cvr).executeTakeFirst();
}

export async function findCompanyRowByCvr(db: Executor, cvr: string) {
  return db.selectFrom('companies').selectAll().where('cvr', '=', cvr).executeTakeFirst();
}

const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');

/**
 * Search: 1-8 digits search CVR numbers by prefix; text matches names by prefix (index-backed) or by
 * trigram similarity (typos, word order), best matches first.
 */
/** Counting stops here (beyond the page asked for): an exact count of every match costs more than it tells. */
export const COMPANY_COUNT_CAP = 1000;

/**
 * Shortest text for fuzzy matching. Shorter texts match by name prefix only: their few trigrams
 * would match thousands of names (bench/README.md).
 */
const FUZZY_MIN_LENGTH = 4;

/** The companies a search matches (text and filters), before ordering. */
function matchingCompanies(db: Executor, scope: CompanyScope, query: CompanySearchQuery) {
  const q = query.q.toLowerCase().trim();
  const digits = q.replace(/\s/g, '');
  // A full CVR number finds the company in the whole country (register data is public).
  // Merged duplicates live on only as pointers to the company that kept their history.
  let base = companyQuery(db, /^\d{8}$/.test(digits) ? 'public' : scope).where('c.merged_into_id', 'is', null);
  if (/^\d{8}$/.test(digits)) base = base.where('c.cvr', '=', digits);
  else if (/^\d{1,7}$/.test(digits)) base = base.where('c.cvr', 'like', `${digits}%`);
  else if (q !== '') {
    // `<%` is pg_trgm's word similarity: the text is like some run of words in the name, so one word
    // ("maskinfabrik"), a misspelling or the whole name all match, through the trigram index.
    const prefix = `${escapeLike(q)}%`;
    base = base.where(q.length >= FUZZY_MIN_LENGTH ? sql<boolean>`(lower(c.name) like ${prefix} or ${q} <% lower(c.name))` : sql<boolean>`lower(c.name) like ${prefix}`);
  }
  if (query.kommune) base = base.where('c.municipality_code', '=', query.kommune);
  if (query.branche) base = base.where('c.industry_code', 'like', `${query.branche}%`);
  if (query.ansatte) base = base.where('c.employees_band', '=', query.ansatte);
  if (query.status) base = base.where('c.status', '=', query.status);
  return base;
}

/** How many companies the search matches, counting no further than `cap` + 1. */
async function countMatches(db: Executor, base: ReturnType<typeof matchingCompanies>, cap: number): Promise<number> {
  const row = await db
    .selectFrom(base.clearSelect().select(sql`1`.as('one')).limit(cap + 1).as('matches'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function searchCompanyRows(db: Executor, scope: CompanyScope, query: CompanySearchQuery, page: { limit: number; offset: number }) {
  const q = query.q.toLowerCase().trim();
  const digits = q.replace(/\s/g, '');
  const base = matchingCompanies(db, scope, query);
  const countCap = Math.max(COMPANY_COUNT_CAP, page.offset + page.limit);
  // `total` is exact up to the cap; above it, `totalCapped` says "more than total".
  const result = (rows: CompanyRow[], matched: number) => ({ companies: rows.map(toCompany), total: Math.min(matched, countCap), totalCapped: matched > countCap });

  // No text (or CVR digits): name order walks the (name, id) index to the page, and the count
  // stops at the cap — two cheap statements, run together.
  if (q === '' || /^\d{1,8}$/.test(digits)) {
    const [rows, matched] = await Promise.all([base.orderBy('c.name').orderBy('c.id').limit(page.limit).offset(page.offset).execute(), countMatches(db, base, countCap)]);
    return result(rows, matched);
  }

  // Text: names that start with it first, then the closest words (fuzzy texts only), then by name.
  // Ranking scores every candidate anyway, so one pass takes the best countCap + 1 ids in order and
  // gives both the page and the capped count (a second query would find them all again); then only
  // the page's companies are read in full — by id from any region, as the ids come from the
  // reader's scoped matches.
  const startsWith = sql<boolean>`lower(c.name) like ${`${escapeLike(q)}%`}`;
  const closeness = q.length >= FUZZY_MIN_LENGTH ? sql<number>`word_similarity(${q}, lower(c.name))` : sql<number>`0`;
  const best = base.clearSelect().select(['c.id', 'c.name', startsWith.as('starts_with'), closeness.as('closeness')]).orderBy(startsWith, 'desc');
  const pageIds = db
    .selectFrom((q.length >= FUZZY_MIN_LENGTH ? best.orderBy(closeness, 'desc') : best).orderBy('c.name').orderBy('c.id').limit(countCap + 1).as('best'))
    .select(['best.id', 'best.name', 'best.starts_with', 'best.closeness', sql<number>`count(*) over ()`.as('matched')])
    .orderBy('best.starts_with', 'desc')
    .orderBy('best.closeness', 'desc')
    .orderBy('best.name')
    .orderBy('best.id')
    .limit(page.limit)
    .offset(page.offset);
  const rows = await companyQuery(db, 'all')
    .innerJoin(pageIds.as('p'), 'p.id', 'c.id')
    .select('p.matched')
    .orderBy('p.starts_with', 'desc')
    .orderBy('p.closeness', 'desc')
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  // A page past the last match has no row to carry the count; then it is counted on its own.
  return result(rows, rows[0] ? Number(rows[0].matched) : await countMatches(db, base, countCap));
}

/**
 * The companies of a search that may be contacted for marketing (02-crm.md: not `reklamebeskyttet`),
 * in name order, a batch at a time (keyset on name and id, so a whole region streams in constant
 * memory), and how many the search matched that were left out.
 */
export async function* outreachCompanyBatches(db: Executor, scope: CompanyScope, query: CompanySearchQuery, batchSize = 1000) {
  let after: { name: string; id: string } | null = null;
  for (;;) {
    let batch = matchingCompanies(db, scope, query).where('c.advertising_protected', '=', false);
    if (after) batch = batch.where(sql<boolean>`(c.name, c.id) > (${after.name}, ${after.id})`);
    const rows = await batch.orderBy('c.name').orderBy('c.id').limit(batchSize).execute();
    if (rows.length === 0) return;
    yield rows.map(toCompany);
    const last = rows.at(-1)!;
    after = { name: last.name, id: last.id };
  }
}

export async function countAdvertisingProtectedMatches(db: Executor, scope: CompanyScope, query: CompanySearchQuery): Promise<number> {
  const row = await matchingCompanies(db, scope, query)
    .where('c.advertising_protected', '=', true)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertCompany(db: Executor, values: Partial<CompanyColumns> & Pick<CompanyColumns, 'name' | 'source'>, isDemo = false): Promise<string> {
  const row = await db
    .insertInto('companies')
    .values({ ...values, is_demo: isDemo })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCompanyRow(db: Executor, id: string, values: Partial<CompanyColumns>): Promise<void> {
  await db
    .updateTable('companies')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function findProductionUnits(db: Executor, companyId: string) {
  return db.selectFrom('company_production_units').select(['p_number', 'active']).where('company_id', '=', companyId).orderBy('p_number').execute();
}

export async function replaceProductionUnits(db: Executor, companyId: string, units: { pNumber: string; active: boolean }[]): Promise<void> {
  await db.deleteFrom('company_production_units').where('company_id', '=', companyId).execute();
  if (units.length > 0) {
    await db
      .insertInto('company_production_units')
      .values(units.map((unit) => ({ company_id: companyId, p_number: unit.pNumber, active: unit.active })))
      .execute();
  }
}

/** The region of a municipality; undefined when the code is not one of the 98. */
export async function regionOfMunicipality(db: Executor, code: string | null): Promise<number | null | undefined> {
  if (!code) return null;
  const row = await db.selectFrom('municipalities').select('region_code').where('code', '=', code).executeTakeFirst();
  return row ? row.region_code : undefined;
}

// Batch forms for the CVR import (one statement per table and batch of documents).

/** The companies with these CVR numbers (all regions). */
export async function findCompanyRowsByCvr(db: Executor, cvrs: string[]) {
  if (cvrs.length === 0) return [];
  return db.selectFrom('companies').selectAll().where(sql<boolean>`cvr = any(${cvrs}::text[])`).execute();
}

/** Each company's production units, by company id, sorted by P-number. */
export async function findProductionUnitsOfCompanies(db: Executor, companyIds: string[]): Promise<Map<string, { p_number: string; active: boolean }[]>> {
  const byCompany = new Map<string, { p_number: string; active: boolean }[]>();
  if (companyIds.length === 0) return byCompany;
  const rows = await db
    .selectFrom('company_production_units')
    .select(['company_id', 'p_number', 'active'])
    .where(sql<boolean>`company_id = any(${companyIds}::uuid[])`)
    .orderBy('company_id')
    .orderBy('p_number')
    .execute();
  for (const row of rows) byCompany.set(row.company_id, [...(byCompany.get(row.company_id) ?? []), { p_number: row.p_number, active: row.active }]);
  return byCompany;
}

const companyColumnTypes: ColumnTypes<CompanyColumns> = {
  cvr: 'text', name: 'text', municipality_code: 'text', street: 'text', postcode: 'text', city: 'text',
  industry_code: 'text', industry_text: 'text', legal_form: 'text', employees_band: 'text', employees_year: 'integer',
  start_date: 'date', status: 'text', status_text: 'text', advertising_protected: 'boolean', source: 'text', cvr_synced_at: 'timestamptz',
};

/** Inserts the companies (every column given); returns their ids by CVR number. */
export async function insertCompanies(db: Executor, rows: CompanyColumns[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const inserted = await sql<{ id: string; cvr: string }>`${insertByColumns('companies', companyColumnTypes, rows)} returning id, cvr`.execute(db);
  return new Map(inserted.rows.map((row) => [row.cvr, row.id]));
}

/** Inserts production units. */
export async function insertProductionUnits(db: Executor, units: { companyId: string; pNumber: string; active: boolean }[]): Promise<void> {
  if (units.length === 0) return;
  const rows = units.map((unit) => ({ company_id: unit.companyId, p_number: unit.pNumber, active: unit.active }));
  await insertByColumns('company_production_units', { company_id: 'uuid', p_number: 'text', active: 'boolean' }, rows).execute(db);
}

/** Adds each company to its region (when known); existing pairs are left as they are. */
export async function addRegionsOfCompanies(db: Executor, pairs: { companyId: string; regionCode: number | null | undefined }[]): Promise<void> {
  const values = [...new Map(pairs.flatMap((p) => (typeof p.regionCode === 'number' ? [[`${p.companyId} ${p.regionCode}`, { company_id: p.companyId, region_code: p.regionCode }] as const] : []))).values()];
  if (values.length === 0) return;
  await sql`${insertByColumns('company_regions', { company_id: 'uuid', region_code: 'integer' }, values)} on conflict (region_code, company_id) do nothing`.execute(db);
}

/** The region of each of the 98 municipalities, by code. */
export async function municipalityRegions(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom('municipalities').select(['code', 'region_code']).execute();
  return new Map(rows.map((row) => [row.code, row.region_code]));
}

// Result contracts in the database (migration 20261123050000_contracts.sql): the contract document
// with its hub, KKR, year, status and revision; issued report versions; evidence files.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ContractStatus } from '../../domain/contracts/contract.vocabulary.ts';
import type { ContractReport } from '../../domain/contracts/report.types.ts';
import type { ContractOrigin, ContractsTable } from '../../db/tables/contracts.ts';

export type ContractRow = Selectable<ContractsTable> & { hub_name: string; kkr_name: string; region_code: number };

function contractQuery(db: Executor) {
  return db
    .selectFrom('contracts as k')
    .innerJoin('business_hubs as h', 'h.id', 'k.business_hub_id')
    .innerJoin('kkrs as r', 'r.id', 'k.kkr_id')
    .selectAll('k')
    .select(['h.name as hub_name', 'r.name as kkr_name', 'h.region_code']);
}

/** The contracts of the given regions (all when null), newest year first. */
export async function findContracts(db: Executor, regionCode: number | null): Promise<ContractRow[]> {
  let query = contractQuery(db);
  if (regionCode !== null) query = query.where('h.region_code', '=', regionCode);
  return query.orderBy('k.year', 'desc').orderBy('h.name').execute();
}

export async function findContractRow(db: Executor, id: string): Promise<ContractRow | undefined> {
  return contractQuery(db).where('k.id', '=', id).executeTakeFirst();
}

export async function findContractRowBySlug(db: Executor, slug: string): Promise<ContractRow | undefined> {
  return contractQuery(db).where('k.slug', '=', slug).executeTakeFirst();
}

export async function findContractRowByHubYear(db: Executor, hubId: string, year: number): Promise<ContractRow | undefined> {
  return contractQuery(db).where('k.business_hub_id', '=', hubId).where('k.year', '=', year).executeTakeFirst();
}

export interface NewContractRow {
  slug: string;
  hubId: string;
  kkrId: string;
  year: number;
  status: ContractStatus;
  document: unknown;
  origin: ContractOrigin;
  copiedFrom: string | null;
  userId: string | null;
  now: Date;
}

/** Inserts the contract unless its hub already has one for the year; returns its id or null. */
export async function insertContract(db: Executor, row: NewContractRow): Promise<string | null> {
  const inserted = await db
    .insertInto('contracts')
    .values({
      slug: row.slug,
      business_hub_id: row.hubId,
      kkr_id: row.kkrId,
      year: row.year,
      status: row.status,
      document: JSON.stringify(row.document),
      origin: row.origin,
      copied_from: row.copiedFrom,
      created_at: row.now,
      created_by: row.userId,
      updated_at: row.now,
      updated_by: row.userId,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

/**
 * Replaces the document (and status) if the stored revision is still `revision`; returns whether it
 * did. A false means someone else saved in between.
 */
export async function updateContractDocument(
  db: Executor,
  id: string,
  revision: number,
  change: { document: unknown; status: ContractStatus; userId: string | null; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('contracts')
    .set((eb) => ({
      document: JSON.stringify(change.document),
      status: change.status,
      revision: eb('revision', '+', 1),
      updated_at: change.now,
      updated_by: change.userId,
    }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ReportVersionRow {
  id: string;
  version: number;
  issuedAt: Date;
  issuedByName: string;
  note: string | null;
}

export async function findReportVersions(db: Executor, contractId: string): Promise<ReportVersionRow[]> {
  const rows = await db
    .selectFrom('contract_reports')
    .select(['id', 'version', 'issued_at', 'issued_by_name', 'note'])
    .where('contract_id', '=', contractId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, version: r.version, issuedAt: r.issued_at, issuedByName: r.issued_by_name, note: r.note }));
}

export async function findReportVersion(db: Executor, contractId: string, version: number): Promise<(ReportVersionRow & { report: ContractReport }) | undefined> {
  const r = await db
    .selectFrom('contract_reports')
    .select(['id', 'version', 'issued_at', 'issued_by_name', 'note', 'report'])
    .where('contract_id', '=', contractId)
    .where('version', '=', version)
    .executeTakeFirst();
  return r && { id: r.id, version: r.version, issuedAt: r.issued_at, issuedByName: r.issued_by_name, note: r.note, report: r.report as ContractReport };
}

/** Stores the next version (1 + the highest); the unique (contract, version) refuses a concurrent twin. */
export async function insertReportVersion(
  db: Executor,
  row: { contractId: string; report: ContractReport; userId: string | null; userName: string; note: string | null; now: Date },
): Promise<number> {
  const latest = await db.selectFrom('contract_reports').select((eb) => eb.fn.max('version').as('v')).where('contract_id', '=', row.contractId).executeTakeFirst();
  const version = Number(latest?.v ?? 0) + 1;
  await db
    .insertInto('contract_reports')
    .values({ contract_id: row.contractId, version, issued_at: row.now, issued_by: row.userId, issued_by_name: row.userName, note: row.note, report: JSON.stringify(row.report) })
    .execute();
  return version;
}

export async function findHubByName(db: Executor, name: string): Promise<{ id: string; name: string; regionCode: number } | undefined> {
  const row = await db.selectFrom('business_hubs').select(['id', 'name', 'region_code']).where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())).executeTakeFirst();
  return row && { id: row.id, name: row.name, regionCode: row.region_code };
}

export async function findKkrOfRegion(db: Executor, regionCode: number): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('kkrs').select(['id', 'name']).where('region_code', '=', regionCode).executeTakeFirst();
}

// The records behind a figure, for the drill-down (04-contracts.md: "every figure links to the records
// behind it"). At most `limit` rows each; the figure's own count says how many there are in all.

export interface DrillDownRecord {
  id: string;
  /** Path of the record's own page, when it has one. */
  href: string | null;
  cells: string[];
}

export async function findCourseRecords(db: Executor, ids: string[], limit: number): Promise<DrillDownRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('guidance_courses as gc')
    .innerJoin('companies as c', 'c.id', 'gc.company_id')
    .select(['gc.id', 'c.name', 'c.cvr', 'gc.category', 'gc.start_date', 'gc.end_date', 'gc.status'])
    .where('gc.id', 'in', ids.slice(0, limit))
    .orderBy('c.name')
    .orderBy('gc.start_date')
    .execute();
  return rows.map((r) => ({ id: r.id, href: `/forloeb/${r.id}`, cells: [r.name, r.cvr ?? '', r.category, r.start_date, r.end_date ?? '', r.status] }));
}

export async function findCompanyRecords(db: Executor, ids: string[], limit: number): Promise<DrillDownRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('companies').select(['id', 'name', 'cvr', 'municipality_code']).where('id', 'in', ids.slice(0, limit)).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, href: `/virksomheder/${r.id}`, cells: [r.name, r.cvr ?? '', r.municipality_code ?? ''] }));
}

export async function findReferralRecords(db: Executor, ids: string[], limit: number): Promise<DrillDownRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('referrals as r')
    .innerJoin('companies as c', 'c.id', 'r.company_id')
    .innerJoin('organisations as o', 'o.id', 'r.from_organisation_id')
    .select(['r.id', 'c.name', 'o.name as from_name', 'r.created_at', 'r.contacted_at', 'r.state'])
    .where('r.id', 'in', ids.slice(0, limit))
    .orderBy('r.created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, href: `/henvisninger/${r.id}`, cells: [r.name, r.from_name, r.created_at.toISOString(), r.contacted_at?.toISOString() ?? '', r.state] }));
}

export async function findEventRecords(db: Executor, ids: string[], limit: number): Promise<DrillDownRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('activities')
    .select(['id', 'title', 'activity_date', 'participant_count'])
    .where('id', 'in', ids.slice(0, limit))
    .orderBy('activity_date')
    .execute();
  return rows.map((r) => ({ id: r.id, href: `/aktiviteter/${r.id}`, cells: [r.title, r.activity_date, String(r.participant_count ?? 0)] }));
}

export async function findResponseRecords(db: Executor, ids: string[], limit: number): Promise<DrillDownRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('evaluation_responses as e')
    .leftJoin('companies as c', 'c.id', 'e.company_id')
    .select(['e.id', 'e.source', 'e.source_response_id', 'e.guidance_year', 'e.segment', 'e.municipality_code', 'e.recommend', 'e.staff_competence', 'e.expected_effect', 'c.name'])
    .where('e.id', 'in', ids.slice(0, limit))
    .orderBy('e.source')
    .orderBy('e.source_response_id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    href: null,
    cells: [`${r.source} ${r.source_response_id}`, r.name ?? '', String(r.guidance_year), r.segment, r.municipality_code, r.recommend === null ? '' : String(r.recommend), r.staff_competence ?? '', r.expected_effect ?? ''],
  }));
}

/** Guided companies and courses per municipality of the hub in `year`, with the municipality's company count. */
export async function findSpread(db: Executor, hubId: string, municipalityCounts: { municipalityCode: string | null; uniqueCompanies: number; courses: number }[]) {
  const municipalities = await db
    .selectFrom('municipalities as m')
    .leftJoin('companies as c', (join) => join.onRef('c.municipality_code', '=', 'm.code'))
    .select(['m.code', 'm.name', (eb) => eb.fn.count<string>('c.id').as('companies')])
    .where('m.business_hub_id', '=', hubId)
    .groupBy(['m.code', 'm.name'])
    .orderBy('m.name')
    .execute();
  const byCode = new Map(municipalityCounts.map((m) => [m.municipalityCode, m]));
  return municipalities.map((m) => ({
    code: m.code,
    name: m.name,
    guidedCompanies: byCode.get(m.code)?.uniqueCompanies ?? 0,
    courses: byCode.get(m.code)?.courses ?? 0,
    companyPopulation: Number(m.companies) > 0 ? Number(m.companies) : null,
  }));
}

import type { Executor } from '../../db/database.ts';
import { isUuid } from '../validation.ts';
import type { BaseGrant, BaseGrantSummary } from './base-grants.schema.ts';

function summaryQuery(db: Executor) {
  return db
    .selectFrom('base_grants as b')
    .innerJoin('business_hubs as h', 'h.id', 'b.business_hub_id')
    .innerJoin('allocation_versions as v', 'v.id', 'b.allocation_version_id')
    .select((eb) => [
      'b.id',
      'b.business_hub_id',
      'h.name as hub_name',
      'b.year',
      'b.source',
      'v.allocation_id',
      'v.version',
      'b.allocation_version_id',
      'b.stated_total',
      'b.unit',
      'b.key_basis',
      'b.created_at',
      'b.created_by_name',
      eb.selectFrom('base_grant_lines as l').select((l) => l.fn.coalesce(l.fn.sum<string>('l.amount'), l.val('0')).as('s')).whereRef('l.base_grant_id', '=', 'b.id').as('lines_total'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

function toSummary(row: SummaryRow): BaseGrantSummary {
  return {
    id: row.id,
    businessHubId: row.business_hub_id,
    businessHubName: row.hub_name,
    year: row.year,
    source: row.source,
    allocationId: row.allocation_id,
    allocationVersion: row.version,
    allocationVersionId: row.allocation_version_id,
    statedTotal: row.stated_total,
    unit: row.unit,
    keyBasis: row.key_basis,
    linesTotal: String(row.lines_total ?? '0'),
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
  };
}

export async function findBaseGrants(db: Executor, filter: { allocationVersionId?: string } = {}): Promise<BaseGrantSummary[]> {
  let query = summaryQuery(db);
  if (filter.allocationVersionId) query = query.where('b.allocation_version_id', '=', filter.allocationVersionId);
  const rows = await query.orderBy('b.year', 'desc').orderBy('h.name').orderBy('b.source').execute();
  return rows.map(toSummary);
}

export async function findBaseGrant(db: Executor, id: string): Promise<BaseGrant | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await summaryQuery(db).where('b.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const lines = await db
    .selectFrom('base_grant_lines')
    .select(['municipality_code', 'municipality_name', 'amount'])
    .where('base_grant_id', '=', id)
    .orderBy('municipality_code')
    .execute();
  return { ...toSummary(row), lines: lines.map((l) => ({ municipalityCode: l.municipality_code, municipalityName: l.municipality_name, amount: l.amount })) };
}

export async function findBaseGrantFor(db: Executor, businessHubId: string, year: number, source: BaseGrant['source']) {
  return db.selectFrom('base_grants').select('id').where('business_hub_id', '=', businessHubId).where('year', '=', year).where('source', '=', source).executeTakeFirst();
}

export async function findHubs(db: Executor) {
  return db.selectFrom('business_hubs').select(['id', 'name']).orderBy('name').execute();
}

export interface NewBaseGrant {
  businessHubId: string;
  year: number;
  source: BaseGrant['source'];
  allocationVersionId: string;
  statedTotal: string;
  unit: BaseGrant['unit'];
  keyBasis: string;
  createdByUserId: string | null;
  createdByName: string;
  lines: { municipalityCode: string; municipalityName: string; amount: string }[];
}

export async function insertBaseGrant(db: Executor, input: NewBaseGrant): Promise<string> {
  const row = await db
    .insertInto('base_grants')
    .values({
      business_hub_id: input.businessHubId,
      year: input.year,
      source: input.source,
      allocation_version_id: input.allocationVersionId,
      stated_total: input.statedTotal,
      unit: input.unit,
      key_basis: input.keyBasis,
      created_by_user_id: input.createdByUserId,
      created_by_name: input.createdByName,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('base_grant_lines')
    .values(input.lines.map((l) => ({ base_grant_id: row.id, municipality_code: l.municipalityCode, municipality_name: l.municipalityName, amount: l.amount })))
    .execute();
  return row.id;
}

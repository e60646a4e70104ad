import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { AllocationVersionsTable } from '../../db/schema.ts';
import type { AllocationUnit, RoundingMethod } from '../../domain/allocation/allocation.ts';
import { parseDecimal, parseRational, type Rational } from '../../domain/money/rational.ts';
import { isUuid } from '../validation.ts';

export interface StoredRule {
  municipalityCode: string;
  kind: 'fixedShare' | 'exempt' | 'transferTo';
  fixedShare?: Rational;
  transferTo?: string;
}

export interface StoredDerived {
  name: string;
  factor: Rational;
  method: RoundingMethod;
}

export interface StoredCriterion {
  position: number;
  key: string;
  dataSetId: string;
  dataSetName: string;
  weight: Rational;
  label: string;
  periodLabel: string;
}

/** One version of an allocation as stored; numbers as exact Rationals. */
export interface StoredVersion {
  id: string;
  allocationId: string;
  origin: 'knudepunkt' | 'published';
  version: number;
  name: string;
  total: Rational;
  unit: AllocationUnit;
  resolution: Rational;
  method: RoundingMethod;
  recipients: string;
  criteria: StoredCriterion[];
  rules: StoredRule[];
  derived: StoredDerived[];
  note: string | null;
  lockedAt: Date | null;
  lockedReason: string | null;
  createdAt: Date;
  createdBy: string;
}

/** Exact text of a Rational for storage: a decimal when it terminates, otherwise "num/den". */
export const exactText = (value: Rational): string => (value.isTerminatingDecimal() ? value.toDecimalString() : value.toString());
function readExact(text: string): Rational {
  const value = parseRational(text);
  if (value === null) throw new Error(`stored number "${text}" is unreadable`);
  return value;
}
const readDecimal = (text: string): Rational => parseDecimal(text) ?? readExact(text);

type RuleJson = { municipalityCode: string; kind: StoredRule['kind']; fixedShare?: string; transferTo?: string };
type DerivedJson = { name: string; factor: string; method: RoundingMethod };

function toStoredVersion(row: Selectable<AllocationVersionsTable> & { origin: StoredVersion['origin'] }, criteria: StoredCriterion[]): StoredVersion {
  return {
    id: row.id,
    allocationId: row.allocation_id,
    origin: row.origin,
    version: row.version,
    name: row.name,
    total: readDecimal(row.total),
    unit: row.unit as AllocationUnit,
    resolution: readDecimal(row.resolution),
    method: row.method as RoundingMethod,
    recipients: row.recipients,
    criteria,
    rules: (row.rules as RuleJson[]).map((r) => ({
      municipalityCode: r.municipalityCode,
      kind: r.kind,
      ...(r.fixedShare !== undefined ? { fixedShare: readExact(r.fixedShare) } : {}),
      ...(r.transferTo !== undefined ? { transferTo: r.transferTo } : {}),
    })),
    derived: (row.derived as DerivedJson[]).map((d) => ({ name: d.name, factor: readExact(d.factor), method: d.method })),
    note: row.note,
    lockedAt: row.locked_at,
    lockedReason: row.locked_reason,
    createdAt: row.created_at,
    createdBy: row.created_by_name,
  };
}

async function criteriaOf(db: Executor, versionIds: string[]): Promise<Map<string, StoredCriterion[]>> {
  const result = new Map<string, StoredCriterion[]>(versionIds.map((id) => [id, []]));
  if (versionIds.length === 0) return result;
  const rows = await db
    .selectFrom('allocation_criteria as c')
    .innerJoin('data_sets as d', 'd.id', 'c.data_set_id')
    .select(['c.allocation_version_id', 'c.position', 'c.key', 'c.data_set_id', 'd.name', 'c.weight', 'c.label', 'c.period_label'])
    .where('c.allocation_version_id', 'in', versionIds)
    .orderBy('c.position')
    .execute();
  for (const r of rows) {
    result.get(r.allocation_version_id)?.push({
      position: r.position,
      key: r.key,
      dataSetId: r.data_set_id,
      dataSetName: r.name,
      weight: readExact(r.weight),
      label: r.label,
      periodLabel: r.period_label,
    });
  }
  return result;
}

/** A version by allocation and number; the newest when `version` is omitted. */
export async function findVersion(db: Executor, allocationId: string, version?: number): Promise<StoredVersion | undefined> {
  if (!isUuid(allocationId)) return undefined;
  let query = db
    .selectFrom('allocation_versions as v')
    .innerJoin('allocations as a', 'a.id', 'v.allocation_id')
    .selectAll('v')
    .select('a.origin')
    .where('v.allocation_id', '=', allocationId);
  query = version === undefined ? query.orderBy('v.version', 'desc').limit(1) : query.where('v.version', '=', version);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return toStoredVersion(row, (await criteriaOf(db, [row.id])).get(row.id) ?? []);
}

export async function findVersionById(db: Executor, id: string): Promise<StoredVersion | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('allocation_versions').select(['allocation_id', 'version']).where('id', '=', id).executeTakeFirst();
  return row && findVersion(db, row.allocation_id, row.version);
}

export async function findVersionList(db: Executor, allocationId: string) {
  return db
    .selectFrom('allocation_versions')
    .select(['id', 'version', 'name', 'total', 'unit', 'locked_at', 'locked_reason', 'created_at', 'created_by_name'])
    .where('allocation_id', '=', allocationId)
    .orderBy('version', 'desc')
    .execute();
}

export async function findAllocationSummaries(db: Executor, filter: { origin?: 'knudepunkt' | 'published' } = {}) {
  let query = db
    .selectFrom('allocations as a')
    .innerJoin('allocation_versions as v', 'v.allocation_id', 'a.id')
    .where('v.version', '=', (eb) => eb.selectFrom('allocation_versions as w').select((w) => w.fn.max('w.version').as('m')).whereRef('w.allocation_id', '=', 'a.id'))
    .select(['a.id', 'a.name', 'a.origin', 'a.updated_at', 'v.version', 'v.total', 'v.unit', 'v.locked_at']);
  if (filter.origin) query = query.where('a.origin', '=', filter.origin);
  return query.orderBy('a.updated_at', 'desc').orderBy('a.name').execute();
}

export interface NewVersion {
  name: string;
  total: Rational;
  unit: AllocationUnit;
  resolution: Rational;
  method: RoundingMethod;
  recipients: string;
  criteria: { key: string; dataSetId: string; weight: Rational; label: string; periodLabel: string }[];
  rules: StoredRule[];
  derived: StoredDerived[];
  note: string | null;
  createdByUserId: string | null;
  createdByName: string;
}

export async function insertAllocation(db: Executor, name: string, origin: StoredVersion['origin']): Promise<string> {
  const row = await db.insertInto('allocations').values({ name, origin }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The next version number, with the allocation row locked so two saves cannot take the same number. */
export async function nextVersionNumber(db: Executor, allocationId: string): Promise<number> {
  await sql`select id from allocations where id = ${allocationId} for update`.execute(db);
  const row = await db.selectFrom('allocation_versions').select((eb) => eb.fn.max('version').as('m')).where('allocation_id', '=', allocationId).executeTakeFirst();
  return (row?.m ?? 0) + 1;
}

export async function insertVersion(db: Executor, allocationId: string, version: number, input: NewVersion): Promise<string> {
  const row = await db
    .insertInto('allocation_versions')
    .values({
      allocation_id: allocationId,
      version,
      name: input.name,
      total: input.total.toDecimalString(),
      unit: input.unit,
      resolution: input.resolution.toDecimalString(),
      method: input.method,
      recipients: input.recipients,
      rules: JSON.stringify(
        input.rules.map((r) => ({
          municipalityCode: r.municipalityCode,
          kind: r.kind,
          ...(r.fixedShare ? { fixedShare: exactText(r.fixedShare) } : {}),
          ...(r.transferTo ? { transferTo: r.transferTo } : {}),
        })),
      ),
      derived: JSON.stringify(input.derived.map((d) => ({ name: d.name, factor: exactText(d.factor), method: d.method }))),
      note: input.note,
      created_by_user_id: input.createdByUserId,
      created_by_name: input.createdByName,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('allocation_criteria')
    .values(input.criteria.map((c, i) => ({ allocation_version_id: row.id, position: i, key: c.key, data_set_id: c.dataSetId, weight: exactText(c.weight), label: c.label, period_label: c.periodLabel })))
    .execute();
  await db.updateTable('allocations').set({ name: input.name, updated_at: new Date() }).where('id', '=', allocationId).execute();
  return row.id;
}

export async function lockVersionRow(db: Executor, versionId: string, reason: string, at: Date): Promise<void> {
  await db.updateTable('allocation_versions').set({ locked_at: at, locked_reason: reason }).where('id', '=', versionId).where('locked_at', 'is', null).execute();
}

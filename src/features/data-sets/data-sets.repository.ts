import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DataSetsTable } from '../../db/schema.ts';
import type { Municipality } from '../../domain/population/population.types.ts';
import { isUuid } from '../validation.ts';
import type { DataSet, DataSetValue } from './data-sets.schema.ts';

export function toDataSet(row: Selectable<DataSetsTable>): DataSet {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    format: row.format,
    source: row.source,
    period: row.period,
    periodLabel: row.period_label,
    valueLabel: row.value_label,
    fileName: row.file_name,
    rowCount: row.row_count,
    skipped: row.skipped as DataSet['skipped'],
    warnings: row.warnings as string[],
    importedAt: row.imported_at.toISOString(),
    importedBy: row.imported_by_name,
  };
}

/** The 98 municipalities as the importers want them (code and reference name). */
export async function findMunicipalityNames(db: Executor): Promise<Municipality[]> {
  return db.selectFrom('municipalities').select(['code', 'name']).orderBy('code').execute();
}

export async function findDataSets(db: Executor, filter: { formats?: DataSet['format'][] } = {}): Promise<DataSet[]> {
  let query = db.selectFrom('data_sets').selectAll();
  if (filter.formats) query = query.where('format', 'in', filter.formats);
  const rows = await query.orderBy('imported_at', 'desc').orderBy('name').execute();
  return rows.map(toDataSet);
}

export async function findDataSet(db: Executor, id: string): Promise<DataSet | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('data_sets').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDataSet(row);
}

export async function findDataSetByHash(db: Executor, contentHash: string): Promise<DataSet | undefined> {
  const row = await db.selectFrom('data_sets').selectAll().where('content_hash', '=', contentHash).executeTakeFirst();
  return row && toDataSet(row);
}

/** Values of several data sets at once, keyed by data set id, in municipality-code order. */
export async function findValuesOf(db: Executor, dataSetIds: string[]): Promise<Map<string, DataSetValue[]>> {
  const result = new Map<string, DataSetValue[]>(dataSetIds.map((id) => [id, []]));
  if (dataSetIds.length === 0) return result;
  const rows = await db
    .selectFrom('data_set_values as v')
    .innerJoin('municipalities as m', 'm.code', 'v.municipality_code')
    .select(['v.data_set_id', 'v.municipality_code', 'm.name', 'v.value', 'v.line'])
    .where('v.data_set_id', 'in', dataSetIds)
    .orderBy('v.municipality_code')
    .execute();
  for (const row of rows) {
    result.get(row.data_set_id)?.push({ municipalityCode: row.municipality_code, municipalityName: row.name, value: row.value, line: row.line });
  }
  return result;
}

export interface NewDataSet {
  name: string;
  kind: string;
  format: DataSet['format'];
  source: string;
  period: string;
  periodLabel: string;
  valueLabel: string;
  contentHash: string;
  fileName: string | null;
  skipped: DataSet['skipped'];
  warnings: string[];
  importedByUserId: string | null;
  importedByName: string;
  values: { municipalityCode: string; value: string; line: number | null }[];
}

/**
 * Inserts the data set and its values, or returns undefined when a data set with the same content
 * hash exists (also when a concurrent import got there first: `on conflict do nothing`).
 */
export async function insertDataSet(db: Executor, input: NewDataSet): Promise<DataSet | undefined> {
  const row = await db
    .insertInto('data_sets')
    .values({
      name: input.name,
      kind: input.kind,
      format: input.format,
      source: input.source,
      period: input.period,
      period_label: input.periodLabel,
      value_label: input.valueLabel,
      content_hash: input.contentHash,
      file_name: input.fileName,
      row_count: input.values.length,
      skipped: JSON.stringify(input.skipped),
      warnings: JSON.stringify(input.warnings),
      imported_by_user_id: input.importedByUserId,
      imported_by_name: input.importedByName,
    })
    .onConflict((oc) => oc.column('content_hash').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  await db
    .insertInto('data_set_values')
    .values(input.values.map((v) => ({ data_set_id: row.id, municipality_code: v.municipalityCode, value: v.value, line: v.line })))
    .execute();
  return toDataSet(row);
}

/** Data sets used by allocation versions (for the data set page: "brugt i …"). */
export async function findAllocationsUsing(db: Executor, dataSetId: string) {
  return db
    .selectFrom('allocation_criteria as c')
    .innerJoin('allocation_versions as v', 'v.id', 'c.allocation_version_id')
    .select(['v.allocation_id', 'v.version', 'v.name'])
    .where('c.data_set_id', '=', dataSetId)
    .orderBy('v.name')
    .orderBy('v.version')
    .execute();
}

import type { Executor } from '../../db/database.ts';

export interface Municipality {
  code: string;
  name: string;
  regionCode: number;
  regionName: string;
  businessHubId: string;
  businessHubName: string;
}

export async function findMunicipalities(db: Executor, filter: { regionCode?: number | undefined } = {}): Promise<Municipality[]> {
  let query = db
    .selectFrom('municipalities as m')
    .innerJoin('regions as r', 'r.code', 'm.region_code')
    .innerJoin('business_hubs as h', 'h.id', 'm.business_hub_id')
    .select(['m.code', 'm.name', 'm.region_code', 'r.name as region_name', 'm.business_hub_id', 'h.name as hub_name']);
  if (filter.regionCode) query = query.where('m.region_code', '=', filter.regionCode);
  const rows = await query.orderBy('m.code').execute();
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    regionCode: row.region_code,
    regionName: row.region_name,
    businessHubId: row.business_hub_id,
    businessHubName: row.hub_name,
  }));
}

export function findRegions(db: Executor) {
  return db.selectFrom('regions').select(['code', 'name']).orderBy('code').execute();
}

import type { Executor } from '../../db/database.ts';

/** Where the user's organisation sits: its region and business hub, for the start page. */
export async function findHomeFacts(db: Executor, organisationId: string) {
  const row = await db
    .selectFrom('organisations as o')
    .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
    .leftJoin('business_hubs as h', (join) => join.on((eb) => eb.or([eb('h.id', '=', eb.ref('o.business_hub_id')), eb('h.id', '=', eb.ref('m.business_hub_id'))])))
    .leftJoin('kkrs as k', 'k.id', 'o.kkr_id')
    .leftJoin('regions as r', (join) =>
      join.on((eb) => eb.or([eb('r.code', '=', eb.ref('h.region_code')), eb('r.code', '=', eb.ref('k.region_code'))])),
    )
    .select(['o.kind', 'm.name as municipality', 'h.name as hub', 'r.name as region'])
    .where('o.id', '=', organisationId)
    .executeTakeFirst();
  return row ?? { kind: null, municipality: null, hub: null, region: null };
}

// Who an allocation is split between: the municipalities of one business hub, of one KKR (a region;
// KKR Syddanmark has two hubs), or all 98. Stored as 'hub:<id>', 'kkr:<id>' or 'all'.
import type { Executor } from '../../db/database.ts';

export interface RecipientMunicipality {
  code: string;
  name: string;
  businessHubId: string;
}

export interface RecipientChoice {
  value: string;
  label: string;
}

/** The municipalities of a scope in code order, or undefined when the scope names nothing known. */
export async function resolveRecipients(db: Executor, scope: string): Promise<RecipientMunicipality[] | undefined> {
  let query = db.selectFrom('municipalities as m').select(['m.code', 'm.name', 'm.business_hub_id as businessHubId']);
  const [kind, id] = scope.split(':', 2);
  if (kind === 'hub') query = query.where('m.business_hub_id', '=', id!);
  else if (kind === 'kkr') {
    const kkr = await db.selectFrom('kkrs').select('region_code').where('id', '=', id!).executeTakeFirst();
    if (!kkr) return undefined;
    query = query.where('m.region_code', '=', kkr.region_code);
  } else if (scope !== 'all') return undefined;
  const rows = await query.orderBy('m.code').execute();
  return rows.length > 0 ? rows : undefined;
}

/** The choices of the form's "Modtagere" field, with the number of municipalities in each. */
export async function recipientChoices(db: Executor, locale: 'da' | 'en' = 'da'): Promise<RecipientChoice[]> {
  const [hubs, kkrs] = await Promise.all([
    db
      .selectFrom('business_hubs as h')
      .innerJoin('municipalities as m', 'm.business_hub_id', 'h.id')
      .select(['h.id', 'h.name', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['h.id', 'h.name'])
      .orderBy('h.name')
      .execute(),
    db
      .selectFrom('kkrs as k')
      .innerJoin('municipalities as m', 'm.region_code', 'k.region_code')
      .select(['k.id', 'k.name', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['k.id', 'k.name'])
      .orderBy('k.name')
      .execute(),
  ]);
  const municipalities = (n: number) => (locale === 'en' ? `${n} municipalities` : `${n} kommuner`);
  return [
    ...hubs.map((h) => ({ value: `hub:${h.id}`, label: `${h.name} (${municipalities(h.n)})` })),
    ...kkrs.map((k) => ({ value: `kkr:${k.id}`, label: `${k.name} (${municipalities(k.n)})` })),
    { value: 'all', label: locale === 'en' ? 'All 98 municipalities' : 'Alle 98 kommuner' },
  ];
}

/** "Erhvervshus Nordjylland (11 kommuner)" for a stored scope. */
export async function describeRecipients(db: Executor, scope: string, locale: 'da' | 'en' = 'da'): Promise<string> {
  return (await recipientChoices(db, locale)).find((c) => c.value === scope)?.label ?? scope;
}

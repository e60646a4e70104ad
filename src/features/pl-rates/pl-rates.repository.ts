import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { isUuid } from '../validation.ts';
import type { PlRate } from './pl-rates.schema.ts';

/**
 * All rates, newest year first; `current` marks the newest release of each year and category
 * (spec 05: KL revises its estimates; a revision is a new row and the newest release is current).
 */
export async function findPlRates(db: Executor): Promise<PlRate[]> {
  const rows = await db
    .selectFrom('pl_rates as r')
    .selectAll('r')
    .select(
      sql<boolean>`r.released_on = (select max(x.released_on) from pl_rates x where x.year = r.year and x.category = r.category)`.as('current'),
    )
    .orderBy('r.year', 'desc')
    .orderBy('r.category')
    .orderBy('r.released_on', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    category: r.category,
    percent: r.percent,
    source: r.source,
    releasedOn: r.released_on,
    current: r.current,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by_name,
  }));
}

export async function findPlRate(db: Executor, id: string): Promise<PlRate | undefined> {
  if (!isUuid(id)) return undefined;
  return (await findPlRates(db)).find((r) => r.id === id);
}

export async function insertPlRate(
  db: Executor,
  input: { year: number; category: string; percent: string; source: string; releasedOn: string; createdByUserId: string | null; createdByName: string },
): Promise<string | undefined> {
  const row = await db
    .insertInto('pl_rates')
    .values({
      year: input.year,
      category: input.category,
      percent: input.percent,
      source: input.source,
      released_on: input.releasedOn,
      created_by_user_id: input.createdByUserId,
      created_by_name: input.createdByName,
    })
    .onConflict((oc) => oc.columns(['year', 'category', 'released_on']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

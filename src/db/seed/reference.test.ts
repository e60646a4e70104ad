import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { loadReferenceData } from './reference.ts';

describe('reference data', () => {
  let database: TestDatabase;
  before(async () => (database = await createTestDatabase()));
  after(async () => database.drop());

  it('loads the 5 regions, 5 KKRs, 6 business hubs and 98 municipalities', async () => {
    const count = async (table: 'regions' | 'kkrs' | 'business_hubs' | 'municipalities') =>
      (await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    assert.equal(await count('regions'), 5);
    assert.equal(await count('kkrs'), 5);
    assert.equal(await count('business_hubs'), 6);
    assert.equal(await count('municipalities'), 98);
  });

  it('places Aalborg in Region Nordjylland under Erhvervshus Nordjylland and Odense under Fyn', async () => {
    const aalborg = await database.db.selectFrom('municipalities').selectAll().where('code', '=', '851').executeTakeFirstOrThrow();
    assert.deepEqual([aalborg.name, aalborg.region_code, aalborg.business_hub_id], ['Aalborg', 1081, 'nordjylland']);
    const odense = await database.db.selectFrom('municipalities').selectAll().where('code', '=', '461').executeTakeFirstOrThrow();
    assert.equal(odense.business_hub_id, 'fyn');
  });

  it('gives Region Syddanmark two hubs, Fyn with the 10 Funen municipalities', async () => {
    const rows = await database.db
      .selectFrom('municipalities')
      .select(['business_hub_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('region_code', '=', 1083)
      .groupBy('business_hub_id')
      .orderBy('business_hub_id')
      .execute();
    assert.deepEqual(rows, [
      { business_hub_id: 'fyn', n: 10 },
      { business_hub_id: 'sydjylland', n: 12 },
    ]);
  });

  it('can be loaded again without duplicating anything', async () => {
    await loadReferenceData(database.db);
    const n = (await database.db.selectFrom('municipalities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    assert.equal(n, 98);
  });

  it('loads the evaluation instruments with their questions and scales, once', async () => {
    await loadReferenceData(database.db);
    const rows = await database.db.selectFrom('evaluation_instruments').selectAll().orderBy('key').execute();
    assert.deepEqual(rows.map((r) => [r.key, r.version, r.from_year, r.to_year]), [
      ['2019-2020', 1, 2019, 2020],
      ['2021-2023', 1, 2021, 2023],
    ]);
    const questions = rows[1]!.questions as { key: string; scale: string }[];
    assert.deepEqual(questions.map((q) => q.key), ['recommend', 'staffCompetence', 'expectedEffect', 'referred', 'usedReferral', 'digitalGuidance']);
    const scales = rows[1]!.scales as Record<string, { options?: { da: string }[] }>;
    assert.equal(scales.satisfaction?.options?.[0]?.da, 'Meget tilfreds');
  });
});

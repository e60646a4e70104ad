// The user-evaluation demo data (src/db/seed/demo-evaluation.ts, loaded by seedDemo): about 300
// responses for Erhvervshus Nordjylland over 2021-2024, both segments, NPS 60-75 each year, linked to
// demo companies, all marked is_demo — and the explorer shows them to the demo hub manager.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { seedDemo } from '../../db/seed/demo.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { findUserByEmail } from '../users/users.repository.ts';
import { getEvaluationOverview } from './evaluation.service.ts';

describe('the evaluation demo data', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
  });
  after(async () => database.drop());

  it('holds about 300 demo responses of Erhvervshus Nordjylland, 2021-2024, both segments, linked to demo companies', async () => {
    const rows = await database.db.selectFrom('evaluation_responses').selectAll().execute();
    assert.ok(rows.length >= 280 && rows.length <= 320, String(rows.length));
    assert.ok(rows.every((r) => r.is_demo && r.business_hub_id === 'nordjylland'));
    assert.deepEqual([...new Set(rows.map((r) => r.guidance_year))].sort(), [2021, 2022, 2023, 2024]);
    assert.deepEqual([...new Set(rows.map((r) => r.segment))].sort(), ['growth', 'operations']);
    assert.ok(rows.filter((r) => r.company_id !== null).length > rows.length / 2);
  });

  it('gives the demo hub manager an NPS between 60 and 75 in every year', async () => {
    const user = await findUserByEmail(database.db, 'leder@demo.knudepunkt.example');
    const overview = await getEvaluationOverview(database.db, actorFromUser(user!), {});
    assert.equal(overview.hub.id, 'nordjylland');
    assert.equal(overview.rawAccess, true);
    for (const year of overview.trend) {
      const nps = year.figures.find((f) => f.metric === 'nps')!;
      const value = Number(nps.value!.toFixed(1));
      assert.ok(value >= 60 && value <= 75, `${year.year}: ${value}`);
    }
  });
});

// PL rates (versioned by release) and the uplift of contributions with payback by the same key,
// through the service and the pages, with the CSV and Excel exports.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { sumRationals } from '../../domain/money/rational.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { actorWith, baseGrantKey } from '../../../test/helpers/economy.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import type { StoredVersion } from '../allocations/allocations.repository.ts';
import { computeUplift, createPlRate, listPlRates } from './pl-rates.service.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('PL rates and uplift', () => {
  let t: TestApp;
  let kkr: UserActor;
  let client: TestClient;
  let key: StoredVersion;
  before(async () => {
    t = await createTestApp();
    kkr = await actorWith(t.database.db, ['kkr']);
    key = await baseGrantKey(t.database.db);
    client = t.client();
    await client.login((await makeUser(t.database.db, { roles: ['kkr'] })).email);
  });
  after(async () => t.close());

  it('keeps revisions as new rows and marks the newest release current', async () => {
    await createPlRate(t.database.db, kkr, { year: 2024, category: 'Serviceudgifter i alt', percent: '4.2', source: 'KL, Budgetvejledning 2024', releasedOn: '2023-02-01' });
    const revision = await createPlRate(t.database.db, kkr, { year: 2024, category: 'Serviceudgifter i alt', percent: '4.8', source: 'KL, Budgetvejledning 2024 (revideret)', releasedOn: '2023-06-15' });
    const rates = (await listPlRates(t.database.db, kkr)).filter((r) => r.year === 2024);
    assert.deepEqual(rates.map((r) => [r.percent, r.current]), [['4.8', true], ['4.2', false]]);
    assert.equal(revision.current, true);
    await assert.rejects(
      createPlRate(t.database.db, kkr, { year: 2024, category: 'Serviceudgifter i alt', percent: '5', source: 'KL', releasedOn: '2023-06-15' }),
      (e: AppError) => e.code === 'conflict' && e.fields[0]?.field === 'releasedOn',
    );
    await assert.rejects(createPlRate(t.database.db, kkr, { year: 'i år', category: 'S', percent: 'fire', source: '', releasedOn: '15-06-2023' }), (e: AppError) => {
      assert.deepEqual(e.fields.map((f) => f.field).sort(), ['category', 'percent', 'releasedOn', 'source', 'year']);
      return true;
    });
    const adviser = await actorWith(t.database.db, ['adviser']);
    await assert.rejects(createPlRate(t.database.db, adviser, { year: 2025, category: 'S', percent: '3', source: 'KL', releasedOn: '2024-06-01' }), (e: AppError) => e.code === 'forbidden');
    const audit = await t.database.db.selectFrom('audit_log').select('entity_id').where('entity_type', '=', 'plRate').execute();
    assert.equal(audit.length, 2);
  });

  it('uplifts this year’s contributions by 4,8 % in whole kroner and pays a surplus back by the same key', async () => {
    const uplift = await computeUplift(t.database.db, kkr, key.allocationId, 1, { percent: '4,8', rounding: 'kroner', surplus: '250.000', carriedForward: '50.000,50' });
    const morsoe = uplift.uplift.rows.find((r) => r.id === '773')!;
    assert.equal(morsoe.current.toDecimalString(), '598000', 'contributions in kroner: 598 (1.000 kr.) × 1.000');
    assert.equal(morsoe.uplifted.toDecimalString(), '626704', '598.000 × 1,048');
    assert.equal(uplift.uplift.upliftedTotal.toDecimalString(), '18491960');
    const payback = uplift.payback!;
    assert.equal(payback.payback.toDecimalString(), '199999.5');
    assert.equal(payback.paidBack.toDecimalString(), '199999', 'the half krone below one step stays with the carry-forward');
    assert.equal(sumRationals(payback.allocation.recipients.map((r) => r.allocated)).toDecimalString(), '199999');
  });

  it('rounds to øre per row or together, and the two differ only by rounding', async () => {
    const perRow = await computeUplift(t.database.db, kkr, key.allocationId, 1, { percent: '3.33', rounding: 'oere', mode: 'perRow' });
    const together = await computeUplift(t.database.db, kkr, key.allocationId, 1, { percent: '3.33', rounding: 'oere', mode: 'exactSum' });
    assert.equal(perRow.uplift.rows[0]!.uplifted.toDecimalString(), '617913.4');
    assert.equal(together.uplift.upliftedTotal.toDecimalString(), together.uplift.exactTotal.roundHalfUpTo(together.resolution).toDecimalString());
  });

  it('refuses an unreadable rate and a carry-forward larger than the surplus, naming the fields', async () => {
    await assert.rejects(computeUplift(t.database.db, kkr, key.allocationId, 1, { percent: 'fire', surplus: '10', carriedForward: '20' }), (e: AppError) => {
      assert.deepEqual(Object.fromEntries(e.fields.map((f) => [f.field, f.message])), {
        percent: 'Skriv satsen i procent som et tal, fx 4,8.',
        carriedForward: 'Beløbet, der overføres, kan ikke være større end overskuddet.',
      });
      return true;
    });
  });

  it('shows the uplift page and exports it as CSV and Excel', async () => {
    const base = `/oekonomi/fordelingsnoegler/${key.allocationId}/versioner/1/pl-fremskrivning`;
    const empty = await client.get(base);
    assert.equal(empty.status, 200);
    assert.match(text(await empty.text()), /2024 – Serviceudgifter i alt: 4,8 % \(KL, Budgetvejledning 2024 \(revideret\), udgivet 2023-06-15\)/);
    const rate = (await listPlRates(t.database.db, kkr)).find((r) => r.current)!;
    const shown = text(await (await client.get(`${base}?rate=${rate.id}&rounding=kroner&mode=perRow&surplus=250000`)).text());
    assert.match(shown, /Bidrag i år × 1,048 \(PL 4,8 %\)/);
    assert.match(shown, /Morsø 598\.000 626\.704/);
    assert.match(shown, /250\.000 kr\. betales tilbage efter nøglen/);
    const invalid = await client.get(`${base}?percent=fire`);
    assert.equal(invalid.status, 422);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await client.get(`${base}.csv?rate=${rate.id}&surplus=250000`)).arrayBuffer());
    assert.match(csv, /^\uFEFFKommunekode;Kommune;Bidrag i år \(kr\.\);Præcist fremskrevet \(kr\.\);Afrundet pr\. række \(kr\.\);Samlet afrunding \(kr\.\);Forskel;Næste års bidrag \(kr\.\);Tilbagebetaling \(kr\.\)\r\n773;Morsø;598000;626704;626704;626704;0;626704;8475\r\n/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await client.get(`${base}.xlsx?rate=${rate.id}`)).arrayBuffer());
    const sheet = workbook.getWorksheet('PL-fremskrivning')!;
    assert.match(String(sheet.getCell('A2').value), /Bidrag i år × 1,048 \(PL 4,8 %\)/);
    assert.deepEqual((sheet.getCell('H17').value as { result: number }).result, 18491960);
  });

  it('shows the rates page and saves a rate typed with a decimal comma', async () => {
    const saved = await client.post('/oekonomi/pl-satser', { year: '2025', category: 'Serviceudgifter i alt', percent: '3,1', source: 'KL, Budgetvejledning 2025', releasedOn: '2024-06-14' });
    assert.equal(saved.status, 303);
    assert.match(text(await (await client.get('/oekonomi/pl-satser?besked=gemt')).text()), /2025 Serviceudgifter i alt 3,1 % KL, Budgetvejledning 2025 2024-06-14 Gældende/);
    const refused = await client.post('/oekonomi/pl-satser', { year: '2025', category: 'Serviceudgifter i alt', percent: 'tre', source: 'KL', releasedOn: '2024-06-20' });
    assert.equal(refused.status, 422);
    assert.match(text(await refused.text()), /Skriv satsen i procent som et tal, fx 4,8\./);
  });
});

// Base grants: linking a key locks it and stores the invoice list; the invoice Excel sums exactly;
// the published tables are imported once and show the deviations of spec 05.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { ManualClock } from '../../domain/clock.ts';
import type { UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { actorWith, baseGrantKey, published2023 } from '../../../test/helpers/economy.ts';
import { getVersionView } from '../allocations/allocations.service.ts';
import { invoiceCsv, invoiceXlsx } from './base-grants.export.ts';
import { importPublishedBaseGrants } from './base-grants.published.ts';
import { deviationOf, getBaseGrant, linkBaseGrant, listBaseGrants } from './base-grants.service.ts';

describe('base grants', () => {
  let database: TestDatabase;
  let kkr: UserActor;
  const clock = new ManualClock('2022-11-15T09:00:00Z');
  before(async () => {
    database = await createTestDatabase();
    kkr = await actorWith(database.db, ['kkr']);
  });
  after(async () => database.drop());

  const fieldsOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => assert.fail('expected an error'), (e: AppError) => e);
    return { code: error.code, fields: Object.fromEntries(error.fields.map((f) => [f.field, f.message])) };
  };

  it('stores the invoice list of a key, locks the version and audits both', async () => {
    const version = await baseGrantKey(database.db);
    const grant = await linkBaseGrant(database.db, clock, kkr, { allocationVersionId: version.id, businessHubId: 'nordjylland', year: '2023' });
    assert.equal(grant.businessHubName, 'Erhvervshus Nordjylland');
    assert.equal(grant.keyBasis, '17.645 (1.000 kr.) fordelt efter bopælskommunefolketal pr. 1. kvt. 2022.');
    assert.deepEqual(Object.fromEntries(grant.lines.map((l) => [l.municipalityCode, Number(l.amount)])), published2023);
    assert.equal(grant.linesTotal, '17645');
    const view = await getVersionView(database.db, kkr, version.allocationId);
    assert.equal(view.version.lockedAt?.toISOString(), '2022-11-15T09:00:00.000Z');
    assert.equal(view.version.lockedReason, 'Basisbevilling 2023, Erhvervshus Nordjylland');
    const audit = await database.db.selectFrom('audit_log').select(['entity_type', 'action']).where('entity_id', 'in', [grant.id, version.allocationId]).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => `${a.entity_type}:${a.action}`), ['allocation:create', 'baseGrant:create', 'allocation:update']);
  });

  it('refuses a second base grant for the same hub and year', async () => {
    const version = await baseGrantKey(database.db, { name: 'Basisbevilling 2024' });
    await linkBaseGrant(database.db, clock, kkr, { allocationVersionId: version.id, businessHubId: 'nordjylland', year: 2024 });
    const again = await fieldsOf(linkBaseGrant(database.db, clock, kkr, { allocationVersionId: version.id, businessHubId: 'nordjylland', year: 2024 }));
    assert.equal(again.code, 'conflict');
    assert.match(again.fields.year!, /Basisbevillingen 2024 for Erhvervshus Nordjylland findes allerede/);
  });

  it('refuses another hub, a key whose rows miss the total, and an adviser', async () => {
    const version = await baseGrantKey(database.db);
    const wrongHub = await fieldsOf(linkBaseGrant(database.db, clock, kkr, { allocationVersionId: version.id, businessHubId: 'fyn', year: 2030 }));
    assert.match(wrongHub.fields.businessHubId!, /11 kommuner uden for Erhvervshus Fyn/);
    const perRow = await baseGrantKey(database.db, { method: 'roundEach' });
    const missing = await fieldsOf(linkBaseGrant(database.db, clock, kkr, { allocationVersionId: perRow.id, businessHubId: 'nordjylland', year: 2031 }));
    assert.match(missing.fields.allocationVersionId!, /summerer til 17644, ikke totalen 17645/);
    const adviser = await actorWith(database.db, ['adviser']);
    assert.equal((await fieldsOf(linkBaseGrant(database.db, clock, adviser, { allocationVersionId: version.id, businessHubId: 'nordjylland', year: 2032 }))).code, 'forbidden');
    assert.equal((await fieldsOf(linkBaseGrant(database.db, clock, kkr, { allocationVersionId: version.id, businessHubId: 'nordjylland', year: 'næste år' }))).code, 'validation');
  });

  it('exports an invoice Excel whose rows sum exactly to the total, in 1.000 kr. and in kroner', async () => {
    const version = await baseGrantKey(database.db, { name: 'Basisbevilling 2025' });
    const grant = await linkBaseGrant(database.db, clock, kkr, { allocationVersionId: version.id, businessHubId: 'nordjylland', year: 2025 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await invoiceXlsx(grant)).buffer);
    const sheet = workbook.getWorksheet('Fakturaliste')!;
    assert.equal(sheet.getCell('A1').value, 'Basisbevilling 2025 – Erhvervshus Nordjylland');
    assert.match(String(sheet.getCell('A2').value), /fordelt efter bopælskommunefolketal pr\. 1\. kvt\. 2022/);
    const rows: { code: string; thousands: number; kroner: number }[] = [];
    let total: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      const code = row.getCell(1).value;
      if (typeof code === 'string' && /^\d{3}$/.test(code)) rows.push({ code, thousands: row.getCell(3).value as number, kroner: row.getCell(4).value as number });
      if (row.getCell(1).value === 'I alt') total = row;
    });
    assert.equal(rows.length, 11);
    assert.equal(rows.reduce((s, r) => s + r.thousands, 0), 17645);
    assert.equal(rows.reduce((s, r) => s + r.kroner, 0), 17645000);
    const totalCell = total!.getCell(3).value as { formula: string; result: number };
    assert.equal(totalCell.formula, 'SUM(C6:C16)');
    assert.equal(totalCell.result, 17645);
    assert.equal(sheet.getCell('C6').numFmt, '#,##0');
    const csv = invoiceCsv(grant);
    assert.match(csv, /^\uFEFFKommunekode;Kommune;Beløb \(1\.000 kr\.\);Beløb \(kr\.\)\r\n773;Morsø;598;598000\r\n/);
    assert.match(csv, /\r\n;I alt;17645;17645000\r\n$/);
  });

  it('imports the published tables once and shows how each deviates from its stated total and an exact split', async () => {
    const first = await importPublishedBaseGrants(database.db, clock, kkr);
    assert.deepEqual(first.imported, ['2019 Erhvervshus Nordjylland', '2020 Erhvervshus Midtjylland', '2022 Erhvervshus Nordjylland', '2023 Erhvervshus Nordjylland']);
    const again = await importPublishedBaseGrants(database.db, clock, kkr);
    assert.deepEqual(again, { imported: [], skipped: first.imported });
    const published = (await listBaseGrants(database.db, kkr)).filter((g) => g.source === 'published');
    const figures = await Promise.all(
      published.map(async (g) => {
        const deviation = deviationOf(await getBaseGrant(database.db, kkr, g.id));
        const differing = deviation.rows.filter((r) => !r.difference.isZero()).map((r) => `${r.municipalityName} ${r.split} (udgivet ${r.amount})`);
        return [g.year, `${deviation.linesTotal} mod ${deviation.statedTotal} (${deviation.deviation})`, differing] as const;
      }),
    );
    assert.deepEqual(figures.sort((a, b) => a[0] - b[0]), [
      [2019, '16488 mod 16488 (0)', []],
      [2020, '37687 mod 37688 (-1)', ['Aarhus 9856 (udgivet 9855)']],
      [2022, '17292 mod 17291 (1)', ['Aalborg 6427 (udgivet 6428)']],
      [2023, '17645 mod 17645 (0)', []],
    ]);
    const historical = await getVersionView(database.db, kkr, published.find((g) => g.year === 2022)!.allocationId);
    assert.equal(historical.version.origin, 'published');
    assert.ok(historical.version.lockedAt);
    assert.equal(historical.result.allocatedTotal.toDecimalString(), '17291');
  });
});

// Allocations through the service against a real database: the base-grant key from FOLK1A, field-
// named validation, versions, special rules, authorization, audit and the database's own guards.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { sumRationals } from '../../domain/money/rational.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { actorWith, baseGrantKey, nordjyllandPopulation, published2023 } from '../../../test/helpers/economy.ts';
import { importDataSet } from '../data-sets/data-sets.service.ts';
import { lockVersionRow } from './allocations.repository.ts';
import { createAllocation, createAllocationVersion, getVersionView, listAllocations, previewAllocation } from './allocations.service.ts';

describe('allocations', () => {
  let database: TestDatabase;
  let kkr: UserActor;
  let population: string;
  before(async () => {
    database = await createTestDatabase();
    kkr = await actorWith(database.db, ['kkr']);
    population = await nordjyllandPopulation(database.db);
  });
  after(async () => database.drop());

  const valid = (overrides: Record<string, unknown> = {}) => ({
    name: 'Basisbevilling 2023',
    total: '17645',
    unit: '1000 DKK',
    recipients: 'hub:nordjylland',
    criteria: [{ dataSetId: population, weight: '1' }],
    ...overrides,
  });
  const fieldsOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => assert.fail('expected a validation error'), (e: AppError) => e);
    assert.equal(error.code, 'validation');
    return Object.fromEntries(error.fields.map((f) => [f.field, f.message]));
  };

  it('reproduces the published 2023 base grant of Erhvervshus Nordjylland from FOLK1A 2022K1, exactly summing to the total', async () => {
    const version = await createAllocation(database.db, kkr, valid());
    const view = await getVersionView(database.db, kkr, version.allocationId);
    assert.equal(view.explanation, '17.645 (1.000 kr.) fordelt efter bopælskommunefolketal pr. 1. kvt. 2022.');
    assert.equal(view.recipientsLabel, 'Erhvervshus Nordjylland (11 kommuner)');
    assert.deepEqual(Object.fromEntries(view.result.recipients.map((r) => [r.id, Number(r.allocated.toDecimalString())])), published2023);
    assert.equal(sumRationals(view.result.recipients.map((r) => r.allocated)).toDecimalString(), '17645');
    assert.equal(view.result.difference.isZero(), true);
    const hjoerring = view.result.recipients.find((r) => r.id === '860')!;
    assert.equal(hjoerring.exact.toFixed(3), '1903.376', 'a spreadsheet would round Hjørring down to 1903 and miss the total by 1');
  });

  it('names the field of every mistake in Danish', async () => {
    const fields = await fieldsOf(createAllocation(database.db, kkr, valid({ name: 'X', total: '-5', unit: 'EUR', criteria: [{ dataSetId: population, weight: '0.9' }] })));
    assert.match(fields.name!, /mindst 2 tegn/);
    assert.equal(fields.total, 'Totalen må ikke være negativ.');
    assert.match(fields.unit!, /Vælg enheden/);
    assert.equal(fields['criteria.0.weight'], 'Vægtene summerer til 90 % – de skal summere til 100 %.');
    assert.match((await fieldsOf(createAllocation(database.db, kkr, valid({ total: '17645.5' }))))['total']!, /går ikke op i opløsningen 1/);
    assert.match((await fieldsOf(createAllocation(database.db, kkr, valid({ recipients: 'hub:atlantis' }))))['recipients']!, /Vælg modtagerne/);
    const outside = await fieldsOf(createAllocation(database.db, kkr, valid({ rules: [{ municipalityCode: '101', kind: 'exempt' }] })));
    assert.equal(outside['rules.0.municipalityCode'], 'Kommunen 101 er ikke blandt modtagerne.');
  });

  it('refuses a data set that lacks a value for a recipient, naming the municipality', async () => {
    const partial = await importDataSet(database.db, kkr, { format: 'generic', period: '2023', kind: 'ansatte', valueLabel: 'antal ansatte', source: 'Test' }, 'kode;værdi\n851;10\n773;5\n');
    const fields = await fieldsOf(createAllocation(database.db, kkr, valid({ criteria: [{ dataSetId: partial.dataSet!.id, weight: 1 }] })));
    assert.match(fields['criteria.0.dataSetId']!, /^Datasættet har ingen værdi for Thisted \(787\), Brønderslev \(810\), Frederikshavn \(813\) og 6 andre/);
  });

  it('explains a key of two weighted criteria', async () => {
    const staff = await importDataSet(database.db, kkr, { format: 'generic', period: '2022', kind: 'ansatte', valueLabel: 'antal ansatte', source: 'Test' },
      'kode;værdi\n773;1\n787;1\n810;1\n813;1\n820;1\n825;1\n840;1\n846;1\n849;1\n851;1\n860;1\n');
    const preview = await previewAllocation(database.db, kkr, valid({ criteria: [{ dataSetId: population, weight: '0.5' }, { dataSetId: staff.dataSet!.id, weight: '1/2' }] }));
    assert.equal(preview.explanation, '17.645 (1.000 kr.) fordelt med 50 % efter bopælskommunefolketal pr. 1. kvt. 2022 og 50 % efter antal ansatte pr. 2022.');
    assert.equal(preview.result.allocatedTotal.toDecimalString(), '17645');
  });

  it('applies exempt, fixed-share and transfer rules and still sums exactly', async () => {
    const version = await createAllocation(database.db, kkr, valid({
      rules: [
        { municipalityCode: '825', kind: 'exempt' },
        { municipalityCode: '851', kind: 'fixedShare', fixedShare: '0.4' },
        { municipalityCode: '773', kind: 'transferTo', transferTo: '787' },
      ],
    }));
    const { result } = await getVersionView(database.db, kkr, version.allocationId);
    const byCode = new Map(result.recipients.map((r) => [r.id, r]));
    assert.equal(byCode.get('825')!.allocated.toDecimalString(), '0');
    assert.equal(byCode.get('851')!.allocated.toDecimalString(), '7058');
    assert.equal(byCode.get('773')!.allocated.toDecimalString(), '0');
    assert.equal(byCode.get('773')!.note, 'Overtaget af Thisted');
    assert.equal(result.allocatedTotal.toDecimalString(), '17645');
  });

  it('makes a new version for every change, keeps the old one and audits before and after', async () => {
    const first = await createAllocation(database.db, kkr, valid({ name: 'Praktikpladser 2024', total: '100', unit: 'places' }));
    const second = await createAllocationVersion(database.db, kkr, first.allocationId, valid({ name: 'Praktikpladser 2024', total: '120', unit: 'places' }));
    assert.equal(second.version, 2);
    assert.equal((await getVersionView(database.db, kkr, first.allocationId, 1)).version.total.toDecimalString(), '100');
    const view = await getVersionView(database.db, kkr, first.allocationId);
    assert.equal(view.version.version, 2);
    assert.deepEqual(view.versions.map((v) => v.version), [2, 1]);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', first.allocationId).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['create', 'update']);
    assert.equal((audit[1]!.before as { total: string }).total, '100');
    assert.equal((audit[1]!.after as { total: string; version: number }).total, '120');
  });

  it('lets every role read but only kkr and admin create', async () => {
    const adviser = await actorWith(database.db, ['adviser']);
    const viewer = await actorWith(database.db, ['viewer']);
    await assert.rejects(createAllocation(database.db, adviser, valid()), (e: AppError) => e.code === 'forbidden');
    const version = await baseGrantKey(database.db);
    await assert.rejects(createAllocationVersion(database.db, viewer, version.allocationId, valid()), (e: AppError) => e.code === 'forbidden');
    assert.ok((await listAllocations(database.db, viewer)).some((a) => a.id === version.allocationId));
    assert.equal((await getVersionView(database.db, adviser, version.allocationId)).version.version, 1);
  });

  it('the database refuses to edit a version, and to touch a locked one at all', async () => {
    const version = await baseGrantKey(database.db);
    await assert.rejects(database.db.updateTable('allocation_versions').set({ total: '1' }).where('id', '=', version.id).execute(), /immutable/);
    await lockVersionRow(database.db, version.id, 'Basisbevilling 2023', new Date('2026-01-02T10:00:00Z'));
    await assert.rejects(database.db.updateTable('allocation_versions').set({ locked_reason: 'x' }).where('id', '=', version.id).execute(), /is locked/);
    await assert.rejects(database.db.deleteFrom('allocation_versions').where('id', '=', version.id).execute(), /never deleted/);
  });
});

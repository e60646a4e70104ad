// Importing data sets into the database: every FOLK1A variant of spec 05, generic CSV, the dry run,
// idempotent re-import, all-or-nothing, authorization and the audit log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Executor } from '../../db/database.ts';
import type { UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { actorWith, nordjyllandFolk1a } from '../../../test/helpers/economy.ts';
import { getDataSet, importDataSet, listDataSets, previewDataSetImport } from './data-sets.service.ts';

const HEADER = 'OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD';
const dst = (lines: string[], eol = '\r\n', bom = true) => `${bom ? '\uFEFF' : ''}${[HEADER, ...lines].join(eol)}${eol}`;
const count = async (db: Executor, table: 'data_sets' | 'data_set_values') =>
  (await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
const valuesOf = (dataSet: { values: { municipalityCode: string; value: string }[] }) => dataSet.values.map((v) => `${v.municipalityCode}=${v.value}`);

describe('data sets', () => {
  let database: TestDatabase;
  let kkr: UserActor;
  before(async () => {
    database = await createTestDatabase();
    kkr = await actorWith(database.db, ['kkr']);
  });
  after(async () => database.drop());

  it('imports the Nordjylland FOLK1A file with BOM, CRLF and "851 Aalborg" cells, skipping the country and the region', async () => {
    const result = await database.db.transaction().execute((tx) => importDataSet(tx, kkr, { format: 'folk1a', fileName: 'folk1a.csv' }, nordjyllandFolk1a));
    assert.equal(result.created, true);
    const dataSet = await getDataSet(database.db, kkr, result.dataSet!.id);
    assert.equal(dataSet.name, 'Folketal 1. kvt. 2022 (FOLK1A)');
    assert.equal(dataSet.source, 'Danmarks Statistik FOLK1A');
    assert.equal(dataSet.period, '2022K1');
    assert.equal(dataSet.periodLabel, '1. kvt. 2022');
    assert.equal(dataSet.valueLabel, 'bopælskommunefolketal');
    assert.equal(dataSet.kind, 'population');
    assert.equal(dataSet.importedBy, kkr.name);
    assert.equal(dataSet.values.length, 11);
    assert.ok(valuesOf(dataSet).includes('851=220589'));
    assert.deepEqual(dataSet.skipped, [
      { line: 2, area: '000 Hele landet', reason: 'hele landet – ikke en kommune' },
      { line: 3, area: '081 Region Nordjylland', reason: 'Region Nordjylland – en region, ikke en kommune' },
    ]);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', dataSet.id).executeTakeFirstOrThrow();
    assert.equal(audit.entity_type, 'dataSet');
    assert.equal((audit.after as { values: Record<string, string> }).values['825'], '1771');
  });

  it('reads labels, codes, LF without BOM, ".." and a decimal comma into exact values', async () => {
    const variants: [string, string, string[]][] = [
      ['labels', dst(['Hele landet;I alt;Alder i alt;I alt;2021K3;1', 'København;I alt;Alder i alt;I alt;2021K3;644431', 'Høje-Taastrup;I alt;Alder i alt;I alt;2021K3;..']), ['101=644431']],
      ['codes and LF', dst(['000;TOT;IALT;TOT;2021K3;1', '101;TOT;IALT;TOT;2021K3;644432', '147;TOT;IALT;TOT;2021K3;104305'], '\n', false), ['101=644432', '147=104305']],
      ['decimal comma', dst(['Aalborg;I alt;Alder i alt;I alt;2021K3;1.234,5', '773 Morsø;I alt;Alder i alt;I alt;2021K3;0,25']), ['773=0.25', '851=1234.5']],
    ];
    for (const [name, text, expected] of variants) {
      const result = await importDataSet(database.db, kkr, { format: 'folk1a', name: `Variant ${name}` }, text);
      assert.equal(result.created, true, name);
      assert.deepEqual(valuesOf(await getDataSet(database.db, kkr, result.dataSet!.id)), expected, name);
      assert.equal(result.dataSet!.periodLabel, '3. kvt. 2021', name);
    }
  });

  it('imports a generic CSV with the period, key, description and source the user gives', async () => {
    const csv = 'kommunekode;værdi\r\n851;1.200\r\n773;80,5\r\n1081;7\r\n';
    const refused = await importDataSet(database.db, kkr, { format: 'generic', period: '2023' }, csv).catch((e: AppError) => e);
    assert.ok(refused instanceof AppError);
    assert.deepEqual(refused.fields.map((f) => f.field).sort(), ['kind', 'source', 'valueLabel']);
    const result = await importDataSet(database.db, kkr, { format: 'generic', period: '2023', kind: 'Ansatte', valueLabel: 'antal ansatte', source: 'KL' }, csv);
    assert.equal(result.dataSet!.kind, 'ansatte');
    assert.equal(result.dataSet!.name, 'Antal ansatte 2023');
    assert.deepEqual(valuesOf(await getDataSet(database.db, kkr, result.dataSet!.id)), ['773=80.5', '851=1200']);
    assert.deepEqual(result.preview.skipped.map((s) => s.line), [4]);
  });

  it('previews without writing anything', async () => {
    const before = [await count(database.db, 'data_sets'), await count(database.db, 'data_set_values')];
    const preview = await previewDataSetImport(database.db, kkr, { format: 'folk1a' }, dst(['Rebild;I alt;Alder i alt;I alt;2019K1;29000']));
    assert.deepEqual(preview.rows.map((r) => [r.municipalityCode, r.value, r.line]), [['840', '29000', 2]]);
    assert.equal(preview.existingDataSetId, null);
    assert.deepEqual([await count(database.db, 'data_sets'), await count(database.db, 'data_set_values')], before);
  });

  it('finds the existing data set when the same figures are imported again, however the file is written', async () => {
    const first = await importDataSet(database.db, kkr, { format: 'folk1a' }, dst(['Aalborg;I alt;Alder i alt;I alt;2018K1;211937', 'Læsø;I alt;Alder i alt;I alt;2018K1;1816']));
    const before = await count(database.db, 'data_sets');
    const again = await importDataSet(database.db, kkr, { format: 'folk1a' }, dst(['825;TOT;IALT;TOT;2018K1;1816', '851;TOT;IALT;TOT;2018K1;211937'], '\n', false));
    assert.equal(again.created, false);
    assert.equal(again.dataSet!.id, first.dataSet!.id);
    assert.equal(again.preview.existingDataSetId, first.dataSet!.id);
    assert.equal(await count(database.db, 'data_sets'), before);
    const revised = await importDataSet(database.db, kkr, { format: 'folk1a' }, dst(['Aalborg;I alt;Alder i alt;I alt;2018K1;211938', 'Læsø;I alt;Alder i alt;I alt;2018K1;1816']));
    assert.equal(revised.created, true, 'a revised figure is a new data set');
  });

  it('refuses a file with an error as a whole and names line, column and value', async () => {
    const before = [await count(database.db, 'data_sets'), await count(database.db, 'data_set_values')];
    const text = dst(['Aalborg;I alt;Alder i alt;I alt;2017K1;210316', 'Thisted;I alt;Alder i alt;I alt;2017K1;mange']);
    await assert.rejects(importDataSet(database.db, kkr, { format: 'folk1a' }, text), (error: AppError) => {
      assert.equal(error.code, 'validation');
      assert.match(error.userMessage, /Filen har 1 fejl – intet er importeret/);
      assert.deepEqual(error.fields, [{ field: 'file', message: 'Linje 3, kolonne INDHOLD: "mange" er ikke et tal.' }]);
      return true;
    });
    assert.deepEqual([await count(database.db, 'data_sets'), await count(database.db, 'data_set_values')], before);
  });

  it('leaves nothing half-written when the transaction around the import fails', async () => {
    const before = [await count(database.db, 'data_sets'), await count(database.db, 'data_set_values')];
    await assert.rejects(
      database.db.transaction().execute(async (tx) => {
        await importDataSet(tx, kkr, { format: 'folk1a' }, dst(['Aalborg;I alt;Alder i alt;I alt;2016K1;1']));
        throw new Error('the connection broke');
      }),
      /the connection broke/,
    );
    assert.deepEqual([await count(database.db, 'data_sets'), await count(database.db, 'data_set_values')], before);
  });

  it('asks which period to import from a file with several quarters, and imports only that one', async () => {
    const text = dst(['Aalborg;I alt;Alder i alt;I alt;2015K1;1', 'Aalborg;I alt;Alder i alt;I alt;2015K2;2', 'Læsø;I alt;Alder i alt;I alt;2015K2;3']);
    const preview = await previewDataSetImport(database.db, kkr, { format: 'folk1a' }, text);
    assert.match(preview.errors[0]?.message ?? '', /flere perioder \(2015K1, 2015K2\)/);
    const result = await importDataSet(database.db, kkr, { format: 'folk1a', period: '2015K2' }, text);
    assert.deepEqual(valuesOf(await getDataSet(database.db, kkr, result.dataSet!.id)), ['825=3', '851=2']);
    assert.deepEqual(result.preview.skipped.map((s) => [s.line, s.reason]), [[2, 'en anden periode (2015K1) end 2015K2']]);
  });

  it('lets everyone read, but refuses an import by an adviser', async () => {
    const adviser = await actorWith(database.db, ['adviser']);
    const viewer = await actorWith(database.db, ['viewer']);
    assert.ok((await listDataSets(database.db, viewer)).length > 0);
    await assert.rejects(importDataSet(database.db, adviser, { format: 'folk1a' }, nordjyllandFolk1a), (e: AppError) => e.code === 'forbidden');
    await assert.rejects(previewDataSetImport(database.db, adviser, { format: 'folk1a' }, nordjyllandFolk1a), (e: AppError) => e.code === 'forbidden');
  });

  it('the database refuses to change an imported value', async () => {
    await assert.rejects(database.db.updateTable('data_set_values').set({ value: '1' }).execute(), /append-only/);
  });
});

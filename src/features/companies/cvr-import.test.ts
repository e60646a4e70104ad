import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { systemActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { readCvrDocuments, type CvrDocumentRead } from '../../domain/companies/cvr-document.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { readFileLines } from '../courses/course-import.files.ts';
import { importCvrDocuments } from './cvr-import.service.ts';

const fixture = (name: string) => new URL(`../../../test/fixtures/cvr/${name}`, import.meta.url);
const lines = (name: string) => readFileLines(fileURLToPath(fixture(name)));

describe('import from the CVR register', () => {
  let database: TestDatabase;
  const actor = systemActor('CVR-import');
  before(async () => (database = await createTestDatabase()));
  after(async () => database.drop());

  const importFile = (name: string, now = new Date('2026-11-22T10:00:00Z')) =>
    database.db.transaction().execute((tx) => importCvrDocuments(tx, actor, readCvrDocuments(lines(name)), { now }));

  it('creates the companies of a bulk file and reports every unusable document with its line', async () => {
    const summary = await importFile('bulk.jsonl');
    assert.equal(summary.created, 4);
    assert.equal(summary.updated + summary.unchanged, 0);
    // Line 3 is blank; 5 fails modulus 11, 6 has no name, 7 is not JSON, 8 is cut off.
    assert.deepEqual(
      summary.rejected.map((r) => [r.line, r.reason]),
      [
        [5, 'cvrNummer: 12345678 er ikke et gyldigt CVR-nummer (modulus 11).'],
        [6, 'Virksomheden med CVR-nummer 20174838 har intet navn.'],
        [7, 'Linje 7 er ikke JSON: "Dette er ikke JSON".'],
        [8, 'JSON-værdien, der begynder i linje 8, stopper midt i en tekst – er linjen afkortet?'],
      ],
    );
    const nordkraft = await database.db.selectFrom('companies').selectAll().where('cvr', '=', '30521439').executeTakeFirstOrThrow();
    assert.equal(nordkraft.name, 'Nordkraft Software ApS');
    assert.equal(nordkraft.municipality_code, '851');
    assert.equal(nordkraft.advertising_protected, true, 'reklamebeskyttet is kept');
    const regions = await database.db.selectFrom('company_regions').select('region_code').where('company_id', '=', nordkraft.id).execute();
    assert.deepEqual(regions, [{ region_code: 1081 }]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const summary = await importFile('bulk.jsonl', new Date('2026-11-23T10:00:00Z'));
    assert.equal(summary.created, 0);
    assert.equal(summary.updated, 0);
    assert.equal(summary.unchanged, 4);
    const count = await database.db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(count.n, 4);
    const afterCount = await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(afterCount.n, before.n, 'unchanged companies are not audited');
  });

  it('updates known companies from a search response and creates new ones, never duplicating', async () => {
    const summary = await importFile('search-response.json');
    assert.equal(summary.created + summary.updated + summary.unchanged + summary.rejected.length, 3);
    const skagen = await database.db.selectFrom('companies').select(['name', 'municipality_code']).where('cvr', '=', '37114251').execute();
    assert.equal(skagen.length, 1);
  });

  it('refuses the import to anyone but an administrator', async () => {
    const adviser = { kind: 'user', userId: '00000000-0000-4000-8000-000000000000', name: 'X', organisationId: '00000000-0000-4000-8000-000000000000', organisationName: 'X', organisationKind: 'hub', regionCode: 1081, roles: ['adviser'], locale: 'da' } as const;
    await assert.rejects(importCvrDocuments(database.db, { ...adviser, roles: ['adviser'] }, readCvrDocuments(lines('bulk.jsonl')), { now: new Date() }), (error: AppError) => error.code === 'forbidden');
  });

  it('gives the same result in batches of any size, and a CVR number twice in one file updates the first', async () => {
    for (const batchSize of [1, 2, 500]) {
      const cvr = (n: number) => `${batchSize}`.padStart(3, '0') + `${n}`.padStart(5, '0');
      const company = (n: number, name: string, municipalityCode: string | null, pUnits: { pNumber: string; active: boolean }[]): CvrDocumentRead => ({
        line: n,
        company: {
          cvr: cvr(n), name, municipalityCode, pUnits,
          address: { street: null, postcode: null, city: null },
          industryCode: null, industryText: null, legalForm: null, employeesBand: null, employeesYear: null,
          startDate: null, status: 'active', statusText: null, advertisingProtected: false,
        },
      });
      async function* documents(): AsyncIterable<CvrDocumentRead> {
        yield company(1, 'Batch Et ApS', '851', [{ pNumber: '1000000001', active: true }]);
        yield company(2, 'Batch To ApS', '999', []);
        yield company(1, 'Batch Et og Søn ApS', '851', [{ pNumber: '1000000001', active: true }, { pNumber: '1000000002', active: false }]);
        yield company(3, 'Batch Tre ApS', null, []);
      }
      const summary = await database.db.transaction().execute((tx) => importCvrDocuments(tx, actor, documents(), { now: new Date('2026-11-24T10:00:00Z'), batchSize }));
      assert.deepEqual(summary, { created: 3, updated: 1, unchanged: 0, rejected: [] }, `batch size ${batchSize}`);
      const one = await database.db.selectFrom('companies').selectAll().where('cvr', '=', cvr(1)).executeTakeFirstOrThrow();
      assert.equal(one.name, 'Batch Et og Søn ApS');
      const units = await database.db.selectFrom('company_production_units').select(['p_number', 'active']).where('company_id', '=', one.id).orderBy('p_number').execute();
      assert.deepEqual(units, [{ p_number: '1000000001', active: true }, { p_number: '1000000002', active: false }]);
      const regions = await database.db.selectFrom('company_regions').select('region_code').where('company_id', '=', one.id).execute();
      assert.deepEqual(regions, [{ region_code: 1081 }]);
      const unknown = await database.db.selectFrom('companies').select('municipality_code').where('cvr', '=', cvr(2)).executeTakeFirstOrThrow();
      assert.equal(unknown.municipality_code, null, 'an unknown municipality code is not stored');
      const audits = await database.db.selectFrom('audit_log').select('action').where('entity_id', '=', one.id).orderBy('id').execute();
      assert.deepEqual(audits.map((a) => a.action), ['create', 'update']);
    }
  });
});

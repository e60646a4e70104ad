import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { readCvrDocuments } from '../../domain/companies/cvr-document.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { importCvrDocuments } from './cvr-import.service.ts';

const fixture = (name: string) => new URL(`../../../test/fixtures/cvr/${name}`, import.meta.url);
const lines = (name: string) => createInterface({ input: createReadStream(fixture(name), 'utf8'), crlfDelay: Infinity });

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
});

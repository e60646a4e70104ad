// The importers' bulk insert: one array per column, on PGlite and PostgreSQL alike.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { insertByColumns } from './bulk.ts';

describe('inserting rows by columns (unnest)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase({ reference: false });
    await sql`create table bulk_probe (n integer, t text, d date, b boolean, j jsonb, tags text[], at timestamptz)`.execute(database.db);
  });
  after(() => database.drop());

  it('writes every value as a single-row insert would, in the order given, nulls and awkward text included', async () => {
    const rows = [
      { n: 1, t: 'Æble "A/S", \\ {x}', d: '2023-02-28', b: true, j: JSON.stringify({ q: 'a"b\\c' }), tags: ['vækst', 'et "citat"', 'a,b', '{}'], at: new Date('2026-11-22T10:00:00Z') },
      { n: null, t: null, d: null, b: null, j: null, tags: null, at: null },
      { n: 3, t: 'NULL', d: '2024-02-29', b: false, j: '[1,2]', tags: [], at: '2026-11-22T11:00:00Z' },
    ];
    await insertByColumns('bulk_probe', { n: 'integer', t: 'text', d: 'date', b: 'boolean', j: 'jsonb', tags: 'text[]', at: 'timestamptz' }, rows).execute(database.db);
    const stored = await sql<Record<string, unknown>>`select n, t, to_char(d, 'YYYY-MM-DD') as d, b, j, tags, at from bulk_probe`.execute(database.db);
    assert.deepEqual(stored.rows, [
      { n: 1, t: 'Æble "A/S", \\ {x}', d: '2023-02-28', b: true, j: { q: 'a"b\\c' }, tags: ['vækst', 'et "citat"', 'a,b', '{}'], at: new Date('2026-11-22T10:00:00Z') },
      { n: null, t: null, d: null, b: null, j: null, tags: null, at: null },
      { n: 3, t: 'NULL', d: '2024-02-29', b: false, j: [1, 2], tags: [], at: new Date('2026-11-22T11:00:00Z') },
    ]);
  });

  it('takes on conflict and returning around it', async () => {
    await sql`create unique index bulk_probe_n on bulk_probe (n)`.execute(database.db);
    const result = await sql<{ n: number }>`${insertByColumns('bulk_probe', { n: 'integer', t: 'text' }, [{ n: 1, t: 'igen' }, { n: 4, t: 'ny' }])} on conflict (n) do nothing returning n`.execute(database.db);
    assert.deepEqual(result.rows, [{ n: 4 }]);
  });
});

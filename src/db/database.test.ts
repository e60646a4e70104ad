// How the PostgreSQL pool behaves when the server drops connections or the database goes away.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestDatabase, testServerUrl } from '../../test/helpers/database.ts';
import { openDatabase } from './database.ts';

const postgresOnly = { skip: testServerUrl() ? false : 'PostgreSQL only: PGlite runs in the process and has no connections to lose' };

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

describe('the PostgreSQL connection pool', () => {
  it('has ended every connection when close() returns, so the database can be dropped at once', postgresOnly, async () => {
    const test = await createTestDatabase({ reference: false });
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(test.db)).rows[0]!.name;
    // Several connections at once, all idle afterwards.
    await Promise.all(Array.from({ length: 5 }, () => sql`select pg_sleep(0.05)`.execute(test.db)));
    await test.close();
    const left = await withAdmin(async (admin) => (await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name])).rows[0].n);
    assert.equal(left, 0);
    await test.drop();
  });

  it('reports an idle connection the server terminates instead of crashing, and carries on', postgresOnly, async () => {
    const test = await createTestDatabase({ reference: false });
    const url = new URL(testServerUrl()!);
    url.pathname = `/${(await sql<{ name: string }>`select current_database() as name`.execute(test.db)).rows[0]!.name}`;
    const errors: string[] = [];
    const database = await openDatabase({ databaseUrl: url.toString(), onIdleConnectionError: (error) => errors.push(error.message) });
    try {
      const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db)).rows[0]!.pid;
      await withAdmin((admin) => admin.query('select pg_terminate_backend($1)', [pid]));
      for (let i = 0; i < 50 && errors.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.match(errors[0] ?? '', /terminating connection/);
      const again = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      assert.equal(again.rows[0]!.one, 1);
    } finally {
      await database.close();
      await test.drop();
    }
  });

  it('turns JIT compilation off for its connections, unless the URL sets options itself (decision 013)', postgresOnly, async () => {
    const test = await createTestDatabase({ reference: false });
    const url = new URL(testServerUrl()!);
    url.pathname = `/${(await sql<{ name: string }>`select current_database() as name`.execute(test.db)).rows[0]!.name}`;
    const jitOf = async (databaseUrl: string) => {
      const database = await openDatabase({ databaseUrl });
      try {
        return (await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(database.db)).rows[0]!.jit;
      } finally {
        await database.close();
      }
    };
    try {
      assert.equal(await jitOf(url.toString()), 'off');
      url.searchParams.set('options', '-c jit=on');
      assert.equal(await jitOf(url.toString()), 'on');
    } finally {
      await test.drop();
    }
  });
});

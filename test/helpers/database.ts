// Every database test runs against a fresh database it creates and drops: PGlite in memory by
// default, PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set — then a new database on that
// server, named after the test process. No mocks of the database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadReferenceData } from '../../src/db/seed/reference.ts';

export interface TestDatabase extends Database {
  /** Drops the database (PostgreSQL) or discards it (PGlite). */
  drop(): Promise<void>;
}

export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export async function createTestDatabase(options: { reference?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  let database: Database;
  let dropServerDatabase = async () => {};
  if (serverUrl) {
    const name = `kp_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: url.toString() });
    dropServerDatabase = async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  } else {
    database = await openDatabase({});
  }
  await migrate(database);
  if (options.reference !== false) await loadReferenceData(database.db);
  return {
    ...database,
    async drop() {
      await database.close();
      await dropServerDatabase();
    },
  };
}

// The databases a benchmark runs against: a fresh PostgreSQL database on the server of
// BENCH_DATABASE_URL / DATABASE_URL (created and dropped by the run), and PGlite in a temp folder.
// Searches always go through the app's own openDatabase(); only the bulk load uses a raw handle,
// because COPY is not something Kysely (or the Database interface) offers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '../src/db/database.ts';
import type { GeneratedCompany } from '../src/db/seed/synthetic/companies.ts';
import { connectPGlite, connectPostgres, type BulkConnection } from '../src/db/seed/synthetic/generate.ts';
import { copyCompaniesPGlite, copyCompaniesPostgres, copyTablesPGlite, copyTablesPostgres, type CopyTable, type Progress } from '../src/db/seed/synthetic/load.ts';
import { timed } from './measure.ts';

export interface BenchTarget {
  kind: DatabaseKind;
  label: string;
  /** The app's handle on the benchmark database. */
  open(): Promise<Database>;
  /**
   * Empties the company tables and bulk-loads `companies` (COPY). No app handle may be open on PGlite.
   * `ms` times the truncate and COPY only, not opening the raw handle (seconds for PGlite's files).
   */
  bulkLoad(companies: Iterable<GeneratedCompany>, progress?: Progress): Promise<{ rows: number; ms: number }>;
  /**
   * Runs `before` (SQL, e.g. a truncate) and then COPYs the tables, timed together. The raw COPY the
   * import benchmark compares the importers with. No app handle may be open on PGlite.
   */
  copyTables(before: string, tables: readonly CopyTable[]): Promise<{ ms: number }>;
  /** A raw session for the synthetic data set's generator (`generateSyntheticData`). No app handle may be open on PGlite. */
  bulkConnection(): Promise<BulkConnection>;
  /** PostgreSQL only: the app's handle with JIT compilation on (PostgreSQL's default; the app turns it off, decision 013). */
  openWithJit?(): Promise<Database>;
  /** The environment that points `knudepunkt serve` at this database. */
  serverEnv(): Record<string, string>;
  dispose(): Promise<void>;
}

async function timedLoad(load: () => Promise<number>): Promise<{ rows: number; ms: number }> {
  const { result, ms } = await timed(load);
  return { rows: result, ms };
}

export async function postgresTarget(serverUrl: string): Promise<BenchTarget> {
  const name = `kp_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    kind: 'postgres',
    label: 'PostgreSQL',
    open: () => openDatabase({ databaseUrl }),
    bulkConnection: () => connectPostgres(databaseUrl),
    openWithJit() {
      const withOptions = new URL(databaseUrl);
      withOptions.searchParams.set('options', '-c jit=on');
      return openDatabase({ databaseUrl: withOptions.toString() });
    },
    serverEnv: () => ({ DATABASE_URL: databaseUrl }),
    async copyTables(before, tables) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return await timed(async () => {
          await client.query(before);
          await copyTablesPostgres(client, tables);
        });
      } finally {
        await client.end();
      }
    },
    async bulkLoad(companies, progress) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return await timedLoad(async () => {
          await client.query('truncate companies cascade');
          return copyCompaniesPostgres(client, companies, progress);
        });
      } finally {
        await client.end();
      }
    },
    async dispose() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export function pgliteTarget(): BenchTarget {
  // The data folder of an installation: the server keeps PGlite's files in <DATA_DIR>/pglite.
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-bench-'));
  const dir = join(dataDir, 'pglite');
  return {
    kind: 'pglite',
    label: 'PGlite',
    open: () => openDatabase({ pgliteDir: dir }),
    bulkConnection: () => connectPGlite(dir),
    serverEnv: () => ({ DATA_DIR: dataDir, DATABASE_URL: '' }),
    async copyTables(before, tables) {
      const pglite = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
      try {
        return await timed(async () => {
          await pglite.exec(before);
          await copyTablesPGlite(pglite, tables);
        });
      } finally {
        await pglite.close();
      }
    },
    async bulkLoad(companies, progress) {
      // The same extension set as openDatabase(), on the same folder; PGlite is one process-local
      // session, so the app handle must be closed meanwhile (run.ts does so).
      const pglite = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
      try {
        return await timedLoad(async () => {
          await pglite.exec('truncate companies cascade');
          return copyCompaniesPGlite(pglite, companies, progress);
        });
      } finally {
        await pglite.close();
      }
    },
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

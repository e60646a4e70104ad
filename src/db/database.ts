// One way to open the database: PGlite in a folder (or in memory) by default, PostgreSQL when a URL
// is given. Both speak the same SQL; the rest of the code only sees Kysely and `Database`.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect, SessionLock } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Kysely<DB>;
  /**
   * Runs `work` in one transaction on one session with `exec` for multi-statement SQL (simple query
   * protocol). Used by the migrator; application code uses Kysely.
   */
  rawTransaction<T>(work: (exec: RawExec) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type Executor = Kysely<DB>;

/** Runs SQL (possibly several statements) and returns the rows of the last statement. */
export type RawExec = (sqlText: string) => Promise<Record<string, unknown>[]>;

// Type parsing is made the same on both engines: bigint counts as JS numbers (our counts are far
// below 2^53), numeric as exact strings (money never passes through floating point), and `date` as
// the plain 'YYYY-MM-DD' string (pg would otherwise shift it through the local time zone).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; absent means in memory. */
  pgliteDir?: string | undefined;
  /**
   * Told when the server drops an idle PostgreSQL connection (restart, failover, admin command).
   * The pool replaces the connection; without a listener pg would crash the process.
   */
  onIdleConnectionError?: ((error: Error) => void) | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.onIdleConnectionError) : openPGlite(options.pgliteDir);
}

/** begin → work → commit, or rollback when work fails; on one session given as `exec`. */
async function inTransaction<T>(exec: RawExec, work: (exec: RawExec) => Promise<T>): Promise<T> {
  await exec('begin');
  try {
    const result = await work(exec);
    await exec('commit');
    return result;
  } catch (error) {
    await exec('rollback');
    throw error;
  }
}

async function openPGlite(dir: string | undefined): Promise<Database> {
  if (dir) mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dir ? { dataDir: dir } : {}),
    // Trigram search (company names); PostgreSQL servers have it from the contrib package.
    extensions: { pg_trgm },
    parsers: { [INT8]: (value: string) => Number(value), [NUMERIC]: (value: string) => value, [DATE]: (value: string) => value },
  });
  const lock = new SessionLock();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, lock) });
  return {
    kind: 'pglite',
    db,
    async rawTransaction(work) {
      const release = await lock.acquire();
      try {
        return await inTransaction(async (text) => (await pglite.exec(text)).at(-1)?.rows ?? [], work);
      } finally {
        release();
      }
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

async function openPostgres(url: string, onIdleConnectionError: (error: Error) => void = () => {}): Promise<Database> {
  const types = {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === INT8) return (value: string) => Number(value);
      if (oid === NUMERIC || oid === DATE) return (value: string) => value;
      return pg.types.getTypeParser(oid, format as 'text');
    }) as typeof pg.types.getTypeParser,
  };
  // JIT compilation off unless the URL sets options itself: it spent 50–60 ms compiling the contract
  // evaluation's reads and gained nothing on queries of this size (decision 013).
  const withOptions = new URL(url);
  if (!withOptions.searchParams.has('options')) withOptions.searchParams.set('options', '-c jit=off');
  const pool = new pg.Pool({ connectionString: withOptions.toString(), max: 10, types });
  pool.on('error', onIdleConnectionError);
  // Fail fast with a clear message when the server is not reachable.
  const probe = await pool.connect().catch((error: Error) => {
    throw new Error(`Kan ikke forbinde til PostgreSQL (DATABASE_URL): ${error.message}`);
  });
  probe.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async rawTransaction(work) {
      const client = await pool.connect();
      try {
        return await inTransaction(async (text) => {
          const results: pg.QueryResult | pg.QueryResult[] = await client.query(text);
          return (Array.isArray(results) ? results.at(-1)?.rows : results.rows) ?? [];
        }, work);
      } finally {
        client.release();
      }
    },
    async close() {
      // pool.end() resolves once it has asked each connection to end, not when they have ended; wait
      // for them, so that whoever closes us (a test dropping its database) finds no session left.
      const ended = allConnectionsEnded(pool);
      await db.destroy();
      await ended;
    },
  };
}

function allConnectionsEnded(pool: pg.Pool): Promise<void> {
  let open = pool.totalCount;
  if (open === 0) return Promise.resolve();
  return new Promise((resolve) => {
    pool.on('remove', () => {
      open -= 1;
      if (open <= 0) resolve();
    });
  });
}

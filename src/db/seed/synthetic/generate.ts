// The synthetic national data set (issue 8, `knudepunkt demo generate`): the entity modules below, in
// load order, COPY their tables into the database, all in ONE transaction, so a failed or interrupted
// run leaves nothing behind and can simply be run again. Before loading, the secondary indexes and the
// foreign keys of the loaded tables are dropped and afterwards re-created (bench/README.md: index
// maintenance dominates a bulk load; a foreign key added to a full table is checked in one pass rather
// than row by row); primary keys and unique constraints stay in place. The whole swap is inside the
// transaction, so other sessions never see the tables without them. Everything is marked
// is_demo, and nothing is loaded into a database that holds real data, or that already holds demo
// data (a second run is refused, not merged: ids and names would collide).
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { activitiesEntity, sharingEntity } from './activities.entity.ts';
import { companiesEntity } from './companies.entity.ts';
import { evaluationEntity } from './evaluation.entity.ts';
import { createContext, type SyntheticContext, type SyntheticEntity } from './context.ts';
import { coursesEntity } from './courses.entity.ts';
import type { Scale } from './companies.ts';
import { copyIn, copyText, type CopyTable } from './load.ts';
import { organisationsEntity } from './organisations.entity.ts';
import { referralsEntity } from './referrals.entity.ts';

/**
 * The entities, in load order (a table's foreign keys point at earlier ones; sharing comes last, as
 * the others collect the regions a company is shared with). A new entity is one module added here.
 */
export const syntheticEntities: readonly SyntheticEntity[] = [organisationsEntity, companiesEntity, coursesEntity, activitiesEntity, referralsEntity, evaluationEntity, sharingEntity];

/** A raw session on the database: COPY is not something Kysely offers. */
export interface BulkConnection {
  /** Rows of one statement (no parameters). */
  query<T = Record<string, unknown>>(text: string): Promise<T[]>;
  /** COPYs the table's rows; `onRows` hears the running count. */
  copy(table: CopyTable, onRows: (rows: number) => void): Promise<void>;
  close(): Promise<void>;
}

export async function connectPostgres(databaseUrl: string): Promise<BulkConnection> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect().catch((error: Error) => {
    throw new Error(`Kan ikke forbinde til PostgreSQL (DATABASE_URL): ${error.message}`);
  });
  return {
    query: async <T>(text: string) => (await client.query(text)).rows as T[],
    copy: (table, onRows) => copyIn(client, `copy ${table.table} (${table.columns.join(', ')}) from stdin`, copyText(table, 5_000, onRows)),
    close: () => client.end(),
  };
}

/** PGlite in `dir` (the app must not have it open meanwhile: PGlite is one process-local session). */
export async function connectPGlite(dir: string): Promise<BulkConnection> {
  const pglite = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
  return {
    query: async <T>(text: string) => (await pglite.query<T>(text)).rows,
    async copy(table, onRows) {
      const blob = new Blob([...copyText(table, 5_000, onRows)]);
      await pglite.query(`copy ${table.table} (${table.columns.join(', ')}) from '/dev/blob'`, [], { blob });
    },
    close: () => pglite.close(),
  };
}

/** Why a database is not filled: it holds real data, or demo data already. */
export class SyntheticRefusal extends Error {
  override name = 'SyntheticRefusal';
}

export interface TableFigure {
  table: string;
  rows: number;
  ms: number;
}

export interface GenerateResult {
  tables: TableFigure[];
  ms: number;
}

export interface GenerateOptions {
  /** A table's running row count while it loads (`done` once at the end). */
  onProgress?(table: string, rows: number, ms: number, done: boolean): void;
  /** A step that is not a table (dropping or re-creating indexes, VACUUM ANALYZE). */
  onStep?(text: string): void;
  /** Load with every index and foreign key in place (the baseline the drop-and-re-create is measured against). */
  keepIndexes?: boolean;
  /** Only ANALYZE at the end, no VACUUM (the benchmark measures the state a large import leaves). */
  skipVacuum?: boolean;
}

const LOADED_TABLES = ['organisations', 'users', 'companies', 'company_regions', 'guidance_courses', 'course_meetings', 'activities', 'activity_companies', 'notes', 'referrals', 'referral_events', 'evaluation_responses'];

interface Counts {
  real_organisations: number;
  real_users: number;
  real_companies: number;
  real_courses: number;
  real_activities: number;
  real_referrals: number;
  real_responses: number;
  demo_organisations: number;
  demo_companies: number;
}

async function refuseUnlessEmpty(connection: BulkConnection): Promise<void> {
  const [counts] = await connection.query<Counts>(`
    select (select count(*) from organisations where not is_demo)::int as real_organisations,
           (select count(*) from users where not is_demo)::int as real_users,
           (select count(*) from companies where not is_demo)::int as real_companies,
           (select count(*) from guidance_courses where not is_demo)::int as real_courses,
           (select count(*) from activities where not is_demo)::int as real_activities,
           (select count(*) from referrals where not is_demo)::int as real_referrals,
           (select count(*) from evaluation_responses where not is_demo)::int as real_responses,
           (select count(*) from organisations where is_demo)::int as demo_organisations,
           (select count(*) from companies where is_demo)::int as demo_companies`);
  if (!counts) throw new Error('the counts query returned no row');
  const real = [
    [counts.real_organisations, 'organisationer'],
    [counts.real_users, 'brugere'],
    [counts.real_companies, 'virksomheder'],
    [counts.real_courses, 'forløb'],
    [counts.real_activities, 'aktiviteter'],
    [counts.real_referrals, 'henvisninger'],
    [counts.real_responses, 'evalueringsbesvarelser'],
  ].filter(([n]) => Number(n) > 0);
  if (real.length > 0) {
    throw new SyntheticRefusal(
      `Databasen indeholder rigtige data (${real.map(([n, what]) => `${Number(n).toLocaleString('da-DK')} ${what}`).join(', ')}, der ikke er demo). Syntetiske data indlæses ikke.`,
    );
  }
  if (counts.demo_organisations > 0 || counts.demo_companies > 0) {
    throw new SyntheticRefusal(
      `Databasen indeholder allerede demodata (${counts.demo_organisations} organisationer, ${counts.demo_companies.toLocaleString('da-DK')} virksomheder). ` +
        'Syntetiske data indlæses kun i en database uden demodata: brug en ny database (en ny DATA_DIR eller DATABASE_URL).',
    );
  }
}

/** The secondary indexes of the loaded tables (not those behind primary keys and unique constraints). */
async function secondaryIndexes(connection: BulkConnection): Promise<{ name: string; definition: string }[]> {
  return connection.query<{ name: string; definition: string }>(`
    select quote_ident(ic.relname) as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i
      join pg_class ic on ic.oid = i.indexrelid
      join pg_class t on t.oid = i.indrelid
      join pg_namespace n on n.oid = t.relnamespace
     where n.nspname = current_schema()
       and t.relname in (${LOADED_TABLES.map((t) => `'${t}'`).join(', ')})
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
     order by ic.relname`);
}

/** The foreign keys of the loaded tables: dropped for the load and added again, which checks them all in one pass per key. */
async function foreignKeys(connection: BulkConnection): Promise<{ table: string; name: string; definition: string }[]> {
  return connection.query<{ table: string; name: string; definition: string }>(`
    select quote_ident(t.relname) as table, quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as definition
      from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      join pg_namespace n on n.oid = t.relnamespace
     where c.contype = 'f' and n.nspname = current_schema()
       and t.relname in (${LOADED_TABLES.map((t) => `'${t}'`).join(', ')})
     order by t.relname, c.conname`);
}

/** The tables of every entity, generated from `seed`, without a database (determinism checks, tests). */
export function* syntheticTables(scale: Scale, seed: number): Generator<CopyTable> {
  const context: SyntheticContext = createContext(scale, seed);
  for (const entity of syntheticEntities) yield* entity.tables(context);
}

/** Loads the data set through `connection` in one transaction; throws SyntheticRefusal when the database is not empty of CRM data. */
export async function generateSyntheticData(connection: BulkConnection, scale: Scale, seed: number, options: GenerateOptions = {}): Promise<GenerateResult> {
  const started = performance.now();
  const figures = new Map<string, TableFigure>();
  await connection.query('begin');
  try {
    // No other session writes these tables between the check and the commit (readers wait only once the indexes go).
    await connection.query(`lock table ${LOADED_TABLES.join(', ')} in exclusive mode`);
    await refuseUnlessEmpty(connection);
    const indexes = options.keepIndexes ? [] : await secondaryIndexes(connection);
    const keys = options.keepIndexes ? [] : await foreignKeys(connection);
    options.onStep?.(`Fjerner ${indexes.length} sekundære indeks og ${keys.length} fremmednøgler under indlæsningen`);
    for (const key of keys) await connection.query(`alter table ${key.table} drop constraint ${key.name}`);
    for (const index of indexes) await connection.query(`drop index ${index.name}`);
    for (const table of syntheticTables(scale, seed)) {
      const tableStarted = performance.now();
      let loaded = 0;
      await connection.copy(table, (rows) => {
        loaded = rows;
        options.onProgress?.(table.table, rows, performance.now() - tableStarted, false);
      });
      const ms = performance.now() - tableStarted;
      options.onProgress?.(table.table, loaded, ms, true);
      const figure = figures.get(table.table) ?? { table: table.table, rows: 0, ms: 0 };
      figures.set(table.table, { table: table.table, rows: figure.rows + loaded, ms: figure.ms + ms });
    }
    const indexStarted = performance.now();
    options.onStep?.(`Genopretter ${indexes.length} sekundære indeks`);
    for (const index of indexes) await connection.query(index.definition);
    figures.set('(indeks)', { table: '(indeks)', rows: indexes.length, ms: performance.now() - indexStarted });
    const keysStarted = performance.now();
    options.onStep?.(`Genopretter og kontrollerer ${keys.length} fremmednøgler`);
    for (const key of keys) await connection.query(`alter table ${key.table} add constraint ${key.name} ${key.definition}`);
    figures.set('(fremmednøgler)', { table: '(fremmednøgler)', rows: keys.length, ms: performance.now() - keysStarted });
    await connection.query('commit');
  } catch (error) {
    await connection.query('rollback');
    throw error;
  }
  // VACUUM as well as ANALYZE: right after a bulk load no page is marked all-visible, so index-only
  // scans read the table too (the contract evaluation ran ~1.1–1.5× slower until autovacuum came by).
  options.onStep?.(options.skipVacuum ? 'Opdaterer statistikker (ANALYZE)' : 'Opdaterer statistikker og synlighedskort (VACUUM ANALYZE)');
  await connection.query(`${options.skipVacuum ? 'analyze' : 'vacuum analyze'} ${LOADED_TABLES.join(', ')}`);
  return { tables: [...figures.values()], ms: performance.now() - started };
}

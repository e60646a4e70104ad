// Loading generated rows (the synthetic data set of `knudepunkt demo generate`, and the benchmark). Three paths, one result:
// - multi-row INSERTs through Kysely (any Executor: the smoke test, and the baseline the bulk path is
//   compared with), in one transaction;
// - COPY … FROM STDIN on PostgreSQL. `pg` has no COPY API and pg-copy-streams is not a dependency, but
//   `client.query()` accepts any object with `submit()` (pg's "Submittable", the hook pg-copy-streams
//   itself uses), and pg's Connection can send CopyData/CopyDone; copyIn() below is that, in ~40 lines;
// - COPY … FROM '/dev/blob' on PGlite (the `blob` query option, PGlite's documented COPY path).
// Progress goes to stderr, so stdout stays free for results.
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Executor } from '../../database.ts';
import { inBatches, type GeneratedCompany } from './companies.ts';
import { arrayLiteral } from '../../bulk.ts';

export type Progress = (loaded: number) => void;

export const companyColumns = [
  'id', 'cvr', 'name', 'municipality_code', 'street', 'postcode', 'city', 'industry_code', 'industry_text', 'legal_form',
  'employees_band', 'employees_year', 'start_date', 'status', 'status_text', 'advertising_protected', 'source',
  'cvr_synced_at', 'is_demo',
] as const satisfies readonly (keyof GeneratedCompany)[];

/** A progress reporter that writes "label: n rows" to stderr at most every `every` rows. */
export function stderrProgress(label: string, total: number, every = 50_000): Progress {
  let next = every;
  return (loaded) => {
    if (loaded >= next || loaded === total) {
      process.stderr.write(`  ${label}: ${loaded.toLocaleString('da-DK')} / ${total.toLocaleString('da-DK')} rækker\n`);
      next = loaded + every;
    }
  };
}

function companyRow(company: GeneratedCompany) {
  const { region_code: _region, ...row } = company;
  return row;
}

/** Multi-row INSERTs in batches, inside one transaction. 2,000 rows × 19 columns stays under pg's 65,535 parameters. */
export async function insertCompanies(db: Executor, companies: Iterable<GeneratedCompany>, progress?: Progress, batchSize = 2_000): Promise<number> {
  let loaded = 0;
  await db.transaction().execute(async (tx) => {
    for (const batch of inBatches(companies, batchSize)) {
      await tx.insertInto('companies').values(batch.map(companyRow)).execute();
      await tx
        .insertInto('company_regions')
        .values(batch.map((c) => ({ company_id: c.id, region_code: c.region_code })))
        .execute();
      loaded += batch.length;
      progress?.(loaded);
    }
  });
  return loaded;
}

/** A value COPY's text format can carry: scalars, and text arrays (themes, roles). */
export type CopyValue = string | number | boolean | Date | null | readonly string[];

/** One field in COPY's text format: \N for null, backslash escapes for the characters COPY reserves. */
export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (Array.isArray(value)) return copyField(arrayLiteral(value as readonly string[]));
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** The two tables as COPY text, in chunks of `batchSize` rows. */
function* copyChunks(companies: Iterable<GeneratedCompany>, batchSize: number): Generator<{ companies: string; regions: string; count: number }> {
  for (const batch of inBatches(companies, batchSize)) {
    let companyText = '';
    let regionText = '';
    for (const company of batch) {
      companyText += companyColumns.map((column) => copyField(company[column])).join('\t') + '\n';
      regionText += `${company.id}\t${company.region_code}\n`;
    }
    yield { companies: companyText, regions: regionText, count: batch.length };
  }
}

/** COPY FROM STDIN through plain `pg`: a Submittable that streams `chunks` when the server asks for data. */
export function copyIn(client: pg.Client, statement: string, chunks: Iterable<string>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let failed: unknown = null;
    const submittable = {
      submit(connection: { query(text: string): void }) {
        connection.query(statement);
      },
      async handleCopyInResponse(connection: CopyConnection) {
        try {
          for (const chunk of chunks) {
            if (failed) return; // the server refused the data; it drops whatever else is sent
            connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
            // Respect the socket's back-pressure instead of buffering the whole data set in memory.
            if (connection.stream.writableNeedDrain) await new Promise((done) => connection.stream.once('drain', done));
          }
          connection.endCopyFrom();
        } catch (error) {
          failed = error;
          connection.sendCopyFail(error instanceof Error ? error.message : String(error));
        }
      },
      handleError(error: unknown) {
        failed ??= error;
        reject(failed);
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve();
      },
      handleCommandComplete() {},
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handleCopyData() {},
      handlePortalSuspended() {},
    };
    void client.query(submittable as unknown as pg.QueryConfig);
  });
}

interface CopyConnection {
  stream: NodeJS.WritableStream & { writableNeedDrain: boolean };
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/**
 * COPY on PostgreSQL: companies first (company_regions references them), then the regions, each table
 * in one COPY, both in one transaction. The region rows are kept as text meanwhile (≈15 MB at national scale).
 */
export async function copyCompaniesPostgres(client: pg.Client, companies: Iterable<GeneratedCompany>, progress?: Progress): Promise<number> {
  const regionChunks: string[] = [];
  let loaded = 0;
  function* companyText() {
    for (const chunk of copyChunks(companies, 5_000)) {
      regionChunks.push(chunk.regions);
      loaded += chunk.count;
      progress?.(loaded);
      yield chunk.companies;
    }
  }
  await client.query('begin');
  try {
    await copyIn(client, `copy companies (${companyColumns.join(', ')}) from stdin`, companyText());
    await copyIn(client, 'copy company_regions (company_id, region_code) from stdin', regionChunks);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return loaded;
}

/** COPY on PGlite: each table's rows as one Blob, read by the server from PGlite's virtual /dev/blob. */
export async function copyCompaniesPGlite(pglite: PGlite, companies: Iterable<GeneratedCompany>, progress?: Progress): Promise<number> {
  const companyParts: string[] = [];
  const regionParts: string[] = [];
  let loaded = 0;
  for (const chunk of copyChunks(companies, 5_000)) {
    companyParts.push(chunk.companies);
    regionParts.push(chunk.regions);
    loaded += chunk.count;
  }
  await pglite.transaction(async (tx) => {
    await tx.query(`copy companies (${companyColumns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob(companyParts) });
    await tx.query("copy company_regions (company_id, region_code) from '/dev/blob'", [], { blob: new Blob(regionParts) });
  });
  progress?.(loaded);
  return loaded;
}

/** Rows for one table, in COPY's text format (see copyField), for copyTablesPostgres/PGlite. */
export interface CopyTable {
  table: string;
  columns: readonly string[];
  rows: Iterable<readonly CopyValue[]>;
}

/** A table's rows as COPY text in chunks of `batchSize` rows; `onRows` hears the running count after each chunk. */
export function* copyText(table: CopyTable, batchSize = 5_000, onRows?: (rows: number) => void): Generator<string> {
  let text = '';
  let count = 0;
  for (const row of table.rows) {
    text += row.map(copyField).join('\t') + '\n';
    if (++count % batchSize === 0) {
      onRows?.(count);
      yield text;
      text = '';
    }
  }
  onRows?.(count);
  if (text !== '') yield text;
}

/** Each table in one COPY FROM STDIN, in order, all in one transaction. */
export async function copyTablesPostgres(client: pg.Client, tables: readonly CopyTable[]): Promise<void> {
  await client.query('begin');
  try {
    for (const table of tables) await copyIn(client, `copy ${table.table} (${table.columns.join(', ')}) from stdin`, copyText(table));
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** Each table in one COPY FROM '/dev/blob', in order, all in one transaction. */
export async function copyTablesPGlite(pglite: PGlite, tables: readonly CopyTable[]): Promise<void> {
  await pglite.transaction(async (tx) => {
    for (const table of tables) {
      await tx.query(`copy ${table.table} (${table.columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([...copyText(table)]) });
    }
  });
}

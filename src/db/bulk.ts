// Many rows in one statement with one array parameter per column:
//   insert into t (a, b) select * from unnest($1::text[], $2::int[]) as u(a, b)
// instead of one parameter per value. PostgreSQL (and PGlite) then binds a handful of parameters
// rather than thousands, which is what made the importers' multi-row inserts slow, and a batch is not
// bound by the protocol's 65,535 parameters. Used by the importers' batch writes.
import { sql, type RawBuilder } from 'kysely';

/**
 * The PostgreSQL type of each column, as written in a cast: `text`, `uuid`, `integer`, `jsonb`,
 * `text[]` … (constants of the code, never input: they are written into the statement).
 */
export type ColumnTypes<Row> = { readonly [K in keyof Row & string]: string };

/** An array as PostgreSQL's array literal (`{"a","b c"}`): every element double-quoted, quotes and backslashes escaped. */
export function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((value) => (value === null || value === undefined ? 'NULL' : `"${String(value).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

/**
 * `insert into <table> (<columns>) select … from unnest(<one array per column>)`; add `on conflict …`
 * or `returning …` around it with sql``. Values go as they would in a single-row insert (jsonb as
 * JSON text, dates as Date or ISO text, arrays as arrays, null as null).
 */
export function insertByColumns<Row extends Record<string, unknown>>(table: string, columns: ColumnTypes<Row>, rows: readonly Row[]): RawBuilder<unknown> {
  const names = Object.keys(columns) as (keyof Row & string)[];
  const isArray = (name: string) => columns[name]!.endsWith('[]');
  // unnest() would flatten an array of arrays, so array values travel as their literal text.
  const arrays = names.map((name) =>
    isArray(name)
      ? sql`${rows.map((row) => (row[name] == null ? null : arrayLiteral(row[name] as unknown[])))}::text[]`
      : sql`${rows.map((row) => row[name] ?? null)}::${sql.raw(columns[name])}[]`,
  );
  const selected = names.map((name) => (isArray(name) ? sql`${sql.ref(`u.${name}`)}::${sql.raw(columns[name])}` : sql.ref(`u.${name}`)));
  return sql`insert into ${sql.table(table)} (${sql.join(names.map((name) => sql.ref(name)))}) select ${sql.join(selected)} from unnest(${sql.join(arrays)}) as u(${sql.join(names.map((name) => sql.ref(name)))})`;
}

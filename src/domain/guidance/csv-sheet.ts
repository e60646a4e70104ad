// A CSV "sheet": a header row naming the columns, then one record per data row — the shape every CSV
// import shares (guidance courses, activities, evaluation responses; 02-crm.md "Imports"). This is the
// part they have in common: reading the header (any order, names without case, unknown, repeated and
// missing columns named), the field count of each row, the empty file, the streaming and whole-text
// entry points, and the cell/fail/take helpers that turn a field reading into a Danish error naming
// line, column and value. What a row means stays with each import's own row reader.
import type { FieldReading } from './courses-csv.fields.ts';
import { CsvRecordReader, type CsvRecord } from './csv-records.ts';

export type CsvDataRecord = Extract<CsvRecord, { kind: 'record' }>;

export interface CsvCellError {
  line: number;
  /** The column's name, or '' for the whole line or file. */
  column: string;
  /** The offending value as written ('' when empty). */
  value: string;
  /** Danish, with line, column and value. */
  message: string;
}

export type CsvErrorRow = { line: number; errors: CsvCellError[] };

export interface CsvSheet<C extends string, R> {
  required: readonly C[];
  optional?: readonly C[];
  /** Named in "overskriften er ikke et forløbsark": "et forløbsark". */
  sheetName: string;
  /** Added when a semicolon file has a row with too many fields: which cells need quotes. */
  semicolonHint: string;
  /** A row reader for one file (per-file state, such as the ids seen so far, lives in its closure). */
  rowReader(): (record: CsvDataRecord, columns: ReadonlyMap<C, number>) => R | CsvErrorRow;
}

export interface CsvSheetParser<R> {
  /** Feed a physical line without its line break; get the rows it completes. */
  push(line: string): (R | CsvErrorRow)[];
  /** After the last line. */
  end(): (R | CsvErrorRow)[];
}

const errorRow = (line: number, value: string, message: string): CsvErrorRow => ({ line, errors: [{ line, column: '', value, message }] });

export function createCsvSheetParser<C extends string, R>(sheet: CsvSheet<C, R>): CsvSheetParser<R> {
  const records = new CsvRecordReader();
  const readRow = sheet.rowReader();
  let columns: Map<C, number> | null = null;
  let stopped = false;
  let sawAnything = false;

  const handle = (record: CsvRecord): (R | CsvErrorRow)[] => {
    if (stopped) return [];
    sawAnything = true;
    if (record.kind === 'error') return [errorRow(record.line, record.text, record.message)];
    if (columns === null) {
      const header = readHeader(sheet, record);
      if ('errors' in header) {
        stopped = true; // without a header no row can be read
        return [header];
      }
      columns = header.columns;
      return [];
    }
    if (record.fields.length !== columns.size) {
      const hint = records.separator === ';' && record.fields.length > columns.size ? ` ${sheet.semicolonHint}` : '';
      return [errorRow(record.line, record.text, `Linje ${record.line} har ${record.fields.length} felter, men overskriften har ${columns.size}.${hint}`)];
    }
    return [readRow(record, columns)];
  };

  return {
    push: (line) => records.push(line).flatMap(handle),
    end: () => {
      const rows = records.end().flatMap(handle);
      if (!sawAnything) rows.push(errorRow(1, '', 'Filen er tom – der er hverken overskrift eller rækker.'));
      return rows;
    },
  };
}

function readHeader<C extends string, R>(sheet: CsvSheet<C, R>, record: CsvDataRecord): { columns: Map<C, number> } | CsvErrorRow {
  const optional = sheet.optional ?? [];
  const known = new Set<string>([...sheet.required, ...optional]);
  const columns = new Map<C, number>();
  const problems: string[] = [];
  record.fields.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (!known.has(key)) problems.push(`ukendt kolonne "${name}"`);
    else if (columns.has(key as C)) problems.push(`kolonnen "${key}" står to gange`);
    else columns.set(key as C, index);
  });
  const missing = sheet.required.filter((column) => !columns.has(column));
  if (missing.length > 0) problems.push(`${missing.length === 1 ? 'kolonnen' : 'kolonnerne'} ${missing.map((c) => `"${c}"`).join(', ')} mangler`);
  if (problems.length === 0) return { columns };
  const expected = `${sheet.required.join(',')}${optional.length > 0 ? ` (og evt. ${optional.join(',')})` : ''}`;
  return errorRow(record.line, record.text, `Linje ${record.line}: overskriften er ikke ${sheet.sheetName} – ${problems.join('; ')}. Forventet: ${expected}.`);
}

/** Streams the rows of a sheet from its physical lines. */
export async function* parseCsvSheet<R>(parser: CsvSheetParser<R>, lines: AsyncIterable<string>): AsyncGenerator<R | CsvErrorRow> {
  for await (const line of lines) yield* parser.push(line);
  yield* parser.end();
}

/** A whole text at once: every row, in line order. */
export function parseCsvSheetText<R>(parser: CsvSheetParser<R>, text: string): (R | CsvErrorRow)[] {
  return [...text.split(/\r?\n|\r/).flatMap((line) => parser.push(line)), ...parser.end()];
}

/** The cells of one data row, and the errors found while reading them. */
export function rowCells<C extends string>(record: CsvDataRecord, columns: ReadonlyMap<C, number>) {
  const { line } = record;
  const errors: CsvCellError[] = [];
  /** The trimmed cell; '' for an optional column the file does not have. */
  const cell = (column: C): string => {
    const index = columns.get(column);
    return index === undefined ? '' : (record.fields[index] ?? '').trim();
  };
  const fail = (column: C, value: string, fragment: string) => {
    errors.push({ line, column, value, message: `Linje ${line}, kolonne "${column}": ${fragment}` });
  };
  const take = <T>(column: C, reading: FieldReading<T>): T | undefined => {
    if (reading.ok) return reading.value;
    fail(column, cell(column), reading.message);
    return undefined;
  };
  /** The source system's id of the row: not empty, and not on an earlier line of the file. */
  const uniqueId = (column: C, firstLineOf: Map<string, number>, emptyFragment: string): string => {
    const id = cell(column);
    if (id === '') fail(column, '', emptyFragment);
    else {
      const first = firstLineOf.get(id);
      if (first !== undefined) fail(column, id, `"${id}" står allerede i linje ${first}.`);
      else firstLineOf.set(id, line);
    }
    return id;
  };
  return { line, errors, cell, fail, take, uniqueId };
}

/** What an import counts while it reads a sheet. */
export interface SheetImportCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  companiesCreated: number;
  errors: CsvCellError[];
}

/**
 * Feeds a file's lines through the sheet parser and hands each valid row to `importRow` (which
 * checks it against the database and writes it, or returns its errors), counting as it goes; invalid
 * rows keep their errors. The caller holds the transaction and decides what errors mean.
 */
export async function importSheetRows<R>(
  parser: CsvSheetParser<R>,
  lines: AsyncIterable<string>,
  counts: SheetImportCounts,
  importRow: (row: Exclude<R, CsvErrorRow>) => Promise<CsvCellError[] | { result: 'created' | 'updated' | 'unchanged'; companiesCreated: number }>,
  onProgress?: ((rows: number) => void) | undefined,
): Promise<void> {
  const handle = async (rows: (R | CsvErrorRow)[]) => {
    for (const row of rows) {
      counts.rows++;
      if (typeof row === 'object' && row !== null && 'errors' in row) counts.errors.push(...(row as CsvErrorRow).errors);
      else {
        const outcome = await importRow(row as Exclude<R, CsvErrorRow>);
        if (Array.isArray(outcome)) counts.errors.push(...outcome);
        else {
          counts[outcome.result]++;
          counts.companiesCreated += outcome.companiesCreated;
        }
      }
      if (counts.rows % 1000 === 0) onProgress?.(counts.rows);
    }
  };
  for await (const line of lines) await handle(parser.push(line));
  await handle(parser.end());
  onProgress?.(counts.rows);
}

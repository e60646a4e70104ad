// Files for spreadsheets, as Danish users open them (docs/formats.md, "Fordelingsnøgler"):
// - CSV: UTF-8 with a BOM, semicolons, decimal comma, CRLF — what Danish Excel opens directly.
// - Excel (.xlsx, exceljs): numbers as numbers with a number format, a title, the explanation
//   sentence, a header row, a total row with SUM formulas (and their values).
import ExcelJS from 'exceljs';
import type { Rational } from '../../domain/money/rational.ts';

/** An exact decimal with a decimal comma and no thousands separator ("6592", "0,3735695643"). */
export const csvNumber = (value: Rational, digits = 10): string => value.toDecimalString(digits).replace('.', ',');

function csvCell(value: string): string {
  // A cell a spreadsheet would run as a formula is prefixed (CSV injection), except plain numbers.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-\d+(,\d+)?$/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: string[][]): string {
  return `\uFEFF${csvLines(rows)}`;
}

/** Rows as CSV lines without the BOM: for the chunks after the first when a file is streamed. */
export function csvLines(rows: string[][]): string {
  return rows.map((cells) => `${cells.map(csvCell).join(';')}\r\n`).join('');
}

/**
 * A number for a spreadsheet cell. xlsx stores IEEE doubles, so this is where exact values meet
 * binary floating point: amounts rounded to the resolution (whole kroner, øre) convert exactly
 * enough that Excel shows and sums them as written; the exact columns are shown to `digits` places.
 */
export const cellNumber = (value: Rational, digits = 10): number => Number(value.toFixed(digits));

/** '#,##0' for whole units, '#,##0.00' for øre: Excel shows them in the reader's locale. */
export function amountFormat(resolution: Rational): string {
  if (resolution.isInteger()) return '#,##0';
  const digits = resolution.toDecimalString().split('.')[1]?.length ?? 2;
  return `#,##0.${'0'.repeat(digits)}`;
}

export interface SheetColumn {
  header: string;
  width: number;
  numFmt?: string;
  /** Sum this column in the total row. */
  sum?: boolean;
}

export interface SheetSpec {
  name: string;
  title: string;
  /** Lines under the title: the explanation sentence, the rounding, the source. */
  lines: string[];
  columns: SheetColumn[];
  rows: (string | number | null)[][];
  /** Label of the total row in the first column; the total row is left out when absent. */
  totalLabel?: string;
  /** Values of the total row for columns with `sum` (the cached result of the SUM formula). */
  totals?: Record<number, number>;
  /** A number format for one cell (0-based row and column), overriding its column's. */
  cellFormat?: (row: number, column: number) => string | undefined;
}

export function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(spec.name);
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));
  sheet.addRow([spec.title]).font = { bold: true, size: 14 };
  for (const line of spec.lines) sheet.addRow([line]);
  sheet.addRow([]);
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.border = { bottom: { style: 'thin' } }));
  const first = header.number + 1;
  spec.rows.forEach((values, r) => {
    const row = sheet.addRow(values);
    spec.columns.forEach((c, i) => {
      const format = spec.cellFormat?.(r, i) ?? c.numFmt;
      if (format) row.getCell(i + 1).numFmt = format;
    });
  });
  const last = first + spec.rows.length - 1;
  if (spec.totalLabel !== undefined) {
    const total = sheet.addRow([spec.totalLabel]);
    total.font = { bold: true };
    spec.columns.forEach((c, i) => {
      if (!c.sum) return;
      const letter = sheet.getColumn(i + 1).letter;
      const cell = total.getCell(i + 1);
      cell.value = { formula: `SUM(${letter}${first}:${letter}${last})`, result: spec.totals?.[i] ?? 0 };
      cell.border = { top: { style: 'thin' } };
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  return sheet;
}

export async function workbookBuffer(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Knudepunkt';
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer() as ArrayBuffer);
}

/** A file name without characters that trouble browsers or file systems. */
export function fileName(base: string, extension: string): string {
  const safe = base
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'oe')
    .replace(/[åÅ]/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${safe || 'fordeling'}.${extension}`;
}

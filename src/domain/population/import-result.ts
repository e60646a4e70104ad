// Building an import result: shared by the FOLK1A and the generic CSV parser.
import type { MunicipalityValueImport, MunicipalityValueRow } from './population.types.ts';

export function emptyImport(): MunicipalityValueImport {
  return { rows: [], periods: [], skipped: [], errors: [], warnings: [] };
}

/** Adds a row unless the municipality already has a value for that period (then an error). */
export function addRow(
  out: MunicipalityValueImport,
  seen: Map<string, number>,
  row: MunicipalityValueRow,
  field: string,
): void {
  const key = `${row.municipalityCode}|${row.period}`;
  const first = seen.get(key);
  if (first !== undefined) {
    out.errors.push({
      line: row.line,
      field,
      message: `Linje ${row.line}: ${row.municipalityName} (${row.municipalityCode})${row.period ? ` for ${row.period}` : ''} står allerede i linje ${first}.`,
    });
    return;
  }
  seen.set(key, row.line);
  out.rows.push(row);
}

/** Distinct non-empty periods of the accepted rows, sorted. */
export function periodsOf(out: MunicipalityValueImport): string[] {
  return [...new Set(out.rows.map((r) => r.period))].filter((p) => p !== '').sort();
}

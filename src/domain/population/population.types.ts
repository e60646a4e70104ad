// The shape every municipality-value importer returns (FOLK1A and generic CSV; spec 05, "Data").
import type { Rational } from '../money/rational.ts';

/** One of the 98 municipalities, as loaded by the caller from reference data. */
export interface Municipality {
  code: string;
  name: string;
}

export interface MunicipalityValueRow {
  municipalityCode: string;
  /** The reference name (not the spelling in the file). */
  municipalityName: string;
  value: Rational;
  /** As written in the file, e.g. "2022K1"; '' when the file states no period (generic CSV). */
  period: string;
  /** 1-based line in the file (the header is line 1 when it is the first line). */
  line: number;
}

export interface SkippedRow {
  line: number;
  /** The area cell as written in the file. */
  area: string;
  /** Danish reason, e.g. "hele landet – ikke en kommune". */
  reason: string;
}

export interface ImportError {
  line: number;
  /** Column name as written in the header, or '' for the whole line/file. */
  field: string;
  /** Danish message naming line, column and value. */
  message: string;
}

export interface MunicipalityValueImport {
  rows: MunicipalityValueRow[];
  /** Distinct periods of the accepted rows, sorted. */
  periods: string[];
  skipped: SkippedRow[];
  errors: ImportError[];
  /** Things that are not wrong but worth saying, e.g. a file that only holds men. */
  warnings: string[];
}

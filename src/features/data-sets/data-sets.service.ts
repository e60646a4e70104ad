// Data sets (spec 05, "Data"): values per municipality imported from Danmarks Statistik's FOLK1A CSV
// or a generic CSV (municipality code, value). Everyone signed in reads them; kkr and admin import.
//
// Idempotency (docs/decisions/004-allocations-storage.md): a data set is identified by a SHA-256 of
// its kind, its period and its sorted (code, value) pairs. Importing the same figures again — the
// same file, or the same file saved with other line ends, a BOM, codes instead of names — finds the
// existing data set and creates nothing; a revised file for the same quarter is a new data set, so
// allocations made from the old figures keep them.
import { createHash } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { AppError, notFound, validationFailed } from '../../domain/errors.ts';
import { sumRationals } from '../../domain/money/rational.ts';
import { describePeriod, parseFolk1aCsv } from '../../domain/population/folk1a.ts';
import { parseMunicipalityValueCsv } from '../../domain/population/generic-csv.ts';
import type { MunicipalityValueImport } from '../../domain/population/population.types.ts';
import { requireRole } from '../authorization.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { fieldErrors } from '../validation.ts';
import { findAllocationsUsing, findDataSet, findDataSetByHash, findDataSets, findMunicipalityNames, findValuesOf, insertDataSet } from './data-sets.repository.ts';
import { importOptions, type DataSet, type DataSetWithValues, type ImportOptions, type ImportPreview, type ImportResult } from './data-sets.schema.ts';

const READERS = ['adviser', 'manager', 'kkr', 'admin', 'viewer'] as const;
const WRITERS = ['kkr', 'admin'] as const;

const FOLK1A = { kind: 'population', source: 'Danmarks Statistik FOLK1A', valueLabel: 'bopælskommunefolketal' } as const;

export async function listDataSets(db: Executor, actor: Actor, filter: { formats?: DataSet['format'][] } = {}): Promise<DataSet[]> {
  requireRole(actor, ...READERS);
  return findDataSets(db, filter);
}

export async function getDataSet(db: Executor, actor: Actor, id: string): Promise<DataSetWithValues & { usedBy: { allocationId: string; version: number; name: string }[] }> {
  requireRole(actor, ...READERS);
  const dataSet = await findDataSet(db, id);
  if (!dataSet) throw notFound('Datasættet', 'The data set was not found.');
  const [values, usedBy] = await Promise.all([findValuesOf(db, [id]), findAllocationsUsing(db, id)]);
  return { ...dataSet, values: values.get(id) ?? [], usedBy: usedBy.map((u) => ({ allocationId: u.allocation_id, version: u.version, name: u.name })) };
}

function parseOptions(input: unknown): ImportOptions {
  const parsed = importOptions.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  return parsed.data;
}

/** SHA-256 of kind, period and the sorted exact values: the identity of a data set's content. */
export function contentHash(kind: string, period: string, rows: { municipalityCode: string; value: string }[]): string {
  const lines = rows.map((r) => `${r.municipalityCode}=${r.value}`).sort();
  return createHash('sha256').update([kind, period, ...lines].join('\n')).digest('hex');
}

interface CheckedImport {
  options: ImportOptions;
  preview: ImportPreview;
  hash: string;
}

/** Parses and checks a file; writes nothing. Errors are in `preview.errors`, never thrown. */
async function checkImport(db: Executor, input: unknown, content: string): Promise<CheckedImport> {
  const options = parseOptions(input);
  const municipalities = await findMunicipalityNames(db);
  const parsed: MunicipalityValueImport =
    options.format === 'folk1a'
      ? parseFolk1aCsv(content, municipalities)
      : parseMunicipalityValueCsv(content, municipalities, options.period ? { period: options.period } : {});
  const errors = [...parsed.errors];
  const skipped = [...parsed.skipped];
  let rows = parsed.rows;
  let period = parsed.periods[0] ?? '';
  if (parsed.periods.length > 1) {
    // A file may hold several quarters; one data set is one period, so the user picks one.
    if (options.period && parsed.periods.includes(options.period)) {
      period = options.period;
      for (const row of rows.filter((r) => r.period !== period)) {
        skipped.push({ line: row.line, area: `${row.municipalityCode} ${row.municipalityName}`, reason: `en anden periode (${row.period}) end ${period}` });
      }
      rows = rows.filter((r) => r.period === period);
    } else {
      errors.push({ line: 0, field: 'period', message: `Filen har flere perioder (${parsed.periods.join(', ')}). Vælg hvilken periode der skal importeres.` });
    }
  } else if (options.period && parsed.periods.length === 1 && options.period !== period) {
    errors.push({ line: 0, field: 'period', message: `Du har valgt perioden ${options.period}, men filen har kun perioden ${period}.` });
  }
  if (parsed.errors.length === 0 && period === '' && rows.length > 0) {
    errors.push({ line: 0, field: 'period', message: 'Filen har ingen periodekolonne – skriv perioden, tallene gælder for (fx 2022K1 eller 2023).' });
  }
  for (const row of rows) {
    if (row.value.isNegative()) errors.push({ line: row.line, field: 'værdi', message: `Linje ${row.line}: ${row.municipalityName} har en negativ værdi (${row.value.toDecimalString()}) – en fordelingsnøgle kan ikke bruge den.` });
  }
  if (parsed.errors.length === 0 && rows.length === 0) {
    errors.push({ line: 0, field: '', message: 'Filen indeholder ingen af de 98 kommuner – intet at importere.' });
  }
  sortByLine(skipped);
  sortByLine(errors);
  const kind = options.format === 'folk1a' ? FOLK1A.kind : (options.kind ?? '');
  const values = rows.map((r) => ({ municipalityCode: r.municipalityCode, municipalityName: r.municipalityName, value: r.value.toDecimalString(), line: r.line }));
  const hash = contentHash(kind, period, values);
  const existing = errors.length === 0 ? await findDataSetByHash(db, hash) : undefined;
  return {
    options,
    hash,
    preview: {
      format: options.format,
      kind,
      period,
      periodLabel: describePeriod(period),
      periods: parsed.periods,
      rows: values,
      total: sumRationals(rows.map((r) => r.value)).toDecimalString(),
      skipped,
      errors,
      warnings: parsed.warnings,
      existingDataSetId: existing?.id ?? null,
    },
  };
}

function sortByLine<T extends { line: number }>(items: T[]): void {
  items.sort((a, b) => a.line - b.line);
}

/** The dry run: what an import of this file would do. Writes nothing. */
export async function previewDataSetImport(db: Executor, actor: Actor, input: unknown, content: string): Promise<ImportPreview> {
  requireRole(actor, ...WRITERS);
  return (await checkImport(db, input, content)).preview;
}

/**
 * Imports a file as one data set, all or nothing: any error in the file refuses the whole file (the
 * caller's transaction holds the rest). Importing the same figures again returns the existing data
 * set with `created: false`.
 */
export async function importDataSet(db: Executor, actor: Actor, input: unknown, content: string): Promise<ImportResult> {
  requireRole(actor, ...WRITERS);
  const { options, preview, hash } = await checkImport(db, input, content);
  if (preview.errors.length > 0) throw importRefused(preview);
  if (preview.existingDataSetId) return { created: false, dataSet: (await findDataSet(db, preview.existingDataSetId)) ?? null, preview };
  const folk1a = options.format === 'folk1a';
  const valueLabel = folk1a ? FOLK1A.valueLabel : options.valueLabel!;
  const inserted = await insertDataSet(db, {
    name: options.name ?? (folk1a ? `Folketal ${preview.periodLabel} (FOLK1A)` : `${capitalise(valueLabel)} ${preview.periodLabel}`),
    kind: preview.kind,
    format: options.format,
    source: folk1a ? FOLK1A.source : options.source!,
    period: preview.period,
    periodLabel: preview.periodLabel,
    valueLabel,
    contentHash: hash,
    fileName: options.fileName ?? null,
    skipped: preview.skipped,
    warnings: preview.warnings,
    importedByUserId: actor.kind === 'user' ? actor.userId : null,
    importedByName: actor.name,
    values: preview.rows.map((r) => ({ municipalityCode: r.municipalityCode, value: r.value, line: r.line })),
  });
  if (!inserted) {
    // A concurrent import of the same figures committed first.
    const existing = (await findDataSetByHash(db, hash)) ?? null;
    return { created: false, dataSet: existing, preview: { ...preview, existingDataSetId: existing?.id ?? null } };
  }
  await recordAudit(db, actor, {
    action: 'create',
    entityType: 'dataSet',
    entityId: inserted.id,
    after: { ...inserted, total: preview.total, values: Object.fromEntries(preview.rows.map((r) => [r.municipalityCode, r.value])) },
  });
  return { created: true, dataSet: inserted, preview };
}

export function importRefused(preview: ImportPreview): AppError {
  const count = preview.errors.length;
  return new AppError('validation', `Filen har ${count} fejl – intet er importeret. Ret filen, og prøv igen.`, {
    en: `The file has ${count} error(s); nothing was imported.`,
    fields: preview.errors.map((e) => ({ field: e.field === 'period' ? 'period' : 'file', message: e.message })),
  });
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('da-DK') + text.slice(1);

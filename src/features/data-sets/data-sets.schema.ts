import { z } from 'zod';

/** What a user can import (spec 05, "Data"): DST's FOLK1A CSV or any CSV of code and value. */
export const importFormats = ['folk1a', 'generic'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** 5 MB: a FOLK1A file for all 98 municipalities and many quarters is well below 100 kB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((value) => (value === '' ? undefined : value))
    .optional();

export const importOptions = z
  .object({
    format: z.enum(importFormats, { message: 'Vælg filens format: FOLK1A fra Danmarks Statistik eller CSV med kommunekode og værdi.' }),
    name: optionalText(200, 'Navnet må højst være 200 tegn.'),
    period: optionalText(20, 'Perioden må højst være 20 tegn (fx 2022K1 eller 2023).'),
    kind: z
      .string()
      .trim()
      .transform((value) => (value === '' ? undefined : value.toLowerCase()))
      .pipe(
        z
          .string()
          .regex(/^[a-z][a-z0-9-]{0,39}$/, 'Nøglen skal være et kort ord med små bogstaver, tal og bindestreg, fx staff eller elever.')
          .optional(),
      )
      .optional(),
    valueLabel: optionalText(200, 'Beskrivelsen må højst være 200 tegn.'),
    source: optionalText(200, 'Kilden må højst være 200 tegn.'),
    fileName: optionalText(255, 'Filnavnet er for langt.'),
  })
  .superRefine((value, context) => {
    // A generic file says nothing about itself, so the explanation sentence needs these three.
    if (value.format !== 'generic') return;
    if (!value.kind) context.addIssue({ code: 'custom', path: ['kind'], message: 'Skriv nøglen for tallene, fx staff eller elever.' });
    if (!value.valueLabel) {
      context.addIssue({ code: 'custom', path: ['valueLabel'], message: 'Skriv hvad tallene er, fx "antal ansatte" – det bruges i forklaringen af nøglen.' });
    }
    if (!value.source) context.addIssue({ code: 'custom', path: ['source'], message: 'Skriv hvor tallene kommer fra, fx "KL, lønstatistik".' });
  });
export type ImportOptions = z.infer<typeof importOptions>;

/** The API's import body: the options and the CSV text itself. */
export const importRequest = z
  .object({
    format: z.enum(importFormats),
    content: z.string().max(MAX_IMPORT_BYTES, 'Filen er større end 5 MB.').meta({ description: 'The CSV file as text (UTF-8)' }),
    dryRun: z.boolean().optional().meta({ description: 'true: only check the file and return the preview; nothing is saved' }),
    name: z.string().optional(),
    period: z.string().optional().meta({ description: 'Which period to import when the file has several; the period of a generic file without one' }),
    kind: z.string().optional().meta({ description: 'Criterion key for a generic file, e.g. staff' }),
    valueLabel: z.string().optional().meta({ description: 'What the values are, e.g. "antal ansatte"' }),
    source: z.string().optional(),
    fileName: z.string().optional(),
  })
  .meta({ id: 'DataSetImportRequest' });

const skippedRow = z.object({ line: z.number().int(), area: z.string(), reason: z.string() });
const importError = z.object({ line: z.number().int(), field: z.string(), message: z.string() });

export const dataSetResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.string(),
    format: z.enum(['folk1a', 'generic', 'published']),
    source: z.string(),
    period: z.string(),
    periodLabel: z.string(),
    valueLabel: z.string(),
    fileName: z.string().nullable(),
    rowCount: z.number().int(),
    skipped: z.array(skippedRow),
    warnings: z.array(z.string()),
    importedAt: z.string(),
    importedBy: z.string(),
  })
  .meta({ id: 'DataSet' });
export type DataSet = z.infer<typeof dataSetResponse>;

const dataSetValue = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  value: z.string().meta({ description: 'Exact decimal' }),
  line: z.number().int().nullable(),
});
export type DataSetValue = z.infer<typeof dataSetValue>;

export const dataSetWithValuesResponse = dataSetResponse.extend({ values: z.array(dataSetValue) }).meta({ id: 'DataSetWithValues' });
export type DataSetWithValues = z.infer<typeof dataSetWithValuesResponse>;

export const importPreviewResponse = z
  .object({
    format: z.enum(importFormats),
    kind: z.string(),
    period: z.string(),
    periodLabel: z.string(),
    periods: z.array(z.string()),
    rows: z.array(dataSetValue),
    total: z.string().meta({ description: 'Sum of the accepted values' }),
    skipped: z.array(skippedRow),
    errors: z.array(importError),
    warnings: z.array(z.string()),
    existingDataSetId: z.uuid().nullable().meta({ description: 'Set when exactly these values are already imported' }),
  })
  .meta({ id: 'DataSetImportPreview' });
export type ImportPreview = z.infer<typeof importPreviewResponse>;

export const importResultResponse = z
  .object({
    created: z.boolean().meta({ description: 'false when the same values were already imported (the import is idempotent)' }),
    dataSet: dataSetResponse.nullable(),
    preview: importPreviewResponse,
  })
  .meta({ id: 'DataSetImportResult' });
export type ImportResult = z.infer<typeof importResultResponse>;

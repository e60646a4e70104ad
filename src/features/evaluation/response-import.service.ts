// The responses import (03-evaluation.md: "ERST's own evaluation results are imported from CSV"; issue 6:
// `knudepunkt import responses <file.csv> [--dry-run]` and the upload page /evaluering/import). The file
// streams a line at a time through the pure reader (src/domain/evaluation/responses-csv.ts); each valid
// row is checked against the database and written.
// - One transaction of its own: a dry run, and a real run with any invalid row, are rolled back, so a
//   dry run reports exactly what a real run would do — every invalid row with line, column, value and
//   reason — and the real run is all or nothing.
// - Idempotent: responses are keyed on (source, response_id); a row equal to what is stored is neither
//   written nor counted as a change, so the same file twice changes nothing the second time.
// - Roles: admins (and the command line) import every hub's rows — ERST's file is national; a manager
//   of a hub organisation imports their own hub's rows, and rows of other hubs are skipped and reported
//   (as the courses import does). A response already stored for another hub is refused for a manager.
//   Managers of local offices and other organisations do not import (the results are the hub's).
// - The company is linked when the CVR number is a company known to Knudepunkt (none is created).
// - Audited once per run that changed something (entity evaluationImport, with the counts).
import { randomUUID } from 'node:crypto';
import { allOrNothing } from '../../db/all-or-nothing.ts';
import type { Executor } from '../../db/database.ts';
import { hasRole, type Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { createResponsesCsvParser, type ResponseCsvError, type ResponseCsvRow } from '../../domain/evaluation/responses-csv.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import { hubOfOrganisation } from '../courses/courses.repository.ts';
import type { EvaluationResponse } from '../../domain/evaluation/evaluation.types.ts';
import { findCompanyIdsForCvrs, findHubs, findMunicipalities, findResponsesBySourceIds, insertResponses, responseValues, updateResponse, type ResponseRow, type ResponseValues } from './evaluation.repository.ts';

export const responseImporters = ['admin', 'manager'] as const;

/** Errors kept for the summary (the count is always complete). */
export const MAX_ERRORS_KEPT = 1000;
/** Valid rows looked up and written together (a few statements per batch, far below 65535 parameters). */
export const IMPORT_BATCH_ROWS = 500;
const MAX_SKIPPED_LINES_KEPT = 200;

export interface ResponseImportSummary {
  dryRun: boolean;
  /** True when the responses were saved (a real run of a file without errors). */
  imported: boolean;
  fileName: string | null;
  /** The hub whose rows were imported; null: every hub's (admin, command line). */
  hub: { id: string; name: string } | null;
  /** Data rows read (the header not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Always 0 (the import links known companies, it creates none); for the shared counts layout. */
  companiesCreated: number;
  /** Of the written responses, those linked to a known company. */
  linkedToCompanies: number;
  /** Valid rows of other hubs than the manager's, left out. */
  skipped: { count: number; lines: number[]; hubs: string[] };
  invalidRows: number;
  errorCount: number;
  /** Every invalid row's errors, in line order (the first MAX_ERRORS_KEPT). */
  errors: ResponseCsvError[];
}


export interface ResponseImportOptions {
  dryRun: boolean;
  fileName?: string | undefined;
  now: Date;
  onProgress?: ((rows: number) => void) | undefined;
  onError?: ((error: ResponseCsvError) => void) | undefined;
}

/** Imports (or with `dryRun` only checks) a responses file in one transaction of its own. */
export async function importResponses(db: Executor, actor: Actor, lines: AsyncIterable<string>, options: ResponseImportOptions): Promise<ResponseImportSummary> {
  requireRole(actor, ...responseImporters);
  return allOrNothing(db, (tx) => importResponseRows(tx, actor, lines, options), (summary) => !options.dryRun && summary.errorCount === 0);
}

async function importResponseRows(db: Executor, actor: Actor, lines: AsyncIterable<string>, options: ResponseImportOptions): Promise<ResponseImportSummary> {
  const hubs = await findHubs(db);
  const hubIdByName = new Map(hubs.map((hub) => [hub.name, hub.id]));
  const hubNameById = new Map(hubs.map((hub) => [hub.id, hub.name]));
  let ownHub: { id: string; name: string } | null = null;
  if (actor.kind === 'user' && !hasRole(actor, 'admin')) {
    const hubId = actor.organisationKind === 'hub' ? await hubOfOrganisation(db, actor.organisationId) : null;
    if (hubId === null) {
      throw new AppError('forbidden', `${actor.organisationName} er ikke et erhvervshus – besvarelser importeres af erhvervshusets ledere eller af en administrator.`, {
        en: `${actor.organisationName} is not a business hub; responses are imported by the hub's managers or an administrator.`,
      });
    }
    ownHub = { id: hubId, name: hubNameById.get(hubId) ?? hubId };
  }
  const municipalities = await findMunicipalities(db);
  const parser = createResponsesCsvParser({ hubs: hubs.map((hub) => hub.name), municipalityCodes: municipalities.map((m) => m.code) });
  const importId = randomUUID();
  const summary: ResponseImportSummary = {
    dryRun: options.dryRun,
    imported: false,
    fileName: options.fileName ?? null,
    hub: ownHub,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    companiesCreated: 0,
    linkedToCompanies: 0,
    skipped: { count: 0, lines: [], hubs: [] },
    invalidRows: 0,
    errorCount: 0,
    errors: [],
  };
  const report = (errors: ResponseCsvError[]) => {
    if (errors.length === 0) return;
    summary.invalidRows++;
    for (const error of errors) {
      summary.errorCount++;
      if (summary.errors.length < MAX_ERRORS_KEPT) summary.errors.push(error);
      options.onError?.(error);
    }
  };
  const companies = new Map<string, string | null>();
  let batch: { line: number; response: EvaluationResponse; hubId: string }[] = [];

  /** One batch of valid rows: their stored versions and companies in two queries, new rows in one insert. */
  const flush = async () => {
    if (batch.length === 0) return;
    const existing = await findResponsesBySourceIds(db, batch.map((b) => ({ source: b.response.source, id: b.response.responseId })));
    const cvrs = [...new Set(batch.flatMap((b) => (b.response.cvr !== null && !companies.has(b.response.cvr) ? [b.response.cvr] : [])))];
    const found = await findCompanyIdsForCvrs(db, cvrs);
    for (const cvr of cvrs) companies.set(cvr, found.get(cvr) ?? null);
    const inserts: (ResponseValues & { import_id: string })[] = [];
    for (const { line, response, hubId } of batch) {
      const stored = existing.get(`${response.source} ${response.responseId}`);
      if (stored && ownHub !== null && stored.business_hub_id !== ownHub.id) {
        const other = hubNameById.get(stored.business_hub_id) ?? stored.business_hub_id;
        report([
          {
            line,
            column: 'response_id',
            value: response.responseId,
            message: `Linje ${line}, kolonne "response_id": "${response.responseId}" er allerede importeret for ${other}; kun ${other} eller en administrator kan ændre den.`,
          },
        ]);
        continue;
      }
      const companyId = response.cvr === null ? null : (companies.get(response.cvr) ?? null);
      const values = responseValues(response, hubId, companyId);
      if (!stored) {
        inserts.push({ ...values, import_id: importId });
        summary.created++;
      } else if (sameValues(stored, values)) {
        summary.unchanged++;
        continue;
      } else {
        if (summary.errorCount === 0) await updateResponse(db, stored.id, { ...values, import_id: importId }, options.now);
        summary.updated++;
      }
      if (companyId !== null) summary.linkedToCompanies++;
    }
    // Once a row is invalid nothing will be kept; the rest of the file is only checked.
    if (summary.errorCount === 0) await insertResponses(db, inserts);
    batch = [];
  };

  const handle = async (rows: ResponseCsvRow[]) => {
    for (const row of rows) {
      if (row.line > 1 || 'response' in row) {
        summary.rows++;
        if (summary.rows % 1000 === 0) options.onProgress?.(summary.rows);
      }
      if ('errors' in row) {
        report(row.errors);
        continue;
      }
      const { response, line } = row;
      const hubId = hubIdByName.get(response.hub)!;
      if (ownHub !== null && hubId !== ownHub.id) {
        summary.skipped.count++;
        if (summary.skipped.lines.length < MAX_SKIPPED_LINES_KEPT) summary.skipped.lines.push(line);
        if (!summary.skipped.hubs.includes(response.hub)) summary.skipped.hubs.push(response.hub);
        continue;
      }
      batch.push({ line, response, hubId });
      if (batch.length >= IMPORT_BATCH_ROWS) await flush();
    }
  };
  for await (const line of lines) await handle(parser.push(line));
  await handle(parser.end());
  await flush();
  options.onProgress?.(summary.rows);
  summary.errors.sort((a, b) => a.line - b.line);
  if (!options.dryRun && summary.errorCount === 0 && summary.created + summary.updated > 0) {
    await recordAudit(db, actor, {
      action: 'create',
      entityType: 'evaluationImport',
      entityId: importId,
      after: {
        fileName: summary.fileName,
        hub: summary.hub,
        rows: summary.rows,
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
        skipped: summary.skipped.count,
      },
    });
  }
  return summary;
}

function sameValues(row: ResponseRow, values: ResponseValues): boolean {
  return (Object.keys(values) as (keyof ResponseValues)[]).every((key) => JSON.stringify(row[key]) === JSON.stringify(values[key]));
}

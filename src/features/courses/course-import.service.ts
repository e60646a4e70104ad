// The guidance courses import (02-crm.md, "Imports": `import courses`), used by the command line and
// the upload page alike. The file streams through the pure parser (src/domain/guidance/courses-csv.ts)
// in batches; nothing holds more than a batch of rows, and the companies met so far by their key.
// - A dry run reports every invalid row with its line and reason and writes nothing.
// - A real run is all or nothing: the caller holds the transaction, and any invalid row makes this
//   function throw CourseImportRejected after reading the whole file, so the caller's transaction rolls
//   back and the user gets every error at once.
// - Idempotent: courses are keyed by the file's `course_id` (guidance_courses.source_id); a row equal to
//   what is stored is left alone and counted as unchanged.
// - The organisation the courses are registered under is the one given; rows of another hub than the
//   organisation's are skipped and reported (a course counts for the hub of the organisation that
//   guides it). Without one (the command line only), each row goes to its hub's organisation.
// docs/decisions/006-course-imports.md gives the reasons.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import { parseCoursesCsv, type CourseCsvError } from '../../domain/guidance/courses-csv.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import { isUuid } from '../validation.ts';
import { runBatch, type BatchRow, type ImportMemory } from './course-import.batch.ts';
import { findHubOrganisations, findImportOrganisation, loadImportReference, type ImportOrganisation } from './course-import.repository.ts';

/** Rows per batch: a few statements per batch keep a large import fast (and far below 65535 parameters). */
export const IMPORT_BATCH_ROWS = 500;
/** Errors kept for the summary; every error still reaches `onError`. */
export const MAX_ERRORS_KEPT = 1000;
const MAX_SKIPPED_LINES_KEPT = 200;
const PROGRESS_EVERY = 1000;

export const courseImporters = ['manager', 'admin'] as const;

export interface CourseImportOptions {
  dryRun: boolean;
  /** The organisation the courses are registered under; absent: each row's hub organisation. */
  organisationId?: string | undefined;
  /** For the audit log and the result page. */
  fileName?: string | undefined;
  onProgress?: ((rowsRead: number) => void) | undefined;
  onError?: ((error: CourseCsvError) => void) | undefined;
}

export interface CourseImportSummary {
  dryRun: boolean;
  fileName: string | null;
  organisation: { id: string; name: string } | null;
  /** Data rows read (the header not counted). */
  rows: number;
  invalidRows: number;
  errorCount: number;
  /** The first MAX_ERRORS_KEPT errors, in line order. */
  errors: CourseCsvError[];
  /** Valid rows of hubs other than the organisation's, left out. */
  skipped: { count: number; lines: number[]; hubs: string[] };
  courses: { created: number; updated: number; unchanged: number };
  companiesCreated: number;
}

/** A real run found invalid rows: nothing is imported (the caller's transaction rolls back). */
export class CourseImportRejected extends AppError {
  constructor(readonly summary: CourseImportSummary) {
    const rows = summary.invalidRows === 1 ? '1 ugyldig række' : `${summary.invalidRows} ugyldige rækker`;
    super('validation', `Filen har ${rows} (${summary.errorCount} fejl). Intet er importeret – ret fejlene, og prøv igen.`, {
      en: `The file has ${summary.invalidRows} invalid rows (${summary.errorCount} errors). Nothing was imported.`,
    });
  }
}

export async function importCourses(db: Executor, actor: Actor, lines: AsyncIterable<string>, options: CourseImportOptions): Promise<CourseImportSummary> {
  requireRole(actor, ...courseImporters);
  const reference = await loadImportReference(db);
  const target = await resolveOrganisation(db, actor, options.organisationId);
  const homeOfHub = target ? null : await hubOrganisationChooser(db);
  const hubIdByName = new Map(reference.hubs.map((hub) => [hub.name, hub.id]));
  const summary: CourseImportSummary = {
    dryRun: options.dryRun,
    fileName: options.fileName ?? null,
    organisation: target ? { id: target.id, name: target.name } : null,
    rows: 0,
    invalidRows: 0,
    errorCount: 0,
    errors: [],
    skipped: { count: 0, lines: [], hubs: [] },
    courses: { created: 0, updated: 0, unchanged: 0 },
    companiesCreated: 0,
  };
  const memory: ImportMemory = { companies: new Map(), preStartersByMunicipality: new Map(), municipalityRegions: reference.municipalityRegions };
  const report = (errors: CourseCsvError[]) => {
    if (errors.length === 0) return;
    summary.invalidRows++;
    for (const error of errors) {
      summary.errorCount++;
      if (summary.errors.length < MAX_ERRORS_KEPT) summary.errors.push(error);
      options.onError?.(error);
    }
  };
  let batch: BatchRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const outcome = await runBatch(db, actor, memory, batch, !options.dryRun && summary.errorCount === 0);
    for (const error of outcome.errors) report([error]);
    summary.courses.created += outcome.created;
    summary.courses.updated += outcome.updated;
    summary.courses.unchanged += outcome.unchanged;
    summary.companiesCreated += outcome.companiesCreated;
    batch = [];
  };

  const parserReference = { hubs: reference.hubs.map((hub) => hub.name), municipalityCodes: [...reference.municipalityRegions.keys()] };
  for await (const row of parseCoursesCsv(lines, parserReference)) {
    if (row.line > 1 || 'course' in row) {
      summary.rows++;
      if (summary.rows % PROGRESS_EVERY === 0) options.onProgress?.(summary.rows);
    }
    if ('errors' in row) {
      report(row.errors);
      continue;
    }
    const hubId = hubIdByName.get(row.course.hub)!;
    let organisation: ImportOrganisation;
    if (target) {
      if (target.hubId !== hubId) {
        skip(summary, row.line, row.course.hub);
        continue;
      }
      organisation = target;
    } else {
      const chosen = homeOfHub!(hubId, row.course.hub, row.line);
      if ('error' in chosen) {
        report([chosen.error]);
        continue;
      }
      organisation = chosen.organisation;
    }
    batch.push({ line: row.line, course: row.course, hubId, organisation });
    if (batch.length >= IMPORT_BATCH_ROWS) await flush();
  }
  await flush();
  options.onProgress?.(summary.rows);
  // Errors from the database checks come batch by batch; the user reads them in line order.
  summary.errors.sort((a, b) => a.line - b.line);
  if (options.dryRun) return summary;
  if (summary.errorCount > 0) throw new CourseImportRejected(summary);
  await recordAudit(db, actor, {
    action: 'create',
    entityType: 'courseImport',
    entityId: randomUUID(),
    after: { fileName: summary.fileName, organisation: summary.organisation, rows: summary.rows, courses: summary.courses, companiesCreated: summary.companiesCreated, skipped: summary.skipped.count },
  });
  return summary;
}

function skip(summary: CourseImportSummary, line: number, hub: string): void {
  summary.skipped.count++;
  if (summary.skipped.lines.length < MAX_SKIPPED_LINES_KEPT) summary.skipped.lines.push(line);
  if (!summary.skipped.hubs.includes(hub)) summary.skipped.hubs.push(hub);
}

/**
 * The organisation courses are registered under. A user registers under their own organisation; an
 * admin may name another in their region. It must be a hub or a local office (those guide companies).
 */
async function resolveOrganisation(db: Executor, actor: Actor, organisationId: string | undefined): Promise<ImportOrganisation | null> {
  const id = organisationId ?? (actor.kind === 'user' ? actor.organisationId : undefined);
  if (id === undefined) return null;
  if (actor.kind === 'user' && id !== actor.organisationId) requireRole(actor, 'admin');
  const organisation = isUuid(id) ? await findImportOrganisation(db, id) : undefined;
  if (!organisation || !organisation.active) throw notFound('Organisationen', 'The organisation was not found.');
  if (actor.kind === 'user' && organisation.regionCode !== actor.regionCode) throw forbidden('organisation outside the actor’s region');
  if (organisation.kind !== 'hub' && organisation.kind !== 'localOffice') {
    throw new AppError('validation', `${organisation.name} er hverken et erhvervshus eller et lokalt erhvervskontor – forløb registreres under en af dem.`, {
      en: `${organisation.name} is neither a business hub nor a local business office; courses are registered under one of those.`,
    });
  }
  if (organisation.hubId === null) {
    throw new AppError('validation', `${organisation.name} er ikke knyttet til et erhvervshus.`, { en: `${organisation.name} is not linked to a business hub.` });
  }
  return organisation;
}

type HubChoice = { organisation: ImportOrganisation } | { error: CourseCsvError };

/** Without a named organisation: the hub's own organisation, the one named as the hub ("Erhvervshus Fyn"). */
async function hubOrganisationChooser(db: Executor): Promise<(hubId: string, hubName: string, line: number) => HubChoice> {
  const byHub = new Map<string, ImportOrganisation[]>();
  for (const organisation of await findHubOrganisations(db)) byHub.set(organisation.hubId ?? '', [...(byHub.get(organisation.hubId ?? '') ?? []), organisation]);
  return (hubId, hubName, line) => {
    const candidates = byHub.get(hubId) ?? [];
    const organisation = candidates.length === 1 ? candidates[0] : candidates.find((o) => o.name.toLocaleLowerCase('da-DK') === hubName.toLocaleLowerCase('da-DK'));
    if (organisation) return { organisation };
    const reason =
      candidates.length === 0
        ? `der er ingen organisation for ${hubName} i Knudepunkt – opret den, eller angiv organisationen med --organisation.`
        : `der er flere organisationer for ${hubName} (${candidates.map((o) => o.name).join(', ')}) – angiv hvilken med --organisation.`;
    return { error: { line, column: 'hub', value: hubName, message: `Linje ${line}, kolonne "hub": ${reason}` } };
  };
}

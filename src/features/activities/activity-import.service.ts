// The activities import (02-crm.md, "Imports"; format in docs/formats.md, "Aktiviteter (CSV)"): a
// migration from an existing CRM. The file streams line by line; every row is checked against the
// database (organisation, adviser, companies, an earlier import of the same activity_id). The import is
// one transaction: a file with any invalid row, and every dry run, is rolled back, so a dry run reports
// exactly what a real run would and imports nothing. Re-importing the same file changes nothing
// (activities are keyed on activity_id; unchanged ones are neither written nor audited).
import { allOrNothing } from '../../db/all-or-nothing.ts';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { createActivitiesCsvParser, type ActivityCsvActivity, type ActivityCsvError } from '../../domain/activities/activities-csv.ts';
import { matchKey } from '../../domain/guidance/courses-csv.fields.ts';
import { importSheetRows } from '../../domain/guidance/csv-sheet.ts';
import { companyKey } from '../../domain/guidance/year-counting.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import { addCompanyRegions, findCompanyIdByCvr, insertCompany } from '../companies/companies.repository.ts';
import { findActivityBySourceId, findMunicipalityRegions, findPreStarterId, findRegisteringOrganisations, findUserIdInOrganisation, saveImportKey, setActivityAdviser } from './activity-import.repository.ts';
import { addActivityCompanies, findActivityCompanyIds, findOwnNote, insertActivity, removeActivityCompanies, saveOwnNote, updateActivityRow } from './activities.repository.ts';

export interface ActivityImportSummary {
  dryRun: boolean;
  /** True when the activities were saved (a real run of a file without errors). */
  imported: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  companiesCreated: number;
  /** Every invalid row, in line order, with line, column, value and reason. */
  errors: ActivityCsvError[];
}


/** Imports (or with `dryRun` only checks) a file's lines in one transaction of its own. */
export async function importActivities(
  db: Executor,
  actor: Actor,
  lines: AsyncIterable<string>,
  options: { dryRun?: boolean; onProgress?: (rows: number) => void } = {},
): Promise<ActivityImportSummary> {
  requireRole(actor, 'admin');
  const dryRun = options.dryRun ?? false;
  return allOrNothing(db, (tx) => importActivityRows(tx, actor, lines, { dryRun, onProgress: options.onProgress }), (summary) => !dryRun && summary.errors.length === 0);
}

interface ImportContext {
  municipalities: Map<string, number>;
  organisations: Map<string, { id: string; name: string; regionCode: number | null }>;
  advisers: Map<string, string | null>;
}

async function loadContext(db: Executor): Promise<ImportContext> {
  const organisations = await findRegisteringOrganisations(db);
  return {
    municipalities: await findMunicipalityRegions(db),
    organisations: new Map(organisations.map((o) => [matchKey(o.name), { id: o.id, name: o.name, regionCode: o.region_code }])),
    advisers: new Map(),
  };
}

/** The rows of one file, inside the caller's transaction; invalid rows are reported, valid ones written. */
export async function importActivityRows(
  db: Executor,
  actor: Actor,
  lines: AsyncIterable<string>,
  options: { dryRun: boolean; onProgress?: ((rows: number) => void) | undefined },
): Promise<ActivityImportSummary> {
  const context = await loadContext(db);
  const parser = createActivitiesCsvParser(new Set(context.municipalities.keys()));
  const summary: ActivityImportSummary = { dryRun: options.dryRun, imported: false, rows: 0, created: 0, updated: 0, unchanged: 0, companiesCreated: 0, errors: [] };
  await importSheetRows(parser, lines, summary, (row) => importActivity(db, actor, context, row.line, row.activity), options.onProgress);
  return summary;
}

/** A company of the row: found, or to be created; a pre-starter keeps its import key (decision 006). */
type CompanyPlan = ({ id: string } | { create: { name: string; cvr: string | null; municipalityCode: string | null } }) & { importKey?: string };

async function importActivity(
  db: Executor,
  actor: Actor,
  context: ImportContext,
  line: number,
  activity: ActivityCsvActivity,
): Promise<ActivityCsvError[] | { result: 'created' | 'updated' | 'unchanged'; companiesCreated: number }> {
  const errors: ActivityCsvError[] = [];
  const fail = (column: string, value: string, fragment: string) => errors.push({ line, column, value, message: `Linje ${line}, kolonne "${column}": ${fragment}` });

  const organisation = context.organisations.get(matchKey(activity.organisation));
  if (!organisation) fail('organisation', activity.organisation, `"${activity.organisation}" er ikke et erhvervshus eller lokalt erhvervskontor i Knudepunkt.`);
  let adviserUserId: string | null = null;
  if (organisation && activity.adviserEmail) {
    const key = `${organisation.id} ${activity.adviserEmail}`;
    if (!context.advisers.has(key)) {
      context.advisers.set(key, await findUserIdInOrganisation(db, organisation.id, activity.adviserEmail));
    }
    adviserUserId = context.advisers.get(key) ?? null;
    if (!adviserUserId) fail('adviser_email', activity.adviserEmail, `"${activity.adviserEmail}" er ikke en bruger i ${organisation.name}.`);
  }

  const plans: CompanyPlan[] = [];
  for (const cvr of activity.cvrs) {
    const found = await findCompanyIdByCvr(db, cvr);
    if (found) plans.push({ id: found.id });
    else if (activity.cvrs.length === 1 && activity.companyName) plans.push({ create: { name: activity.companyName, cvr, municipalityCode: activity.municipalityCode } });
    else fail('cvr', cvr, `CVR-nummeret ${cvr} findes ikke i Knudepunkt – importér virksomheden fra CVR-registret først, eller angiv company_name (kun ved ét CVR-nummer).`);
  }
  if (activity.cvrs.length === 0 && activity.companyName) {
    // A pre-starter: its name (trimmed, case-insensitive, inner spaces collapsed) and municipality (02-crm.md).
    const importKey = companyKey({ cvr: null, companyName: activity.companyName, municipalityCode: activity.municipalityCode ?? '' });
    const found = await findPreStarterId(db, importKey, activity.companyName, activity.municipalityCode ?? '');
    plans.push(found ? { id: found, importKey } : { create: { name: activity.companyName, cvr: null, municipalityCode: activity.municipalityCode }, importKey });
  }

  const existing = await findActivityBySourceId(db, activity.activityId);
  if (existing && organisation && existing.organisation_id !== organisation.id) {
    fail('activity_id', activity.activityId, `"${activity.activityId}" er allerede importeret for ${existing.organisation_name}; en aktivitet ændres kun af den organisation, der registrerede den.`);
  }
  if (errors.length > 0 || !organisation) return errors;

  let companiesCreated = 0;
  const companyIds: string[] = [];
  for (const plan of plans) {
    let id: string;
    if ('id' in plan) id = plan.id;
    else {
      const { name, cvr, municipalityCode } = plan.create;
      id = await insertCompany(db, { name, cvr, municipality_code: municipalityCode, source: 'import' });
      await addCompanyRegions(db, id, [municipalityCode ? context.municipalities.get(municipalityCode) : null]);
      await recordAudit(db, actor, { action: 'create', entityType: 'company', entityId: id, after: { name, cvr, municipalityCode, source: 'import' } });
      companiesCreated++;
    }
    if (plan.importKey) await saveImportKey(db, plan.importKey, id);
    companyIds.push(id);
  }
  const sortedIds = [...new Set(companyIds)].sort();
  // The registering organisation's region works with every company of the activity (decision 005).
  for (const id of sortedIds) await addCompanyRegions(db, id, [organisation.regionCode]);

  const values = { kind: activity.kind, activityDate: activity.date, title: activity.title, participantCount: activity.participants };
  const snapshot = { ...values, organisationId: organisation.id, adviserUserId, companyIds: sortedIds, note: activity.note?.visibility ?? null, sourceId: activity.activityId };
  if (!existing) {
    const id = await insertActivity(db, { ...values, organisationId: organisation.id, adviserUserId, sourceId: activity.activityId });
    await addActivityCompanies(db, id, sortedIds);
    await saveOwnNote(db, id, organisation.id, adviserUserId, activity.note);
    await recordAudit(db, actor, { action: 'create', entityType: 'activity', entityId: id, after: snapshot });
    return { result: 'created', companiesCreated };
  }

  const note = await findOwnNote(db, existing.id, organisation.id);
  const before = {
    kind: existing.kind,
    activityDate: existing.activity_date,
    title: existing.title,
    participantCount: existing.participant_count,
    organisationId: existing.organisation_id,
    adviserUserId: existing.adviser_user_id,
    companyIds: await findActivityCompanyIds(db, existing.id),
    note: note?.visibility ?? null,
    sourceId: existing.source_id,
  };
  const sameNote = (note?.body ?? null) === (activity.note?.body ?? null) && (note?.visibility ?? null) === (activity.note?.visibility ?? null);
  if (sameNote && JSON.stringify(before) === JSON.stringify(snapshot)) return { result: 'unchanged', companiesCreated };
  await updateActivityRow(db, existing.id, values);
  await setActivityAdviser(db, existing.id, adviserUserId);
  await removeActivityCompanies(db, existing.id, sortedIds);
  await addActivityCompanies(db, existing.id, sortedIds);
  await saveOwnNote(db, existing.id, organisation.id, adviserUserId, activity.note);
  await recordAudit(db, actor, { action: 'update', entityType: 'activity', entityId: existing.id, before, after: snapshot });
  return { result: 'updated', companiesCreated };
}

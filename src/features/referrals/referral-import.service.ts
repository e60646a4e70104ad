// The referrals import (02-crm.md "Imports"; format in docs/formats.md, "Henvisninger (CSV)"): referrals
// migrated from an earlier system, for admins. The file streams line by line; every row is checked
// against the database (the organisations by name, the company by CVR or as a pre-starter, an earlier
// import of the same referral_id). One transaction: a file with any invalid row, and every dry run, is
// rolled back, so a dry run reports exactly what a real run would and imports nothing. Importing the
// same file again changes nothing (keyed on referral_id = referrals.source_id; unchanged referrals are
// neither written nor audited). Imported referrals keep their historical times, get a history rebuilt
// from those times, and notify no one (they are written here, not through createReferral).
import { allOrNothing } from '../../db/all-or-nothing.ts';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { matchKey } from '../../domain/guidance/courses-csv.fields.ts';
import { importSheetRows } from '../../domain/guidance/csv-sheet.ts';
import { companyKey } from '../../domain/guidance/year-counting.ts';
import { createReferralsCsvParser, type ReferralCsvError, type ReferralCsvReferral } from '../../domain/referrals/referrals-csv.ts';
import type { ReferralState } from '../../domain/referrals/referral-states.ts';
import { findMunicipalityRegions, findPreStarterId, saveImportKey } from '../activities/activity-import.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import { addCompanyRegions, findCompanyIdByCvr, insertCompany } from '../companies/companies.repository.ts';
import { findImportOrganisations, findReferralBySourceId, insertImportedReferral, replaceReferralEvents, updateImportedReferral, type ImportedReferralValues } from './referral-import.repository.ts';

export interface ReferralImportSummary {
  dryRun: boolean;
  /** True when the referrals were saved (a real run of a file without errors). */
  imported: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  companiesCreated: number;
  /** Every invalid row, in line order, with line, column, value and reason. */
  errors: ReferralCsvError[];
}

/** Only admins import (they migrate for the whole platform). */
export const referralImporters = ['admin'] as const;


/** Imports (or with `dryRun` only checks) a file's lines in one transaction of its own. */
export async function importReferrals(db: Executor, actor: Actor, lines: AsyncIterable<string>, options: { dryRun?: boolean; onProgress?: (rows: number) => void } = {}): Promise<ReferralImportSummary> {
  requireRole(actor, ...referralImporters);
  const dryRun = options.dryRun ?? false;
  return allOrNothing(db, (tx) => importReferralRows(tx, actor, lines, { dryRun, onProgress: options.onProgress }), (summary) => !dryRun && summary.errors.length === 0);
}

type Organisation = Awaited<ReturnType<typeof findImportOrganisations>>[number];

interface ImportContext {
  municipalities: Map<string, number>;
  organisations: Map<string, Organisation>;
}

async function importReferralRows(db: Executor, actor: Actor, lines: AsyncIterable<string>, options: { dryRun: boolean; onProgress?: ((rows: number) => void) | undefined }): Promise<ReferralImportSummary> {
  const context: ImportContext = {
    municipalities: await findMunicipalityRegions(db),
    organisations: new Map((await findImportOrganisations(db)).map((o) => [matchKey(o.name), o])),
  };
  const parser = createReferralsCsvParser(new Set(context.municipalities.keys()));
  const summary: ReferralImportSummary = { dryRun: options.dryRun, imported: false, rows: 0, created: 0, updated: 0, unchanged: 0, companiesCreated: 0, errors: [] };
  await importSheetRows(parser, lines, summary, (row) => importReferral(db, actor, context, row.line, row.referral), options.onProgress);
  return summary;
}

/** The history an imported referral gets: one event per time the file gives. */
function eventsOf(r: ReferralCsvReferral, from: Organisation, to: Organisation) {
  const events: { fromState: ReferralState | null; toState: ReferralState; at: Date; byName: string; note: string | null }[] = [];
  let state: ReferralState | null = null;
  const add = (toState: ReferralState, at: Date, by: Organisation, note: string | null = null) => {
    events.push({ fromState: state, toState, at, byName: `${by.name} (import)`, note });
    state = toState;
  };
  add('sent', r.createdAt, from);
  if (r.receivedAt) add('received', r.receivedAt, to);
  if (r.contactedAt) add('contacted', r.contactedAt, to);
  if (r.state === 'inProgress') add('inProgress', r.contactedAt ?? r.createdAt, to);
  if (r.closedAt && (r.state === 'closed' || r.state === 'rejected')) add(r.state, r.closedAt, to, r.rejectionReason);
  if (r.closedAt && r.state === 'withdrawn') add('withdrawn', r.closedAt, from);
  return events;
}

async function importReferral(db: Executor, actor: Actor, context: ImportContext, line: number, r: ReferralCsvReferral): Promise<ReferralCsvError[] | { result: 'created' | 'updated' | 'unchanged'; companiesCreated: number }> {
  const errors: ReferralCsvError[] = [];
  const fail = (column: string, value: string, fragment: string) => errors.push({ line, column, value, message: `Linje ${line}, kolonne "${column}": ${fragment}` });

  const from = context.organisations.get(matchKey(r.fromOrganisation));
  if (!from) fail('from_organisation', r.fromOrganisation, `"${r.fromOrganisation}" er ikke en organisation i Knudepunkt.`);
  else if (from.kind !== 'hub' && from.kind !== 'localOffice') fail('from_organisation', r.fromOrganisation, `${from.name} er ikke et erhvervshus eller lokalt erhvervskontor – kun de henviser virksomheder.`);
  const to = context.organisations.get(matchKey(r.toOrganisation));
  if (!to) fail('to_organisation', r.toOrganisation, `"${r.toOrganisation}" er ikke en organisation i Knudepunkt – opret den først (Administration → Organisationer).`);

  let companyId: string | null = null;
  let create: { name: string; cvr: string | null; municipalityCode: string | null } | null = null;
  let importKey: string | null = null;
  if (r.cvr) {
    const found = await findCompanyIdByCvr(db, r.cvr);
    if (found) companyId = found.id;
    else if (r.companyName) create = { name: r.companyName, cvr: r.cvr, municipalityCode: r.municipalityCode };
    else fail('cvr', r.cvr, `CVR-nummeret ${r.cvr} findes ikke i Knudepunkt – importér virksomheden fra CVR-registret først, eller angiv company_name.`);
  } else if (r.companyName) {
    importKey = companyKey({ cvr: null, companyName: r.companyName, municipalityCode: r.municipalityCode ?? '' });
    companyId = await findPreStarterId(db, importKey, r.companyName, r.municipalityCode ?? '');
    if (!companyId) create = { name: r.companyName, cvr: null, municipalityCode: r.municipalityCode };
  }
  if (errors.length > 0 || !from || !to) return errors;

  let companiesCreated = 0;
  if (create) {
    companyId = await insertCompany(db, { name: create.name, cvr: create.cvr, municipality_code: create.municipalityCode, source: 'import' });
    await addCompanyRegions(db, companyId, [create.municipalityCode ? context.municipalities.get(create.municipalityCode) : null]);
    await recordAudit(db, actor, { action: 'create', entityType: 'company', entityId: companyId, after: { ...create, source: 'import' } });
    companiesCreated++;
  }
  if (importKey) await saveImportKey(db, importKey, companyId!);
  // The company is worked with in both organisations' regions (as createReferral, decision 005).
  await addCompanyRegions(db, companyId!, [from.region_code, to.region_code]);

  const values: ImportedReferralValues = {
    sourceId: r.referralId,
    kind: r.kind,
    fromOrganisationId: from.id,
    toOrganisationId: to.id,
    companyId: companyId!,
    regionCode: from.region_code,
    theme: r.theme,
    note: r.note,
    state: r.state,
    outcome: r.outcome,
    rejectionReason: r.rejectionReason,
    serviceGoalHours: r.serviceGoalHours ?? to.referral_service_goal_hours,
    createdAt: r.createdAt,
    receivedAt: r.receivedAt,
    contactedAt: r.contactedAt,
    closedAt: r.closedAt,
  };
  const snapshot = (v: ImportedReferralValues) => JSON.stringify({ ...v, createdAt: v.createdAt.toISOString(), receivedAt: v.receivedAt?.toISOString() ?? null, contactedAt: v.contactedAt?.toISOString() ?? null, closedAt: v.closedAt?.toISOString() ?? null });
  const existing = await findReferralBySourceId(db, r.referralId);
  if (!existing) {
    const id = await insertImportedReferral(db, values);
    await replaceReferralEvents(db, id, eventsOf(r, from, to));
    await recordAudit(db, actor, { action: 'create', entityType: 'referral', entityId: id, after: JSON.parse(snapshot(values)) });
    return { result: 'created', companiesCreated };
  }
  const before: ImportedReferralValues = {
    sourceId: existing.source_id!,
    kind: existing.kind,
    fromOrganisationId: existing.from_organisation_id,
    toOrganisationId: existing.to_organisation_id,
    companyId: existing.company_id,
    regionCode: existing.region_code,
    theme: existing.theme,
    note: existing.note,
    state: existing.state,
    outcome: existing.outcome,
    rejectionReason: existing.rejection_reason,
    serviceGoalHours: existing.service_goal_hours,
    createdAt: existing.created_at,
    receivedAt: existing.received_at,
    contactedAt: existing.contacted_at,
    closedAt: existing.closed_at,
  };
  // A receiver's default goal may have changed since: an existing referral keeps the goal it was sent with.
  if (r.serviceGoalHours === null) values.serviceGoalHours = before.serviceGoalHours;
  if (snapshot(before) === snapshot(values)) return { result: 'unchanged', companiesCreated };
  await updateImportedReferral(db, existing.id, values);
  await replaceReferralEvents(db, existing.id, eventsOf(r, from, to));
  await recordAudit(db, actor, { action: 'update', entityType: 'referral', entityId: existing.id, before: JSON.parse(snapshot(before)), after: JSON.parse(snapshot(values)) });
  return { result: 'updated', companiesCreated };
}

// Enrichment from the CVR register (02-crm.md): the register's documents create or update companies
// by CVR number. Re-importing updates and never duplicates; unchanged companies are not touched (and
// not audited); documents that cannot be used are reported with line and reason.
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import type { CvrCompany } from '../../domain/companies/company.types.ts';
import type { CvrDocumentRead } from '../../domain/companies/cvr-document.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import {
  addCompanyRegions,
  findCompanyRowByCvr,
  findProductionUnits,
  insertCompany,
  regionOfMunicipality,
  replaceProductionUnits,
  updateCompanyRow,
  type CompanyColumns,
} from './companies.repository.ts';

export interface CvrImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; cvr?: string | undefined; reason: string }[];
}

function registerColumns(company: CvrCompany, municipalityKnown: boolean): Omit<CompanyColumns, 'source' | 'cvr_synced_at'> {
  return {
    cvr: company.cvr,
    name: company.name,
    municipality_code: municipalityKnown ? company.municipalityCode : null,
    street: company.address.street,
    postcode: company.address.postcode,
    city: company.address.city,
    industry_code: company.industryCode,
    industry_text: company.industryText,
    legal_form: company.legalForm,
    employees_band: company.employeesBand,
    employees_year: company.employeesYear,
    start_date: company.startDate,
    status: company.status,
    status_text: company.statusText,
    advertising_protected: company.advertisingProtected,
  };
}

const sameUnits = (a: { p_number: string; active: boolean }[], b: { pNumber: string; active: boolean }[]) =>
  a.length === b.length && [...b].sort((x, y) => x.pNumber.localeCompare(y.pNumber)).every((unit, i) => a[i]?.p_number === unit.pNumber && a[i]?.active === unit.active);

/** Imports one company; returns what happened to it. */
export async function importCvrCompany(db: Executor, actor: Actor, company: CvrCompany, now: Date): Promise<'created' | 'updated' | 'unchanged'> {
  const region = await regionOfMunicipality(db, company.municipalityCode);
  const values = registerColumns(company, region !== undefined);
  const existing = await findCompanyRowByCvr(db, company.cvr);
  if (!existing) {
    const id = await insertCompany(db, { ...values, source: 'cvr', cvr_synced_at: now });
    await replaceProductionUnits(db, id, company.pUnits);
    await addCompanyRegions(db, id, [region]);
    await recordAudit(db, actor, { action: 'create', entityType: 'company', entityId: id, after: { ...values, pUnits: company.pUnits } });
    return 'created';
  }
  const changed = (Object.keys(values) as (keyof typeof values)[]).filter((key) => String(existing[key] ?? '') !== String(values[key] ?? ''));
  const units = await findProductionUnits(db, existing.id);
  const unitsChanged = !sameUnits(units, company.pUnits);
  if (changed.length === 0 && !unitsChanged) return 'unchanged';
  await updateCompanyRow(db, existing.id, { ...values, cvr_synced_at: now });
  if (unitsChanged) await replaceProductionUnits(db, existing.id, company.pUnits);
  await addCompanyRegions(db, existing.id, [region]);
  await recordAudit(db, actor, {
    action: 'update',
    entityType: 'company',
    entityId: existing.id,
    before: Object.fromEntries(changed.map((key) => [key, existing[key]])),
    after: Object.fromEntries(changed.map((key) => [key, values[key]])),
  });
  return 'updated';
}

/** Imports a stream of read documents; the caller holds the transaction (all or nothing). */
export async function importCvrDocuments(
  db: Executor,
  actor: Actor,
  documents: AsyncIterable<CvrDocumentRead>,
  options: { now: Date; onProgress?: (done: number) => void },
): Promise<CvrImportSummary> {
  requireRole(actor, 'admin');
  const summary: CvrImportSummary = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  let done = 0;
  for await (const read of documents) {
    if ('rejection' in read) summary.rejected.push({ line: read.line, cvr: read.rejection.cvr, reason: read.rejection.reason });
    else summary[await importCvrCompany(db, actor, read.company, options.now)]++;
    if (++done % 1000 === 0) options.onProgress?.(done);
  }
  options.onProgress?.(done);
  return summary;
}

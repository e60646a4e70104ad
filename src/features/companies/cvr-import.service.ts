// Enrichment from the CVR register (02-crm.md): the register's documents create or update companies
// by CVR number. Re-importing updates and never duplicates; unchanged companies are not touched (and
// not audited); documents that cannot be used are reported with line and reason.
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import type { CvrCompany } from '../../domain/companies/company.types.ts';
import type { CvrDocumentRead } from '../../domain/companies/cvr-document.ts';
import { recordAuditBatch, type AuditChange } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import {
  addRegionsOfCompanies,
  findCompanyRowsByCvr,
  findProductionUnitsOfCompanies,
  insertCompanies,
  insertProductionUnits,
  municipalityRegions,
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

/** Documents are written this many at a time: one statement per table and batch, not per company. */
export const CVR_BATCH_SIZE = 500;

/**
 * One batch of companies with distinct CVR numbers: the known ones read in one query, the new ones
 * inserted together (with their production units, regions and audit entries), the changed ones
 * updated; unchanged companies are not touched and not audited.
 */
async function importCvrBatch(db: Executor, actor: Actor, companies: CvrCompany[], regions: ReadonlyMap<string, number>, now: Date, summary: CvrImportSummary): Promise<void> {
  const existing = new Map((await findCompanyRowsByCvr(db, companies.map((c) => c.cvr))).map((row) => [row.cvr, row]));
  const unitsOf = await findProductionUnitsOfCompanies(db, [...existing.values()].map((row) => row.id));
  const regionOf = (company: CvrCompany) => (company.municipalityCode === null ? null : regions.get(company.municipalityCode));
  const valuesOf = (company: CvrCompany) => registerColumns(company, company.municipalityCode === null || regions.has(company.municipalityCode));
  const audits: AuditChange[] = [];
  const companyRegions: { companyId: string; regionCode: number | null | undefined }[] = [];

  const created = companies.filter((c) => !existing.has(c.cvr));
  const ids = await insertCompanies(db, created.map((company) => ({ ...valuesOf(company), source: 'cvr' as const, cvr_synced_at: now })));
  await insertProductionUnits(db, created.flatMap((company) => company.pUnits.map((unit) => ({ companyId: ids.get(company.cvr)!, ...unit }))));
  for (const company of created) {
    const id = ids.get(company.cvr)!;
    companyRegions.push({ companyId: id, regionCode: regionOf(company) });
    audits.push({ action: 'create', entityType: 'company', entityId: id, after: { ...valuesOf(company), pUnits: company.pUnits } });
  }
  summary.created += created.length;

  for (const company of companies) {
    const row = existing.get(company.cvr);
    if (!row) continue;
    const values = valuesOf(company);
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((key) => String(row[key] ?? '') !== String(values[key] ?? ''));
    const unitsChanged = !sameUnits(unitsOf.get(row.id) ?? [], company.pUnits);
    if (changed.length === 0 && !unitsChanged) {
      summary.unchanged++;
      continue;
    }
    await updateCompanyRow(db, row.id, { ...values, cvr_synced_at: now });
    if (unitsChanged) await replaceProductionUnits(db, row.id, company.pUnits);
    companyRegions.push({ companyId: row.id, regionCode: regionOf(company) });
    audits.push({
      action: 'update',
      entityType: 'company',
      entityId: row.id,
      before: Object.fromEntries(changed.map((key) => [key, row[key]])),
      after: Object.fromEntries(changed.map((key) => [key, values[key]])),
    });
    summary.updated++;
  }
  await addRegionsOfCompanies(db, companyRegions);
  await recordAuditBatch(db, actor, audits);
}

/** Imports a stream of read documents; the caller holds the transaction (all or nothing). */
export async function importCvrDocuments(
  db: Executor,
  actor: Actor,
  documents: AsyncIterable<CvrDocumentRead>,
  options: { now: Date; onProgress?: (done: number) => void; batchSize?: number },
): Promise<CvrImportSummary> {
  requireRole(actor, 'admin');
  const summary: CvrImportSummary = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  const regions = await municipalityRegions(db);
  const batchSize = options.batchSize ?? CVR_BATCH_SIZE;
  // A CVR number seen twice in one batch: the batch is written first, so the later document updates
  // the company the earlier one created — as one document at a time would.
  let batch = new Map<string, CvrCompany>();
  const flush = async () => {
    if (batch.size > 0) await importCvrBatch(db, actor, [...batch.values()], regions, options.now, summary);
    batch = new Map();
  };
  let done = 0;
  for await (const read of documents) {
    if ('rejection' in read) summary.rejected.push({ line: read.line, cvr: read.rejection.cvr, reason: read.rejection.reason });
    else {
      if (batch.has(read.company.cvr)) await flush();
      batch.set(read.company.cvr, read.company);
      if (batch.size >= batchSize) await flush();
    }
    if (++done % 1000 === 0) options.onProgress?.(done);
  }
  await flush();
  options.onProgress?.(done);
  return summary;
}

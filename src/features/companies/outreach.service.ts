// Outreach lists ("lister til opsøgende arbejde"): the companies of a search as a spreadsheet for
// calls and mailings. 02-crm.md: companies flagged `reklamebeskyttet` have asked not to be contacted
// for marketing, so they are never on such a list; the list says how many were left out.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { validationFailed } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import { fieldErrors } from '../validation.ts';
import { countAdvertisingProtectedMatches, outreachCompanyBatches } from './companies.repository.ts';
import { companySearchQuery, type Company } from './companies.schema.ts';
import { companyScope } from './companies.service.ts';

export const outreachListMakers = ['adviser', 'manager', 'admin'] as const;

export interface OutreachList {
  /** Matching companies that are advertising-protected, and so not on the list. */
  leftOut: number;
  batches: AsyncGenerator<Company[]>;
}

export async function outreachList(db: Executor, actor: Actor, rawQuery: unknown): Promise<OutreachList> {
  requireRole(actor, ...outreachListMakers);
  const parsed = companySearchQuery.safeParse(rawQuery);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const query = parsed.data;
  const scope = companyScope(actor);
  const leftOut = await countAdvertisingProtectedMatches(db, scope, query);
  const { side: _page, ...filters } = query;
  await recordAudit(db, actor, { action: 'create', entityType: 'outreachList', entityId: randomUUID(), after: { filters, leftOutAdvertisingProtected: leftOut } });
  return { leftOut, batches: outreachCompanyBatches(db, scope, query) };
}

export const outreachCsvHeader = ['CVR-nummer', 'Navn', 'Adresse', 'Postnummer', 'By', 'Kommune', 'Branchekode', 'Branche', 'Ansatte', 'Status'];

export function outreachCsvRow(company: Company): string[] {
  return [
    company.cvr ?? '',
    company.name,
    company.street ?? '',
    company.postcode ?? '',
    company.city ?? '',
    company.municipalityName ?? '',
    company.industryCode ?? '',
    company.industryText ?? '',
    company.employeesBand ?? '',
    company.status === 'active' ? 'Aktiv' : 'Ophørt',
  ];
}

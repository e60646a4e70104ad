// Companies: the shared register of the region's business promotion (02-crm.md, "Companies").
// Everyone signed in reads the companies of their region; advisers, managers and admins register and
// correct them. Register data (companies with a CVR number) is public and can be opened from anywhere.
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { AppError, notFound, validationFailed } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import { fieldErrors } from '../validation.ts';
import {
  addCompanyRegions,
  findCompany,
  findCompanyIdByCvr,
  findProductionUnits,
  insertCompany,
  regionOfMunicipality,
  searchCompanyRows,
  updateCompanyRow,
  type CompanyScope,
} from './companies.repository.ts';
import { companyInput, companySearchQuery, type Company, type CompanyInput } from './companies.schema.ts';

export const COMPANY_PAGE_SIZE = 25;

export function companyScope(actor: Actor): CompanyScope {
  return actor.kind === 'system' ? 'all' : { regionCode: actor.regionCode };
}

const readers = ['adviser', 'manager', 'kkr', 'admin', 'viewer'] as const;
const editors = ['adviser', 'manager', 'admin'] as const;

export async function searchCompanies(db: Executor, actor: Actor, rawQuery: unknown) {
  requireRole(actor, ...readers);
  const parsed = companySearchQuery.safeParse(rawQuery);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const query = parsed.data;
  const result = await searchCompanyRows(db, companyScope(actor), query, { limit: COMPANY_PAGE_SIZE, offset: (query.side - 1) * COMPANY_PAGE_SIZE });
  return { ...result, query, page: query.side, pageSize: COMPANY_PAGE_SIZE };
}

export async function getCompany(db: Executor, actor: Actor, id: string) {
  requireRole(actor, ...readers);
  const found = await findCompany(db, companyScope(actor), id);
  if (!found) throw notFound('Virksomheden', 'The company was not found.');
  return { ...found, productionUnits: await findProductionUnits(db, id) };
}

function parseInput(input: unknown): CompanyInput {
  const parsed = companyInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  return parsed.data;
}

async function assertCvrFree(db: Executor, cvr: string | null | undefined, exceptId?: string): Promise<void> {
  if (!cvr) return;
  const existing = await findCompanyIdByCvr(db, cvr);
  if (existing && existing.id !== exceptId) {
    throw new AppError('conflict', `CVR-nummeret ${cvr} er allerede registreret (${existing.name}).`, {
      en: `The CVR number ${cvr} is already registered (${existing.name}).`,
      fields: [{ field: 'cvr', message: `CVR-nummeret er allerede registreret: ${existing.name}. Søg den frem i stedet.` }],
    });
  }
}

async function municipalityRegion(db: Executor, code: string | null | undefined): Promise<number | null> {
  const region = await regionOfMunicipality(db, code ?? null);
  if (region === undefined) throw validationFailed([{ field: 'municipalityCode', message: `Kommunekoden "${code}" findes ikke.` }]);
  return region;
}

function columns(input: CompanyInput) {
  return {
    name: input.name,
    cvr: input.cvr ?? null,
    municipality_code: input.municipalityCode ?? null,
    street: input.street ?? null,
    postcode: input.postcode ?? null,
    city: input.city ?? null,
    industry_code: input.industryCode ?? null,
    industry_text: input.industryText ?? null,
    employees_band: input.employeesBand ?? null,
    advertising_protected: input.advertisingProtected,
  };
}

export async function createCompany(db: Executor, actor: Actor, input: unknown, options: { isDemo?: boolean } = {}): Promise<Company> {
  requireRole(actor, ...editors);
  const value = parseInput(input);
  await assertCvrFree(db, value.cvr);
  const region = await municipalityRegion(db, value.municipalityCode);
  const id = await insertCompany(db, { ...columns(value), source: 'manual' }, options.isDemo ?? false);
  // The company is shared in its municipality's region and in the region of whoever registered it.
  await addCompanyRegions(db, id, [region, actor.kind === 'user' ? actor.regionCode : null]);
  const { company } = (await findCompany(db, 'all', id))!;
  await recordAudit(db, actor, { action: 'create', entityType: 'company', entityId: id, after: company });
  return company;
}

export async function updateCompany(db: Executor, actor: Actor, id: string, input: unknown): Promise<Company> {
  requireRole(actor, ...editors);
  const found = await findCompany(db, companyScope(actor), id);
  if (!found) throw notFound('Virksomheden', 'The company was not found.');
  if (!found.inScope) throw new AppError('forbidden', 'Virksomheden hører til en anden region; den kan kun ses her.', { en: 'The company belongs to another region; it can only be viewed here.' });
  const value = parseInput(input);
  await assertCvrFree(db, value.cvr, id);
  const region = await municipalityRegion(db, value.municipalityCode);
  await updateCompanyRow(db, id, columns(value));
  await addCompanyRegions(db, id, [region]);
  const { company } = (await findCompany(db, 'all', id))!;
  await recordAudit(db, actor, { action: 'update', entityType: 'company', entityId: id, before: found.company, after: company });
  return company;
}

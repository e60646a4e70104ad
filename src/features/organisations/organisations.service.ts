// Organisations: the hubs, local business offices, KKR secretariats and external partners that use
// or appear in Knudepunkt. Everyone signed in may read the list; only admins change it.
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { AppError, notFound, validationFailed } from '../../domain/errors.ts';
import { requireRole } from '../authorization.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { fieldErrors } from '../validation.ts';
import {
  findOrganisation,
  findOrganisationByName,
  findOrganisations,
  findReferenceChoices,
  insertOrganisation,
  updateOrganisationRow,
} from './organisations.repository.ts';
import { organisationInput, type Organisation } from './organisations.schema.ts';

export async function listOrganisations(db: Executor, actor: Actor): Promise<Organisation[]> {
  requireRole(actor, 'adviser', 'manager', 'kkr', 'admin', 'viewer');
  return findOrganisations(db);
}

export async function getOrganisation(db: Executor, actor: Actor, id: string): Promise<Organisation> {
  requireRole(actor, 'adviser', 'manager', 'kkr', 'admin', 'viewer');
  const organisation = await findOrganisation(db, id);
  if (!organisation) throw notFound('Organisationen', 'The organisation was not found.');
  return organisation;
}

export const organisationChoices = findReferenceChoices;

async function assertNameFree(db: Executor, name: string, exceptId?: string): Promise<void> {
  const existing = await findOrganisationByName(db, name);
  if (existing && existing.id !== exceptId) {
    throw new AppError('conflict', `Der findes allerede en organisation med navnet "${name}".`, {
      en: `An organisation named "${name}" already exists.`,
      fields: [{ field: 'name', message: `Navnet "${name}" er allerede i brug.` }],
    });
  }
}

export async function createOrganisation(db: Executor, actor: Actor, input: unknown, options: { isDemo?: boolean } = {}): Promise<Organisation> {
  requireRole(actor, 'admin');
  const parsed = organisationInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  await assertNameFree(db, parsed.data.name);
  const organisation = await insertOrganisation(db, parsed.data, options.isDemo ?? false);
  await recordAudit(db, actor, { action: 'create', entityType: 'organisation', entityId: organisation.id, after: organisation });
  return organisation;
}

export async function updateOrganisation(db: Executor, actor: Actor, id: string, input: unknown, active = true): Promise<Organisation> {
  requireRole(actor, 'admin');
  const before = await getOrganisation(db, actor, id);
  const parsed = organisationInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  await assertNameFree(db, parsed.data.name, id);
  const after = await updateOrganisationRow(db, id, parsed.data, active);
  await recordAudit(db, actor, { action: 'update', entityType: 'organisation', entityId: id, before, after });
  return after;
}

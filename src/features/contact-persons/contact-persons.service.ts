// Contact persons are personal data (GDPR). They are shared with the company within the region. The
// audit log records that a person was added or erased, by whom and when, but never the personal
// values themselves — so that an erasure really removes the identity (the audit log is append-only).
import type { Executor } from '../../db/database.ts';
import type { Actor, UserActor } from '../../domain/actor.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError, notFound, validationFailed } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import { getCompany } from '../companies/companies.service.ts';
import { fieldErrors } from '../validation.ts';
import { eraseContactPersonRow, findContactPerson, findContactPersonsByEmail, findContactPersonsOfCompany, insertContactPerson } from './contact-persons.repository.ts';
import { contactPersonInput, type ContactPerson } from './contact-persons.schema.ts';

async function companyInScope(db: Executor, actor: Actor, companyId: string) {
  const { company, inScope } = await getCompany(db, actor, companyId);
  if (!inScope) throw new AppError('forbidden', 'Virksomheden hører til en anden region.', { en: 'The company belongs to another region.' });
  return company;
}

export async function listContactPersons(db: Executor, actor: Actor, companyId: string): Promise<ContactPerson[]> {
  requireRole(actor, 'adviser', 'manager', 'kkr', 'admin', 'viewer');
  const company = await companyInScope(db, actor, companyId);
  return findContactPersonsOfCompany(db, company.id);
}

export async function addContactPerson(db: Executor, actor: UserActor, companyId: string, input: unknown): Promise<string> {
  requireRole(actor, 'adviser', 'manager', 'admin');
  const company = await companyInScope(db, actor, companyId);
  const parsed = contactPersonInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const id = await insertContactPerson(db, { ...parsed.data, companyId: company.id, organisationId: actor.organisationId });
  const given = Object.entries(parsed.data).filter(([, value]) => value !== null && value !== undefined).map(([key]) => key);
  await recordAudit(db, actor, { action: 'create', entityType: 'contactPerson', entityId: id, after: { companyId: company.id, fieldsGiven: given } });
  return id;
}

async function personInScope(db: Executor, actor: Actor, id: string): Promise<ContactPerson> {
  const person = await findContactPerson(db, id);
  if (!person) throw notFound('Kontaktpersonen', 'The contact person was not found.');
  await companyInScope(db, actor, person.companyId);
  return person;
}

/**
 * GDPR art. 15: everything held on the person — this record and every other record with the same
 * e-mail address (very likely the same person), with the companies they belong to.
 */
export async function exportPersonData(db: Executor, actor: Actor, id: string, clock: Clock) {
  requireRole(actor, 'admin');
  const person = await personInScope(db, actor, id);
  const records = person.email ? await findContactPersonsByEmail(db, person.email) : [person];
  return {
    exportedAt: clock.now().toISOString(),
    exportedBy: actor.name,
    records: records.map((record) => ({
      id: record.id,
      company: record.companyName,
      name: record.name,
      title: record.title,
      email: record.email,
      phone: record.phone,
      registeredBy: record.organisationName,
      registeredAt: record.createdAt.toISOString(),
      erasedAt: record.erasedAt ? record.erasedAt.toISOString() : null,
    })),
  };
}

/** GDPR art. 17: removes the identity and keeps that a contact existed, so the history still adds up. */
export async function eraseContactPerson(db: Executor, actor: Actor, id: string, clock: Clock): Promise<void> {
  requireRole(actor, 'admin');
  const person = await personInScope(db, actor, id);
  if (person.erasedAt) throw new AppError('conflict', 'Kontaktpersonen er allerede slettet.', { en: 'The contact person has already been erased.' });
  await eraseContactPersonRow(db, id, clock.now());
  // The evaluation invitations sent to the person keep no address (an opt-out is kept: it is what
  // stops the platform from ever writing to that address again).
  await db.updateTable('evaluation_invitations').set({ email: '[slettet]' }).where('contact_person_id', '=', id).execute();
  await recordAudit(db, actor, { action: 'update', entityType: 'contactPerson', entityId: id, after: { companyId: person.companyId, erased: true } });
}

import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { isUuid } from '../validation.ts';
import type { ContactPerson, ContactPersonInput } from './contact-persons.schema.ts';

function personQuery(db: Executor) {
  return db
    .selectFrom('contact_persons as p')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.company_id', 'c.name as company_name', 'p.name', 'p.title', 'p.email', 'p.phone', 'o.name as organisation_name', 'p.erased_at', 'p.created_at']);
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof personQuery>['executeTakeFirstOrThrow']>>;

const toContactPerson = (row: PersonRow): ContactPerson => ({
  id: row.id,
  companyId: row.company_id,
  companyName: row.company_name,
  name: row.name,
  title: row.title,
  email: row.email,
  phone: row.phone,
  organisationName: row.organisation_name,
  erasedAt: row.erased_at,
  createdAt: row.created_at,
});

export async function findContactPersonsOfCompany(db: Executor, companyId: string): Promise<ContactPerson[]> {
  return (await personQuery(db).where('p.company_id', '=', companyId).orderBy('p.erased_at', 'desc').orderBy('p.name').execute()).map(toContactPerson);
}

export async function findContactPerson(db: Executor, id: string): Promise<ContactPerson | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await personQuery(db).where('p.id', '=', id).executeTakeFirst();
  return row && toContactPerson(row);
}

/** Other records that are very likely the same person: the same e-mail address. */
export async function findContactPersonsByEmail(db: Executor, email: string): Promise<ContactPerson[]> {
  return (await personQuery(db).where(sql<string>`lower(p.email)`, '=', email.toLowerCase()).orderBy('p.created_at').execute()).map(toContactPerson);
}

export async function insertContactPerson(db: Executor, values: ContactPersonInput & { companyId: string; organisationId: string }): Promise<string> {
  const row = await db
    .insertInto('contact_persons')
    .values({
      company_id: values.companyId,
      organisation_id: values.organisationId,
      name: values.name,
      title: values.title ?? null,
      email: values.email ?? null,
      phone: values.phone ?? null,
      erased_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Erasure: the identity goes, the record (and so the company's history) stays. */
export async function eraseContactPersonRow(db: Executor, id: string, now: Date): Promise<void> {
  await db.updateTable('contact_persons').set({ name: null, title: null, email: null, phone: null, erased_at: now, updated_at: now }).where('id', '=', id).execute();
}

// Contact persons as personal data: registered by advisers, exported and erased by admins, and the
// audit log never keeps the personal values (so erasure is complete).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserActor } from '../../domain/actor.ts';
import { ManualClock } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { createCompany } from '../companies/companies.service.ts';
import { findUserById } from '../users/users.repository.ts';
import { addContactPerson, eraseContactPerson, exportPersonData, listContactPersons } from './contact-persons.service.ts';

describe('contact persons', () => {
  let database: TestDatabase;
  let adviser: UserActor;
  let admin: UserActor;
  let otherRegion: UserActor;
  let companyA: string;
  let companyB: string;
  const clock = new ManualClock('2026-11-22T12:00:00Z');
  const actor = async (roles: ('adviser' | 'admin')[], hub = 'nordjylland') => {
    const org = await makeOrganisation(database.db, { kind: 'hub', businessHubId: hub });
    return actorFromUser((await findUserById(database.db, (await makeUser(database.db, { roles, organisationId: org.id })).id))!);
  };
  before(async () => {
    database = await createTestDatabase();
    adviser = await actor(['adviser']);
    admin = await actor(['admin']);
    otherRegion = await actor(['adviser'], 'fyn');
    companyA = (await createCompany(database.db, adviser, { name: 'Skagen Røgeri ApS', municipalityCode: '813' })).id;
    companyB = (await createCompany(database.db, adviser, { name: 'Frederikshavn Havneservice', municipalityCode: '813' })).id;
  });
  after(async () => database.drop());

  it('registers a contact person and names invalid fields in Danish', async () => {
    await addContactPerson(database.db, adviser, companyA, { name: 'Mette Holm', title: 'Direktør', email: 'Mette@Roegeri.dk', phone: '+45 98 44 12 34' });
    const persons = await listContactPersons(database.db, adviser, companyA);
    assert.equal(persons[0]?.email, 'mette@roegeri.dk');
    await assert.rejects(addContactPerson(database.db, adviser, companyA, { name: '', email: 'x', phone: '12' }), (error: AppError) => {
      const fields = Object.fromEntries(error.fields.map((f) => [f.field, f.message]));
      assert.equal(fields.name, 'Skriv kontaktpersonens navn.');
      assert.match(fields.email ?? '', /gyldig e-mailadresse/);
      assert.match(fields.phone ?? '', /telefonnummer/);
      return true;
    });
  });

  it('exports everything held on the person, across companies, for an admin only', async () => {
    await addContactPerson(database.db, adviser, companyB, { name: 'Mette Holm', email: 'mette@roegeri.dk' });
    const [person] = await listContactPersons(database.db, adviser, companyA);
    await assert.rejects(exportPersonData(database.db, adviser, person!.id, clock), (error: AppError) => error.code === 'forbidden');
    const data = await exportPersonData(database.db, admin, person!.id, clock);
    assert.deepEqual(data.records.map((r) => r.company).sort(), ['Frederikshavn Havneservice', 'Skagen Røgeri ApS']);
    assert.equal(data.exportedAt, '2026-11-22T12:00:00.000Z');
  });

  it('erases the identity, keeps the record, and leaves no personal values in the audit log', async () => {
    const [person] = await listContactPersons(database.db, adviser, companyA);
    await eraseContactPerson(database.db, admin, person!.id, clock);
    const [erased] = await listContactPersons(database.db, adviser, companyA);
    assert.equal(erased?.name, null);
    assert.equal(erased?.email, null);
    assert.ok(erased?.erasedAt);
    const audit = await database.db.selectFrom('audit_log').select(['before', 'after']).where('entity_type', '=', 'contactPerson').execute();
    assert.ok(audit.length >= 3);
    assert.ok(!JSON.stringify(audit).includes('Mette'), 'the name is nowhere in the audit log');
    assert.ok(!JSON.stringify(audit).includes('roegeri'), 'nor the e-mail');
    await assert.rejects(eraseContactPerson(database.db, admin, person!.id, clock), (error: AppError) => error.code === 'conflict');
  });

  it('keeps contact persons inside the region', async () => {
    await assert.rejects(listContactPersons(database.db, otherRegion, companyA), (error: AppError) => error.code === 'notFound');
  });
});

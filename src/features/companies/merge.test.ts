import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserActor } from '../../domain/actor.ts';
import { systemClock } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { createActivity, listActivitiesOfCompany } from '../activities/activities.service.ts';
import { addContactPerson, listContactPersons } from '../contact-persons/contact-persons.service.ts';
import { addNote, createCourse, listCoursesOfCompany } from '../courses/courses.service.ts';
import { createReferral, listReferralsOfCompany } from '../referrals/referrals.service.ts';
import { findUserById } from '../users/users.repository.ts';
import { createCompany, getCompany, searchCompanies } from './companies.service.ts';
import { mergeCompanies } from './merge.service.ts';

describe('merging duplicate companies', () => {
  let t: TestApp;
  let manager: UserActor;
  let adviser: UserActor;
  let managerEmail: string;
  before(async () => {
    t = await createTestApp();
    const org = await makeOrganisation(t.database.db, { kind: 'hub', businessHubId: 'nordjylland' });
    const managerUser = await makeUser(t.database.db, { roles: ['manager', 'adviser'], organisationId: org.id });
    managerEmail = managerUser.email;
    manager = actorFromUser((await findUserById(t.database.db, managerUser.id))!);
    adviser = actorFromUser((await findUserById(t.database.db, (await makeUser(t.database.db, { roles: ['adviser'], organisationId: org.id })).id))!);
  });
  after(async () => t.close());

  it('moves courses, referrals, notes and contact persons to the kept company, takes over the CVR number, and keeps the duplicate as a pointer', async () => {
    const preStarter = await createCompany(t.database.db, manager, { name: 'Nordisk Kaffe Kompagni', municipalityCode: '851' });
    const registered = await createCompany(t.database.db, manager, { name: 'Nordisk Kaffe Kompagni I/S', cvr: '25313763', municipalityCode: '851' });
    await createCourse(t.database.db, manager, registered.id, { category: 'short', themes: ['finance'], startDate: '2025-01-10' });
    await addNote(t.database.db, manager, { type: 'company', id: registered.id }, { body: 'Delt note', visibility: 'shared' });
    await addContactPerson(t.database.db, manager, registered.id, { name: 'Ole Bønne' });
    await createActivity(t.database.db, manager, { kind: 'visit', activityDate: '2025-02-01', title: 'Besøg', companyIds: [registered.id] });
    const office = await makeOrganisation(t.database.db, { kind: 'localOffice', municipalityCode: '851', businessHubId: null });
    await createReferral(t.database.db, systemClock, manager, registered.id, { toOrganisationId: office.id, theme: 'Lokal opfølgning' });

    const moved = await mergeCompanies(t.database.db, manager, preStarter.id, registered.id);
    assert.deepEqual(moved, { courses: 1, contactPersons: 1, referrals: 1, notes: 1, activities: 1 });
    assert.equal((await listReferralsOfCompany(t.database.db, manager, preStarter.id)).length, 1);
    assert.equal((await listActivitiesOfCompany(t.database.db, manager, preStarter.id)).length, 1);
    const kept = await getCompany(t.database.db, manager, preStarter.id);
    assert.equal(kept.company.cvr, '25313763');
    assert.equal((await listCoursesOfCompany(t.database.db, manager, preStarter.id)).length, 1);
    assert.equal((await listContactPersons(t.database.db, manager, preStarter.id))[0]?.name, 'Ole Bønne');
    const found = await searchCompanies(t.database.db, manager, { q: 'nordisk kaffe' });
    assert.deepEqual(found.companies.map((c) => c.id), [preStarter.id], 'the duplicate no longer shows');
    const audit = await t.database.db.selectFrom('audit_log').select('entity_id').where('entity_type', '=', 'company').where('action', '=', 'update').execute();
    assert.ok(audit.some((row) => row.entity_id === registered.id) && audit.some((row) => row.entity_id === preStarter.id));

    const client = t.client();
    await client.login(managerEmail);
    const redirect = await client.get(`/virksomheder/${registered.id}`);
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), `/virksomheder/${preStarter.id}`);
  });

  it('refuses to merge two companies with different CVR numbers, and refuses advisers', async () => {
    const a = await createCompany(t.database.db, manager, { name: 'Aalborg Lys A/S', cvr: '10150817', municipalityCode: '851' });
    const b = await createCompany(t.database.db, manager, { name: 'Aalborg Lys', cvr: '30521439', municipalityCode: '851' });
    await assert.rejects(mergeCompanies(t.database.db, manager, a.id, b.id), (error: AppError) => /hvert sit CVR-nummer/.test(error.fields[0]?.message ?? ''));
    await assert.rejects(mergeCompanies(t.database.db, adviser, a.id, b.id), (error: AppError) => error.code === 'forbidden');
  });

  it('merges through the page: search for the duplicate, choose it, confirm', async () => {
    const keep = await createCompany(t.database.db, manager, { name: 'Hals Bådebyggeri', municipalityCode: '851' });
    const duplicate = await createCompany(t.database.db, manager, { name: 'Hals Baadebyggeri', municipalityCode: '851' });
    const client = t.client();
    await client.login(managerEmail);
    const page = await (await client.get(`/virksomheder/${keep.id}/flet?q=hals`)).text();
    assert.match(page, /Hals Baadebyggeri/);
    const merged = await client.post(`/virksomheder/${keep.id}/flet`, { duplicateId: duplicate.id });
    assert.equal(merged.status, 303);
    assert.match(await (await client.get(merged.headers.get('location')!)).text(), /Dubletten er flettet ind/);
  });
});

// Guidance courses and notes, and what each organisation may see (02-crm.md, sharing rule).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { createCompany } from '../companies/companies.service.ts';
import { findUserById } from '../users/users.repository.ts';
import { addMeeting, addNote, createCourse, getCourse, listCourses, listNotes, updateCourse } from './courses.service.ts';

describe('guidance courses', () => {
  let database: TestDatabase;
  let hub: UserActor; // Erhvervshus Nordjylland
  let laeso: UserActor; // Erhvervsservice Læsø (same region)
  let midt: UserActor; // Erhvervshus Midtjylland (other region)
  let companyId: string;
  const actor = async (organisation: Record<string, unknown>, roles: ('adviser' | 'viewer')[] = ['adviser']) => {
    const org = await makeOrganisation(database.db, organisation);
    const user = await makeUser(database.db, { roles, organisationId: org.id });
    return actorFromUser((await findUserById(database.db, user.id))!);
  };
  const course = { category: 'growth', themes: ['innovation', 'digitalisation'], segment: 'growth', startDate: '2023-02-01', status: 'active' };
  before(async () => {
    database = await createTestDatabase();
    hub = await actor({ kind: 'hub', businessHubId: 'nordjylland' });
    laeso = await actor({ kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    midt = await actor({ kind: 'hub', businessHubId: 'midtjylland' });
    companyId = (await createCompany(database.db, laeso, { name: 'Læsø Saltsyderi I/S', cvr: '40381279', municipalityCode: '825' })).id;
  });
  after(async () => database.drop());

  it('lets a hub adviser register a course with meetings, counted for the hub', async () => {
    const created = await createCourse(database.db, hub, companyId, course);
    assert.equal(created.businessHubId, 'nordjylland');
    assert.equal(created.organisationId, hub.organisationId);
    const withMeeting = await addMeeting(database.db, hub, created.id, { meetingDate: '2023-03-15' });
    assert.deepEqual(withMeeting.meetingDates, ['2023-03-15']);
    await assert.rejects(addMeeting(database.db, hub, created.id, { meetingDate: '2023-03-15' }), (error: AppError) => error.fields[0]?.field === 'meetingDate');
  });

  it('counts a local office course for the hub of its municipality', async () => {
    const created = await createCourse(database.db, laeso, companyId, { ...course, category: 'short', startDate: '2024-01-10' });
    assert.equal(created.businessHubId, 'nordjylland');
  });

  it('names every invalid field, in Danish', async () => {
    await assert.rejects(createCourse(database.db, hub, companyId, { category: 'x', themes: [], startDate: '2023-02-30', endDate: '2023-01-01' }), (error: AppError) => {
      const fields = Object.fromEntries(error.fields.map((f) => [f.field, f.message]));
      assert.equal(fields.category, 'Vælg forløbets kategori.');
      assert.equal(fields.themes, 'Vælg mindst én tematik.');
      assert.equal(fields.startDate, 'Skriv startdatoen som en gyldig dato.');
      return true;
    });
    await assert.rejects(createCourse(database.db, hub, companyId, { ...course, endDate: '2023-01-01' }), (error: AppError) => error.fields[0]?.message === 'Slutdatoen kan ikke ligge før startdatoen.');
  });

  it('shows each organisation the other’s courses in the region, and no one outside it', async () => {
    const seenByLaeso = await listCourses(database.db, laeso, {}, 1);
    assert.equal(seenByLaeso.total, 2);
    assert.equal((await listCourses(database.db, midt, {}, 1)).total, 0);
    const hubCourse = seenByLaeso.courses.find((c) => c.organisationId === hub.organisationId)!;
    await assert.rejects(getCourse(database.db, midt, hubCourse.id), (error: AppError) => error.code === 'notFound');
  });

  it('lets only the guiding organisation change its course', async () => {
    const { courses } = await listCourses(database.db, laeso, {}, 1);
    const hubCourse = courses.find((c) => c.organisationId === hub.organisationId)!;
    await assert.rejects(updateCourse(database.db, laeso, hubCourse.id, { ...course, status: 'completed' }), (error: AppError) => error.code === 'forbidden' && /kun de kan ændre det/.test(error.userMessage));
    await assert.rejects(addMeeting(database.db, laeso, hubCourse.id, { meetingDate: '2023-05-01' }), (error: AppError) => error.code === 'forbidden');
    const updated = await updateCourse(database.db, hub, hubCourse.id, { ...course, status: 'completed', endDate: '2023-06-30' });
    assert.equal(updated.status, 'completed');
  });

  it('keeps internal notes inside the organisation and shares shared notes in the region', async () => {
    await addNote(database.db, hub, { type: 'company', id: companyId }, { body: 'Intern vurdering: økonomien er presset.', visibility: 'internal' });
    await addNote(database.db, hub, { type: 'company', id: companyId }, { body: 'Henvist til Eksportrådet.', visibility: 'shared' });
    const hubNotes = await listNotes(database.db, hub, 'company', [companyId]);
    const laesoNotes = await listNotes(database.db, laeso, 'company', [companyId]);
    assert.equal(hubNotes.length, 2);
    assert.deepEqual(laesoNotes.map((n) => n.body), ['Henvist til Eksportrådet.']);
    await assert.rejects(addNote(database.db, midt, { type: 'company', id: companyId }, { body: 'x', visibility: 'shared' }), AppError);
  });

  it('filters by the year counting rule: a meeting in the year, or no meetings and a start in the year', async () => {
    const in2023 = await listCourses(database.db, hub, { year: 2023 }, 1);
    assert.deepEqual(in2023.courses.map((c) => c.category), ['growth']);
    const in2024 = await listCourses(database.db, hub, { year: 2024 }, 1);
    assert.deepEqual(in2024.courses.map((c) => c.category), ['short']);
  });

  it('refuses courses from a viewer and from a KKR secretariat', async () => {
    const viewer = await actor({ kind: 'hub', businessHubId: 'nordjylland' }, ['viewer']);
    await assert.rejects(createCourse(database.db, viewer, companyId, course), (error: AppError) => error.code === 'forbidden');
    const kkr = await actor({ kind: 'kkrSecretariat', kkrId: 'kkr-nordjylland', businessHubId: null });
    await assert.rejects(createCourse(database.db, kkr, companyId, course), (error: AppError) => error.code === 'forbidden');
  });

  it('adds the guiding region to a company from another region', async () => {
    const { id } = await createCompany(database.db, midt, { name: 'Aarhus Værktøj ApS', municipalityCode: '751' });
    await assert.rejects(createCourse(database.db, hub, id, course), (error: AppError) => error.code === 'notFound', 'not visible before');
    const { id: nordkraft } = await createCompany(database.db, midt, { name: 'Nordkraft Aarhus ApS', cvr: '30521439', municipalityCode: '751' });
    const created = await createCourse(database.db, hub, nordkraft, course);
    assert.ok((await getCourse(database.db, hub, created.id)).id, 'the hub sees its course');
    assert.ok((await getCourse(database.db, midt, created.id)).id, 'and so does the company’s own region');
  });
});

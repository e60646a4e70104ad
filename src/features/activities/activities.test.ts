// Activities and what each organisation may see and change (02-crm.md, "Activities" and the sharing rule).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { createCompany, searchCompanies } from '../companies/companies.service.ts';
import { findUserById } from '../users/users.repository.ts';
import { createActivity, getActivity, listActivities, listActivitiesOfCompany, updateActivity } from './activities.service.ts';

describe('activities', () => {
  let database: TestDatabase;
  let hub: UserActor; // Erhvervshus Nordjylland
  let laeso: UserActor; // Erhvervsservice Læsø (same region)
  let midt: UserActor; // Erhvervshus Midtjylland (other region)
  let saltsyderi: string;
  let fiskeri: string;
  let bageri: string;
  const actor = async (organisation: Record<string, unknown>, roles: ('adviser' | 'viewer')[] = ['adviser']) => {
    const org = await makeOrganisation(database.db, organisation);
    const user = await makeUser(database.db, { roles, organisationId: org.id });
    return actorFromUser((await findUserById(database.db, user.id))!);
  };
  const visit = (companyId: string, extra: Record<string, unknown> = {}) => ({ kind: 'visit', activityDate: '2026-03-12', title: 'Besøg om generationsskifte', companyIds: [companyId], ...extra });
  const auditOf = (id: string) => database.db.selectFrom('audit_log').select(['action', 'after']).where('entity_type', '=', 'activity').where('entity_id', '=', id).orderBy('id').execute();

  before(async () => {
    database = await createTestDatabase();
    hub = await actor({ kind: 'hub', businessHubId: 'nordjylland' });
    laeso = await actor({ kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    midt = await actor({ kind: 'hub', businessHubId: 'midtjylland' });
    saltsyderi = (await createCompany(database.db, laeso, { name: 'Læsø Saltsyderi I/S', cvr: '40381279', municipalityCode: '825' })).id;
    fiskeri = (await createCompany(database.db, laeso, { name: 'Læsø Fiskeindustri', cvr: '25313763', municipalityCode: '825' })).id;
    bageri = (await createCompany(database.db, laeso, { name: 'Førstarter: Byens Bageri', municipalityCode: '825' })).id;
  });
  after(async () => database.drop());

  it('registers a visit with an adviser, a company and an internal note, and audits it without the note’s text', async () => {
    const created = await createActivity(database.db, laeso, visit(saltsyderi, { note: 'Ejeren overvejer at sælge.', noteVisibility: 'internal' }));
    assert.equal(created.kind, 'visit');
    assert.equal(created.organisationId, laeso.organisationId);
    assert.equal(created.adviserName, laeso.name);
    assert.deepEqual(created.companies.map((c) => c.name), ['Læsø Saltsyderi I/S']);
    assert.deepEqual(created.note && { body: created.note.body, visibility: created.note.visibility }, { body: 'Ejeren overvejer at sælge.', visibility: 'internal' });
    const audit = await auditOf(created.id);
    assert.equal(audit[0]?.action, 'create');
    assert.doesNotMatch(JSON.stringify(audit[0]?.after), /sælge/);
  });

  it('registers an event with several participant companies, by id and by CVR number, and its participant count', async () => {
    const event = await createActivity(database.db, hub, {
      kind: 'event',
      activityDate: '2026-04-02',
      title: 'Netværksmøde om grøn omstilling',
      companyIds: [saltsyderi, bageri],
      cvrs: '25313763, 40381279',
      participantCount: '34',
    });
    assert.equal(event.participantCount, 34);
    assert.deepEqual(event.companies.map((c) => c.name).sort(), ['Førstarter: Byens Bageri', 'Læsø Fiskeindustri', 'Læsø Saltsyderi I/S']);
    const { participants, total } = await listActivities(database.db, hub, { kind: 'event' }, 1);
    assert.equal(total, 1);
    assert.equal(participants, 34);
  });

  it('names every invalid field in Danish, including unknown CVR numbers and participants on a visit', async () => {
    await assert.rejects(createActivity(database.db, laeso, { kind: 'tea', activityDate: '2026-02-30', title: '', companyIds: [] }), (error: AppError) => {
      const fields = Object.fromEntries(error.fields.map((f) => [f.field, f.message]));
      assert.equal(fields.kind, 'Vælg aktivitetens type.');
      assert.equal(fields.activityDate, 'Skriv aktivitetens dato som en gyldig dato.');
      assert.equal(fields.title, 'Skriv en kort titel.');
      return true;
    });
    await assert.rejects(createActivity(database.db, laeso, visit(saltsyderi, { activityDate: 'i går' })), (error: AppError) => error.fields[0]?.message === 'Skriv aktivitetens dato som en gyldig dato.');
    await assert.rejects(createActivity(database.db, laeso, { ...visit(saltsyderi), participantCount: '12' }), (error: AppError) => /kun for arrangementer/.test(error.fields[0]?.message ?? ''));
    await assert.rejects(createActivity(database.db, laeso, { ...visit(saltsyderi), cvrs: '12345678' }), (error: AppError) => error.fields[0]?.field === 'cvrs' && /modulus 11/.test(error.fields[0].message));
    await assert.rejects(createActivity(database.db, laeso, { ...visit(saltsyderi), cvrs: '10150817' }), (error: AppError) => /10150817 findes ikke i Knudepunkt/.test(error.fields[0]?.message ?? ''));
    await assert.rejects(createActivity(database.db, laeso, { ...visit(saltsyderi), companyIds: [] }), (error: AppError) => error.fields[0]?.message === 'Angiv mindst én virksomhed.');
  });

  it('shows the activities to every organisation of the region, and none to another region', async () => {
    const seenByHub = await listActivitiesOfCompany(database.db, hub, saltsyderi);
    assert.deepEqual(seenByHub.map((a) => a.kind), ['event', 'visit']);
    assert.equal((await listActivities(database.db, midt, {}, 1)).total, 0);
    await assert.rejects(getActivity(database.db, midt, seenByHub[1]!.id), (error: AppError) => error.code === 'notFound');
  });

  it('hides an internal note from other organisations and shows a shared one', async () => {
    const [, laesoVisit] = await listActivitiesOfCompany(database.db, hub, saltsyderi);
    assert.equal(laesoVisit?.title, 'Besøg om generationsskifte');
    assert.equal(laesoVisit?.note, null, 'the hub does not see Læsø’s internal note');
    assert.equal((await getActivity(database.db, laeso, laesoVisit!.id)).note?.body, 'Ejeren overvejer at sælge.');
    const shared = await createActivity(database.db, laeso, visit(fiskeri, { note: 'Interesseret i eksport – henvist til Eksportrådet.', noteVisibility: 'shared' }));
    assert.equal((await getActivity(database.db, hub, shared.id)).note?.body, 'Interesseret i eksport – henvist til Eksportrådet.');
  });

  it('lets only the registering organisation change an activity, and audits the change', async () => {
    const [laesoVisit] = (await listActivitiesOfCompany(database.db, laeso, saltsyderi)).filter((a) => a.kind === 'visit');
    await assert.rejects(updateActivity(database.db, hub, laesoVisit!.id, visit(saltsyderi, { title: 'Ændret af huset' })), (error: AppError) => error.code === 'forbidden' && /kun de kan ændre den/.test(error.userMessage));
    const updated = await updateActivity(database.db, laeso, laesoVisit!.id, visit(saltsyderi, { kind: 'meeting', title: 'Møde om generationsskifte', cvrs: '25313763', note: '' }));
    assert.equal(updated.kind, 'meeting');
    assert.equal(updated.companies.length, 2);
    assert.equal(updated.note, null, 'an emptied note is removed');
    assert.deepEqual((await auditOf(laesoVisit!.id)).map((entry) => entry.action), ['create', 'update']);
  });

  it('filters the region’s list by kind, organisation and period', async () => {
    assert.equal((await listActivities(database.db, hub, { organisationId: laeso.organisationId }, 1)).total, 2);
    assert.equal((await listActivities(database.db, hub, { kind: 'meeting' }, 1)).total, 1);
    assert.equal((await listActivities(database.db, hub, { from: '2026-04-01', to: '2026-04-30' }, 1)).total, 1);
    assert.equal((await listActivities(database.db, hub, { to: '2026-03-31' }, 1)).total, 2);
  });

  it('adds the registering organisation’s region to a company from another region', async () => {
    const { id } = await createCompany(database.db, midt, { name: 'Nordkraft Aarhus ApS', cvr: '30521439', municipalityCode: '751' });
    assert.equal((await searchCompanies(database.db, hub, { q: 'nordkraft' })).total, 0, 'not in Nordjylland before');
    const created = await createActivity(database.db, hub, { kind: 'call', activityDate: '2026-05-01', title: 'Opringning om underleverance', companyIds: [id] });
    assert.equal((await searchCompanies(database.db, hub, { q: 'nordkraft' })).total, 1);
    assert.ok((await getActivity(database.db, midt, created.id)).id, 'the company’s own region sees the activity too');
    const midtPrestarter = (await createCompany(database.db, midt, { name: 'Førstarter i Aarhus', municipalityCode: '751' })).id;
    await assert.rejects(createActivity(database.db, hub, { ...visit(midtPrestarter) }), (error: AppError) => error.code === 'notFound', 'a pre-starter of another region cannot be reached');
  });

  it('refuses activities from a viewer and from a KKR secretariat', async () => {
    const viewer = await actor({ kind: 'hub', businessHubId: 'nordjylland' }, ['viewer']);
    await assert.rejects(createActivity(database.db, viewer, visit(saltsyderi)), (error: AppError) => error.code === 'forbidden');
    const kkr = await actor({ kind: 'kkrSecretariat', kkrId: 'kkr-nordjylland', businessHubId: null });
    await assert.rejects(createActivity(database.db, kkr, visit(saltsyderi)), (error: AppError) => error.code === 'forbidden');
  });
});

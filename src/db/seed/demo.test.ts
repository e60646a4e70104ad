import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation } from '../../../test/helpers/factories.ts';
import { passesModulus11 } from '../../domain/companies/cvr.ts';
import { generateDemoCrm } from './demo-crm.generate.ts';
import { demoUsers, seedDemo } from './demo.ts';

describe('demo data', () => {
  let database: TestDatabase;
  before(async () => (database = await createTestDatabase()));
  after(async () => database.drop());

  it('loads Nordjylland: the KKR secretariat, the hub, 11 local offices, 3 national partners and a user per role', async () => {
    assert.deepEqual(await seedDemo(database.db), { loaded: true });
    const organisations = await database.db.selectFrom('organisations').select(['name', 'kind', 'is_demo']).execute();
    const count = (kind: string) => organisations.filter((o) => o.kind === kind).length;
    assert.equal(count('hub'), 1);
    assert.equal(count('localOffice'), 11);
    assert.equal(count('kkrSecretariat'), 1);
    assert.equal(count('external'), 3);
    assert.ok(organisations.every((o) => o.is_demo));
    assert.ok(organisations.some((o) => o.name === 'Erhvervsservice Læsø'));
    const users = await database.db.selectFrom('users').select(['roles', 'is_demo']).execute();
    assert.equal(users.length, demoUsers.length);
    assert.ok(users.every((u) => u.is_demo));
    for (const role of ['adviser', 'manager', 'kkr', 'admin', 'viewer']) assert.ok(users.some((u) => u.roles.includes(role)), role);
  });

  it('loads the CRM: 60 demo companies in the 11 municipalities, the hub’s courses 2023–2026, activities and notes', async () => {
    const db = database.db;
    const companies = await db.selectFrom('companies').select(['id', 'cvr', 'name', 'municipality_code', 'advertising_protected', 'is_demo']).execute();
    assert.equal(companies.length, 60);
    assert.ok(companies.every((c) => c.is_demo && c.name.endsWith('(demo)')), 'clearly labelled demo companies');
    assert.equal(new Set(companies.map((c) => c.municipality_code)).size, 11);
    assert.equal(companies.filter((c) => c.cvr === null).length, 4, 'pre-starters without CVR');
    assert.equal(companies.filter((c) => c.advertising_protected).length, 4);
    assert.ok(companies.every((c) => c.cvr === null || passesModulus11(c.cvr)), 'valid CVR numbers');
    const regions = await db.selectFrom('company_regions').select(['company_id', 'region_code']).execute();
    assert.equal(regions.filter((r) => r.region_code === 1081).length, 60);

    const courses = await db.selectFrom('guidance_courses as gc').innerJoin('organisations as o', 'o.id', 'gc.organisation_id').select(['o.name', 'gc.business_hub_id', 'gc.themes', 'gc.start_date', 'gc.is_demo']).execute();
    assert.ok(courses.length >= 40, `${courses.length} courses`);
    assert.ok(courses.every((c) => c.name === 'Erhvervshus Nordjylland' && c.business_hub_id === 'nordjylland' && c.themes.length > 0 && c.is_demo));
    assert.deepEqual([...new Set(courses.map((c) => c.start_date.slice(0, 4)))].sort(), ['2023', '2024', '2025', '2026']);
    const meetings = await db.selectFrom('course_meetings').select('meeting_date').execute();
    assert.ok(meetings.length > courses.length, 'courses have meetings');

    const activities = await db
      .selectFrom('activities as a')
      .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
      .select(['a.id', 'a.kind', 'a.participant_count', 'o.kind as organisation_kind', 'o.name'])
      .select((eb) => eb.selectFrom('activity_companies as ac').select((e) => e.fn.countAll<number>().as('n')).whereRef('ac.activity_id', '=', 'a.id').as('companies'))
      .execute();
    assert.ok(activities.every((a) => (a.companies ?? 0) >= 1), 'every activity has a company');
    const visitingOffices = new Set(activities.filter((a) => a.organisation_kind === 'localOffice' && a.kind === 'visit').map((a) => a.name));
    assert.equal(visitingOffices.size, 11, 'every local office visits');
    const events = activities.filter((a) => a.kind === 'event');
    assert.ok(events.length >= 5 && events.every((e) => (e.companies ?? 0) >= 2 && (e.participant_count ?? 0) >= (e.companies ?? 0)), 'events with participant companies and counts');
    assert.ok(activities.every((a) => a.kind === 'event' || a.participant_count === null), 'participants are counted for events only');

    const notes = await db.selectFrom('notes').select(['subject_type', 'visibility']).execute();
    for (const subject of ['company', 'course', 'activity']) assert.ok(notes.some((n) => n.subject_type === subject), subject);
    for (const visibility of ['internal', 'shared']) assert.ok(notes.some((n) => n.visibility === visibility), visibility);
    const audited = await db.selectFrom('audit_log').select('entity_id').where('entity_type', '=', 'activity').where('actor_name', '=', 'Demodata').execute();
    assert.equal(audited.length, activities.length, 'every activity is in the audit log');
  });

  it('generates the same CRM data, ids included, every time', () => {
    const first = generateDemoCrm();
    assert.deepEqual(generateDemoCrm(), first);
    assert.notDeepEqual(generateDemoCrm(7).companies.map((c) => c.id), first.companies.map((c) => c.id), 'the seed decides');
  });

  it('does nothing the second time', async () => {
    const result = await seedDemo(database.db);
    assert.equal(result.loaded, false);
    const n = await database.db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(n.n, 16);
  });

  it('refuses to load into a database that holds real data', async () => {
    const real = await createTestDatabase();
    try {
      await makeOrganisation(real.db, { name: 'Rigtigt Erhvervshus' });
      await assert.rejects(seedDemo(real.db), (error: AppError) => error.code === 'conflict' && /rigtige data/.test(error.userMessage));
      const demo = await real.db.selectFrom('organisations').select('id').where('is_demo', '=', true).execute();
      assert.equal(demo.length, 0);
    } finally {
      await real.drop();
    }
  });
});

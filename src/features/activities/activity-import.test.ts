// The activities import against a real database (02-crm.md, "Imports"): a dry run writes nothing, a
// file with an invalid row imports nothing, and re-importing the same file changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../../domain/actor.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { importActivities } from './activity-import.service.ts';

async function* linesOf(text: string): AsyncGenerator<string> {
  for (const line of text.split('\n')) yield line;
}

const header = 'activity_id;date;kind;title;organisation;cvr;company_name;municipality_code;participants;note;note_visibility;adviser_email';
const validFile = [
  header,
  'SF-001;12-03-2024;Besøg;Besøg om generationsskifte;Erhvervsservice Læsø;40381279;Læsø Saltsyderi I/S;825;;Ejeren vil sælge inden for to år.;intern;lise@laeso.example',
  'SF-002;2024-04-02;event;Netværksmøde om grøn omstilling;Erhvervshus Nordjylland;"40381279;25313763";;;42;Godt fremmøde.;delt;',
  'SF-003;2024-05-01;call;Opringning om lån;Erhvervsservice Læsø;;Byens  Bageri;825;;;;',
  'SF-004;2024-06-01;meeting;Opfølgning;Erhvervsservice Læsø;;byens bageri;825;;;;',
].join('\n');

describe('activities import', () => {
  let database: TestDatabase;
  const actor = systemActor('Aktivitetsimport');
  const counts = async () => {
    const n = async (table: 'activities' | 'companies' | 'notes' | 'audit_log') => (await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    return { activities: await n('activities'), companies: await n('companies'), notes: await n('notes'), audit: await n('audit_log') };
  };
  let before0: Awaited<ReturnType<typeof counts>>;

  before(async () => {
    database = await createTestDatabase();
    const laeso = await makeOrganisation(database.db, { name: 'Erhvervsservice Læsø', kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    await makeOrganisation(database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' });
    await makeUser(database.db, { organisationId: laeso.id, email: 'lise@laeso.example' });
    // One company already known from the CVR register; the other CVR number of the event must exist too.
    await database.db.insertInto('companies').values([
      { name: 'Læsø Fiskeindustri', cvr: '25313763', municipality_code: '825', source: 'cvr' },
    ]).execute();
    before0 = await counts();
  });
  after(async () => database.drop());

  it('checks a valid file in a dry run, tells what it would do, and writes nothing', async () => {
    const summary = await importActivities(database.db, actor, linesOf(validFile), { dryRun: true });
    assert.deepEqual(summary.errors, []);
    assert.equal(summary.imported, false);
    assert.deepEqual({ rows: summary.rows, created: summary.created, companiesCreated: summary.companiesCreated }, { rows: 4, created: 4, companiesCreated: 2 });
    assert.deepEqual(await counts(), before0);
  });

  it('reports every invalid row with its line and reason, and imports none of the valid rows', async () => {
    const file = [
      header,
      'X-1;2024-01-10;visit;Gyldig række;Erhvervsservice Læsø;25313763;;;;;;',
      'X-2;2024-01-11;visit;Ukendt organisation;Erhvervsservice Aabybro;25313763;;;;;;',
      'X-3;31-02-2024;visit;Ugyldig dato;Erhvervsservice Læsø;12345678;;;12;;;',
      'X-1;2024-01-12;call;Samme id;Erhvervsservice Læsø;25313763;;;;;;',
      'X-5;2024-01-13;event;To ukendte;Erhvervshus Nordjylland;"10150817;30521439";;;20;;;',
      'X-6;2024-01-14;visit;Forkert konsulent;Erhvervsservice Læsø;25313763;;;;;;ukendt@laeso.example',
      'X-7;2024-01-15;kaffe;Ukendt type;Erhvervsservice Læsø;25313763;;;;;;',
    ].join('\n');
    const summary = await importActivities(database.db, actor, linesOf(file));
    assert.equal(summary.imported, false);
    const messages = summary.errors.map((e) => e.message);
    assert.ok(messages.includes('Linje 3, kolonne "organisation": "Erhvervsservice Aabybro" er ikke et erhvervshus eller lokalt erhvervskontor i Knudepunkt.'), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('Linje 4, kolonne "date": "31-02-2024" er ikke en gyldig dato')));
    assert.ok(messages.some((m) => m.startsWith('Linje 4, kolonne "cvr": "12345678" er ikke et gyldigt CVR-nummer (modulus 11)')));
    assert.ok(messages.includes('Linje 4, kolonne "participants": antal deltagere registreres kun for arrangementer (kind = event).'));
    assert.ok(messages.includes('Linje 5, kolonne "activity_id": "X-1" står allerede i linje 2.'));
    assert.ok(messages.some((m) => m.startsWith('Linje 6, kolonne "cvr": CVR-nummeret 10150817 findes ikke i Knudepunkt')));
    assert.ok(messages.includes('Linje 7, kolonne "adviser_email": "ukendt@laeso.example" er ikke en bruger i Erhvervsservice Læsø.'));
    assert.ok(messages.includes('Linje 8, kolonne "kind": "kaffe" er ikke en aktivitetstype – brug visit, meeting, call, email, event (eller besøg, møde, telefonsamtale, e-mail, arrangement).'));
    assert.deepEqual([...new Set(summary.errors.map((e) => e.line))], [3, 4, 5, 6, 7, 8]);
    assert.deepEqual(await counts(), before0, 'the valid line 2 is not imported either');
  });

  it('imports a valid file in one go: activities, new companies, regions, notes and audit', async () => {
    const summary = await importActivities(database.db, actor, linesOf(validFile));
    assert.deepEqual(summary.errors, []);
    assert.equal(summary.imported, true);
    assert.deepEqual({ created: summary.created, updated: summary.updated, unchanged: summary.unchanged, companiesCreated: summary.companiesCreated }, { created: 4, updated: 0, unchanged: 0, companiesCreated: 2 });
    const rows = await database.db
      .selectFrom('activities as a')
      .select(['a.source_id', 'a.kind', 'a.activity_date', 'a.participant_count', 'a.adviser_user_id'])
      .select((eb) => eb.selectFrom('activity_companies as ac').select((e) => e.fn.countAll<number>().as('n')).whereRef('ac.activity_id', '=', 'a.id').as('companies'))
      .orderBy('a.source_id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.source_id, r.kind, r.activity_date, r.participant_count, r.companies]),
      [
        ['SF-001', 'visit', '2024-03-12', null, 1],
        ['SF-002', 'event', '2024-04-02', 42, 2],
        ['SF-003', 'call', '2024-05-01', null, 1],
        ['SF-004', 'meeting', '2024-06-01', null, 1],
      ],
    );
    assert.ok(rows[0]?.adviser_user_id, 'the adviser is found by e-mail in the organisation');
    const bakery = await database.db.selectFrom('companies').select(['id', 'name', 'source']).where('cvr', 'is', null).execute();
    assert.equal(bakery.length, 1, 'the pre-starter is one company, whatever the case and spacing of its name');
    const keys = await database.db.selectFrom('company_import_keys').select(['import_key', 'company_id']).execute();
    assert.deepEqual(keys, [{ import_key: 'name:byens bageri|825', company_id: bakery[0]!.id }], 'the key the courses import finds it by too');
    const regions = await database.db.selectFrom('company_regions').select('region_code').where('company_id', '=', bakery[0]!.id).execute();
    assert.deepEqual(regions.map((r) => r.region_code), [1081]);
    const notes = await database.db.selectFrom('notes').select(['visibility', 'body']).where('subject_type', '=', 'activity').orderBy('visibility').execute();
    assert.deepEqual(notes, [
      { visibility: 'internal', body: 'Ejeren vil sælge inden for to år.' },
      { visibility: 'shared', body: 'Godt fremmøde.' },
    ]);
    const audited = await database.db.selectFrom('audit_log').select('entity_type').where('actor_name', '=', 'Aktivitetsimport').execute();
    assert.equal(audited.filter((a) => a.entity_type === 'activity').length, 4);
    assert.equal(audited.filter((a) => a.entity_type === 'company').length, 2);
  });

  it('changes nothing when the same file is imported again, and updates only a changed row', async () => {
    const before1 = await counts();
    const again = await importActivities(database.db, actor, linesOf(validFile));
    assert.deepEqual({ created: again.created, updated: again.updated, unchanged: again.unchanged, companiesCreated: again.companiesCreated }, { created: 0, updated: 0, unchanged: 4, companiesCreated: 0 });
    assert.deepEqual(await counts(), before1, 'no rows and no audit entries');
    const changed = await importActivities(database.db, actor, linesOf(validFile.replace('Netværksmøde om grøn omstilling;', 'Netværksmøde om grøn omstilling og energi;')));
    assert.deepEqual({ updated: changed.updated, unchanged: changed.unchanged }, { updated: 1, unchanged: 3 });
    const title = await database.db.selectFrom('activities').select('title').where('source_id', '=', 'SF-002').executeTakeFirstOrThrow();
    assert.equal(title.title, 'Netværksmøde om grøn omstilling og energi');
  });

  it('refuses to move an imported activity to another organisation', async () => {
    const file = [header, 'SF-003;2024-05-01;call;Opringning om lån;Erhvervshus Nordjylland;;Byens Bageri;825;;;;'].join('\n');
    const summary = await importActivities(database.db, actor, linesOf(file), { dryRun: true });
    assert.deepEqual(summary.errors.map((e) => e.message), [
      'Linje 2, kolonne "activity_id": "SF-003" er allerede importeret for Erhvervsservice Læsø; en aktivitet ændres kun af den organisation, der registrerede den.',
    ]);
  });

  it('stops at a header that is not an activities sheet', async () => {
    const summary = await importActivities(database.db, actor, linesOf('course_id,cvr\n1,40381279'));
    assert.equal(summary.errors.length, 1);
    assert.match(summary.errors[0]!.message, /^Linje 1: overskriften er ikke et aktivitetsark – ukendt kolonne "course_id"/);
  });
});

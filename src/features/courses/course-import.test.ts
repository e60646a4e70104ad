// The courses import (02-crm.md, "Imports"): dry runs write nothing, an invalid file imports nothing,
// a re-import changes nothing, pre-starters are found again by name and municipality, and only
// managers and admins import — under an organisation of their own region.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { systemActor, type Role, type UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { createCompany } from '../companies/companies.service.ts';
import { findUserById } from '../users/users.repository.ts';
import { readFileLines } from './course-import.files.ts';
import { CourseImportRejected, importCourses, type CourseImportOptions } from './course-import.service.ts';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/courses-nordjylland.csv', import.meta.url));
const BROKEN = fileURLToPath(new URL('../../../test/fixtures/courses-broken.csv', import.meta.url));
const HEADER = 'course_id,cvr,company_name,municipality_code,hub,category,segment,themes,target_group,start_date,end_date,meeting_dates';
const system = systemActor('Test');

async function* linesOf(text: string): AsyncGenerator<string> {
  yield* text.split('\n');
}

const tables = ['guidance_courses', 'course_meetings', 'companies', 'company_import_keys', 'company_regions', 'audit_log'] as const;
async function tableCounts(db: Executor): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  return counts;
}

async function actorAt(db: Executor, organisation: Record<string, unknown>, roles: Role[]): Promise<UserActor> {
  const org = await makeOrganisation(db, organisation);
  const user = await makeUser(db, { roles, organisationId: org.id });
  return actorFromUser((await findUserById(db, user.id))!);
}

const runReal = (db: Executor, actor: UserActor | typeof system, lines: AsyncIterable<string>, options: Omit<CourseImportOptions, 'dryRun'> = {}) =>
  db.transaction().execute((tx) => importCourses(tx, actor, lines, { ...options, dryRun: false }));

describe('a dry run and an invalid file', () => {
  let database: TestDatabase;
  let manager: UserActor;
  before(async () => {
    database = await createTestDatabase();
    manager = await actorAt(database.db, { kind: 'hub', businessHubId: 'nordjylland' }, ['manager']);
  });
  after(async () => database.drop());

  it('reports every invalid row with its line and reason in a dry run, and writes nothing', async () => {
    const before = await tableCounts(database.db);
    const seen: number[] = [];
    const summary = await importCourses(database.db, manager, readFileLines(BROKEN), { dryRun: true, onError: (e) => seen.push(e.line) });
    assert.deepEqual(summary.errors.map((e) => e.line), [3, 4, 5, 5, 5, 6, 7, 7]);
    assert.deepEqual(seen, [3, 4, 5, 5, 5, 6, 7, 7]);
    assert.equal(summary.invalidRows, 5);
    assert.equal(summary.rows, 6);
    assert.match(summary.errors[0]!.message, /^Linje 3, kolonne "cvr": "12345679" er ikke et gyldigt CVR-nummer/);
    assert.deepEqual(summary.courses, { created: 1, updated: 0, unchanged: 0 }); // line 2 is valid

    const valid = await importCourses(database.db, manager, readFileLines(FIXTURE), { dryRun: true });
    assert.equal(valid.errorCount, 0);
    assert.deepEqual(valid.courses, { created: 34, updated: 0, unchanged: 0 });
    assert.equal(valid.companiesCreated, 27);
    assert.deepEqual(await tableCounts(database.db), before);
  });

  it('imports nothing from a file with one invalid row among valid ones, naming the row', async () => {
    const before = await tableCounts(database.db);
    const text = `${readFileSync(FIXTURE, 'utf8').trimEnd()}\nEHN-2024-999,30521439,Nordkraft Software ApS,851,Erhvervshus Nordjylland,growth,growth,innovation,,2024-13-01,,\n`;
    await assert.rejects(runReal(database.db, manager, linesOf(text)), (error: unknown) => {
      assert.ok(error instanceof CourseImportRejected);
      assert.equal(error.summary.invalidRows, 1);
      assert.equal(error.summary.errors[0]!.line, 44);
      assert.equal(error.summary.errors[0]!.column, 'start_date');
      assert.match(error.userMessage, /Filen har 1 ugyldig række \(1 fejl\)\. Intet er importeret/);
      return true;
    });
    assert.deepEqual(await tableCounts(database.db), before);
  });

  it('lets only managers and admins import, under an organisation of their own region that guides companies', async () => {
    const adviser = await actorAt(database.db, { kind: 'hub', businessHubId: 'nordjylland' }, ['adviser']);
    const viewer = await actorAt(database.db, { kind: 'hub', businessHubId: 'nordjylland' }, ['viewer']);
    for (const actor of [adviser, viewer]) {
      await assert.rejects(importCourses(database.db, actor, readFileLines(FIXTURE), { dryRun: true }), (error: AppError) => error.code === 'forbidden');
    }
    const office = await makeOrganisation(database.db, { kind: 'localOffice', municipalityCode: '851', businessHubId: null });
    await assert.rejects(importCourses(database.db, manager, readFileLines(FIXTURE), { dryRun: true, organisationId: office.id }), (error: AppError) => error.code === 'forbidden');
    const kkrAdmin = await actorAt(database.db, { kind: 'kkrSecretariat', kkrId: 'kkr-nordjylland', businessHubId: null }, ['admin']);
    await assert.rejects(importCourses(database.db, kkrAdmin, readFileLines(FIXTURE), { dryRun: true }), (error: AppError) => error.code === 'validation' && /hverken et erhvervshus eller et lokalt erhvervskontor/.test(error.userMessage));
    const asOffice = await importCourses(database.db, kkrAdmin, readFileLines(FIXTURE), { dryRun: true, organisationId: office.id });
    assert.equal(asOffice.courses.created, 34); // Aalborg's office counts for Erhvervshus Nordjylland
    const midt = await makeOrganisation(database.db, { kind: 'hub', businessHubId: 'midtjylland' });
    await assert.rejects(importCourses(database.db, kkrAdmin, readFileLines(FIXTURE), { dryRun: true, organisationId: midt.id }), (error: AppError) => error.code === 'forbidden');
  });
});

describe('a real import of the Nordjylland file', () => {
  let database: TestDatabase;
  let manager: UserActor;
  const courseRow = (sourceId: string) =>
    database.db
      .selectFrom('guidance_courses as gc')
      .innerJoin('companies as c', 'c.id', 'gc.company_id')
      .select(['gc.id', 'gc.company_id', 'gc.category', 'gc.status', 'gc.business_hub_id', 'gc.municipality_code', 'c.name', 'c.cvr', 'c.source'])
      .select(sql<string[]>`(select array_agg(to_char(m.meeting_date, 'YYYY-MM-DD') order by m.meeting_date) from course_meetings m where m.course_id = gc.id)`.as('meetings'))
      .where('gc.source_id', '=', sourceId)
      .executeTakeFirstOrThrow();
  before(async () => {
    database = await createTestDatabase();
    manager = await actorAt(database.db, { kind: 'hub', businessHubId: 'nordjylland' }, ['manager']);
    const summary = await runReal(database.db, manager, readFileLines(FIXTURE), { fileName: 'courses-nordjylland.csv' });
    assert.deepEqual(summary.courses, { created: 34, updated: 0, unchanged: 0 });
    assert.equal(summary.companiesCreated, 27);
    assert.deepEqual(summary.skipped, { count: 8, lines: [36, 37, 38, 39, 40, 41, 42, 43], hubs: ['Erhvervshus Midtjylland', 'Erhvervshus Sjælland', 'Erhvervshus Hovedstaden', 'Erhvervshus Fyn', 'Erhvervshus Sydjylland'] });
  });
  after(async () => database.drop());

  it('stores each course with its meetings, hub, municipality and a status from its end date', async () => {
    const course = await courseRow('EHN-2023-004');
    assert.deepEqual(course.meetings, ['2023-08-01', '2023-09-12', '2024-01-15']);
    assert.equal(course.business_hub_id, 'nordjylland');
    assert.equal(course.municipality_code, '849');
    assert.equal(course.status, 'active');
    assert.equal((await courseRow('EHN-2023-003')).status, 'completed');
    const company = await courseRow('EHN-2023-012');
    assert.deepEqual([company.name, company.cvr, company.source], ['Aalborg Robotteknik ApS', '31409829', 'import']);
  });

  it('changes nothing when the same file is imported again, and says so', async () => {
    const before = await tableCounts(database.db);
    const summary = await runReal(database.db, manager, readFileLines(FIXTURE));
    assert.deepEqual(summary.courses, { created: 0, updated: 0, unchanged: 34 });
    assert.equal(summary.companiesCreated, 0);
    const afterCounts = await tableCounts(database.db);
    assert.deepEqual({ ...afterCounts, audit_log: 0 }, { ...before, audit_log: 0 });
    assert.equal(afterCounts.audit_log, before.audit_log! + 1); // only the import itself is logged
    assert.equal(afterCounts.guidance_courses, 34);
  });

  it('finds a pre-starter by its name and municipality however the name is spaced or cased', async () => {
    // "Nordisk Kaffe Kompagni" in 0851 and "  nordisk  kaffe   kompagni " in 851; "METTE  HOLMS KERAMIK".
    assert.equal((await courseRow('EHN-2022-004')).company_id, (await courseRow('EHN-2023-005')).company_id);
    assert.equal((await courseRow('EHN-2023-006')).company_id, (await courseRow('EHN-2023-007')).company_id);
    assert.equal((await courseRow('EHN-2022-004')).name, 'Nordisk Kaffe Kompagni');
    const keys = await database.db.selectFrom('company_import_keys').select('import_key').orderBy('import_key').execute();
    assert.deepEqual(keys.map((k) => k.import_key), ['name:hjørring dyreklinik|860', 'name:mette holms keramik|773', 'name:nordisk kaffe kompagni|851', 'name:thy surf & kajak|787']);
  });

  it('finds a pre-starter registered by hand instead of creating it again', async () => {
    const byHand = await createCompany(database.db, manager, { name: 'Vestkyst Surfskole', municipalityCode: '787' });
    const file = `${HEADER}\nEHN-2023-901,,  VESTKYST   surfskole ,787,Erhvervshus Nordjylland,short,growth,innovation,maturePreStarter,2023-06-01,,\n`;
    const first = await runReal(database.db, manager, linesOf(file));
    assert.equal(first.companiesCreated, 0);
    assert.equal((await courseRow('EHN-2023-901')).company_id, byHand.id);
    const again = await runReal(database.db, manager, linesOf(file));
    assert.deepEqual(again.courses, { created: 0, updated: 0, unchanged: 1 });
  });

  it('updates a course whose row changed, meetings included, and logs before and after', async () => {
    const changed = `${HEADER}\nEHN-2023-018,17643290,Løkken Strandhotel ApS,849,Erhvervshus Nordjylland,growth,operations,salesMarketing,smeOperations,2023-04-17,,2023-04-17;2023-06-02\n`;
    const summary = await runReal(database.db, manager, linesOf(changed));
    assert.deepEqual(summary.courses, { created: 0, updated: 1, unchanged: 0 });
    const course = await courseRow('EHN-2023-018');
    assert.equal(course.category, 'growth');
    assert.deepEqual(course.meetings, ['2023-04-17', '2023-06-02']);
    const entry = await database.db.selectFrom('audit_log').select(['before', 'after']).where('entity_id', '=', course.id).where('action', '=', 'update').executeTakeFirstOrThrow();
    assert.deepEqual(entry.before, { category: 'short', meeting_dates: ['2023-04-17'] });
    assert.deepEqual(entry.after, { sourceId: 'EHN-2023-018', category: 'growth', meeting_dates: ['2023-04-17', '2023-06-02'] });
  });

  it('names a company given only by its CVR number after the number, until the register import names it', async () => {
    await runReal(database.db, manager, linesOf(`${HEADER}\nEHN-2023-903,25313763,,851,Erhvervshus Nordjylland,short,growth,finance,,2023-03-01,,\n`));
    assert.equal((await courseRow('EHN-2023-903')).name, 'CVR 25313763');
  });

  it('shares a company with the region of its municipality and the region of the registering organisation', async () => {
    const file = `${HEADER}\nEHN-2023-902,42815632,Silkeborg Grafisk ApS,740,Erhvervshus Nordjylland,short,operations,digitalisation,smeOperations,2023-06-13,,\n`;
    await runReal(database.db, manager, linesOf(file));
    const course = await courseRow('EHN-2023-902');
    const regions = await database.db.selectFrom('company_regions').select('region_code').where('company_id', '=', course.company_id).orderBy('region_code').execute();
    assert.deepEqual(regions.map((r) => r.region_code), [1081, 1082]);
  });

  it('refuses to move a course imported by another organisation, naming both', async () => {
    const office = await actorAt(database.db, { kind: 'localOffice', municipalityCode: '849', businessHubId: null, name: 'Erhvervsservice Jammerbugt (test)' }, ['manager']);
    const file = `${HEADER}\nEHN-2023-018,17643290,Løkken Strandhotel ApS,849,Erhvervshus Nordjylland,short,operations,salesMarketing,smeOperations,2023-04-17,,\n`;
    const summary = await importCourses(database.db, office, linesOf(file), { dryRun: true });
    assert.equal(summary.errors.length, 1);
    assert.match(summary.errors[0]!.message, /^Linje 2, kolonne "course_id": forløbet "EHN-2023-018" er allerede importeret under .+ og kan ikke flyttes til Erhvervsservice Jammerbugt \(test\) ved en import\.$/);
    await assert.rejects(runReal(database.db, office, linesOf(file)), CourseImportRejected);
  });
});

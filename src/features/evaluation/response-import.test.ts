// The responses import (issue 6): a dry run lists every invalid row and writes nothing, a real run is
// all or nothing, the same file twice changes nothing, known companies are linked, and only admins and
// hub managers import — a manager only their own hub's rows. Also the `knudepunkt import responses` command.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { systemActor, type Role, type UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { insertCompany } from '../companies/companies.repository.ts';
import { findUserById } from '../users/users.repository.ts';
import { readFileLines } from '../courses/course-import.files.ts';
import { runImportResponses } from '../../cli/commands/import-responses.ts';
import type { CliIo } from '../../cli/io.ts';
import { importResponses } from './response-import.service.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/evaluation/${name}`, import.meta.url));
const VALID = fixture('responses.csv');
const BROKEN = fixture('responses-broken.csv');
const EDGES = fixture('responses-import-edges.csv');
const HEADER =
  'response_id,source,cvr,hub,municipality_code,segment,guidance_year,answered_at,recommend,staff_competence,expected_effect,effect_unrecognised_challenges,effect_strategy,effect_growth_ambitions,effect_business_concept,effect_sales_marketing,effect_organisation,effect_operations,referred,used_referral,digital_guidance';
const system = systemActor('Test');
const now = new Date('2026-11-23T10:00:00Z');

async function* linesOf(text: string): AsyncGenerator<string> {
  yield* text.split('\n');
}

async function counts(db: Executor) {
  const n = async (table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  return { responses: await n('evaluation_responses'), audit: await n('audit_log') };
}

async function actorAt(db: Executor, organisation: Record<string, unknown>, roles: Role[]): Promise<UserActor> {
  const org = await makeOrganisation(db, organisation);
  const user = await makeUser(db, { roles, organisationId: org.id });
  return actorFromUser((await findUserById(db, user.id))!);
}

describe('importing responses', () => {
  let database: TestDatabase;
  let admin: UserActor;
  let manager: UserActor;
  before(async () => {
    database = await createTestDatabase();
    admin = await actorAt(database.db, { kind: 'hub', businessHubId: 'nordjylland' }, ['admin']);
    manager = await actorAt(database.db, { kind: 'hub', businessHubId: 'nordjylland' }, ['manager']);
    await insertCompany(database.db, { name: 'Kendt ApS', cvr: '30521439', source: 'manual' });
  });
  after(async () => database.drop());

  it('lists every invalid row with line, column, value and reason in a dry run, and writes nothing', async () => {
    const before = await counts(database.db);
    const seen: number[] = [];
    const summary = await importResponses(database.db, admin, readFileLines(BROKEN), { dryRun: true, now, onError: (e) => seen.push(e.line) });
    assert.equal(summary.imported, false);
    assert.equal(summary.rows, 6);
    assert.equal(summary.invalidRows, 5);
    assert.equal(summary.errorCount, 15);
    assert.deepEqual(summary.errors.map((e) => e.line), [3, 4, 4, 5, 5, 5, 5, 6, 7, 7, 7, 7, 7, 7, 7]);
    assert.deepEqual(seen, summary.errors.map((e) => e.line));
    const recommend = summary.errors.find((e) => e.line === 3)!;
    assert.deepEqual([recommend.column, recommend.value], ['recommend', '11']);
    assert.match(recommend.message, /^Linje 3, kolonne "recommend": "11" er ikke et tal fra 0 til 10\.$/);
    assert.equal(summary.created, 1, 'the valid row B-01 is counted as it would be imported');
    assert.deepEqual(await counts(database.db), before);
  });

  it('imports nothing from a file with any invalid row (all or nothing)', async () => {
    const before = await counts(database.db);
    const summary = await importResponses(database.db, admin, readFileLines(BROKEN), { dryRun: false, now });
    assert.equal(summary.imported, false);
    assert.equal(summary.errorCount, 15);
    assert.deepEqual(await counts(database.db), before);
  });

  it('a dry run of a valid file reports what a real run then does; the second run changes nothing', async () => {
    const dry = await importResponses(database.db, admin, readFileLines(VALID), { dryRun: true, now });
    assert.deepEqual([dry.rows, dry.created, dry.updated, dry.unchanged, dry.errorCount], [18, 18, 0, 0, 0]);
    assert.equal((await counts(database.db)).responses, 0);

    const first = await importResponses(database.db, admin, readFileLines(VALID), { dryRun: false, fileName: 'responses.csv', now });
    assert.equal(first.imported, true);
    assert.deepEqual([first.created, first.updated, first.unchanged, first.linkedToCompanies], [18, 0, 0, 2]);
    const afterFirst = await counts(database.db);
    assert.equal(afterFirst.responses, 18);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'evaluationImport').execute();
    assert.equal(audit.length, 1);
    assert.equal((audit[0]!.after as { created: number }).created, 18);

    const second = await importResponses(database.db, admin, readFileLines(VALID), { dryRun: false, now });
    assert.deepEqual([second.imported, second.created, second.updated, second.unchanged], [true, 0, 0, 18]);
    assert.deepEqual(await counts(database.db), afterFirst, 'no rows and no audit entry added');

    const stored = await database.db.selectFrom('evaluation_responses').selectAll().where('source_response_id', '=', 'N23-07').executeTakeFirstOrThrow();
    assert.deepEqual([stored.source, stored.business_hub_id, stored.municipality_code, stored.segment, stored.recommend, stored.staff_competence, stored.used_referral], ['erst', 'nordjylland', '849', 'operations', 10, 'veryPleased', 'yes']);
    const linked = await database.db.selectFrom('evaluation_responses').select(['source_response_id', 'company_id']).where('company_id', 'is not', null).orderBy('source_response_id').execute();
    assert.deepEqual(linked.map((r) => r.source_response_id), ['N19-04', 'N23-01']);
  });

  it('updates a response whose answers changed, keyed on source and response_id', async () => {
    const text = `${HEADER}\nN23-01,erst,30521439,Erhvervshus Nordjylland,851,vækst,2023,2024-01-15,3,Meget tilfreds,I høj grad,,,,,,,,Ja,Ja,Ja`;
    const summary = await importResponses(database.db, admin, linesOf(text), { dryRun: false, now });
    assert.deepEqual([summary.imported, summary.created, summary.updated, summary.unchanged], [true, 0, 1, 0]);
    const own = `${HEADER}\nN23-01,own,30521439,Erhvervshus Nordjylland,851,vækst,2023,2024-01-15,10,,,,,,,,,,,,`;
    const other = await importResponses(database.db, admin, linesOf(own), { dryRun: false, now });
    assert.deepEqual([other.created, other.updated], [1, 0], 'the same id from another source is another response');
    const row = await database.db.selectFrom('evaluation_responses').select('recommend').where('source', '=', 'erst').where('source_response_id', '=', 'N23-01').executeTakeFirstOrThrow();
    assert.equal(row.recommend, 3);
  });

  it('lets a hub manager import their own hub’s rows only; other hubs’ rows are skipped and reported', async () => {
    const summary = await importResponses(database.db, manager, readFileLines(EDGES), { dryRun: true, now });
    assert.deepEqual(summary.hub, { id: 'nordjylland', name: 'Erhvervshus Nordjylland' });
    assert.equal(summary.errorCount, 0);
    assert.deepEqual(summary.skipped, { count: 2, lines: [3, 5], hubs: ['Erhvervshus Midtjylland', 'Erhvervshus Fyn'] });
    assert.deepEqual([summary.created, summary.unchanged], [2, 1]);
  });

  it('refuses a manager a response already imported for another hub', async () => {
    const midt = await actorAt(database.db, { kind: 'hub', businessHubId: 'midtjylland' }, ['manager']);
    const text = `${HEADER}\nN23-02,erst,28817649,Erhvervshus Midtjylland,730,drift,2023,,9,,,,,,,,,,,,`;
    const summary = await importResponses(database.db, midt, linesOf(text), { dryRun: true, now });
    assert.equal(summary.errorCount, 1);
    assert.match(summary.errors[0]!.message, /^Linje 2, kolonne "response_id": "N23-02" er allerede importeret for Erhvervshus Nordjylland/);
  });

  it('refuses advisers, KKR, viewers, and managers of local offices and external organisations', async () => {
    for (const roles of [['adviser'], ['kkr'], ['viewer']] as Role[][]) {
      const actor = await actorAt(database.db, { kind: 'hub', businessHubId: 'nordjylland' }, roles);
      await assert.rejects(importResponses(database.db, actor, readFileLines(VALID), { dryRun: true, now }), (e) => e instanceof AppError && e.code === 'forbidden');
    }
    for (const organisation of [{ kind: 'external' }, { kind: 'localOffice', municipalityCode: '851' }]) {
      const other = await actorAt(database.db, organisation, ['manager']);
      await assert.rejects(importResponses(database.db, other, readFileLines(VALID), { dryRun: true, now }), (e) => e instanceof AppError && e.code === 'forbidden');
    }
  });

  it('lets the platform (command line) import every hub’s rows', async () => {
    const summary = await importResponses(database.db, system, readFileLines(EDGES), { dryRun: true, now });
    assert.equal(summary.skipped.count, 0);
    assert.equal(summary.hub, null);
    assert.equal(summary.created, 4);
  });
});

describe('knudepunkt import responses', () => {
  let database: TestDatabase;
  before(async () => (database = await createTestDatabase()));
  after(async () => database.drop());
  async function run(args: string[]) {
    const out = { stdout: '', stderr: '' };
    const io: CliIo = {
      stdout: (text) => void (out.stdout += text),
      stderr: (text) => void (out.stderr += text),
      readFile: () => Promise.reject(new Error('not used')),
      readStdin: () => Promise.resolve(''),
      env: {},
    };
    const code = await runImportResponses(args, io, { database, now });
    return { code, ...out };
  }
  const stored = async () => Number((await database.db.selectFrom('evaluation_responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('prints every invalid row on stderr in a dry run, exits 2 and imports nothing', async () => {
    const { code, stdout, stderr } = await run([BROKEN, '--dry-run']);
    assert.equal(code, 2);
    assert.equal(stderr.match(/\nLinje \d/g)?.length, 15);
    assert.match(stderr, /Linje 5, kolonne "municipality_code": "081" er en regionskode/);
    assert.match(stdout, /^Prøvekørsel – intet er gemt\.\nRækker: 6, ugyldige: 5 \(15 fejl\)\./);
    assert.equal(await stored(), 0);
  });

  it('imports a valid file, and a second run reports no changes', async () => {
    const first = await run([VALID]);
    assert.equal(first.code, 0);
    assert.match(first.stdout, /Importen er gennemført\.\nRækker: 18, ugyldige: 0 \(0 fejl\)\.\nBesvarelser oprettet: 18, opdateret: 0, uændret: 0\./);
    const second = await run([VALID]);
    assert.equal(second.code, 0);
    assert.match(second.stdout, /Ingen ændringer/);
    assert.equal(await stored(), 18);
  });

  it('exits 1 for a missing file and 2 without a file', async () => {
    assert.equal((await run(['/nonexistent/responses.csv'])).code, 1);
    assert.equal((await run([])).code, 2);
  });
});

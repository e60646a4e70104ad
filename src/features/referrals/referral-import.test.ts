// The referrals CSV import against a real database: the dry run lists every invalid row and saves
// nothing, a real run is all or nothing, the same file twice changes nothing, imported referrals keep
// their historical times (and a history rebuilt from them) and notify no one; admins only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import type { UserActor } from '../../domain/actor.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { findUserById } from '../users/users.repository.ts';
import { importReferrals } from './referral-import.service.ts';

const fixtureText = readFileSync(join(import.meta.dirname, '../../../test/fixtures/referrals/referrals-import.csv'), 'utf8');
async function* linesOf(text: string) {
  yield* text.split(/\r?\n/);
}

describe('referrals CSV import', () => {
  let database: TestDatabase;
  let admin: UserActor;
  let adviser: UserActor;
  const count = async (table: 'referrals' | 'companies' | 'referral_events' | 'audit_log' | 'jobs' | 'notifications') =>
    Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    database = await createTestDatabase();
    const hub = await makeOrganisation(database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' });
    await makeOrganisation(database.db, { name: 'Erhvervsservice Læsø', kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    await makeOrganisation(database.db, { name: 'Eksportrådet', kind: 'external', businessHubId: null, email: 'henvisning@eksportraadet.example' });
    admin = actorFromUser((await findUserById(database.db, (await makeUser(database.db, { roles: ['admin'], organisationId: hub.id })).id))!);
    adviser = actorFromUser((await findUserById(database.db, (await makeUser(database.db, { roles: ['adviser'], organisationId: hub.id })).id))!);
  });
  after(async () => database.drop());

  it('is for admins only', async () => {
    await assert.rejects(importReferrals(database.db, adviser, linesOf(fixtureText)), (error: Error & { code?: string }) => error.code === 'forbidden');
  });

  it('checks the file in a dry run and saves nothing', async () => {
    const summary = await importReferrals(database.db, admin, linesOf(fixtureText), { dryRun: true });
    assert.deepEqual({ ...summary, errors: summary.errors.length }, { dryRun: true, imported: false, rows: 4, created: 4, updated: 0, unchanged: 0, companiesCreated: 2, errors: 0 });
    assert.equal(await count('referrals'), 0);
    assert.equal(await count('companies'), 0);
  });

  it('lists every invalid row of a dry run, with the database’s errors too, and a real run imports nothing', async () => {
    const broken = [
      fixtureText.trimEnd(),
      'H-5,2024-03-11,Eksportrådet,Erhvervsservice Læsø,40381279,,,Retur,sent,,,,,,,',
      'H-6,2024-03-11,Erhvervshus Nordjylland,Innovationsfonden,40381279,,,Innovation,sent,,,,,,,',
      'H-7,2024-03-11,Erhvervshus Nordjylland,Eksportrådet,29403473,,,Innovation,sent,,,,,,,',
      'H-8,2024-03-11,Erhvervshus Nordjylland,Eksportrådet,40381279,,,Innovation,closed,maybe,,,,2024-03-12,,',
    ].join('\n');
    for (const dryRun of [true, false]) {
      const summary = await importReferrals(database.db, admin, linesOf(broken), { dryRun });
      assert.equal(summary.imported, false);
      assert.deepEqual(
        summary.errors.map((e) => [e.line, e.column, e.value]),
        [
          [6, 'from_organisation', 'Eksportrådet'],
          [7, 'to_organisation', 'Innovationsfonden'],
          [8, 'cvr', '29403473'],
          [9, 'outcome', 'maybe'],
        ],
      );
      assert.match(summary.errors[0]!.message, /^Linje 6, kolonne "from_organisation": Eksportrådet er ikke et erhvervshus eller lokalt erhvervskontor/);
      assert.match(summary.errors[1]!.message, /"Innovationsfonden" er ikke en organisation i Knudepunkt/);
      assert.match(summary.errors[2]!.message, /CVR-nummeret 29403473 findes ikke i Knudepunkt/);
    }
    assert.equal(await count('referrals'), 0, 'all or nothing');
    assert.equal(await count('companies'), 0);
  });

  it('imports with the historical times and a rebuilt history, notifying no one', async () => {
    const jobsBefore = await count('jobs');
    const summary = await importReferrals(database.db, admin, linesOf(fixtureText));
    assert.deepEqual({ ...summary, errors: summary.errors.length }, { dryRun: false, imported: true, rows: 4, created: 4, updated: 0, unchanged: 0, companiesCreated: 2, errors: 0 });
    assert.equal(await count('jobs'), jobsBefore, 'no e-mails, no links');
    assert.equal(await count('notifications'), 0);
    assert.equal((await database.db.selectFrom('referral_links').select('id').execute()).length, 0);
    const h1 = await database.db.selectFrom('referrals').selectAll().where('source_id', '=', 'H-1').executeTakeFirstOrThrow();
    assert.equal(h1.state, 'closed');
    assert.equal(h1.outcome, 'used');
    assert.equal(h1.created_at.toISOString(), '2024-03-01T08:15:00.000Z');
    assert.equal(h1.contacted_at?.toISOString(), '2024-03-02T12:30:00.000Z');
    assert.equal(h1.closed_at?.toISOString(), '2024-04-14T22:00:00.000Z');
    assert.equal(h1.service_goal_hours, 48);
    assert.equal(h1.from_user_id, null);
    const events = await database.db.selectFrom('referral_events').selectAll().where('referral_id', '=', h1.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => [e.to_state, e.by_name, e.at.toISOString()]), [
      ['sent', 'Erhvervshus Nordjylland (import)', '2024-03-01T08:15:00.000Z'],
      ['received', 'Eksportrådet (import)', '2024-03-01T09:00:00.000Z'],
      ['contacted', 'Eksportrådet (import)', '2024-03-02T12:30:00.000Z'],
      ['closed', 'Eksportrådet (import)', '2024-04-14T22:00:00.000Z'],
    ]);
    const kajak = await database.db.selectFrom('referrals').select(['company_id', 'state', 'rejection_reason', 'kind']).where('source_id', 'in', ['H-2', 'H-3']).orderBy('source_id').execute();
    assert.equal(kajak[0]!.company_id, kajak[1]!.company_id, 'one pre-starter for both spellings');
    assert.deepEqual([kajak[1]!.state, kajak[1]!.rejection_reason, kajak[1]!.kind], ['rejected', 'Ingen kapacitet i foråret', 'lead']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = { referrals: await count('referrals'), events: await count('referral_events'), audit: await count('audit_log'), companies: await count('companies') };
    const summary = await importReferrals(database.db, admin, linesOf(fixtureText));
    assert.deepEqual({ created: summary.created, updated: summary.updated, unchanged: summary.unchanged, companiesCreated: summary.companiesCreated }, { created: 0, updated: 0, unchanged: 4, companiesCreated: 0 });
    assert.deepEqual({ referrals: await count('referrals'), events: await count('referral_events'), audit: await count('audit_log'), companies: await count('companies') }, before);
  });

  it('updates a referral whose row changed, keyed on referral_id', async () => {
    const changed = fixtureText.replace('H-4,2024-03-10,Erhvervshus Nordjylland,Eksportrådet,40381279,,,"Patenter; innovation",sent,,,,,,,', 'H-4,2024-03-10,Erhvervshus Nordjylland,Eksportrådet,40381279,,,"Patenter; innovation",received,,,2024-03-12,,,,');
    assert.notEqual(changed, fixtureText);
    const summary = await importReferrals(database.db, admin, linesOf(changed));
    assert.deepEqual([summary.created, summary.updated, summary.unchanged], [0, 1, 3]);
    const h4 = await database.db.selectFrom('referrals').selectAll().where('source_id', '=', 'H-4').executeTakeFirstOrThrow();
    assert.equal(h4.state, 'received');
    assert.equal(h4.received_at?.toISOString(), '2024-03-11T23:00:00.000Z');
    assert.equal((await database.db.selectFrom('referral_events').select('id').where('referral_id', '=', h4.id).execute()).length, 2);
  });
});

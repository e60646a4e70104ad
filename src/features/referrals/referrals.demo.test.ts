// The referral demo data (src/db/seed/demo-referrals.ts): a dozen referrals in Nordjylland in every
// state, seen through the same service as real ones.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock, minutes, systemClock } from '../../domain/clock.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { demoPassword, seedDemo } from '../../db/seed/demo.ts';
import { silentLogger } from '../../logger.ts';
import { createApp } from '../../web/app.tsx';
import { TestClient } from '../../../test/helpers/app.ts';
import { testConfig } from '../../../test/helpers/config.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { findUserByEmail } from '../users/users.repository.ts';
import { getReferralMetrics, listReferralBox } from './referrals.service.ts';
import { groupOf } from './referrals.views.tsx';

describe('referral demo data', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
  });
  after(async () => database.drop());

  it('loads a dozen referrals in every state, one to an external organisation, each with its history and audit entry', async () => {
    const db = database.db;
    const rows = await db.selectFrom('referrals as r').innerJoin('organisations as o', 'o.id', 'r.to_organisation_id').select(['r.id', 'r.state', 'r.outcome', 'r.is_demo', 'o.kind', 'r.created_at']).execute();
    assert.equal(rows.length, 12);
    assert.ok(rows.every((r) => r.is_demo));
    assert.deepEqual([...new Set(rows.map((r) => r.state))].sort(), ['closed', 'inProgress', 'received', 'rejected', 'sent', 'withdrawn']);
    assert.deepEqual(rows.filter((r) => r.state === 'closed').map((r) => r.outcome).sort(), ['notRelevant', 'notUsed', 'used', 'used']);
    assert.equal(rows.filter((r) => r.kind === 'external').length, 1);
    const events = await db.selectFrom('referral_events').select('referral_id').execute();
    assert.ok(rows.every((r) => events.some((e) => e.referral_id === r.id)));
    const audited = await db.selectFrom('audit_log').select('entity_id').where('entity_type', '=', 'referral').where('actor_name', '=', 'Demodata').execute();
    assert.equal(audited.length, 12);
  });

  it('gives the hub an inbox with new, awaiting, overdue, in-progress and closed referrals, and live metrics', async () => {
    const db = database.db;
    const newest = await db.selectFrom('referrals').select((eb) => eb.fn.max('created_at').as('at')).executeTakeFirstOrThrow();
    // The newest demo referral was sent 3 hours before seeding: look at the data as it was then.
    const seededAt = new ManualClock(new Date(new Date(newest.at as Date).getTime() + 3 * 3_600_000));
    seededAt.advance(minutes(1));
    const hubAdviser = actorFromUser((await findUserByEmail(db, 'konsulent@demo.knudepunkt.example'))!);
    const inbox = await listReferralBox(db, hubAdviser, { box: 'inbox', mine: false });
    const groups = inbox.map((r) => groupOf(r, seededAt.now()));
    for (const group of ['new', 'awaiting', 'overdue', 'inProgress', 'closed'] as const) assert.ok(groups.includes(group), group);
    assert.equal(groups.filter((g) => g === 'overdue').length, 2);
    const metrics = await getReferralMetrics(db, seededAt, hubAdviser);
    assert.equal(metrics.total.n, 12);
    assert.ok(metrics.byReceiver.length >= 3 && metrics.bySender.length >= 5 && metrics.byMonth.length >= 2);
    assert.ok(metrics.total.withinGoal.share !== null && metrics.total.medianHoursToContact.hours !== null);
  });

  it('shows the hub its inbox on the start page: new, awaiting first contact and past the service goal, as links', async () => {
    const client = new TestClient(createApp({ database, config: testConfig(), logger: silentLogger, clock: systemClock }));
    await client.login('konsulent@demo.knudepunkt.example', demoPassword);
    const html = await (await client.get('/')).text();
    const card = /data-testid="home-inbox">(.*?)<\/ul>/s.exec(html)?.[1] ?? assert.fail('no inbox on the start page');
    assert.match(card, /href="\/henvisninger\?gruppe=overdue"><strong>2<\/strong> har overskredet servicemålet/);
    assert.match(card, /href="\/henvisninger\?gruppe=new"><strong>\d+<\/strong> nye/);
    assert.match(card, /href="\/henvisninger\?gruppe=awaiting"><strong>\d+<\/strong> afventer første kontakt/);
  });
});

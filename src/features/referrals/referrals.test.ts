// Referrals through the service: every transition, refusals with Danish messages, the sharing rule
// from a third organisation and another region, and the metrics with a manual clock (02-crm.md).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserActor } from '../../domain/actor.ts';
import { ManualClock, hours } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { createCompany } from '../companies/companies.service.ts';
import { createCourse } from '../courses/courses.service.ts';
import { findUserById } from '../users/users.repository.ts';
import {
  createReferral,
  getReferral,
  getReferralHistory,
  getReferralMetrics,
  listReferralBox,
  listReferralsOfCompany,
  openReferral,
  setServiceGoalHours,
  transitionReferral,
} from './referrals.service.ts';

describe('referrals', () => {
  let database: TestDatabase;
  const clock = new ManualClock('2026-05-04T08:00:00Z');
  let local: UserActor; // a local office in Nordjylland (Læsø)
  let localColleague: UserActor;
  let hub: UserActor; // the hub of Nordjylland
  let hubManager: UserActor;
  let third: UserActor; // another local office in Nordjylland (Aalborg)
  let thirdAdmin: UserActor; // an admin of the region, at the KKR secretariat
  let midt: UserActor; // another region's hub
  let externalId: string;
  let companyId: string;
  const actor = async (organisationId: string, roles: ('adviser' | 'manager' | 'admin' | 'viewer')[] = ['adviser']) =>
    actorFromUser((await findUserById(database.db, (await makeUser(database.db, { roles, organisationId })).id))!);
  const refer = (from: UserActor, to: string, extra: Record<string, unknown> = {}) =>
    createReferral(database.db, clock, from, companyId, { toOrganisationId: to, theme: 'Eksport til Tyskland', note: 'Ejeren vil gerne ringes op om formiddagen.', ...extra });
  const move = (who: UserActor, id: string, input: Record<string, unknown>) => transitionReferral(database.db, clock, who, id, input);
  const rejects = (promise: Promise<unknown>, code: string, message: RegExp) =>
    assert.rejects(promise, (error: AppError) => {
      assert.equal(error.code, code);
      assert.match(error.fields[0]?.message ?? error.userMessage, message);
      return true;
    });

  before(async () => {
    database = await createTestDatabase();
    const laeso = await makeOrganisation(database.db, { kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    const hubOrg = await makeOrganisation(database.db, { kind: 'hub', businessHubId: 'nordjylland' });
    const aalborg = await makeOrganisation(database.db, { kind: 'localOffice', municipalityCode: '851', businessHubId: null });
    const kkr = await makeOrganisation(database.db, { kind: 'kkrSecretariat', kkrId: 'kkr-nordjylland', businessHubId: null });
    const midtOrg = await makeOrganisation(database.db, { kind: 'hub', businessHubId: 'midtjylland' });
    externalId = (await makeOrganisation(database.db, { kind: 'external', businessHubId: null })).id;
    local = await actor(laeso.id);
    localColleague = await actor(laeso.id);
    hub = await actor(hubOrg.id);
    hubManager = await actor(hubOrg.id, ['manager', 'adviser']);
    third = await actor(aalborg.id);
    thirdAdmin = await actor(kkr.id, ['admin']);
    midt = await actor(midtOrg.id);
    companyId = (await createCompany(database.db, local, { name: 'Læsø Saltsyderi I/S', cvr: '40381279', municipalityCode: '825' })).id;
  });
  after(async () => database.drop());

  it('goes sent → received → contacted → inProgress → closed, each step timestamped, by whom, audited', async () => {
    const sent = await refer(local, hub.organisationId);
    assert.equal(sent.state, 'sent');
    assert.equal(sent.serviceGoalHours, 48);
    clock.advance(hours(1));
    const seenBySender = await openReferral(database.db, clock, local, sent.id);
    assert.equal(seenBySender.state, 'sent', 'the sender opening it changes nothing');
    const received = await openReferral(database.db, clock, hub, sent.id);
    assert.equal(received.state, 'received');
    assert.equal(received.receivedAt?.toISOString(), '2026-05-04T09:00:00.000Z');
    clock.advance(hours(3));
    const contacted = await move(hub, sent.id, { to: 'contacted' });
    assert.equal(contacted.contactedAt?.toISOString(), '2026-05-04T12:00:00.000Z');
    assert.equal(contacted.receiverUserName, hub.name);
    await move(hub, sent.id, { to: 'inProgress', note: 'Møde aftalt' });
    clock.advance(hours(24));
    const closed = await move(hub, sent.id, { to: 'closed', outcome: 'used' });
    assert.deepEqual([closed.state, closed.outcome, closed.closedAt?.toISOString()], ['closed', 'used', '2026-05-05T12:00:00.000Z']);

    const history = await getReferralHistory(database.db, local, await getReferral(database.db, local, sent.id));
    assert.deepEqual(history.map((e) => [e.fromState, e.toState, e.byName]), [
      [null, 'sent', local.name],
      ['sent', 'received', hub.name],
      ['received', 'contacted', hub.name],
      ['contacted', 'inProgress', hub.name],
      ['inProgress', 'closed', hub.name],
    ]);
    assert.equal(history[3]?.note, 'Møde aftalt');
    const audit = await database.db.selectFrom('audit_log').select(['action', 'actor_name']).where('entity_type', '=', 'referral').where('entity_id', '=', sent.id).execute();
    assert.equal(audit.length, 5);
    // The referring side sees state and outcome.
    const seen = await getReferral(database.db, local, sent.id);
    assert.deepEqual([seen.state, seen.outcome], ['closed', 'used']);
  });

  it('refuses transitions that do not exist, with a Danish message naming the states', async () => {
    const { id } = await refer(local, hub.organisationId);
    await rejects(move(hub, id, { to: 'closed', outcome: 'used' }), 'conflict', /status "modtaget" kan ikke ændres til "afsluttet"/);
    await rejects(move(hub, id, { to: 'sent' }), 'conflict', /kan ikke sendes igen/);
    await move(hub, id, { to: 'contacted' });
    await rejects(move(hub, id, { to: 'closed' }), 'validation', /Vælg et udfald/);
    await rejects(move(hub, id, { to: 'closed', outcome: 'maybe' }), 'validation', /"maybe" er ikke et udfald/);
    await rejects(move(hub, id, { to: 'withdrawn' }), 'conflict', /Kun den henvisende organisation/);
    await rejects(move(local, id, { to: 'inProgress' }), 'conflict', /Kun den modtagende organisation/);
    await rejects(move(hub, id, { to: 'nowhere' }), 'validation', /Vælg en gyldig ny status/);
    await move(hub, id, { to: 'closed', outcome: 'notRelevant' });
    await rejects(move(local, id, { to: 'withdrawn' }), 'conflict', /"afsluttet" kan ikke ændres til "trukket tilbage"/);
  });

  it('rejects only with a reason, and lets the sender withdraw before it is closed', async () => {
    const first = await refer(local, hub.organisationId);
    await rejects(move(hub, first.id, { to: 'rejected' }), 'validation', /Skriv en begrundelse/);
    const rejected = await move(hub, first.id, { to: 'rejected', reason: 'Virksomheden er allerede i forløb hos os.' });
    assert.deepEqual([rejected.state, rejected.rejectionReason], ['rejected', 'Virksomheden er allerede i forløb hos os.']);
    await rejects(move(local, first.id, { to: 'withdrawn' }), 'conflict', /"afvist" kan ikke ændres til "trukket tilbage"/);

    const second = await refer(local, hub.organisationId);
    await move(hub, second.id, { to: 'contacted' });
    const withdrawn = await move(localColleague, second.id, { to: 'withdrawn', note: 'Virksomheden har selv fundet en rådgiver.' });
    assert.equal(withdrawn.state, 'withdrawn');
  });

  it('refers to an external organisation and keeps the receiver’s service goal at the time sent', async () => {
    await setServiceGoalHours(database.db, hubManager, { hours: '24' });
    const toHub = await refer(local, hub.organisationId);
    assert.equal(toHub.serviceGoalHours, 24);
    await setServiceGoalHours(database.db, hubManager, { hours: 48 });
    assert.equal((await getReferral(database.db, hub, toHub.id)).serviceGoalHours, 24);
    await assert.rejects(setServiceGoalHours(database.db, hub, { hours: 12 }), (error: AppError) => error.code === 'forbidden');
    await rejects(setServiceGoalHours(database.db, hubManager, { hours: 0 }), 'validation', /mindst 1 time/);
    const toExternal = await refer(hub, externalId, { theme: 'Eksportrådets markedsafklaring' });
    assert.equal(toExternal.toOrganisationKind, 'external');
  });

  it('refuses a referral to one’s own organisation, an unknown organisation, or from a viewer, naming the value', async () => {
    await rejects(refer(local, local.organisationId), 'validation', /egen organisation/);
    await rejects(refer(local, '00000000-0000-4000-8000-000000000000'), 'validation', /00000000-0000-4000-8000-000000000000 findes ikke/);
    await rejects(refer(local, hub.organisationId, { theme: ' ' }), 'validation', /Skriv temaet/);
    const viewer = await actor(local.organisationId, ['viewer']);
    await assert.rejects(refer(viewer, hub.organisationId), (error: AppError) => error.code === 'forbidden');
  });

  it('links a referral from a course of the same company', async () => {
    const course = await createCourse(database.db, hub, companyId, { category: 'growth', themes: ['innovation'], startDate: '2026-05-01', status: 'active' });
    const fromCourse = await refer(hub, externalId, { courseId: course.id });
    assert.equal(fromCourse.courseId, course.id);
    const other = (await createCompany(database.db, local, { name: 'Læsø Fisk ApS', municipalityCode: '825' })).id;
    await rejects(createReferral(database.db, clock, hub, other, { toOrganisationId: externalId, theme: 'x', courseId: course.id }), 'validation', /hører ikke til Læsø Fisk ApS/);
  });

  it('shows a third organisation in the region that the referral exists, but not its note; nothing to another region', async () => {
    const referral = await refer(local, hub.organisationId);
    const seenByThird = await getReferral(database.db, third, referral.id);
    assert.deepEqual([seenByThird.state, seenByThird.theme, seenByThird.note, seenByThird.detailsVisible], ['sent', 'Eksport til Tyskland', null, false]);
    assert.equal((await getReferral(database.db, hub, referral.id)).note, 'Ejeren vil gerne ringes op om formiddagen.');
    assert.equal((await getReferral(database.db, thirdAdmin, referral.id)).note, 'Ejeren vil gerne ringes op om formiddagen.', 'the region’s admin');
    assert.ok((await listReferralsOfCompany(database.db, third, companyId)).every((r) => r.note === null));
    await rejects(move(third, referral.id, { to: 'contacted' }), 'forbidden', /Kun .* og .* kan ændre henvisningens status/);
    await rejects(getReferral(database.db, midt, referral.id), 'notFound', /Henvisningen findes ikke/);
    assert.equal((await openReferral(database.db, clock, third, referral.id)).state, 'sent', 'a third party opening it changes nothing');
  });

  it('lists inbox and outbox per organisation and per adviser', async () => {
    const inbox = await listReferralBox(database.db, hub, { box: 'inbox', mine: false });
    assert.ok(inbox.length >= 5 && inbox.every((r) => r.toOrganisationId === hub.organisationId));
    const mine = await listReferralBox(database.db, hub, { box: 'inbox', mine: true });
    assert.ok(mine.length > 0 && mine.every((r) => r.receiverUserId === hub.userId));
    const outbox = await listReferralBox(database.db, localColleague, { box: 'outbox', mine: false });
    assert.ok(outbox.length >= 5 && outbox.every((r) => r.fromOrganisationId === local.organisationId));
    assert.deepEqual(await listReferralBox(database.db, localColleague, { box: 'outbox', mine: true }), []);
  });

  it('computes the metrics per receiver, sender and month with the clock’s now', async () => {
    const db = await createTestDatabase();
    try {
      const hubOrg = await makeOrganisation(db.db, { kind: 'hub', businessHubId: 'nordjylland' });
      const office = await makeOrganisation(db.db, { kind: 'localOffice', municipalityCode: '851', businessHubId: null });
      const sender = actorFromUser((await findUserById(db.db, (await makeUser(db.db, { organisationId: office.id })).id))!);
      const receiver = actorFromUser((await findUserById(db.db, (await makeUser(db.db, { organisationId: hubOrg.id })).id))!);
      const company = (await createCompany(db.db, sender, { name: 'Aalborg Stål A/S', municipalityCode: '851' })).id;
      const time = new ManualClock('2026-04-30T22:30:00Z'); // 1 May in Denmark
      const send = async () => (await createReferral(db.db, time, sender, company, { toOrganisationId: hubOrg.id, theme: 'Vækst' })).id;
      const a = await send();
      time.advance(hours(10));
      await transitionReferral(db.db, time, receiver, a, { to: 'contacted' });
      await transitionReferral(db.db, time, receiver, a, { to: 'closed', outcome: 'used' });
      const b = await send();
      time.advance(hours(50));
      await transitionReferral(db.db, time, receiver, b, { to: 'contacted' });
      await send(); // never contacted: overdue once 48 hours have passed
      let metrics = await getReferralMetrics(db.db, time, receiver);
      assert.deepEqual(metrics.total.withinGoal, { n: 2, met: 1, share: 0.5 });
      time.advance(hours(48));
      metrics = await getReferralMetrics(db.db, time, receiver);
      assert.deepEqual(metrics.total.withinGoal, { n: 3, met: 1, share: 1 / 3 });
      assert.deepEqual(metrics.total.medianHoursToContact, { n: 2, hours: 30 });
      assert.deepEqual(metrics.total.outcomes, { n: 1, used: 1, notUsed: 0, notRelevant: 0 });
      assert.deepEqual(metrics.byMonth.map((m) => [m.key, m.n]), [['2026-05', 3]]);
      assert.deepEqual(metrics.byReceiver.map((m) => m.label), [hubOrg.name]);
      assert.deepEqual(metrics.bySender.map((m) => m.label), [office.name]);
      assert.equal((await getReferralMetrics(db.db, time, receiver, { year: 2025 })).total.n, 0);
    } finally {
      await db.drop();
    }
  });
});

// The overdue job (issue 5) with a manual clock: not overdue at 47 h 59 min, flagged at 48 h, flagged
// and notified once however often and by however many runners it runs, never for a contacted
// referral, and with the receiving organisation's own service goal. And once, the overdue e-mail all
// the way through the job runner to a real SMTP server on loopback.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { makeOrganisation, makeUser } from '../../test/helpers/factories.ts';
import { bodyText, decodeWords, header } from '../../test/helpers/mime.ts';
import { startLoopbackSmtp, type LoopbackSmtp, type ReceivedMail } from '../../test/helpers/smtp.ts';
import { loadConfig, type Config } from '../config.ts';
import type { UserActor } from '../domain/actor.ts';
import { hours, ManualClock, minutes } from '../domain/clock.ts';
import { actorFromUser } from '../features/auth/auth.service.ts';
import { createCompany } from '../features/companies/companies.service.ts';
import { createMailer } from '../features/mail/mailer.ts';
import { setNotificationPreferences } from '../features/notifications/notifications.service.ts';
import { createReferral, openReferral, setServiceGoalHours, transitionReferral } from '../features/referrals/referrals.service.ts';
import { findUserById } from '../features/users/users.repository.ts';
import { silentLogger } from '../logger.ts';
import { createJobRegistry } from './definitions.ts';
import { foundationJobDefinitions } from './foundation-jobs.ts';
import { enqueueJob } from './queue.ts';
import { ensureReferralSchedules, FLAG_OVERDUE_JOB, flagOverdueReferrals, referralJobDefinitions } from './referral-jobs.ts';
import { createJobRunner } from './runner.ts';

describe('referrals.flagOverdue', () => {
  let database: TestDatabase;
  let dataDir: string;
  let config: Config;
  // Later than the database's now(), which queueMail's run_at comes from, so queued mail is due.
  const clock = new ManualClock('2030-06-03T08:00:00Z');
  let sender: UserActor; // an adviser at a local office
  let senderColleague: UserActor;
  let receiver: UserActor; // an adviser at the hub
  let receiverManager: UserActor;
  let receiverViewer: UserActor;
  let hubId: string;
  let companyId: string;
  const registry = createJobRegistry(foundationJobDefinitions, referralJobDefinitions);

  const actor = async (organisationId: string, roles: ('adviser' | 'manager' | 'viewer')[] = ['adviser'], email?: string) =>
    actorFromUser((await findUserById(database.db, (await makeUser(database.db, { roles, organisationId, ...(email ? { email } : {}) })).id))!);
  const refer = () => createReferral(database.db, clock, sender, companyId, { toOrganisationId: hubId, theme: 'Generationsskifte', note: 'Ejeren er syg – ring til datteren.' });
  const runner = (workerId: string, mailer = createMailer(config, silentLogger, clock)) =>
    createJobRunner({ database, definitions: registry, config, logger: silentLogger, clock, mailer, workerId });
  const overdueNotifications = (referralId: string) =>
    database.db.selectFrom('notifications').select(['user_id', 'title', 'body']).where('kind', '=', 'referralOverdue').where('referral_id', '=', referralId).orderBy('user_id').execute();
  const overdueAt = async (referralId: string) => (await database.db.selectFrom('referrals').select('overdue_at').where('id', '=', referralId).executeTakeFirstOrThrow()).overdue_at;
  const runFlagJob = async (...runners: ReturnType<typeof runner>[]) => {
    await enqueueJob(database.db, FLAG_OVERDUE_JOB, {}, { runAt: clock.now() });
    await Promise.all(runners.map((r) => r.runDueJobs()));
  };

  before(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'kp-referral-jobs-'));
    config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent', BASE_URL: 'https://knudepunkt.example.dk' });
    const laeso = await makeOrganisation(database.db, { name: 'Erhvervsservice Læsø', kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    const hub = await makeOrganisation(database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' });
    hubId = hub.id;
    sender = await actor(laeso.id, ['adviser'], 'afsender@laeso.example.dk');
    senderColleague = await actor(laeso.id);
    receiver = await actor(hub.id, ['adviser'], 'modtager@erhvervshus.example.dk');
    receiverManager = await actor(hub.id, ['manager']);
    receiverViewer = await actor(hub.id, ['viewer']);
    companyId = (await createCompany(database.db, sender, { name: 'Læsø Saltsyderi I/S', cvr: '40381279', municipalityCode: '825' })).id;
  });
  after(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await database.db.deleteFrom('jobs').execute();
  });

  it('is not overdue at 47 h 59 min, is flagged at 48 h and tells the receiving organisation and the sending adviser', async () => {
    const referral = await refer();
    const sentAt = clock.now();
    clock.set(new Date(sentAt.getTime() + hours(47) + minutes(59)));
    await runFlagJob(runner('a'));
    assert.equal(await overdueAt(referral.id), null);
    assert.deepEqual(await overdueNotifications(referral.id), []);

    clock.set(new Date(sentAt.getTime() + hours(48)));
    await runFlagJob(runner('a'));
    assert.equal((await overdueAt(referral.id))?.toISOString(), clock.now().toISOString());
    const told = await overdueNotifications(referral.id);
    assert.deepEqual(told.map((n) => n.user_id), [receiver.userId, receiverManager.userId, sender.userId].sort(), 'not the viewer, not the sender’s colleague');
    assert.ok(!told.some((n) => n.user_id === receiverViewer.userId || n.user_id === senderColleague.userId));
    assert.equal(told[0]!.title, 'Servicemål overskredet: Læsø Saltsyderi I/S');
    assert.match(told[0]!.body, /fra Erhvervsservice Læsø til Erhvervshus Nordjylland.*servicemålet på 48 timer/);
    assert.doesNotMatch(told[0]!.body, /datteren/, 'the note stays on the referral page');
  });

  it('flags and notifies once, however often and by however many runners it runs', async () => {
    const first = await refer();
    const second = await refer();
    clock.advance(hours(49));
    await ensureReferralSchedules(database.db, clock);
    await ensureReferralSchedules(database.db, clock); // a second boot changes nothing
    const schedule = await database.db.selectFrom('job_schedules').selectAll().where('name', '=', FLAG_OVERDUE_JOB).executeTakeFirstOrThrow();
    assert.equal(schedule.cron, '*/15 * * * *');
    clock.set(schedule.next_run_at);

    const [a, b] = [runner('a'), runner('b')];
    const enqueued = await Promise.all([a.runScheduled(), b.runScheduled()]);
    assert.equal(enqueued[0] + enqueued[1], 1, 'one job for the slot');
    await runFlagJob(a, b); // and a second job in the same slot, run by both at once
    await Promise.all([
      database.db.transaction().execute((trx) => flagOverdueReferrals(trx, clock)),
      database.db.transaction().execute((trx) => flagOverdueReferrals(trx, clock)),
    ]);
    await Promise.all([a.runDueJobs(), b.runDueJobs()]);

    for (const referral of [first, second]) {
      assert.notEqual(await overdueAt(referral.id), null);
      assert.equal((await overdueNotifications(referral.id)).length, 3, 'three users, each told once');
    }
    for (const referral of [first, second]) {
      const mails = await database.db.selectFrom('mail_log').select('recipient').where('subject', 'like', 'Servicemål%').where('text_body', 'like', `%${referral.id}%`).orderBy('recipient').execute();
      assert.equal(mails.length, 3, 'one overdue e-mail per user and referral');
      assert.ok(mails.some((mail) => mail.recipient === 'afsender@laeso.example.dk'));
    }
  });

  it('never flags a referral that was contacted, rejected or withdrawn', async () => {
    const contacted = await refer();
    const rejected = await refer();
    const withdrawn = await refer();
    clock.advance(hours(10));
    await openReferral(database.db, clock, receiver, contacted.id);
    await transitionReferral(database.db, clock, receiver, contacted.id, { to: 'contacted' });
    await transitionReferral(database.db, clock, receiver, rejected.id, { to: 'rejected', reason: 'Uden for målgruppen' });
    await transitionReferral(database.db, clock, sender, withdrawn.id, { to: 'withdrawn' });
    clock.advance(hours(100));
    await runFlagJob(runner('a'));
    for (const referral of [contacted, rejected, withdrawn]) {
      assert.equal(await overdueAt(referral.id), null);
      assert.deepEqual(await overdueNotifications(referral.id), []);
    }
  });

  it("honours the receiving organisation's service goal, and a referral keeps the goal it was sent with", async () => {
    const sentWith48 = await refer();
    await setServiceGoalHours(database.db, receiverManager, { hours: 24 });
    const sentWith24 = await refer();
    const sentAt = clock.now();
    try {
      clock.set(new Date(sentAt.getTime() + hours(23) + minutes(59)));
      await runFlagJob(runner('a'));
      assert.equal(await overdueAt(sentWith24.id), null);
      clock.set(new Date(sentAt.getTime() + hours(24)));
      await runFlagJob(runner('a'));
      assert.notEqual(await overdueAt(sentWith24.id), null);
      assert.match((await overdueNotifications(sentWith24.id))[0]!.body, /servicemålet på 24 timer/);
      assert.equal(await overdueAt(sentWith48.id), null, 'sent with 48 hours, not yet overdue');
    } finally {
      await setServiceGoalHours(database.db, receiverManager, { hours: 48 });
    }
  });

  describe('through a real SMTP server on loopback', () => {
    let smtp: LoopbackSmtp;
    let port: number;
    let received: ReceivedMail[];

    before(async () => {
      smtp = await startLoopbackSmtp();
      ({ port, received } = smtp);
    });
    after(async () => smtp.close());

    it('sends the overdue e-mail through the job runner to the SMTP server, only to those who want it', async () => {
      // Everyone at the hub but the adviser has e-mail about overdue referrals off; the sender too.
      await setNotificationPreferences(database.db, receiverManager, { email: ['referralNew', 'referralChanged'] });
      await setNotificationPreferences(database.db, sender, { email: [] });
      // Whatever earlier tests left waiting is flagged first, out of this test's way.
      clock.advance(hours(100));
      await flagOverdueReferrals(database.db, clock);
      const referral = await refer();
      clock.advance(hours(48));
      await database.db.deleteFrom('jobs').execute(); // the new-referral mails are not this test's business

      const smtpConfig = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent', BASE_URL: 'https://knudepunkt.example.dk', SMTP_URL: `smtp://127.0.0.1:${port}` });
      const mailer = createMailer(smtpConfig, silentLogger, clock);
      assert.equal(mailer.transport, 'smtp');
      await enqueueJob(database.db, FLAG_OVERDUE_JOB, {}, { runAt: clock.now() });
      const ran = await createJobRunner({ database, definitions: registry, config: smtpConfig, logger: silentLogger, clock, mailer }).runDueJobs();
      mailer.close();

      assert.equal(ran, 3, 'the flag job, one notifications.email job, one sendMail job');
      assert.equal(received.length, 1);
      const [mail] = received;
      assert.deepEqual(mail!.to, ['modtager@erhvervshus.example.dk']);
      assert.equal(decodeWords(header(mail!.raw, 'Subject')), 'Servicemål overskredet: Læsø Saltsyderi I/S');
      const text = bodyText(mail!.raw);
      assert.match(text, /^Hej Test Bruger\r?\n/);
      assert.ok(text.includes(`https://knudepunkt.example.dk/henvisninger/${referral.id}`), 'an absolute link to the referral');
      assert.ok(text.includes('https://knudepunkt.example.dk/notifikationer/indstillinger'), 'where to change the choice');
      assert.doesNotMatch(text, /datteren/, 'no note in the e-mail');
      const jobs = await database.db.selectFrom('jobs').select(['type', 'status']).orderBy('id').execute();
      assert.deepEqual(jobs.map((job) => [job.type, job.status]), [[FLAG_OVERDUE_JOB, 'succeeded'], ['notifications.email', 'succeeded'], ['sendMail', 'succeeded']]);
      assert.equal((await overdueNotifications(referral.id)).length, 3, 'in-app for everyone, e-mail only for the one who wants it');
    });
  });
});

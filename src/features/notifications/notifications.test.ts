// Notifications per event and recipient (new referral, each state change, withdrawal by the sender),
// the e-mail choice (off → in-app only), the notifications.email job (absolute link, never twice),
// and the pages: the header count, the list with unread first, mark as read with CSRF, the settings.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import type { UserActor } from '../../domain/actor.ts';
import { hours, ManualClock } from '../../domain/clock.ts';
import { createJobRegistry } from '../../jobs/definitions.ts';
import { foundationJobDefinitions } from '../../jobs/foundation-jobs.ts';
import { referralJobDefinitions } from '../../jobs/referral-jobs.ts';
import { createJobRunner } from '../../jobs/runner.ts';
import { silentLogger } from '../../logger.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { createCompany } from '../companies/companies.service.ts';
import { createMailer } from '../mail/mailer.ts';
import { createReferral, openReferral, transitionReferral } from '../referrals/referrals.service.ts';
import { findUserById } from '../users/users.repository.ts';
import { getNotificationPreferences, listNotifications, NOTIFICATION_EMAIL_JOB, setNotificationPreferences } from './notifications.service.ts';

describe('notifications', () => {
  let t: TestApp;
  // Later than the database's now(), which queueMail's run_at comes from, so queued mail is due.
  const clock = new ManualClock('2030-09-02T07:00:00Z');
  let sender: UserActor;
  let senderColleague: UserActor;
  let receiver: UserActor;
  let receiverManager: UserActor;
  let receiverViewer: UserActor;
  let inactive: UserActor;
  let hubId: string;
  let companyId: string;
  const emails: Record<string, string> = {};

  const actor = async (organisationId: string, roles: ('adviser' | 'manager' | 'viewer')[], name: string) => {
    const user = await makeUser(t.database.db, { roles, organisationId, name });
    emails[user.id] = user.email;
    return actorFromUser((await findUserById(t.database.db, user.id))!);
  };
  const refer = () => createReferral(t.database.db, clock, sender, companyId, { toOrganisationId: hubId, theme: 'Eksport til Tyskland', note: 'Direktøren er sygemeldt.' });
  const notificationsOf = (userId: string, referralId: string) =>
    t.database.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('referral_id', '=', referralId).orderBy('created_at').orderBy('title').execute();
  const emailJobsFor = async (referralId: string) => {
    const jobs = await t.database.db.selectFrom('jobs').select('payload').where('type', '=', NOTIFICATION_EMAIL_JOB).execute();
    const ids = jobs.map((job) => (job.payload as { notificationId: string }).notificationId);
    if (ids.length === 0) return [];
    return t.database.db.selectFrom('notifications').select(['user_id', 'kind']).where('id', 'in', ids).where('referral_id', '=', referralId).orderBy('user_id').execute();
  };

  before(async () => {
    t = await createTestApp({ clock, config: { BASE_URL: 'https://knudepunkt.example.dk' } });
    const laeso = await makeOrganisation(t.database.db, { name: 'Erhvervsservice Læsø', kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    const hub = await makeOrganisation(t.database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' });
    hubId = hub.id;
    sender = await actor(laeso.id, ['adviser'], 'Sara Sender');
    senderColleague = await actor(laeso.id, ['adviser'], 'Kim Kollega');
    receiver = await actor(hub.id, ['adviser'], 'Rasmus Rådgiver');
    receiverManager = await actor(hub.id, ['manager'], 'Mette Leder');
    receiverViewer = await actor(hub.id, ['viewer'], 'Lis Læser');
    inactive = await actor(hub.id, ['adviser'], 'Ib Inaktiv');
    await t.database.db.updateTable('users').set({ active: false }).where('id', '=', inactive.userId).execute();
    companyId = (await createCompany(t.database.db, sender, { name: 'Læsø Saltsyderi I/S', cvr: '40381279', municipalityCode: '825' })).id;
  });
  after(async () => t.close());
  beforeEach(async () => {
    await t.database.db.deleteFrom('jobs').execute();
  });

  describe('who is told what', () => {
    it('tells the advisers and managers of the receiving organisation about a new referral, in-app and by e-mail', async () => {
      const referral = await refer();
      for (const user of [receiver, receiverManager]) {
        const [notification, ...more] = await notificationsOf(user.userId, referral.id);
        assert.equal(more.length, 0);
        assert.deepEqual([notification!.kind, notification!.title, notification!.read_at], ['referralNew', 'Ny henvisning: Læsø Saltsyderi I/S', null]);
        assert.equal(notification!.body, 'Erhvervsservice Læsø har henvist Læsø Saltsyderi I/S til Erhvervshus Nordjylland. Tema: Eksport til Tyskland');
      }
      for (const user of [sender, senderColleague, receiverViewer, inactive]) assert.deepEqual(await notificationsOf(user.userId, referral.id), [], user.name);
      assert.deepEqual(
        (await emailJobsFor(referral.id)).map((row) => row.user_id),
        [receiver.userId, receiverManager.userId].sort(),
      );
    });

    it('tells the sending adviser about each change the receiver makes, and not the receiver who made it', async () => {
      const referral = await refer();
      clock.advance(hours(1));
      await openReferral(t.database.db, clock, receiver, referral.id);
      clock.advance(hours(1));
      await transitionReferral(t.database.db, clock, receiver, referral.id, { to: 'contacted' });
      clock.advance(hours(1));
      await transitionReferral(t.database.db, clock, receiver, referral.id, { to: 'closed', outcome: 'used' });
      const told = await notificationsOf(sender.userId, referral.id);
      assert.deepEqual(told.map((n) => [n.kind, n.title]), [
        ['referralChanged', 'Henvisning modtaget: Læsø Saltsyderi I/S'],
        ['referralChanged', 'Henvisning kontaktet: Læsø Saltsyderi I/S'],
        ['referralChanged', 'Henvisning afsluttet: Læsø Saltsyderi I/S'],
      ]);
      assert.equal(told[2]!.body, 'Erhvervshus Nordjylland har ændret status på henvisningen af Læsø Saltsyderi I/S (fra Erhvervsservice Læsø til Erhvervshus Nordjylland) fra "kontaktet" til "afsluttet". Udfald: brugt.');
      assert.deepEqual((await notificationsOf(receiver.userId, referral.id)).map((n) => n.kind), ['referralNew'], 'nothing about his own changes');
      assert.deepEqual(await notificationsOf(senderColleague.userId, referral.id), []);
    });

    it("tells the receiving organisation's handler when the sender withdraws, and not the sender", async () => {
      const referral = await refer();
      await transitionReferral(t.database.db, clock, receiver, referral.id, { to: 'contacted' }); // opens it first: receiver handles it
      clock.advance(hours(1));
      await transitionReferral(t.database.db, clock, sender, referral.id, { to: 'withdrawn' });
      const handler = await notificationsOf(receiver.userId, referral.id);
      assert.deepEqual(handler.map((n) => [n.kind, n.title]), [
        ['referralNew', 'Ny henvisning: Læsø Saltsyderi I/S'],
        ['referralChanged', 'Henvisning trukket tilbage: Læsø Saltsyderi I/S'],
      ]);
      assert.match(handler[1]!.body, /^Erhvervsservice Læsø har ændret status/);
      assert.deepEqual((await notificationsOf(receiverManager.userId, referral.id)).map((n) => n.kind), ['referralNew'], 'only the handler hears of the withdrawal');
      assert.ok(!(await notificationsOf(sender.userId, referral.id)).some((n) => n.title.includes('trukket tilbage')));
    });

    it('never puts the note or a rejection reason in a notification', async () => {
      const referral = await refer();
      await transitionReferral(t.database.db, clock, receiver, referral.id, { to: 'rejected', reason: 'Ejeren har bedt os lade være' });
      const all = await t.database.db.selectFrom('notifications').select(['title', 'body']).where('referral_id', '=', referral.id).execute();
      assert.ok(all.length >= 3);
      for (const n of all) assert.doesNotMatch(`${n.title} ${n.body}`, /sygemeldt|lade være/);
    });
  });

  describe('the e-mail choice', () => {
    it('starts with e-mail on for every kind; with it off the user is told in-app only', async () => {
      assert.deepEqual(await getNotificationPreferences(t.database.db, receiverManager), { referralNew: true, referralChanged: true, referralOverdue: true });
      await setNotificationPreferences(t.database.db, receiverManager, { email: ['referralOverdue'] });
      assert.deepEqual(await getNotificationPreferences(t.database.db, receiverManager), { referralNew: false, referralChanged: false, referralOverdue: true });
      try {
        const referral = await refer();
        assert.equal((await notificationsOf(receiverManager.userId, referral.id)).length, 1, 'in-app');
        assert.deepEqual((await emailJobsFor(referral.id)).map((row) => row.user_id), [receiver.userId], 'e-mail only to the adviser');
      } finally {
        await setNotificationPreferences(t.database.db, receiverManager, { email: ['referralNew', 'referralChanged', 'referralOverdue'] });
      }
    });

    it('refuses a kind that does not exist, naming it', async () => {
      await assert.rejects(setNotificationPreferences(t.database.db, receiver, { email: ['referralNew', 'spam'] }), (error: { fields: { field: string; message: string }[] }) => {
        assert.match(error.fields[0]!.message, /referralNew, referralChanged, referralOverdue/);
        return true;
      });
    });

    it('sends the e-mail once, with an absolute link, through the runner and the outbox', async () => {
      const referral = await refer();
      const mailer = createMailer(t.config, silentLogger, clock);
      const runner = createJobRunner({ database: t.database, definitions: createJobRegistry(foundationJobDefinitions, referralJobDefinitions), config: t.config, logger: silentLogger, clock, mailer });
      assert.equal(await runner.runDueJobs(), 4, 'two notifications.email jobs, two sendMail jobs');
      // A rerun of a notifications.email job (its process died after queueing the mail) queues nothing.
      const done = await t.database.db.selectFrom('jobs').select('id').where('type', '=', NOTIFICATION_EMAIL_JOB).execute();
      await t.database.db.updateTable('jobs').set({ status: 'queued', run_at: clock.now() }).where('id', 'in', done.map((job) => job.id)).execute();
      assert.equal(await runner.runDueJobs(), 2);
      mailer.close();

      const mails = await t.database.db.selectFrom('mail_log').select(['recipient', 'subject', 'text_body']).where('text_body', 'like', `%${referral.id}%`).orderBy('recipient').execute();
      assert.deepEqual(mails.map((mail) => [mail.recipient, mail.subject]), [emails[receiver.userId]!, emails[receiverManager.userId]!].sort().map((to) => [to, 'Ny henvisning: Læsø Saltsyderi I/S']));
      const text = mails.find((mail) => mail.recipient === emails[receiver.userId])!.text_body;
      assert.match(text, /^Hej Rasmus Rådgiver\n\nErhvervsservice Læsø har henvist Læsø Saltsyderi I\/S til Erhvervshus Nordjylland/);
      assert.ok(text.includes(`https://knudepunkt.example.dk/henvisninger/${referral.id}`));
      assert.ok(text.includes('https://knudepunkt.example.dk/notifikationer/indstillinger'));
    });
  });

  describe('the pages', () => {
    let client: TestClient;
    let freshId: string;
    const html = async (path: string) => {
      const response = await client.get(path);
      assert.equal(response.status, 200, path);
      return response.text();
    };

    before(async () => {
      // A fresh adviser of the hub, with no notifications yet.
      const fresh = await makeUser(t.database.db, { roles: ['adviser'], organisationId: hubId, name: 'Frida Frisk' });
      client = t.client();
      await client.login(fresh.email);
      freshId = fresh.id;
    });

    it('shows the unread count next to the name, lists unread first and marks one and all read (CSRF required)', async () => {
      assert.match(await html('/'), /data-testid="notification-link"[^>]*>Notifikationer<\/a>/, 'no count without notifications');
      const first = await refer();
      clock.advance(hours(1));
      const second = await refer();
      clock.advance(hours(1));
      await client.login((await findUserById(t.database.db, freshId))!.email); // the session outlives no clock jump
      assert.match(await html('/'), /Notifikationer \(2<span class="sr-only"> ulæste<\/span>\)/);

      const list = await html('/notifikationer');
      assert.ok(list.indexOf(`/henvisninger/${second.id}`) < list.indexOf(`/henvisninger/${first.id}`), 'newest first');
      const mine = await listNotifications(t.database.db, actorFromUser((await findUserById(t.database.db, freshId))!));
      const older = mine.find((n) => n.referralId === first.id)!;

      const refused = await client.post(`/notifikationer/${older.id}/laest`, {}, { csrf: false });
      assert.equal(refused.status, 403);
      const marked = await client.post(`/notifikationer/${older.id}/laest`);
      assert.deepEqual([marked.status, marked.headers.get('location')], [303, '/notifikationer?besked=laest']);
      const after = await html('/notifikationer?besked=laest');
      assert.match(after, /Notifikationer \(1<span class="sr-only"> ulæste<\/span>\)/);
      assert.match(after, /Notifikationen er markeret som læst/);
      assert.ok(after.indexOf(`/henvisninger/${second.id}`) < after.indexOf(`/henvisninger/${first.id}`), 'unread first');
      assert.ok(!after.includes(`/notifikationer/${older.id}/laest`), 'a read notification has no button');

      // Someone else's notification is not found.
      const others = await listNotifications(t.database.db, receiver);
      assert.equal((await client.post(`/notifikationer/${others[0]!.id}/laest`)).status, 404);
      assert.equal((await client.post('/notifikationer/ikke-et-id/laest')).status, 404);

      assert.equal((await client.post('/notifikationer/laest')).status, 303);
      const none = await html('/notifikationer');
      assert.match(none, /0 ulæste/);
      assert.doesNotMatch(none, /Notifikationer \(\d/);
    });

    it('saves the e-mail choices from the settings form (CSRF required)', async () => {
      const form = await html('/notifikationer/indstillinger');
      for (const kind of ['referralNew', 'referralChanged', 'referralOverdue']) assert.match(form, new RegExp(`id="email-${kind}"[^>]*checked`));
      assert.match(form, /Send også e-mail/);
      assert.equal((await client.post('/notifikationer/indstillinger', { email: 'referralOverdue' }, { csrf: false })).status, 403);
      const saved = await client.post('/notifikationer/indstillinger', { email: 'referralOverdue' });
      assert.deepEqual([saved.status, saved.headers.get('location')], [303, '/notifikationer/indstillinger?besked=gemt']);
      const after = await html('/notifikationer/indstillinger?besked=gemt');
      assert.match(after, /Dine valg er gemt/);
      assert.match(after, /id="email-referralOverdue"[^>]*checked/);
      assert.doesNotMatch(after, /id="email-referralNew"[^>]*checked/);
      const nothing = await client.post('/notifikationer/indstillinger', {});
      assert.equal(nothing.status, 303);
      assert.doesNotMatch(await html('/notifikationer/indstillinger'), /checked/);
      const bad = await client.post('/notifikationer/indstillinger', { email: 'spam' });
      assert.equal(bad.status, 422);
    });
  });
});

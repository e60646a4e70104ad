// The evaluation invitations and reminders (issue 6, decision 010), through the job runner with a
// manual clock: an ended hub course is invited once however often and by however many runners the job
// runs; not before the hub's delay, not for cancelled courses or a local office's; reklamebeskyttede
// companies are invited, excluded companies and opted-out addresses are not; reminders come at the
// hub's spacing, at most its count, each step once, never after an answer, an opt-out or expiry. The
// token is only in the mail: an HMAC in the database, nothing in the log.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { testConfig } from '../../../test/helpers/config.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import type { UserActor } from '../../domain/actor.ts';
import { days, hours, ManualClock } from '../../domain/clock.ts';
import { createJobRegistry } from '../../jobs/definitions.ts';
import { ensureEvaluationSchedules, evaluationJobDefinitions, INVITE_JOB, REMIND_JOB } from '../../jobs/evaluation-jobs.ts';
import { foundationJobDefinitions } from '../../jobs/foundation-jobs.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { createJobRunner } from '../../jobs/runner.ts';
import { createLogger } from '../../logger.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { tokenHash } from '../auth/tokens.ts';
import { createCompany } from '../companies/companies.service.ts';
import { addContactPerson, eraseContactPerson } from '../contact-persons/contact-persons.service.ts';
import { createCourse } from '../courses/courses.service.ts';
import { createMailer } from '../mail/mailer.ts';
import { findUserById } from '../users/users.repository.ts';
import { optOutByLink } from './answer.service.ts';
import { danishDay, excludeCompany, getInvitationAdmin, includeCompanyAgain, registerOptOut, updateInvitationSettings } from './invitations.service.ts';

describe('evaluation invitations and reminders', () => {
  let database: TestDatabase;
  // Later than the database's now(), which queueMail's run_at comes from, so queued mail is due.
  const clock = new ManualClock('2030-06-03T08:00:00Z');
  const config = testConfig({ BASE_URL: 'https://knudepunkt.example.dk' });
  const logLines: string[] = [];
  const logger = createLogger('info', {}, (line) => logLines.push(line));
  let adviser: UserActor;
  let manager: UserActor;
  let localAdviser: UserActor;
  let otherHubManager: UserActor;
  const registry = createJobRegistry(foundationJobDefinitions, evaluationJobDefinitions);

  const actor = async (organisationId: string, roles: ('adviser' | 'manager')[]) => actorFromUser((await findUserById(database.db, (await makeUser(database.db, { roles, organisationId })).id))!);
  const runner = (workerId: string) => createJobRunner({ database, definitions: registry, config, logger, clock, mailer: createMailer(config, logger, clock), workerId });
  const runJob = async (type: string, ...runners: ReturnType<typeof runner>[]) => {
    await enqueueJob(database.db, type, {}, { runAt: clock.now() });
    await Promise.all((runners.length > 0 ? runners : [runner('a')]).map((r) => r.runDueJobs()));
  };
  const day = (offset: number) => new Date(Date.parse(`${danishDay(clock.now()).day}T00:00:00Z`) + days(offset)).toISOString().slice(0, 10);
  const mailsTo = (email: string) => database.db.selectFrom('mail_log').select(['subject', 'text_body']).where('recipient', '=', email).orderBy('sent_at').orderBy('id').execute();
  const invitationOf = (courseId: string) => database.db.selectFrom('evaluation_invitations').selectAll().where('course_id', '=', courseId).executeTakeFirst();
  const tokensIn = (text: string) => [...text.matchAll(/\/evaluering\/svar\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]!);

  let counter = 0;
  /** A company with a contact person and a course of the hub that ended `endedDaysAgo` days ago. */
  async function endedCourse(options: { email?: string | null; endedDaysAgo?: number; status?: 'completed' | 'cancelled' | 'active'; advertisingProtected?: boolean; cvr?: string; by?: UserActor } = {}) {
    counter += 1;
    const by = options.by ?? adviser;
    const company = await createCompany(database.db, by, { name: `Evalueringsvirksomhed ${counter} ApS`, municipalityCode: '851', ...(options.cvr ? { cvr: options.cvr } : {}), ...(options.advertisingProtected ? { advertisingProtected: 'on' } : {}) });
    const email = options.email === undefined ? `kontakt${counter}@virksomhed.example` : options.email;
    await addContactPerson(database.db, by, company.id, { name: `Kontakt ${counter}`, email: email ?? '' });
    const ended = day(-(options.endedDaysAgo ?? 2));
    const course = await createCourse(database.db, by, company.id, { category: 'growth', themes: ['innovation'], segment: 'growth', startDate: day(-(options.endedDaysAgo ?? 2) - 90), endDate: ended, status: options.status ?? 'completed' });
    return { companyId: company.id, courseId: course.id, email };
  }

  before(async () => {
    database = await createTestDatabase();
    const hub = await makeOrganisation(database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' });
    const office = await makeOrganisation(database.db, { name: 'Erhvervsservice Aalborg', kind: 'localOffice', municipalityCode: '851', businessHubId: null });
    const otherHub = await makeOrganisation(database.db, { name: 'Erhvervshus Midtjylland', kind: 'hub', businessHubId: 'midtjylland' });
    adviser = await actor(hub.id, ['adviser']);
    manager = await actor(hub.id, ['manager']);
    localAdviser = await actor(office.id, ['adviser']);
    otherHubManager = await actor(otherHub.id, ['manager']);
  });
  after(async () => database.drop());
  beforeEach(async () => {
    // Each test starts with nothing left to invite, remind or send.
    await database.db.updateTable('evaluation_invitations').set({ expires_at: new Date(0) }).execute();
    await database.db.updateTable('guidance_courses').set({ status: 'cancelled' }).execute();
    await database.db.deleteFrom('jobs').execute();
  });

  it('invites the contact person of an ended hub course once, however often and by however many runners the job runs', async () => {
    const { courseId, email } = await endedCourse();
    await ensureEvaluationSchedules(database.db, clock);
    await ensureEvaluationSchedules(database.db, clock); // a second boot changes nothing
    const schedule = await database.db.selectFrom('job_schedules').selectAll().where('name', '=', INVITE_JOB).executeTakeFirstOrThrow();
    assert.equal(schedule.cron, '5 * * * *');

    const [a, b] = [runner('a'), runner('b')];
    await runJob(INVITE_JOB, a, b);
    await runJob(INVITE_JOB, a, b);
    await runJob(INVITE_JOB);

    const mails = await mailsTo(email!);
    assert.equal(mails.length, 1, 'one mail');
    const invitation = (await invitationOf(courseId))!;
    assert.equal(invitation.email, email);
    assert.equal(invitation.business_hub_id, 'nordjylland');
    assert.equal(invitation.expires_at.getTime() - invitation.created_at.getTime(), days(30), 'the default validity');
    const [mail] = mails;
    assert.match(mail!.subject, /^Hvordan var forløbet med Erhvervshus Nordjylland\?/);
    assert.match(mail!.text_body, /^Kære Kontakt \d+/);
    const [token] = tokensIn(mail!.text_body);
    assert.ok(token, 'a personal link');
    assert.ok(mail!.text_body.includes(`https://knudepunkt.example.dk/evaluering/svar/${token}?lang=en`), 'the English link');
    assert.ok(mail!.text_body.includes(`https://knudepunkt.example.dk/evaluering/framelding/${token}`), 'the opt-out link');
    assert.match(mail!.text_body, /English: /);
    const stored = await database.db.selectFrom('evaluation_invitation_tokens').selectAll().where('invitation_id', '=', invitation.id).execute();
    assert.deepEqual(stored.map((row) => [row.step, row.token_hash]), [[0, tokenHash(config.sessionSecret, token!)]], 'only an HMAC of the token');
    assert.ok(!logLines.some((line) => line.includes(token!)), 'the token is never logged');
    assert.ok(logLines.some((line) => line.includes('Invitationer til brugerevalueringen er sendt')));
  });

  it('waits for the hub’s delay after the course ends, and skips cancelled courses and a local office’s', async () => {
    const today = await endedCourse({ endedDaysAgo: 0 });
    const cancelled = await endedCourse({ status: 'cancelled' });
    const local = await endedCourse({ by: localAdviser });
    const old = await endedCourse({ endedDaysAgo: 200 });
    await runJob(INVITE_JOB);
    for (const course of [today, cancelled, local, old]) assert.equal(await invitationOf(course.courseId), undefined);

    clock.advance(days(1));
    try {
      await runJob(INVITE_JOB);
      assert.notEqual(await invitationOf(today.courseId), undefined, 'one day after the end (the default delay)');
      for (const course of [cancelled, local, old]) assert.equal(await invitationOf(course.courseId), undefined);
    } finally {
      clock.advance(-days(1));
    }
  });

  it('invites a company flagged reklamebeskyttet: the evaluation is not marketing', async () => {
    const protectedCourse = await endedCourse({ advertisingProtected: true });
    const company = await database.db.selectFrom('companies').select('advertising_protected').where('id', '=', protectedCourse.companyId).executeTakeFirstOrThrow();
    assert.equal(company.advertising_protected, true);
    await runJob(INVITE_JOB);
    assert.notEqual(await invitationOf(protectedCourse.courseId), undefined);
    assert.equal((await mailsTo(protectedCourse.email!)).length, 1);
  });

  it('skips a company the hub excluded, audited, and invites it again once re-included', async () => {
    const excluded = await endedCourse({ cvr: '25313763' });
    await assert.rejects(excludeCompany(database.db, clock, adviser, undefined, { cvr: '25313763', reason: 'Klage' }), { code: 'forbidden' });
    await assert.rejects(excludeCompany(database.db, clock, otherHubManager, 'nordjylland', { cvr: '25313763', reason: 'Klage' }), { code: 'forbidden' });
    await assert.rejects(excludeCompany(database.db, clock, manager, undefined, { cvr: '2531376', reason: '' }), (error: { fields: { field: string; message: string }[] }) => {
      assert.deepEqual(error.fields.map((f) => f.field).sort(), ['cvr', 'reason']);
      assert.match(error.fields.find((f) => f.field === 'cvr')!.message, /CVR-nummer: skriv 8 cifre/);
      return true;
    });
    await excludeCompany(database.db, clock, manager, undefined, { cvr: '25313763', reason: 'Ejeren har bedt om ikke at blive kontaktet' });
    await runJob(INVITE_JOB);
    assert.equal(await invitationOf(excluded.courseId), undefined);
    const admin = await getInvitationAdmin(database.db, clock, manager, undefined);
    assert.deepEqual(admin.exclusions.map((x) => x.reason), ['Ejeren har bedt om ikke at blive kontaktet']);

    await includeCompanyAgain(database.db, manager, undefined, excluded.companyId);
    await runJob(INVITE_JOB);
    assert.notEqual(await invitationOf(excluded.courseId), undefined);
    const audit = await database.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('entity_type', '=', 'evaluationExclusion').orderBy('id').execute();
    assert.deepEqual(audit.map((row) => [row.action, row.actor_user_id]), [['create', manager.userId], ['delete', manager.userId]]);
  });

  it('never invites an address that opted out, nor a contact without an e-mail', async () => {
    const first = await endedCourse({ email: 'frameldt@virksomhed.example' });
    await runJob(INVITE_JOB);
    const [token] = tokensIn((await mailsTo('frameldt@virksomhed.example'))[0]!.text_body);
    await optOutByLink(database.db, { config, clock }, token!);
    assert.notEqual((await invitationOf(first.courseId))!.opted_out_at, null);

    const second = await endedCourse({ email: 'FRAMELDT@virksomhed.example' });
    const noEmail = await endedCourse({ email: null });
    await runJob(INVITE_JOB);
    assert.equal(await invitationOf(second.courseId), undefined, 'the same address in other letters');
    assert.equal(await invitationOf(noEmail.courseId), undefined);
    assert.equal((await mailsTo('frameldt@virksomhed.example')).length, 1);
  });

  it('lets the hub’s manager opt an address out as the link does: no reminder, no new invitation, audited without the address', async () => {
    const open = await endedCourse({ email: 'ringede@virksomhed.example' });
    await runJob(INVITE_JOB);
    assert.equal((await mailsTo('ringede@virksomhed.example')).length, 1);

    await assert.rejects(registerOptOut(database.db, clock, adviser, undefined, { email: 'ringede@virksomhed.example' }), { code: 'forbidden' });
    await assert.rejects(registerOptOut(database.db, clock, manager, undefined, { email: 'ringede(at)virksomhed' }), (error: { fields: { field: string; message: string }[] }) => {
      assert.deepEqual(error.fields, [{ field: 'email', message: 'E-mailadresse: skriv en gyldig adresse, fx navn@virksomhed.dk.' }]);
      return true;
    });
    assert.deepEqual(await registerOptOut(database.db, clock, manager, undefined, { email: ' Ringede@Virksomhed.example ' }), { stopped: 1 });
    assert.notEqual((await invitationOf(open.courseId))!.opted_out_at, null);
    const stored = await database.db.selectFrom('evaluation_opt_outs').select(['email', 'via']).where('email', '=', 'ringede@virksomhed.example').executeTakeFirstOrThrow();
    assert.equal(stored.via, 'hub');
    await assert.rejects(registerOptOut(database.db, clock, manager, undefined, { email: 'ringede@virksomhed.example' }), (error: { fields: { message: string }[] }) => /er allerede frameldt/.test(error.fields[0]!.message));

    const start = clock.now();
    try {
      clock.set(new Date(start.getTime() + days(7)));
      await runJob(REMIND_JOB);
    } finally {
      clock.set(start);
    }
    const later = await endedCourse({ email: 'ringede@virksomhed.example' });
    await runJob(INVITE_JOB);
    assert.equal(await invitationOf(later.courseId), undefined);
    assert.equal((await mailsTo('ringede@virksomhed.example')).length, 1, 'neither a reminder nor a new invitation');
    const audit = await database.db.selectFrom('audit_log').select(['actor_user_id', 'entity_id', 'after']).where('entity_type', '=', 'evaluationOptOut').execute();
    assert.deepEqual(audit, [{ actor_user_id: manager.userId, entity_id: 'nordjylland', after: { via: 'hub', hubId: 'nordjylland', openInvitationsStopped: 1 } }]);
  });

  it('reminds at the hub’s spacing, at most its count, each step once, with a new working link', async () => {
    const { courseId, email } = await endedCourse();
    await runJob(INVITE_JOB);
    const start = clock.now();
    try {
      clock.set(new Date(start.getTime() + days(7) - hours(1)));
      await runJob(REMIND_JOB);
      assert.equal((await mailsTo(email!)).length, 1, 'not before 7 days');

      clock.set(new Date(start.getTime() + days(7)));
      await runJob(REMIND_JOB, runner('a'), runner('b'));
      await runJob(REMIND_JOB);
      let mails = await mailsTo(email!);
      assert.equal(mails.length, 2, 'the first reminder, once');
      assert.match(mails[1]!.subject, /^Påmindelse: /);

      clock.set(new Date(start.getTime() + days(13)));
      await runJob(REMIND_JOB);
      assert.equal((await mailsTo(email!)).length, 2, '7 days after the first reminder, not after the invitation');
      clock.set(new Date(start.getTime() + days(14)));
      await runJob(REMIND_JOB);
      clock.set(new Date(start.getTime() + days(29)));
      await runJob(REMIND_JOB);
      mails = await mailsTo(email!);
      assert.equal(mails.length, 3, 'two reminders at most');
      const invitation = (await invitationOf(courseId))!;
      assert.equal(invitation.reminders_sent, 2);
      const tokens = mails.map((mail) => tokensIn(mail.text_body)[0]!);
      assert.equal(new Set(tokens).size, 3, 'every mail its own link');
      const steps = await database.db.selectFrom('evaluation_invitation_tokens').select(['step', 'token_hash']).where('invitation_id', '=', invitation.id).orderBy('step').execute();
      assert.deepEqual(steps.map((s) => s.step), [0, 1, 2]);
      assert.deepEqual(steps.map((s) => s.token_hash), tokens.map((token) => tokenHash(config.sessionSecret, token)));
    } finally {
      clock.set(start);
    }
  });

  it('follows the hub’s settings, sends no reminder after an answer, an opt-out or expiry, and audits the change', async () => {
    await assert.rejects(updateInvitationSettings(database.db, clock, adviser, undefined, {}), { code: 'forbidden' });
    await assert.rejects(updateInvitationSettings(database.db, clock, manager, undefined, { enabled: 'on', inviteDelayDays: 'tre', expiryDays: '10', reminderCount: '9', reminderSpacingDays: '2' }), (error: { fields: { field: string; message: string }[] }) => {
      assert.match(error.fields.find((f) => f.field === 'inviteDelayDays')!.message, /Dage efter forløbets afslutning: skriv et helt tal fra 0 til 90/);
      assert.match(error.fields.find((f) => f.field === 'reminderCount')!.message, /Antal påmindelser: højst 5/);
      return true;
    });
    await updateInvitationSettings(database.db, clock, manager, undefined, { enabled: 'on', inviteDelayDays: '3', inviteWeekday: '', expiryDays: '10', reminderCount: '1', reminderSpacingDays: '2' });
    try {
      const early = await endedCourse({ endedDaysAgo: 2 });
      const answered = await endedCourse({ endedDaysAgo: 3 });
      const optedOut = await endedCourse({ endedDaysAgo: 3 });
      const expiring = await endedCourse({ endedDaysAgo: 3 });
      await runJob(INVITE_JOB);
      assert.equal(await invitationOf(early.courseId), undefined, 'the delay is 3 days');
      const invited = (await invitationOf(answered.courseId))!;
      assert.equal(invited.expires_at.getTime() - invited.created_at.getTime(), days(10));
      await database.db.updateTable('evaluation_invitations').set({ answered_at: clock.now() }).where('course_id', '=', answered.courseId).execute();
      const [token] = tokensIn((await mailsTo(optedOut.email!))[0]!.text_body);
      await optOutByLink(database.db, { config, clock }, token!);
      await database.db.updateTable('evaluation_invitations').set({ expires_at: new Date(clock.now().getTime() + days(1)) }).where('course_id', '=', expiring.courseId).execute();
      const start = clock.now();
      try {
        clock.set(new Date(start.getTime() + days(2)));
        await runJob(REMIND_JOB);
        for (const course of [answered, optedOut, expiring]) assert.equal((await mailsTo(course.email!)).length, 1, 'no reminder');
      } finally {
        clock.set(start);
      }
      const audit = await database.db.selectFrom('audit_log').select(['before', 'after']).where('entity_type', '=', 'evaluationInvitationSettings').execute();
      assert.equal(audit.length, 1);
      assert.deepEqual(audit[0]!.after, { enabled: true, inviteDelayDays: 3, inviteWeekday: null, expiryDays: 10, reminderCount: 1, reminderSpacingDays: 2 });
    } finally {
      await updateInvitationSettings(database.db, clock, manager, undefined, { enabled: 'on', inviteDelayDays: '1', inviteWeekday: '', expiryDays: '30', reminderCount: '2', reminderSpacingDays: '7' });
    }
  });

  it('shows the hub’s manager how the invitations stand', async () => {
    const admin = await getInvitationAdmin(database.db, clock, manager, undefined);
    assert.equal(admin.hub.id, 'nordjylland');
    assert.ok(admin.counts.invited >= 5);
    assert.ok(admin.counts.answered >= 1 && admin.counts.optedOut >= 2 && admin.counts.expired >= 1, JSON.stringify(admin.counts));
    assert.equal(admin.counts.reminders, 2);
    await assert.rejects(getInvitationAdmin(database.db, clock, otherHubManager, 'nordjylland'), { code: 'forbidden' });
  });

  it('keeps no address on the invitations of an erased contact person', async () => {
    const course = await endedCourse();
    await runJob(INVITE_JOB);
    const invited = await invitationOf(course.courseId);
    assert.equal(invited?.email, course.email);
    const admin = actorFromUser((await findUserById(database.db, (await makeUser(database.db, { roles: ['admin'] })).id))!);
    await eraseContactPerson(database.db, admin, invited!.contact_person_id!, clock);
    assert.equal((await invitationOf(course.courseId))?.email, '[slettet]');
  });
});

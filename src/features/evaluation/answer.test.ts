// The public answer page through HTTP (issue 6, decision 010): no login, no caching, the stored
// instrument's questions in Danish and English, CSRF on the form, errors that name the question and
// keep what was typed, one answer saved as an own response that the metrics count, and link misuse —
// a second submission, unknown, altered and malformed tokens, expiry — with the throttle per address.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import type { UserActor } from '../../domain/actor.ts';
import { days, ManualClock } from '../../domain/clock.ts';
import { actorFromUser, throttle } from '../auth/auth.service.ts';
import { createCompany } from '../companies/companies.service.ts';
import { addContactPerson } from '../contact-persons/contact-persons.service.ts';
import { createCourse } from '../courses/courses.service.ts';
import { findUserById } from '../users/users.repository.ts';
import { getEvaluationOverview } from './evaluation.service.ts';
import { danishDay, inviteEndedCourses } from './invitations.service.ts';

describe('the public answer page', () => {
  let t: TestApp;
  const clock = new ManualClock('2030-06-03T08:00:00Z');
  let manager: UserActor;
  let managerEmail: string;
  let adviserEmail: string;
  let adviser: UserActor;
  const valid = { recommend: '9', staff_competence: 'veryPleased', expected_effect: 'high', referred: 'no', used_referral: 'yes', digital_guidance: 'yes' };
  const day = (offset: number) => new Date(Date.parse(`${danishDay(clock.now()).day}T00:00:00Z`) + days(offset)).toISOString().slice(0, 10);

  /** An ended course of the hub with its invitation; returns the token from the queued mail. */
  let counter = 0;
  async function invitation(): Promise<{ token: string; courseId: string }> {
    counter += 1;
    const db = t.database.db;
    const company = await createCompany(db, adviser, { name: `Svarvirksomhed ${counter} ApS`, municipalityCode: '851' });
    const email = `svar${counter}@virksomhed.example`;
    await addContactPerson(db, adviser, company.id, { name: `Svar ${counter}`, email });
    const course = await createCourse(db, adviser, company.id, { category: 'growth', themes: ['innovation'], segment: 'growth', startDate: day(-90), endDate: day(-2), status: 'completed' });
    await db.transaction().execute((tx) => inviteEndedCourses(tx, { config: t.config, clock }));
    const jobs = await db.selectFrom('jobs').select('payload').where('type', '=', 'sendMail').execute();
    const mail = jobs.map((row) => (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as { to: string; text: string }).find((m) => m.to === email)!;
    const token = /\/evaluering\/svar\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    return { token, courseId: course.id };
  }
  const npsN = async () => (await getEvaluationOverview(t.database.db, manager, { hub: 'nordjylland', year: '2030', source: 'own' })).figures.find((f) => f.metric === 'nps')!.n;
  const decoded = async (response: Response) => (await response.text()).replaceAll('&quot;', '"').replaceAll('&#39;', "'");
  const ownResponses = () => t.database.db.selectFrom('evaluation_responses').selectAll().where('source', '=', 'own').execute();

  before(async () => {
    t = await createTestApp({ clock });
    const hub = await makeOrganisation(t.database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' });
    const adviserUser = await makeUser(t.database.db, { roles: ['adviser'], organisationId: hub.id });
    const managerUser = await makeUser(t.database.db, { roles: ['manager'], organisationId: hub.id });
    adviserEmail = adviserUser.email;
    managerEmail = managerUser.email;
    adviser = actorFromUser((await findUserById(t.database.db, adviserUser.id))!);
    manager = actorFromUser((await findUserById(t.database.db, managerUser.id))!);
  });
  after(async () => t.close());

  let first: { token: string; courseId: string };

  it('shows the stored instrument’s questions without login, not cached, in Danish and in English', async () => {
    first = await invitation();
    const anonymous = t.client();
    const response = await anonymous.get(`/evaluering/svar/${first.token}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('referrer-policy'), 'same-origin');
    const html = await response.text();
    assert.match(html, /<html lang="da"/);
    assert.match(html, /Evaluering af dit forløb hos Erhvervshus Nordjylland/);
    assert.match(html, /Hvor sandsynligt er det, at du vil anbefale Erhvervshuset/);
    assert.match(html, /Har du modtaget vejledning inden for digitalisering og automatisering\?/, 'the 2021-2023 instrument');
    assert.doesNotMatch(html, /ikke-erkendte udfordringer/, 'not the 2019-2020 effect items');
    assert.match(html, /name="_csrf"/);
    assert.match(html, /type="radio"[^>]*name="staff_competence"[^>]*value="veryPleased"/);
    assert.match(html, /Meget tilfreds/);

    const english = await (await t.client().get(`/evaluering/svar/${first.token}?lang=en`)).text();
    assert.match(english, /<html lang="en"/);
    assert.match(english, /How likely is it that you would recommend the business hub/);
    assert.match(english, /action="\/evaluering\/svar\/[A-Za-z0-9_-]{43}\?lang=en"/, 'the answer stays in English');
    const cookie = t.client();
    cookie.cookies.set('kp_lang', 'en');
    assert.match(await (await cookie.get(`/evaluering/svar/${first.token}`)).text(), /Very satisfied/);
    assert.equal((await ownResponses()).length, 0, 'looking changes nothing');
  });

  it('refuses the form without the CSRF token', async () => {
    const anonymous = t.client();
    await anonymous.get(`/evaluering/svar/${first.token}`);
    assert.equal((await anonymous.post(`/evaluering/svar/${first.token}`, valid, { csrf: false })).status, 403);
    assert.equal((await ownResponses()).length, 0);
  });

  it('names the unanswered or wrong question, in the visitor’s language, and keeps what was typed', async () => {
    const anonymous = t.client();
    await anonymous.get(`/evaluering/svar/${first.token}`);
    const response = await anonymous.post(`/evaluering/svar/${first.token}`, { recommend: '11', staff_competence: 'pleased', referred: 'yes' });
    assert.equal(response.status, 422);
    const html = await decoded(response);
    assert.match(html, /"11" er ikke et svar på "Hvor sandsynligt er det, at du vil anbefale Erhvervshuset til andre virksomhedsejere og personer i dit netværk\?": vælg et tal fra 0 til 10\./);
    assert.match(html, /Besvar spørgsmålet "I hvor høj grad vurderer du, at vejledningen vil have en positiv effekt for virksomheden\?"/);
    assert.match(html, /Besvar spørgsmålet "Har du benyttet henvisningen\?" \(du svarede "Ja" til "Har du fået en henvisning/, 'asked because referred = Ja');
    assert.match(html, /href="#expected_effect"/, 'the summary links to the question');
    assert.match(html, /value="pleased" checked/);
    assert.match(html, /name="referred" value="yes" checked/);

    const english = await anonymous.post(`/evaluering/svar/${first.token}?lang=en`, { recommend: '', staff_competence: 'soso' });
    assert.equal(english.status, 422);
    const text = await decoded(english);
    assert.match(text, /Answer the question "How likely is it that you would recommend the business hub/);
    assert.match(text, /"soso" is not an answer to "How satisfied are you with the hub adviser's professional competence\?"/);
    assert.equal((await ownResponses()).length, 0);
  });

  it('saves the answer once as an own response with the course’s facts, and the metrics count it', async () => {
    assert.equal(await npsN(), 0);
    const anonymous = t.client();
    await anonymous.get(`/evaluering/svar/${first.token}`);
    const response = await anonymous.post(`/evaluering/svar/${first.token}`, valid);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /Tak for din besvarelse/);
    const [saved] = await ownResponses();
    assert.equal(saved!.business_hub_id, 'nordjylland');
    assert.equal(saved!.municipality_code, '851');
    assert.equal(saved!.segment, 'growth');
    assert.equal(saved!.guidance_year, 2030);
    assert.deepEqual(saved!.themes, ['innovation']);
    assert.equal(saved!.answered_at, danishDay(clock.now()).day);
    assert.deepEqual([saved!.recommend, saved!.staff_competence, saved!.expected_effect, saved!.referred, saved!.used_referral, saved!.digital_guidance], [9, 'veryPleased', 'high', 'no', null, 'yes'], 'not asked: not stored');
    const invitation = await t.database.db.selectFrom('evaluation_invitations').selectAll().where('course_id', '=', first.courseId).executeTakeFirstOrThrow();
    assert.equal(invitation.response_id, saved!.id);
    assert.notEqual(invitation.answered_at, null);
    assert.equal(await npsN(), 1);
  });

  it('refuses a second submission with a clear message', async () => {
    const anonymous = t.client();
    const page = await anonymous.get(`/evaluering/svar/${first.token}`);
    assert.equal(page.status, 409);
    assert.match(await page.text(), /Evalueringen er allerede besvaret med dette link/);
    const again = await anonymous.post(`/evaluering/svar/${first.token}`, { ...valid, recommend: '0' });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /Allerede besvaret/);
    assert.equal((await ownResponses()).length, 1);
    assert.equal(await npsN(), 1);
  });

  it('gives unknown, altered and malformed links one message, and an expired link its own', async () => {
    await t.database.db.deleteFrom('evaluation_link_failures').execute();
    const { token } = await invitation();
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const unknown = 'x'.repeat(43);
    const texts: string[] = [];
    for (const bad of [altered, unknown, 'abc']) {
      const response = await t.client().get(`/evaluering/svar/${bad}`);
      assert.equal(response.status, 404);
      const html = await response.text();
      assert.match(html, /Linket er ikke gyldigt/);
      texts.push(html.replace(/[A-Za-z0-9_-]{43}|abc/g, ''));
    }
    assert.equal(new Set(texts.map((text) => text.replace(/name="_csrf" value="[^"]*"|"X-CSRF-Token":"[^"]*"/g, ''))).size, 1, 'the same page for every invalid link');
    const posted = await t.client().post(`/evaluering/svar/${altered}`, valid);
    assert.equal(posted.status, 404);

    const start = clock.now();
    try {
      clock.set(new Date(start.getTime() + days(30)));
      const expired = await t.client().get(`/evaluering/svar/${token}`);
      assert.equal(expired.status, 410);
      assert.match(await expired.text(), /Linket er udløbet/);
      const late = await t.client().post(`/evaluering/svar/${token}`, valid);
      assert.equal(late.status, 410);
    } finally {
      clock.set(start);
    }
    assert.equal((await ownResponses()).length, 1);
  });

  it('opts the address out through the link with a confirming POST', async () => {
    const { token, courseId } = await invitation();
    const anonymous = t.client();
    const page = await anonymous.get(`/evaluering/framelding/${token}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<form method="post" action="\/evaluering\/framelding\/[A-Za-z0-9_-]{43}"/);
    assert.equal((await t.database.db.selectFrom('evaluation_opt_outs').selectAll().execute()).length, 0, 'looking opts no one out');
    const done = await anonymous.post(`/evaluering/framelding/${token}`);
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Du er frameldt/);
    const optOuts = await t.database.db.selectFrom('evaluation_opt_outs').selectAll().execute();
    assert.deepEqual(optOuts.map((o) => [o.email, o.via]), [[`svar${counter}@virksomhed.example`, 'link']]);
    assert.notEqual((await t.database.db.selectFrom('evaluation_invitations').select('opted_out_at').where('course_id', '=', courseId).executeTakeFirstOrThrow()).opted_out_at, null);
  });

  it('throttles an address after too many invalid links, even for a valid one', async () => {
    await t.database.db.deleteFrom('evaluation_link_failures').execute();
    const { token } = await invitation();
    for (let i = 0; i < throttle.perIp; i += 1) assert.equal((await t.client().get(`/evaluering/svar/${'y'.repeat(42)}${i % 10}`)).status, 404);
    const blocked = await t.client().get(`/evaluering/svar/${token}`);
    assert.equal(blocked.status, 429);
    assert.match(await blocked.text(), /For mange forsøg med ugyldige links/);
    assert.equal((await t.client().post(`/evaluering/svar/${token}`, valid)).status, 429);
    const start = clock.now();
    try {
      clock.set(new Date(start.getTime() + throttle.window + 1000));
      assert.equal((await t.client().get(`/evaluering/svar/${token}`)).status, 200, 'the window passes');
    } finally {
      clock.set(start);
    }
  });

  it('lets the hub’s manager change the settings and exclusions on the page, with errors that name the field', async () => {
    const advising = t.client();
    await advising.login(adviserEmail);
    assert.equal((await advising.get('/evaluering/invitationer')).status, 403);
    assert.equal((await advising.post('/evaluering/invitationer/indstillinger', { erhvervshus: 'nordjylland', inviteDelayDays: '0' })).status, 403);

    const managing = t.client();
    await managing.login(managerEmail);
    const page = await managing.get('/evaluering/invitationer');
    assert.equal(page.status, 200);
    const html = await decoded(page);
    assert.match(html, /Invitationer til brugerevaluering – Erhvervshus Nordjylland/);
    assert.match(html, /name="inviteDelayDays"[^>]*value="1"/);
    const explorer = await decoded(await managing.get('/evaluering'));
    assert.match(explorer, /href="\/evaluering\/invitationer\?erhvervshus=nordjylland"/, 'linked from the explorer');

    const wrong = await managing.post('/evaluering/invitationer/indstillinger', { erhvervshus: 'nordjylland', enabled: 'on', inviteDelayDays: '-1', inviteWeekday: '', expiryDays: '30', reminderCount: '2', reminderSpacingDays: '7' });
    assert.equal(wrong.status, 422);
    const wrongHtml = await decoded(wrong);
    assert.match(wrongHtml, /Dage efter forløbets afslutning: mindst 0\./);
    assert.match(wrongHtml, /name="inviteDelayDays"[^>]*value="-1"/, 'keeps what was typed');

    const saved = await managing.post('/evaluering/invitationer/indstillinger', { erhvervshus: 'nordjylland', enabled: 'on', inviteDelayDays: '2', inviteWeekday: '1', expiryDays: '21', reminderCount: '1', reminderSpacingDays: '5' });
    assert.equal(saved.status, 303);
    assert.match(await decoded(await managing.get(saved.headers.get('location')!)), /Indstillingerne er gemt/);
    const row = await t.database.db.selectFrom('evaluation_invitation_settings').selectAll().where('business_hub_id', '=', 'nordjylland').executeTakeFirstOrThrow();
    assert.deepEqual([row.invite_delay_days, row.invite_weekday, row.expiry_days, row.reminder_count, row.reminder_spacing_days], [2, 1, 21, 1, 5]);

    const unknown = await managing.post('/evaluering/invitationer/undtagelser', { erhvervshus: 'nordjylland', cvr: '30521439', reason: 'Klage' });
    assert.equal(unknown.status, 422);
    assert.match(await decoded(unknown), /CVR-nummer: ingen virksomhed i Knudepunkt har CVR-nummeret 30521439\./);
    const company = await createCompany(t.database.db, adviser, { name: 'Undtaget ApS', cvr: '30521439', municipalityCode: '851' });
    assert.equal((await managing.post('/evaluering/invitationer/undtagelser', { erhvervshus: 'nordjylland', cvr: '30521439', reason: 'Klage over kontakt' })).status, 303);
    assert.match(await decoded(await managing.get('/evaluering/invitationer')), /Undtaget ApS \(CVR 30521439\)/);
    assert.equal((await managing.post(`/evaluering/invitationer/undtagelser/${company.id}/slet`, { erhvervshus: 'nordjylland' })).status, 303);
    assert.equal((await t.database.db.selectFrom('evaluation_exclusions').selectAll().execute()).length, 0);

    assert.equal((await advising.post('/evaluering/invitationer/frameldinger', { erhvervshus: 'nordjylland', email: 'a@b.dk' })).status, 403);
    assert.equal((await managing.post('/evaluering/invitationer/frameldinger', { erhvervshus: 'nordjylland', email: 'a@b.dk' }, { csrf: false })).status, 403, 'CSRF');
    const badAddress = await managing.post('/evaluering/invitationer/frameldinger', { erhvervshus: 'nordjylland', email: 'ikke en adresse' });
    assert.equal(badAddress.status, 422);
    const badHtml = await decoded(badAddress);
    assert.match(badHtml, /E-mailadresse: skriv en gyldig adresse/);
    assert.match(badHtml, /name="email"[^>]*value="ikke en adresse"/, 'keeps what was typed');
    const optedOut = await managing.post('/evaluering/invitationer/frameldinger', { erhvervshus: 'nordjylland', email: 'ringer@virksomhed.example' });
    assert.equal(optedOut.status, 303);
    assert.match(await decoded(await managing.get(optedOut.headers.get('location')!)), /Adressen er frameldt evalueringen/);
    assert.equal((await t.database.db.selectFrom('evaluation_opt_outs').select('via').where('email', '=', 'ringer@virksomhed.example').executeTakeFirstOrThrow()).via, 'hub');
  });
});

// External receivers' single-use links through HTTP: the e-mail queued with the link (only an HMAC
// stored), the public page without login (company, sender, theme — no note), CSRF on its forms, first
// contact and outcome through the state machine recorded by the organisation, the link used up, and
// expired (ManualClock), reused, tampered, replaced and another referral's links; a receiver without an
// e-mail; the throttling of failed look-ups.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { ManualClock, days, minutes } from '../../domain/clock.ts';
import { tokenHash } from '../auth/tokens.ts';
import { actorFromUser, throttle } from '../auth/auth.service.ts';
import { createApiToken } from '../api-tokens/api-tokens.service.ts';
import { findUserById } from '../users/users.repository.ts';

describe('external receivers’ links', () => {
  let t: TestApp;
  const clock = new ManualClock('2026-05-04T08:00:00Z');
  let sender: TestClient;
  let senderEmail: string;
  let senderId: string;
  let companyId: string;
  let externalId: string;
  let noEmailId: string;
  const note = 'Intern note: direktøren er svær at fange.';

  const mails = async () => {
    const rows = await t.database.db.selectFrom('jobs').select(['id', 'payload']).where('type', '=', 'sendMail').orderBy('id').execute();
    return rows.map((row) => (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as { to: string; subject: string; text: string });
  };
  const tokenOf = (mail: { text: string }) => /\/henvisning\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1] ?? assert.fail(`no link in ${mail.text}`);
  const refer = async (toOrganisationId: string, theme: string) => {
    const response = await sender.post(`/virksomheder/${companyId}/henvisninger`, { toOrganisationId, theme, note });
    assert.equal(response.status, 303, await response.text());
    return response.headers.get('location')!.split('?')[0]!.split('/')[2]!;
  };
  const referral = (id: string) => t.database.db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  before(async () => {
    t = await createTestApp({ clock });
    const hub = await makeOrganisation(t.database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' });
    const user = await makeUser(t.database.db, { roles: ['adviser'], organisationId: hub.id, name: 'Karen Konsulent' });
    senderEmail = user.email;
    senderId = user.id;
    externalId = (await makeOrganisation(t.database.db, { name: 'Eksportrådet', kind: 'external', businessHubId: null, email: 'henvisning@eksportraadet.example' })).id;
    noEmailId = (await makeOrganisation(t.database.db, { name: 'Rådgiver Uden Post', kind: 'external', businessHubId: null })).id;
    sender = t.client();
    await sender.login(senderEmail);
    const created = await sender.post('/virksomheder', { name: 'Læsø Saltsyderi I/S', cvr: '40381279', municipalityCode: '825' });
    companyId = created.headers.get('location')!.split('/')[2]!.split('?')[0]!;
  });
  after(async () => t.close());

  let firstId: string;
  let firstToken: string;

  it('queues an e-mail with a personal link when a referral goes to an external organisation, storing only an HMAC', async () => {
    firstId = await refer(externalId, 'Eksport til Tyskland');
    const sent = await mails();
    assert.equal(sent.length, 1);
    const mail = sent[0]!;
    assert.equal(mail.to, 'henvisning@eksportraadet.example');
    assert.match(mail.subject, /Henvisning fra Erhvervshus Nordjylland: Læsø Saltsyderi I\/S/);
    assert.match(mail.text, /http:\/\/localhost:3000\/henvisning\/[A-Za-z0-9_-]{43}/);
    assert.doesNotMatch(mail.text, /Intern note/);
    firstToken = tokenOf(mail);
    const links = await t.database.db.selectFrom('referral_links').selectAll().where('referral_id', '=', firstId).execute();
    assert.equal(links.length, 1);
    assert.equal(links[0]!.token_hash, tokenHash(t.config.sessionSecret, firstToken));
    assert.notEqual(links[0]!.token_hash, firstToken);
    assert.equal(links[0]!.expires_at.getTime() - clock.now().getTime(), days(30));
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'referralLink').execute();
    assert.equal(audit.length, 1);
    assert.doesNotMatch(JSON.stringify(audit[0]!.after), new RegExp(firstToken));
    const page = await (await sender.get(`/henvisninger/${firstId}`)).text();
    assert.match(page, /Sendt til henvisning@eksportraadet\.example/);
  });

  it('shows the public page without login: company, sender and theme, never the note; no caching', async () => {
    const anonymous = t.client();
    const response = await anonymous.get(`/henvisning/${firstToken}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('referrer-policy'), 'same-origin');
    const html = await response.text();
    assert.match(html, /Læsø Saltsyderi I\/S/);
    assert.match(html, /Erhvervshus Nordjylland/);
    assert.match(html, /Eksport til Tyskland/);
    assert.doesNotMatch(html, /Intern note/);
    assert.match(html, /Bekræft første kontakt/);
    assert.match(html, /name="_csrf"/);
    assert.equal((await referral(firstId)).state, 'sent', 'looking changes nothing (mail scanners open links)');
    const english = t.client();
    english.cookies.set('kp_lang', 'en');
    assert.match(await (await english.get(`/henvisning/${firstToken}`)).text(), /Confirm first contact/);
  });

  it('refuses the public forms without the CSRF token', async () => {
    const anonymous = t.client();
    await anonymous.get(`/henvisning/${firstToken}`);
    assert.equal((await anonymous.post(`/henvisning/${firstToken}/kontakt`, {}, { csrf: false })).status, 403);
    assert.equal((await anonymous.post(`/henvisning/${firstToken}/udfald`, { outcome: 'used' }, { csrf: false })).status, 403);
    assert.equal((await referral(firstId)).state, 'sent');
  });

  it('confirms first contact through the state machine, recorded by the external organisation', async () => {
    const anonymous = t.client();
    await anonymous.get(`/henvisning/${firstToken}`);
    clock.advance(minutes(30));
    const early = await anonymous.post(`/henvisning/${firstToken}/udfald`, { outcome: 'used' });
    assert.equal(early.status, 409, 'the outcome needs first contact');
    assert.match(await early.text(), /Bekræft første kontakt med virksomheden, før I melder udfaldet/);
    const confirmed = await anonymous.post(`/henvisning/${firstToken}/kontakt`);
    assert.equal(confirmed.status, 303);
    const row = await referral(firstId);
    assert.equal(row.state, 'contacted');
    assert.equal(row.contacted_at?.toISOString(), clock.now().toISOString());
    assert.equal(row.receiver_user_id, null);
    const events = await t.database.db.selectFrom('referral_events').selectAll().where('referral_id', '=', firstId).orderBy('id').execute();
    assert.deepEqual(events.map((e) => [e.to_state, e.by_name, e.by_user_id]), [
      ['sent', 'Karen Konsulent', events[0]!.by_user_id],
      ['received', 'Eksportrådet (via link)', null],
      ['contacted', 'Eksportrådet (via link)', null],
    ]);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'referral').where('entity_id', '=', firstId).where('action', '=', 'update').execute();
    assert.equal(audit.length, 2);
    assert.ok(audit.every((a) => a.actor_organisation_id === externalId && a.actor_user_id === null));
    const page = await (await anonymous.get(`/henvisning/${firstToken}?besked=kontakt`)).text();
    assert.match(page, /Første kontakt er bekræftet/);
    assert.match(page, /Meld udfaldet tilbage/);
    assert.equal((await anonymous.post(`/henvisning/${firstToken}/kontakt`)).status, 409, 'confirming twice');
  });

  it('reports the outcome (closed), names a missing outcome, and uses the link up', async () => {
    const anonymous = t.client();
    await anonymous.get(`/henvisning/${firstToken}`);
    const invalid = await anonymous.post(`/henvisning/${firstToken}/udfald`, { outcome: 'maybe', note: 'Godt møde' });
    assert.equal(invalid.status, 422);
    const text = await invalid.text();
    assert.match(text, /&quot;maybe&quot; er ikke et udfald/);
    assert.match(text, /Godt møde/);
    const reported = await anonymous.post(`/henvisning/${firstToken}/udfald`, { outcome: 'used', note: 'Virksomheden deltager i eksportprogrammet.' });
    assert.equal(reported.status, 200);
    assert.match(await reported.text(), /Udfaldet er meldt tilbage/);
    const row = await referral(firstId);
    assert.equal(row.state, 'closed');
    assert.equal(row.outcome, 'used');
    const link = await t.database.db.selectFrom('referral_links').selectAll().where('referral_id', '=', firstId).executeTakeFirstOrThrow();
    assert.ok(link.used_at);
    // Reused: the page and both forms are gone, and say nothing about the referral.
    const again = await anonymous.get(`/henvisning/${firstToken}`);
    assert.equal(again.status, 410);
    const goneHtml = await again.text();
    assert.match(goneHtml, /Linket er allerede brugt/);
    assert.doesNotMatch(goneHtml, /Læsø|Eksport til Tyskland|Erhvervshus/);
    assert.equal((await anonymous.post(`/henvisning/${firstToken}/udfald`, { outcome: 'notUsed' })).status, 410);
    assert.equal((await anonymous.post(`/henvisning/${firstToken}/kontakt`)).status, 410);
    assert.equal((await referral(firstId)).outcome, 'used');
    // The sender sees the outcome and the event note.
    const page = await (await sender.get(`/henvisninger/${firstId}`)).text();
    assert.match(page, /Afsluttet/);
    assert.match(page, /Virksomheden deltager i eksportprogrammet\./);
    assert.match(page, /er brugt/);
  });

  it('answers a tampered or unknown token with 404 and another referral’s token only for that referral', async () => {
    const secondId = await refer(externalId, 'Innovation og patenter');
    const secondToken = tokenOf((await mails()).at(-1)!);
    const anonymous = t.client();
    const flipped = `${secondToken.slice(0, -1)}${secondToken.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [flipped, 'abc', `${secondToken}x`]) {
      const response = await anonymous.get(`/henvisning/${bad}`);
      assert.equal(response.status, 404, bad);
      const html = await response.text();
      assert.match(html, /Linket findes ikke/);
      assert.doesNotMatch(html, /Læsø|Innovation/);
    }
    await anonymous.get(`/henvisning/${secondToken}`);
    assert.equal((await anonymous.post(`/henvisning/${flipped}/kontakt`)).status, 404);
    assert.equal((await referral(secondId)).state, 'sent');
    const page = await (await anonymous.get(`/henvisning/${secondToken}`)).text();
    assert.match(page, /Innovation og patenter/);
    assert.doesNotMatch(page, /Eksport til Tyskland/);
    assert.equal((await anonymous.post(`/henvisning/${secondToken}/kontakt`)).status, 303);
    assert.equal((await referral(secondId)).state, 'contacted');
    assert.equal((await referral(firstId)).outcome, 'used', 'the other referral is untouched');
  });

  it('expires a link after 30 days, and a new link replaces the old one', async () => {
    const thirdId = await refer(externalId, 'Grøn omstilling');
    const oldToken = tokenOf((await mails()).at(-1)!);
    const anonymous = t.client();
    clock.advance(days(30) - 1000);
    assert.equal((await anonymous.get(`/henvisning/${oldToken}`)).status, 200);
    clock.advance(1000);
    const expired = await anonymous.get(`/henvisning/${oldToken}`);
    assert.equal(expired.status, 410);
    assert.match(await expired.text(), /Linket er udløbet/);
    assert.equal((await anonymous.post(`/henvisning/${oldToken}/kontakt`)).status, 410);
    assert.equal((await referral(thirdId)).state, 'sent');
    await sender.login(senderEmail); // the session went idle while the clock moved
    assert.match(await (await sender.get(`/henvisninger/${thirdId}`)).text(), /udløb/);
    const resent = await sender.post(`/henvisninger/${thirdId}/link`);
    assert.equal(resent.status, 303);
    assert.match(resent.headers.get('location')!, /besked=link/);
    const newToken = tokenOf((await mails()).at(-1)!);
    assert.notEqual(newToken, oldToken);
    assert.equal((await anonymous.get(`/henvisning/${newToken}`)).status, 200);
    const active = await t.database.db.selectFrom('referral_links').selectAll().where('referral_id', '=', thirdId).where('used_at', 'is', null).where('revoked_at', 'is', null).execute();
    assert.equal(active.length, 1, 'one active link per referral');
  });

  it('lets the external receiver download a lead’s screening through its link, and nobody without it', async () => {
    const form = new FormData();
    form.append('_csrf', sender.cookies.get('kp_csrf') ?? '');
    for (const [key, value] of Object.entries({ toOrganisationId: externalId, theme: 'Bæredygtighedsscreening', kind: 'lead' })) form.append(key, value);
    const pdf = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../test/fixtures/referrals/screening.pdf')));
    form.append('screening', new File([pdf], 'Screening.pdf', { type: 'application/pdf' }));
    const created = await sender.request(`/virksomheder/${companyId}/henvisninger`, { method: 'POST', body: form });
    assert.equal(created.status, 303, await created.text());
    const token = tokenOf((await mails()).at(-1)!);
    const anonymous = t.client();
    assert.match(await (await anonymous.get(`/henvisning/${token}`)).text(), new RegExp(`href="/henvisning/${token}/screening"`));
    const download = await anonymous.get(`/henvisning/${token}/screening`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.match(download.headers.get('content-disposition')!, /^attachment; filename="Screening\.pdf"/);
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), pdf);
    assert.equal((await anonymous.get(`/henvisning/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}/screening`)).status, 404);
  });

  it('tells the sender when the external receiver has no e-mail, and queues nothing', async () => {
    const before = (await mails()).length;
    const id = await refer(noEmailId, 'Generationsskifte');
    assert.equal((await mails()).length, before);
    assert.equal((await t.database.db.selectFrom('referral_links').selectAll().where('referral_id', '=', id).execute()).length, 0);
    const page = await (await sender.get(`/henvisninger/${id}`)).text();
    assert.match(page, /Der kunne ikke sendes et link: Rådgiver Uden Post har ingen e-mailadresse/);
  });

  it('throttles an address after repeated failed look-ups, like login', async () => {
    const anonymous = t.client();
    const since = await t.database.db.selectFrom('referral_link_failures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (let i = Number(since.n); i < throttle.perIp; i++) assert.equal((await anonymous.get(`/henvisning/${'x'.repeat(43)}`)).status, 404);
    const limited = await anonymous.get(`/henvisning/${'y'.repeat(43)}`);
    assert.equal(limited.status, 429);
    assert.match(await limited.text(), /For mange forsøg/);
    clock.advance(throttle.window + 1000);
    assert.equal((await anonymous.get(`/henvisning/${'z'.repeat(43)}`)).status, 404);
  });

  it('sends the link too when the referral is made through /api/v1', async () => {
    const before = (await mails()).length;
    const actor = actorFromUser((await findUserById(t.database.db, senderId))!);
    const { token } = await createApiToken(t.database.db, t.config, actor, { name: 'API' });
    const response = await t.app.request(`/api/v1/companies/${companyId}/referrals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ toOrganisationId: externalId, theme: 'Eksport via API' }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    const sent = await mails();
    assert.equal(sent.length, before + 1);
    assert.equal(sent.at(-1)!.to, 'henvisning@eksportraadet.example');
  });
});

// The referral pages and API through HTTP: the form from the company page (CSRF required), opening
// marks it received, the transitions as plain forms, the inbox/outbox groups, the company timeline,
// and what a third organisation and another region see — on pages and in /api/v1.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { ManualClock, hours } from '../../domain/clock.ts';
import { createApiToken } from '../api-tokens/api-tokens.service.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { findUserById } from '../users/users.repository.ts';

describe('referral pages and API', () => {
  let t: TestApp;
  const clock = new ManualClock('2026-05-04T08:00:00Z');
  let laeso: TestClient;
  let hub: TestClient;
  let aalborg: TestClient; // a third organisation in the region
  let midt: TestClient; // another region
  let hubOrganisationId: string;
  let companyId: string;
  let referralPath: string;
  const users: Record<string, string> = {};
  const clients: [TestClient, string][] = [];
  /** Sessions expire when the clock moves on; log everyone in again. */
  const advance = async (ms: number) => {
    clock.advance(ms);
    for (const [client, email] of clients) await client.login(email);
  };
  const note = 'Direktøren vil gerne ringes op efter kl. 10.';
  const login = async (organisation: Record<string, unknown>, name: string) => {
    const org = await makeOrganisation(t.database.db, { name, ...organisation });
    const user = await makeUser(t.database.db, { roles: ['adviser'], organisationId: org.id, name: `Konsulent i ${name}` });
    users[name] = user.id;
    const client = t.client();
    await client.login(user.email);
    clients.push([client, user.email]);
    return { client, organisationId: org.id };
  };
  const html = async (client: TestClient, path: string, status = 200) => {
    const response = await client.get(path);
    assert.equal(response.status, status, path);
    return response.text();
  };

  before(async () => {
    t = await createTestApp({ clock });
    laeso = (await login({ kind: 'localOffice', municipalityCode: '825', businessHubId: null }, 'Erhvervsservice Læsø')).client;
    const hubLogin = await login({ kind: 'hub', businessHubId: 'nordjylland' }, 'Erhvervshus Nordjylland');
    hub = hubLogin.client;
    hubOrganisationId = hubLogin.organisationId;
    aalborg = (await login({ kind: 'localOffice', municipalityCode: '851', businessHubId: null }, 'Erhvervsservice Aalborg')).client;
    midt = (await login({ kind: 'hub', businessHubId: 'midtjylland' }, 'Erhvervshus Midtjylland')).client;
    const created = await laeso.post('/virksomheder', { name: 'Læsø Saltsyderi I/S', cvr: '40381279', municipalityCode: '825' });
    companyId = created.headers.get('location')!.split('/')[2]!.split('?')[0]!;
  });
  after(async () => t.close());

  it('offers "Henvis virksomheden" on the company page, requires CSRF, and keeps what was typed on errors', async () => {
    assert.match(await html(laeso, `/virksomheder/${companyId}`), new RegExp(`href="/virksomheder/${companyId}/henvisninger/ny"`));
    const form = await html(laeso, `/virksomheder/${companyId}/henvisninger/ny`);
    assert.match(form, /Erhvervshus Nordjylland – erhvervshus \(48 timer\)/);
    assert.doesNotMatch(form, /Erhvervsservice Læsø –/, 'not to one’s own organisation');
    const withoutCsrf = await laeso.post(`/virksomheder/${companyId}/henvisninger`, { toOrganisationId: hubOrganisationId, theme: 'Eksport' }, { csrf: false });
    assert.equal(withoutCsrf.status, 403);
    const invalid = await laeso.post(`/virksomheder/${companyId}/henvisninger`, { toOrganisationId: '', theme: '', note });
    assert.equal(invalid.status, 422);
    const text = await invalid.text();
    assert.match(text, /Vælg den organisation, du henviser virksomheden til\./);
    assert.match(text, /Skriv temaet eller årsagen til henvisningen\./);
    assert.match(text, new RegExp(note));
    assert.equal((await t.database.db.selectFrom('referrals').select('id').execute()).length, 0);
  });

  it('sends a referral, which the hub opens (received), contacts and closes; Læsø sees the outcome', async () => {
    const sent = await laeso.post(`/virksomheder/${companyId}/henvisninger`, { toOrganisationId: hubOrganisationId, theme: 'Eksport til Tyskland', note });
    assert.equal(sent.status, 303);
    referralPath = sent.headers.get('location')!.split('?')[0]!;
    const senderView = await html(laeso, `${referralPath}?besked=sendt`);
    assert.match(senderView, /Henvisningen er sendt\./);
    assert.match(senderView, /<dd>Sendt<\/dd>/);
    assert.doesNotMatch(senderView, /Markér som kontaktet/);
    assert.match(senderView, /Træk henvisningen tilbage/);

    const inbox = await html(hub, '/henvisninger');
    assert.match(inbox, /Nye \(1\)/);
    assert.match(inbox, /48 t 0 min tilbage|2 d 0 t tilbage/);
    await advance(hours(2));
    const opened = await html(hub, referralPath);
    assert.match(opened, /<dd>Modtaget<\/dd>/);
    assert.match(opened, new RegExp(note));
    assert.match(await html(hub, '/henvisninger'), /Afventer kontakt \(1\)[\s\S]*1 d 22 t tilbage/);

    const withoutCsrf = await hub.post(`${referralPath}/status`, { to: 'contacted' }, { csrf: false });
    assert.equal(withoutCsrf.status, 403);
    assert.equal((await hub.post(`${referralPath}/status`, { to: 'contacted' })).status, 303);
    const noOutcome = await hub.post(`${referralPath}/status`, { to: 'closed', outcome: '' });
    assert.equal(noOutcome.status, 422);
    assert.match(await noOutcome.text(), /Vælg et udfald for at afslutte henvisningen/);
    const refused = await laeso.post(`${referralPath}/status`, { to: 'inProgress' });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /Kun den modtagende organisation kan ændre status til &quot;i gang&quot;|Kun den modtagende organisation kan ændre status til "i gang"/);
    assert.equal((await hub.post(`${referralPath}/status`, { to: 'closed', outcome: 'used', note: 'Aftale om eksportforløb' })).status, 303);

    const outcome = await html(laeso, referralPath);
    assert.match(outcome, /<dd>Afsluttet<\/dd>[\s\S]*<dd>Brugt<\/dd>/);
    assert.match(outcome, /Kontaktet inden for servicemålet/);
    assert.match(outcome, /Aftale om eksportforløb/);
    const outbox = await html(laeso, '/henvisninger?boks=ud&mine=1');
    assert.match(outbox, /Afsluttede \(1\)[\s\S]*Afsluttet: Brugt/);
  });

  it('shows the referral on the company timeline; a third organisation sees that it exists but not the note', async () => {
    const company = await html(aalborg, `/virksomheder/${companyId}`);
    assert.match(company, /Henvist fra Erhvervsservice Læsø til Erhvervshus Nordjylland: Eksport til Tyskland \(Afsluttet: Brugt\)/);
    const page = await html(aalborg, referralPath);
    assert.doesNotMatch(page, new RegExp(note));
    assert.doesNotMatch(page, /Aftale om eksportforløb/);
    assert.match(page, /Noten ses kun af den henvisende og den modtagende organisation\./);
    assert.doesNotMatch(page, /Skift status/);
    assert.equal((await aalborg.post(`${referralPath}/status`, { to: 'withdrawn' })).status, 403);
    await html(midt, referralPath, 404);
  });

  it('flags overdue referrals in the inbox once the service goal has passed', async () => {
    await laeso.post(`/virksomheder/${companyId}/henvisninger`, { toOrganisationId: hubOrganisationId, theme: 'Generationsskifte' });
    await advance(hours(49));
    assert.match(await html(hub, '/henvisninger?gruppe=overdue'), /Overskredet servicemål \(1\)[\s\S]*Generationsskifte[\s\S]*Overskredet med 1 t 0 min/);
  });

  it('lets a manager set the service goal on the metrics page, and shows the metrics', async () => {
    const metrics = await html(hub, '/henvisninger/noegletal');
    assert.match(metrics, /Pr\. modtager[\s\S]*Erhvervshus Nordjylland/);
    assert.doesNotMatch(metrics, /Gem servicemål/, 'an adviser cannot');
    const org = await makeOrganisation(t.database.db, { kind: 'hub', businessHubId: 'nordjylland' });
    const manager = await makeUser(t.database.db, { roles: ['manager'], organisationId: org.id });
    const client = t.client();
    await client.login(manager.email);
    const invalid = await client.post('/henvisninger/servicemaal', { hours: '0' });
    assert.equal(invalid.status, 422);
    assert.match(await invalid.text(), /Servicemålet skal være mindst 1 time\./);
    assert.equal((await client.post('/henvisninger/servicemaal', { hours: '24' })).status, 303);
    assert.match(await html(client, '/henvisninger/noegletal'), /inden for 24 timer/);
  });

  it('refers from a course page, linking the course', async () => {
    const course = await hub.post(`/virksomheder/${companyId}/forloeb`, { category: 'growth', themes: 'innovation', startDate: '2026-05-01', status: 'active' });
    assert.equal(course.status, 303);
    const coursePath = course.headers.get('location')!.split('?')[0]!;
    const courseId = coursePath.split('/')[2]!;
    assert.match(await html(hub, coursePath), new RegExp(`href="/virksomheder/${companyId}/henvisninger/ny\\?forloeb=${courseId}"`));
    const form = await html(hub, `/virksomheder/${companyId}/henvisninger/ny?forloeb=${courseId}`);
    assert.match(form, new RegExp(`name="courseId" value="${courseId}"`));
    const sent = await hub.post(`/virksomheder/${companyId}/henvisninger`, { toOrganisationId: (await t.database.db.selectFrom('organisations').select('id').where('name', '=', 'Erhvervsservice Læsø').executeTakeFirstOrThrow()).id, theme: 'Lokal opfølgning', courseId });
    assert.equal(sent.status, 303);
    assert.match(await html(hub, sent.headers.get('location')!), new RegExp(`href="/forloeb/${courseId}"`));
  });

  it('lets an admin set any organisation’s service goal on its admin page, e.g. an external partner’s', async () => {
    const external = await makeOrganisation(t.database.db, { kind: 'external', businessHubId: null, name: 'Eksportrådet (test)' });
    const kkr = await makeOrganisation(t.database.db, { kind: 'kkrSecretariat', kkrId: 'kkr-nordjylland', businessHubId: null });
    const admin = await makeUser(t.database.db, { roles: ['admin'], organisationId: kkr.id });
    const client = t.client();
    await client.login(admin.email);
    assert.match(await html(client, `/admin/organisationer/${external.id}`), /Servicemål for henvisninger[\s\S]*value="48"/);
    const invalid = await client.post(`/admin/organisationer/${external.id}/servicemaal`, { hours: 'mange' });
    assert.equal(invalid.status, 422);
    assert.match(await invalid.text(), /Skriv servicemålet som et helt antal timer\./);
    assert.equal((await client.post(`/admin/organisationer/${external.id}/servicemaal`, { hours: '120' })).status, 303);
    assert.match(await html(client, `/admin/organisationer/${external.id}`), /value="120"/);
    assert.equal((await hub.post(`/admin/organisationer/${external.id}/servicemaal`, { hours: '1' })).status, 403);
  });

  it('lists, gets, creates and moves referrals in /api/v1, with the same visibility', async () => {
    const token = async (name: string) => {
      const actor = actorFromUser((await findUserById(t.database.db, users[name]!))!);
      return (await createApiToken(t.database.db, t.config, actor, { name: 'API' })).token;
    };
    const api = (secret: string, path: string, init: RequestInit = {}) =>
      t.app.request(`/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' } });
    const laesoToken = await token('Erhvervsservice Læsø');
    const hubToken = await token('Erhvervshus Nordjylland');
    const created = await api(laesoToken, `/companies/${companyId}/referrals`, { method: 'POST', body: JSON.stringify({ toOrganisationId: hubOrganisationId, theme: 'Finansiering', note }) });
    assert.equal(created.status, 201);
    const referral = (await created.json()) as { id: string; state: string; note: string | null };
    assert.deepEqual([referral.state, referral.note], ['sent', note]);
    const contacted = await api(hubToken, `/referrals/${referral.id}/transitions`, { method: 'POST', body: JSON.stringify({ to: 'contacted' }) });
    assert.equal(contacted.status, 200);
    assert.equal(((await contacted.json()) as { state: string }).state, 'contacted');
    const refused = await api(hubToken, `/referrals/${referral.id}/transitions`, { method: 'POST', body: JSON.stringify({ to: 'withdrawn' }) });
    assert.equal(refused.status, 409);
    const got = (await (await api(laesoToken, `/referrals/${referral.id}`)).json()) as { events: { toState: string }[] };
    assert.deepEqual(got.events.map((e) => e.toState), ['sent', 'received', 'contacted']);
    const inbox = (await (await api(hubToken, '/referrals?box=inbox')).json()) as { referrals: unknown[] };
    assert.equal(inbox.referrals.length, 3);
    const metrics = (await (await api(hubToken, '/referrals/metrics')).json()) as { total: { n: number } };
    assert.equal(metrics.total.n, 4, 'three to the hub, one from its course to Læsø');

    const aalborgToken = await token('Erhvervsservice Aalborg');
    const third = (await (await api(aalborgToken, `/referrals/${referral.id}`)).json()) as { note: string | null; events: { note: string | null }[] };
    assert.equal(third.note, null);
    assert.equal((await api(await token('Erhvervshus Midtjylland'), `/referrals/${referral.id}`)).status, 404);
  });
});

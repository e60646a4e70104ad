// The activity pages and API through HTTP: register from the company page, the company page and its
// timeline, the list with filters, who sees the internal note and who may change the activity.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createApiToken } from '../api-tokens/api-tokens.service.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { findUserById } from '../users/users.repository.ts';

describe('activity pages', () => {
  let t: TestApp;
  let laeso: TestClient; // Erhvervsservice Læsø
  let hub: TestClient; // Erhvervshus Nordjylland
  let midt: TestClient; // Erhvervshus Midtjylland
  let hubUserId: string;
  let companyId: string;
  let activityPath: string;
  const login = async (organisation: Record<string, unknown>, name: string) => {
    const org = await makeOrganisation(t.database.db, { name, ...organisation });
    const user = await makeUser(t.database.db, { roles: ['adviser'], organisationId: org.id, name: `Konsulent i ${name}` });
    const client = t.client();
    await client.login(user.email);
    return { client, userId: user.id };
  };
  const html = async (client: TestClient, path: string) => {
    const response = await client.get(path);
    assert.equal(response.status, 200, path);
    return response.text();
  };

  before(async () => {
    t = await createTestApp();
    laeso = (await login({ kind: 'localOffice', municipalityCode: '825', businessHubId: null }, 'Erhvervsservice Læsø')).client;
    const hubLogin = await login({ kind: 'hub', businessHubId: 'nordjylland' }, 'Erhvervshus Nordjylland');
    hub = hubLogin.client;
    hubUserId = hubLogin.userId;
    midt = (await login({ kind: 'hub', businessHubId: 'midtjylland' }, 'Erhvervshus Midtjylland')).client;
    const created = await laeso.post('/virksomheder', { name: 'Læsø Saltsyderi I/S', cvr: '40381279', municipalityCode: '825' });
    companyId = created.headers.get('location')!.split('/')[2]!.split('?')[0]!;
  });
  after(async () => t.close());

  it('offers "Ny aktivitet" on the company page and keeps what was typed when the form has errors', async () => {
    const page = await html(laeso, `/virksomheder/${companyId}`);
    assert.match(page, new RegExp(`href="/virksomheder/${companyId}/aktiviteter/ny"`));
    assert.match(page, /Ingen aktiviteter endnu\./);
    const form = await html(laeso, `/virksomheder/${companyId}/aktiviteter/ny`);
    assert.match(form, new RegExp(`value="${companyId}" class="form-checkbox" checked`));
    const invalid = await laeso.post(`/virksomheder/${companyId}/aktiviteter`, { kind: 'visit', activityDate: '2026-02-30', title: 'Besøg på saltsyderiet', companyIds: companyId, participantCount: '3' });
    assert.equal(invalid.status, 422);
    const text = await invalid.text();
    assert.match(text, /Skriv aktivitetens dato som en gyldig dato\./);
    assert.match(text, /Antal deltagere registreres kun for arrangementer/);
    assert.match(text, /value="Besøg på saltsyderiet"/);
  });

  it('registers a visit with an internal note and shows it on the activity page, the company page and its timeline', async () => {
    const created = await laeso.post(`/virksomheder/${companyId}/aktiviteter`, {
      kind: 'visit',
      activityDate: '2026-03-12',
      title: 'Besøg på saltsyderiet',
      companyIds: companyId,
      note: 'Ejeren overvejer generationsskifte.',
      noteVisibility: 'internal',
    });
    assert.equal(created.status, 303);
    activityPath = created.headers.get('location')!.split('?')[0]!;
    const page = await html(laeso, created.headers.get('location')!);
    assert.match(page, /Aktiviteten er registreret\./);
    assert.match(page, /Ejeren overvejer generationsskifte\./);
    assert.match(page, new RegExp(`href="${activityPath}/rediger"`));
    const company = await html(laeso, `/virksomheder/${companyId}`);
    assert.match(company, /Besøg på saltsyderiet/);
    assert.match(company, /Ejeren overvejer generationsskifte\./);
    assert.match(company, /<strong>2026-03-12<\/strong> Besøg: Besøg på saltsyderiet \(Erhvervsservice Læsø\)/);
  });

  it('shows the hub the visit but not the internal note, and does not let it change the visit', async () => {
    const company = await html(hub, `/virksomheder/${companyId}`);
    assert.match(company, /Besøg på saltsyderiet/);
    assert.match(company, /Besøg: Besøg på saltsyderiet \(Erhvervsservice Læsø\)/);
    assert.doesNotMatch(company, /generationsskifte/);
    const page = await html(hub, activityPath);
    assert.doesNotMatch(page, /generationsskifte/);
    assert.doesNotMatch(page, /\/rediger"/);
    assert.equal((await hub.get(`${activityPath}/rediger`)).status, 403);
    assert.equal((await hub.post(activityPath, { kind: 'visit', activityDate: '2026-03-12', title: 'Overtaget', companyIds: companyId })).status, 403);
  });

  it('lets Læsø change its visit', async () => {
    const form = await html(laeso, `${activityPath}/rediger`);
    assert.match(form, /Ejeren overvejer generationsskifte\./);
    const saved = await laeso.post(activityPath, { kind: 'meeting', activityDate: '2026-03-13', title: 'Møde på saltsyderiet', companyIds: companyId, note: 'Delt: interesseret i eksport.', noteVisibility: 'shared' });
    assert.equal(saved.status, 303);
    assert.match(await html(hub, activityPath), /Delt: interesseret i eksport\./);
  });

  it('lists the region’s activities with filters and the participants of events, and none to another region', async () => {
    await hub.post(`/virksomheder/${companyId}/aktiviteter`, { kind: 'event', activityDate: '2026-04-02', title: 'Netværksmøde om salt', companyIds: companyId, participantCount: '25' });
    const all = await html(hub, '/aktiviteter');
    assert.match(all, /2 aktiviteter/);
    assert.match(all, /Deltagere i kollektive aktiviteter \(arrangementer\): 25\./);
    assert.match(all, /<option value="[0-9a-f-]{36}">Erhvervsservice Læsø<\/option>/);
    assert.match(await html(hub, '/aktiviteter?type=event'), /1 aktivitet<\/caption>/);
    assert.match(await html(hub, '/aktiviteter?type=call'), /Ingen aktiviteter matcher filtrene\./);
    assert.match(await html(hub, '/aktiviteter?fra=2026-04-01&til=2026-04-30'), /Netværksmøde om salt/);
    assert.match(await html(hub, '/aktiviteter?fra=1.4.2026'), /Skriv fra-datoen som en gyldig dato\./);
    assert.match(await html(midt, '/aktiviteter'), /Ingen aktiviteter matcher filtrene\./);
    assert.equal((await midt.get(activityPath)).status, 404);
  });

  it('answers the company’s activities and creates one through the API', async () => {
    const actor = actorFromUser((await findUserById(t.database.db, hubUserId))!);
    const { token } = await createApiToken(t.database.db, t.config, actor, { name: 'API' });
    const call = (path: string, init: RequestInit = {}) =>
      t.app.request(`/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    const created = await call('/activities', { method: 'POST', body: JSON.stringify({ kind: 'call', activityDate: '2026-05-01', title: 'Opringning', companyIds: [companyId] }) });
    assert.equal(created.status, 201);
    const listed = (await (await call(`/companies/${companyId}/activities`)).json()) as { activities: { title: string; organisationName: string; note: unknown }[] };
    assert.deepEqual(listed.activities.map((a) => a.title), ['Opringning', 'Netværksmøde om salt', 'Møde på saltsyderiet']);
    const refused = await call('/activities', { method: 'POST', body: JSON.stringify({ kind: 'call', activityDate: '2026-05-01', title: '', companyIds: [] }) });
    assert.equal(refused.status, 422);
  });
});

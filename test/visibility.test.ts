// The sharing rule of 02-crm.md, tried from the outside: users of another organisation in the region
// and users of another region try to read internal notes, change others' records and reach other
// regions' data through pages and the API, and are refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFromUser } from '../src/features/auth/auth.service.ts';
import { createApiToken } from '../src/features/api-tokens/api-tokens.service.ts';
import { createCompany } from '../src/features/companies/companies.service.ts';
import { addNote, createCourse } from '../src/features/courses/courses.service.ts';
import { findUserById } from '../src/features/users/users.repository.ts';
import { createTestApp, type TestApp, type TestClient } from './helpers/app.ts';
import { makeOrganisation, makeUser } from './helpers/factories.ts';

describe('what each organisation may see', () => {
  let t: TestApp;
  let laeso: TestClient; // local office, same region as the hub
  let fyn: TestClient; // another region
  let fynToken: string;
  let laesoToken: string;
  let courseId: string;
  let preStarterId: string;
  let registeredId: string;

  const person = async (organisation: Record<string, unknown>) => {
    const org = await makeOrganisation(t.database.db, organisation);
    const user = await makeUser(t.database.db, { roles: ['adviser'], organisationId: org.id });
    const actor = actorFromUser((await findUserById(t.database.db, user.id))!);
    const client = t.client();
    await client.login(user.email);
    const { token } = await createApiToken(t.database.db, t.config, actor, { name: 'test' });
    return { actor, client, token };
  };

  before(async () => {
    t = await createTestApp();
    const hub = await person({ kind: 'hub', businessHubId: 'nordjylland' });
    const l = await person({ kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    const f = await person({ kind: 'hub', businessHubId: 'fyn' });
    [laeso, fyn, fynToken, laesoToken] = [l.client, f.client, f.token, l.token];
    const db = t.database.db;
    preStarterId = (await createCompany(db, hub.actor, { name: 'Hemmelig Før-starter', municipalityCode: '851' })).id;
    registeredId = (await createCompany(db, hub.actor, { name: 'Aalborg Registreret ApS', cvr: '10150817', municipalityCode: '851' })).id;
    courseId = (await createCourse(db, hub.actor, preStarterId, { category: 'growth', themes: ['finance'], startDate: '2026-01-05' })).id;
    await addNote(db, hub.actor, { type: 'company', id: preStarterId }, { body: 'INTERN-HEMMELIGHED', visibility: 'internal' });
    await addNote(db, hub.actor, { type: 'course', id: courseId }, { body: 'INTERN-FORLØBSNOTE', visibility: 'internal' });
    await addNote(db, hub.actor, { type: 'company', id: preStarterId }, { body: 'DELT-OPLYSNING', visibility: 'shared' });
  });
  after(async () => t.close());

  const api = (path: string, token: string, init: RequestInit = {}) =>
    t.app.request(`/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });

  it('shows the local office the hub’s company, course and shared note, but not the internal notes', async () => {
    const companyPage = await (await laeso.get(`/virksomheder/${preStarterId}`)).text();
    assert.match(companyPage, /Hemmelig Før-starter/);
    assert.match(companyPage, /DELT-OPLYSNING/);
    assert.doesNotMatch(companyPage, /INTERN-HEMMELIGHED/);
    const coursePage = await (await laeso.get(`/forloeb/${courseId}`)).text();
    assert.match(coursePage, /Vækstforløb/);
    assert.doesNotMatch(coursePage, /INTERN-FORLØBSNOTE/);
  });

  it('refuses the local office changes to the hub’s course, on the page and in the API', async () => {
    assert.equal((await laeso.post(`/forloeb/${courseId}/moeder`, { meetingDate: '2026-02-01' })).status, 403);
    assert.equal((await laeso.post(`/forloeb/${courseId}`, { category: 'short', themes: 'finance', startDate: '2026-01-05', status: 'active' })).status, 403);
    const response = await api(`/courses/${courseId}/meetings`, laesoToken, { method: 'POST', body: JSON.stringify({ meetingDate: '2026-02-01' }) });
    assert.equal(response.status, 403);
  });

  it('keeps another region out of the company, the course and the search, on pages and in the API', async () => {
    assert.equal((await fyn.get(`/virksomheder/${preStarterId}`)).status, 404);
    assert.equal((await fyn.get(`/forloeb/${courseId}`)).status, 404);
    assert.doesNotMatch(await (await fyn.get('/virksomheder?q=hemmelig')).text(), /Hemmelig Før-starter/);
    assert.doesNotMatch(await (await fyn.get('/forloeb')).text(), /Hemmelig Før-starter/);
    assert.equal((await api(`/companies/${preStarterId}`, fynToken)).status, 404);
    assert.equal((await api(`/courses/${courseId}`, fynToken)).status, 404);
    assert.equal(((await (await api('/courses', fynToken)).json()) as { total: number }).total, 0);
    assert.equal(((await (await api('/companies?q=hemmelig', fynToken)).json()) as { total: number }).total, 0);
  });

  it('lets another region read public register data by full CVR number, but not change it', async () => {
    const found = (await (await api('/companies?q=10150817', fynToken)).json()) as { companies: { id: string }[] };
    assert.deepEqual(found.companies.map((c) => c.id), [registeredId]);
    const change = await api(`/companies/${registeredId}`, fynToken, { method: 'PUT', body: JSON.stringify({ name: 'Overtaget' }) });
    assert.equal(change.status, 403);
    assert.equal((await fyn.post(`/virksomheder/${registeredId}`, { name: 'Overtaget' })).status, 403);
  });
});

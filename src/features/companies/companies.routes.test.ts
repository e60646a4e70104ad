// The company pages through HTTP: search, register with field errors, the company page, the API.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';

describe('company pages', () => {
  let t: TestApp;
  let adviser: TestClient;
  before(async () => {
    t = await createTestApp();
    const office = await makeOrganisation(t.database.db, { kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    const user = await makeUser(t.database.db, { roles: ['adviser'], organisationId: office.id });
    adviser = t.client();
    await adviser.login(user.email);
  });
  after(async () => t.close());

  it('registers a company, keeping what was typed when the CVR number is wrong', async () => {
    const invalid = await adviser.post('/virksomheder', { name: 'Læsø Fiskeindustri', cvr: '12345678', municipalityCode: '825' });
    assert.equal(invalid.status, 422);
    const html = await invalid.text();
    assert.match(html, /&quot;12345678&quot; er ikke et gyldigt CVR-nummer \(modulus 11\)\./);
    assert.match(html, /value="Læsø Fiskeindustri"/);
    const created = await adviser.post('/virksomheder', { name: 'Læsø Fiskeindustri', cvr: '25313763', municipalityCode: '825', advertisingProtected: 'true' });
    assert.equal(created.status, 303);
    const page = await (await adviser.get(created.headers.get('location')!)).text();
    assert.match(page, /<h1>Læsø Fiskeindustri<\/h1>/);
    assert.match(page, /Reklamebeskyttet/);
    assert.match(page, /Registreret af Test Bruger/);
  });

  it('finds the company by name prefix and by CVR number, and renders only the results for htmx', async () => {
    assert.match(await (await adviser.get('/virksomheder?q=l%C3%A6s%C3%B8+fisk')).text(), /Læsø Fiskeindustri/);
    assert.match(await (await adviser.get('/virksomheder?q=25313763')).text(), /Læsø Fiskeindustri/);
    const none = await (await adviser.get('/virksomheder?q=findes+ikke+xyz')).text();
    assert.match(none, /Ingen virksomheder matcher søgningen\./);
    const fragment = await adviser.get('/virksomheder?q=l%C3%A6s%C3%B8', { 'hx-request': 'true', 'hx-target': 'company-results' });
    const part = await fragment.text();
    assert.match(part, /^<div id="company-results"/);
    assert.doesNotMatch(part, /<html|<header/);
    assert.match(part, /Læsø Fiskeindustri/);
    assert.match(fragment.headers.get('vary') ?? '', /HX-Request/);
  });

  it('answers the company search through the API', async () => {
    const { createApiToken } = await import('../api-tokens/api-tokens.service.ts');
    const { actorFromUser } = await import('../auth/auth.service.ts');
    const { findUserById } = await import('../users/users.repository.ts');
    const user = await makeUser(t.database.db, { roles: ['viewer'] });
    const { token } = await createApiToken(t.database.db, t.config, actorFromUser((await findUserById(t.database.db, user.id))!), { name: 'API' });
    const response = await t.app.request('/api/v1/companies?q=25313763', { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { total: number; companies: { name: string; advertisingProtected: boolean }[] };
    assert.equal(body.total, 1);
    assert.equal(body.companies[0]?.advertisingProtected, true);
  });

  it('does not let a viewer open the registration form', async () => {
    const user = await makeUser(t.database.db, { roles: ['viewer'] });
    const viewer = t.client();
    await viewer.login(user.email);
    assert.equal((await viewer.get('/virksomheder/ny')).status, 403);
    assert.doesNotMatch(await (await viewer.get('/virksomheder')).text(), /Registrér virksomhed/);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';

describe('contact person pages', () => {
  let t: TestApp;
  let admin: TestClient;
  let companyPath: string;
  before(async () => {
    t = await createTestApp();
    const org = await makeOrganisation(t.database.db, { kind: 'hub', businessHubId: 'nordjylland' });
    const user = await makeUser(t.database.db, { roles: ['admin', 'adviser'], organisationId: org.id });
    admin = t.client();
    await admin.login(user.email);
    const created = await admin.post('/virksomheder', { name: 'Thisted Bryghus', municipalityCode: '787' });
    companyPath = created.headers.get('location')!.replace(/\?.*/, '');
  });
  after(async () => t.close());

  it('adds a person, exports the data as JSON and erases it after a confirmation page', async () => {
    const invalid = await admin.post(`${companyPath}/kontaktpersoner`, { name: '', email: 'ikke-en-mail' });
    assert.equal(invalid.status, 422);
    assert.match(await invalid.text(), /Skriv kontaktpersonens navn\./);
    assert.equal((await admin.post(`${companyPath}/kontaktpersoner`, { name: 'Anders Humle', email: 'anders@bryghus.dk' })).status, 303);
    const page = await (await admin.get(`${companyPath}/kontaktpersoner`)).text();
    const id = /\/kontaktpersoner\/([0-9a-f-]{36})\/eksport/.exec(page)![1]!;
    const exported = await admin.get(`/kontaktpersoner/${id}/eksport`);
    assert.match(exported.headers.get('content-disposition') ?? '', /attachment/);
    assert.equal(((await exported.json()) as { records: { name: string }[] }).records[0]?.name, 'Anders Humle');
    assert.match(await (await admin.get(`/kontaktpersoner/${id}/slet`)).text(), /Kan ikke fortrydes/);
    const erased = await admin.post(`/kontaktpersoner/${id}/slet`);
    assert.equal(erased.status, 303);
    const after = await (await admin.get(erased.headers.get('location')!)).text();
    assert.match(after, /Personoplysningerne er slettet/);
    assert.doesNotMatch(after, /Anders Humle/);
  });
});

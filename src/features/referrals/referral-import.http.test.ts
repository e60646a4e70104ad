// Henvisninger → Importér henvisninger through HTTP: upload (multipart with CSRF), dry run listing every
// invalid row, confirm (all or nothing, idempotent), outcome; admins only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import type { Role } from '../../domain/actor.ts';

const fixture = readFileSync(join(import.meta.dirname, '../../../test/fixtures/referrals/referrals-import.csv'));

async function upload(client: TestClient, file: { name: string; bytes: Uint8Array }, options: { csrf?: boolean } = {}) {
  if (!client.cookies.has('kp_csrf')) await client.get('/log-ind');
  const form = new FormData();
  if (options.csrf !== false) form.append('_csrf', client.cookies.get('kp_csrf') ?? '');
  form.append('file', new File([new Uint8Array(file.bytes)], file.name, { type: 'text/csv' }));
  return client.request('/henvisninger/import', { method: 'POST', body: form });
}
const confirmAction = (html: string) => /<form method="post" action="(\/henvisninger\/import\/[0-9a-f]{32})">/.exec(html)?.[1];

describe('the referrals import pages', () => {
  let t: TestApp;
  let hubId: string;
  const referralCount = async () => Number((await t.database.db.selectFrom('referrals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const clientWith = async (roles: Role[]) => {
    const user = await makeUser(t.database.db, { roles, organisationId: hubId });
    const client = t.client();
    await client.login(user.email);
    return client;
  };

  before(async () => {
    t = await createTestApp();
    hubId = (await makeOrganisation(t.database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' })).id;
    await makeOrganisation(t.database.db, { name: 'Erhvervsservice Læsø', kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    await makeOrganisation(t.database.db, { name: 'Eksportrådet', kind: 'external', businessHubId: null, email: 'henvisning@eksportraadet.example' });
  });
  after(async () => t.close());

  it('is for admins only, and needs CSRF', async () => {
    const adviser = await clientWith(['adviser']);
    assert.equal((await adviser.get('/henvisninger/import')).status, 403);
    assert.equal((await upload(adviser, { name: 'h.csv', bytes: fixture })).status, 403);
    const admin = await clientWith(['admin']);
    assert.match(await (await admin.get('/henvisninger')).text(), /href="\/henvisninger\/import"/);
    assert.equal((await upload(admin, { name: 'h.csv', bytes: fixture }, { csrf: false })).status, 403);
    assert.equal(await referralCount(), 0);
  });

  it('lists every invalid row in the dry run and offers no import', async () => {
    const admin = await clientWith(['admin']);
    const bad = Buffer.from(`${fixture.toString('utf8').trimEnd()}\nH-9,2024-03-11,Erhvervshus Nordjylland,Innovationsfonden,40381279,,,Innovation,kontaktet,,,,,,,\n`);
    const response = await upload(admin, { name: 'fejl.csv', bytes: bad });
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /Linje 6, kolonne &quot;contacted&quot;: feltet er tomt/);
    assert.equal(confirmAction(html), undefined);
    assert.equal(await referralCount(), 0);
  });

  it('imports the file checked in the dry run, all at once, and a second time changes nothing', async () => {
    const admin = await clientWith(['admin']);
    const preview = await upload(admin, { name: 'henvisninger.csv', bytes: fixture });
    const html = await preview.text();
    assert.equal(preview.status, 200, html);
    const action = confirmAction(html);
    assert.ok(action, 'a confirm form');
    assert.match(html, /Importér 4 henvisninger/);
    assert.equal(await referralCount(), 0, 'the dry run saves nothing');
    const confirmed = await admin.post(action);
    assert.equal(confirmed.status, 303);
    assert.equal(await referralCount(), 4);
    assert.match(await (await admin.get(confirmed.headers.get('location')!)).text(), /Henvisningerne er importeret/);
    const again = await (await upload(admin, { name: 'henvisninger.csv', bytes: fixture })).text();
    assert.match(again, /Alle henvisninger er allerede importeret som i filen/);
    assert.equal(await referralCount(), 4);
  });
});

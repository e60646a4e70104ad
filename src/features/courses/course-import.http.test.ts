// Forløb → Importér forløb through HTTP: upload (multipart with CSRF), dry run, confirm, outcome.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation } from '../../../test/helpers/factories.ts';
import type { Role } from '../../domain/actor.ts';

const FIXTURE = readFileSync(fileURLToPath(new URL('../../../test/fixtures/courses-nordjylland.csv', import.meta.url)));
const BROKEN = readFileSync(fileURLToPath(new URL('../../../test/fixtures/courses-broken.csv', import.meta.url)));

/** Posts a multipart form as a browser does, `_csrf` among the fields (fetch a page first). */
async function upload(client: TestClient, file: { name: string; bytes: Uint8Array<ArrayBuffer> }, options: { csrf?: boolean } = {}) {
  if (!client.cookies.has('kp_csrf')) await client.get('/log-ind');
  const form = new FormData();
  if (options.csrf !== false) form.append('_csrf', client.cookies.get('kp_csrf') ?? '');
  form.append('file', new File([file.bytes], file.name, { type: 'text/csv' }));
  return client.request('/forloeb/import', { method: 'POST', body: form });
}

describe('the course import pages', () => {
  let t: TestApp;
  let manager: TestClient;
  let hubId: string;
  const courseCount = async () => Number((await t.database.db.selectFrom('guidance_courses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const clientWith = async (roles: Role[], organisationId = hubId) => (await t.signedIn(organisationId, roles)).client;
  before(async () => {
    t = await createTestApp();
    hubId = (await makeOrganisation(t.database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' })).id;
    manager = await clientWith(['manager']);
  });
  after(async () => t.close());

  it('checks the file, keeps it, and imports that same file when confirmed, all without JavaScript', async () => {
    const form = await (await manager.get('/forloeb/import')).text();
    assert.match(form, /<form method="post" action="\/forloeb\/import" enctype="multipart\/form-data"/);
    assert.match(form, /name="_csrf"/);
    assert.match(form, /Forløbene registreres under <strong>Erhvervshus Nordjylland<\/strong>/);

    const preview = await upload(manager, { name: 'courses-nordjylland.csv', bytes: FIXTURE });
    assert.equal(preview.status, 200);
    const html = await preview.text();
    assert.match(html, /Filen er i orden/);
    assert.match(html, /<dd data-testid="created">34<\/dd>/);
    assert.match(html, /Sprunget over \(andre erhvervshuse\)/);
    assert.equal(await courseCount(), 0, 'the dry run saves nothing');

    const action = /<form method="post" action="(\/forloeb\/import\/[0-9a-f]{32})">/.exec(html)?.[1];
    assert.ok(action);
    const confirmed = await manager.post(action);
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.headers.get('location'), action);
    const result = await (await manager.get(action)).text();
    assert.match(result, /<h1>Forløbene er importeret<\/h1>/);
    assert.match(result, /<dd data-testid="created">34<\/dd>/);
    assert.equal(await courseCount(), 34);
    // A repeated confirm (a reload, a double click) imports nothing twice.
    assert.equal((await manager.post(action)).status, 303);
    assert.equal(await courseCount(), 34);
  });

  it('says that importing the same file again would change nothing', async () => {
    const html = await (await upload(manager, { name: 'courses-nordjylland.csv', bytes: FIXTURE })).text();
    assert.match(html, /<dd data-testid="created">0<\/dd>/);
    assert.match(html, /<dd data-testid="unchanged">34<\/dd>/);
    assert.match(html, /Alle forløb er allerede importeret som i filen/);
  });

  it('lists every invalid row with line, column and value, and offers no import', async () => {
    const response = await upload(manager, { name: 'courses-broken.csv', bytes: BROKEN });
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /Filen har 5 ugyldige rækker – intet kan importeres/);
    assert.match(html, /<td>3<\/td><td>cvr<\/td><td>12345679<\/td><td>Linje 3, kolonne &quot;cvr&quot;: &quot;12345679&quot; er ikke et gyldigt CVR-nummer/);
    assert.doesNotMatch(html, /action="\/forloeb\/import\/[0-9a-f]{32}"/);
  });

  it('refuses too large files, spreadsheets and missing files with a clear Danish message', async () => {
    const large = await upload(manager, { name: 'stor.csv', bytes: new Uint8Array(21 * 1024 * 1024).fill(0x41) });
    assert.equal(large.status, 422);
    assert.match(await large.text(), /Filen fylder 21,0 MB – her kan højst indlæses 20 MB\. Del filen op, eller indlæs den med kommandoen &quot;knudepunkt import courses&quot;\./);
    const excel = await upload(manager, { name: 'forløb.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) });
    assert.match(await excel.text(), /er et Excel-ark, ikke en CSV-fil/);
    const none = await upload(manager, { name: '', bytes: new Uint8Array() });
    assert.equal(none.status, 422);
    assert.match(await none.text(), /Vælg forløbsfilen \(CSV\)\./);
  });

  it('refuses an upload without the CSRF token', async () => {
    assert.equal((await upload(manager, { name: 'courses-nordjylland.csv', bytes: FIXTURE }, { csrf: false })).status, 403);
  });

  it('keeps an upload to the user who made it', async () => {
    const html = await (await upload(manager, { name: 'courses-nordjylland.csv', bytes: FIXTURE })).text();
    const action = /action="(\/forloeb\/import\/[0-9a-f]{32})"/.exec(html)![1]!;
    const colleague = await clientWith(['manager']);
    assert.equal((await colleague.post(action)).status, 404);
    assert.equal((await colleague.get(action)).status, 404);
    assert.equal((await colleague.get('/forloeb/import/..%2F..%2Fetc')).status, 404);
  });

  it('shows the import only to managers and admins, and the statistics to everyone', async () => {
    for (const roles of [['viewer'], ['adviser'], ['kkr']] as Role[][]) {
      const client = await clientWith(roles);
      assert.equal((await client.get('/forloeb/import')).status, 403, roles.join());
      assert.equal((await upload(client, { name: 'courses-nordjylland.csv', bytes: FIXTURE })).status, 403, roles.join());
      const list = await (await client.get('/forloeb')).text();
      assert.match(list, /<a href="\/forloeb\/statistik">Statistik<\/a>/);
      assert.doesNotMatch(list, /Importér forløb/);
    }
    assert.match(await (await manager.get('/forloeb')).text(), /<a href="\/forloeb\/import">Importér forløb<\/a>/);
  });

  it('lets an admin choose among the hubs and local offices of their region', async () => {
    const office = await makeOrganisation(t.database.db, { name: 'Erhvervsservice Læsø (test)', kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    await makeOrganisation(t.database.db, { name: 'Erhvervshus Midtjylland (test)', kind: 'hub', businessHubId: 'midtjylland' });
    const admin = await clientWith(['admin']);
    const form = await (await admin.get('/forloeb/import')).text();
    assert.match(form, new RegExp(`<option value="${office.id}">Erhvervsservice Læsø \\(test\\)</option>`));
    assert.doesNotMatch(form, /Midtjylland/);
  });
});

// The admin pages through HTTP, as an administrator and as someone who is not one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';

describe('administration pages', () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    t = await createTestApp();
    const user = await makeUser(t.database.db, { roles: ['admin'] });
    admin = t.client();
    await admin.login(user.email);
  });
  after(async () => t.close());

  it('lists the admin sections', async () => {
    const html = await (await admin.get('/admin')).text();
    for (const section of ['Organisationer', 'Brugere', 'Kommuner', 'Revisionslog', 'Udgående e-mail', 'Baggrundsjob']) assert.match(html, new RegExp(section));
  });

  it('creates an organisation from the form and shows field errors while keeping what was typed', async () => {
    const invalid = await admin.post('/admin/organisationer', { name: 'Erhvervsservice Test', kind: 'localOffice', municipalityCode: '', email: 'ikke-en-mail' });
    assert.equal(invalid.status, 422);
    const html = await invalid.text();
    assert.match(html, /Vælg kommunen for det lokale erhvervskontor\./);
    assert.match(html, /Skriv en gyldig e-mailadresse/);
    assert.match(html, /value="Erhvervsservice Test"/);
    assert.match(html, /aria-invalid="true"/);
    const created = await admin.post('/admin/organisationer', { name: 'Erhvervsservice Test', kind: 'localOffice', municipalityCode: '860' });
    assert.equal(created.status, 303);
    assert.match(await (await admin.get('/admin/organisationer')).text(), /Erhvervsservice Test/);
  });

  it('invites a user through the form, which queues the invitation e-mail', async () => {
    const organisation = await makeOrganisation(t.database.db);
    const response = await admin.post('/admin/brugere', { name: 'Inviteret Person', email: 'inviteret@test.example', organisationId: organisation.id, roles: ['adviser', 'viewer'], locale: 'da' });
    assert.equal(response.status, 303);
    const list = await (await admin.get('/admin/brugere?besked=invited')).text();
    assert.match(list, /Invitationen er sendt\./);
    assert.match(list, /inviteret@test\.example/);
    const job = await t.database.db.selectFrom('jobs').select('payload').where('type', '=', 'sendMail').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal((job.payload as { subject: string }).subject, 'Din invitation til Knudepunkt');
  });

  it('accepts an invitation link, sets the password and lets the user log in', async () => {
    const organisation = await makeOrganisation(t.database.db);
    await admin.post('/admin/brugere', { name: 'Ny Konsulent', email: 'ny.konsulent@test.example', organisationId: organisation.id, roles: 'adviser' });
    const job = await t.database.db.selectFrom('jobs').select('payload').where('type', '=', 'sendMail').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const path = new URL(/http\S+/.exec((job.payload as { text: string }).text)![0]).pathname;
    const invited = t.client();
    assert.match(await (await invited.get(path)).text(), /Velkommen til Knudepunkt\. Vælg en adgangskode for Ny Konsulent/);
    const mismatch = await invited.post(path, { password: 'en lang adgangskode', passwordConfirmation: 'en anden adgangskode' });
    assert.equal(mismatch.status, 422);
    assert.match(await mismatch.text(), /De to adgangskoder er ikke ens\./);
    const saved = await invited.post(path, { password: 'en lang adgangskode', passwordConfirmation: 'en lang adgangskode' });
    assert.match(await saved.text(), /Din adgangskode er gemt/);
    await invited.login('ny.konsulent@test.example', 'en lang adgangskode');
    assert.equal((await invited.get(path)).status, 410, 'the link works once');
  });

  it('shows the 98 municipalities read-only and filters by region', async () => {
    const all = await (await admin.get('/admin/kommuner')).text();
    assert.match(all, /98 kommuner/);
    const nord = await (await admin.get('/admin/kommuner?region=1081')).text();
    assert.match(nord, /11 kommuner/);
    assert.match(nord, /Læsø/);
  });

  it('filters the audit log and exports it as CSV', async () => {
    const page = await (await admin.get('/admin/revisionslog?entitet=organisation&handling=create')).text();
    assert.match(page, /Erhvervsservice Test/);
    const csv = await admin.get('/admin/revisionslog.csv?entitet=organisation');
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM so Excel reads æøå');
    const text = new TextDecoder().decode(bytes);
    assert.match(text, /^id,tidspunkt,bruger,organisation,handling,entitet/);
    assert.match(text, /Erhvervsservice Test/);
    assert.ok(!text.includes('user,'), 'only organisation rows');
  });

  it('names a malformed date in the audit filter instead of failing', async () => {
    const response = await admin.get('/admin/revisionslog?fra=31-12-2026');
    assert.equal(response.status, 200);
    assert.match(await response.text(), /&quot;31-12-2026&quot; er ikke en dato på formen ÅÅÅÅ-MM-DD\./);
  });

  it('offers upload progress through htmx on the upload form, which still posts without JavaScript', async () => {
    const html = await (await admin.get('/admin/cvr-import')).text();
    assert.match(html, /<form method="post" action="\/admin\/cvr-import" enctype="multipart\/form-data"/);
    assert.match(html, /hx-post="\/admin\/cvr-import"/);
    assert.match(html, /hx-encoding="multipart\/form-data"/);
    assert.match(html, /<progress id="upload-progress-bar"/);
  });

  it('imports a CVR file from the web and shows the summary with the rejected lines', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../../test/fixtures/cvr/bulk.jsonl', import.meta.url), 'utf8');
    const form = new FormData();
    form.append('_csrf', admin.cookies.get('kp_csrf')!);
    form.append('file', new File([text], 'bulk.jsonl', { type: 'application/json' }));
    const response = await admin.request('/admin/cvr-import', { method: 'POST', body: form });
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /Oprettet: 4, opdateret: 0, uændret: 0, afvist: 4\./);
    assert.match(html, /cvrNummer: 12345678 er ikke et gyldigt CVR-nummer/);
    const empty = new FormData();
    empty.append('_csrf', admin.cookies.get('kp_csrf')!);
    const missing = await admin.request('/admin/cvr-import', { method: 'POST', body: empty });
    assert.equal(missing.status, 422);
    assert.match(await missing.text(), /Vælg en fil fra CVR-registret\./);
  });

  it('lists the outbox and the jobs for an admin', async () => {
    assert.equal((await admin.get('/admin/e-mail')).status, 200);
    const jobs = await (await admin.get('/admin/job')).text();
    assert.match(jobs, /sendMail/);
  });

  it('refuses every admin page to an adviser', async () => {
    const user = await makeUser(t.database.db, { roles: ['adviser'] });
    const adviser = t.client();
    await adviser.login(user.email);
    for (const path of ['/admin', '/admin/cvr-import', '/admin/organisationer', '/admin/brugere', '/admin/kommuner', '/admin/revisionslog', '/admin/revisionslog.csv', '/admin/e-mail', '/admin/job']) {
      assert.equal((await adviser.get(path)).status, 403, path);
    }
    assert.equal((await adviser.post('/admin/organisationer', { name: 'Hack', kind: 'external' })).status, 403);
  });
});

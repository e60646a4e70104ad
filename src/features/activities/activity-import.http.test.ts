// Aktiviteter → Importér aktiviteter through HTTP: upload (multipart with CSRF), dry run listing every
// invalid row, confirm (all or nothing, idempotent), outcome; refusals of role, file and CSRF.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import type { Role } from '../../domain/actor.ts';
import { systemActor } from '../../domain/actor.ts';
import { importActivities } from './activity-import.service.ts';

const header = 'activity_id;date;kind;title;organisation;cvr;company_name;municipality_code;participants;note;note_visibility;adviser_email';
/** As Excel's "CSV UTF-8" saves it: a byte order mark, semicolons, CRLF line ends. */
const goodFile =
  '\uFEFF' +
  [
    header,
    'W-101;2024-10-03;email;Tilbud om eksportrådgivning;Erhvervsservice Læsø;40381279;Læsø Saltsyderi I/S;825;;;;',
    'W-102;15-10-2024;arrangement;Morgenmøde om rekruttering;Erhvervshus Nordjylland;"25313763;40381279";;;17;;;',
    'W-103;2024-11-01;møde;Møde om eksportplaner;Erhvervsservice Læsø;25313763;;;;Ejeren overvejer Tyskland.;delt;lise@laeso.example',
    'W-104;2024-11-02;besøg;Besøg hos iskiosken;Erhvervsservice Læsø;;Læsø  Iskiosk;825;;;;',
  ].join('\r\n');
const badFile = [
  header,
  'F-1;2024-03-01;visit;Gyldig række;Erhvervsservice Læsø;25313763;;;;;;',
  'F-2;2024-03-02;meeting;Hos ukendt kontor;Erhvervsservice Aabybro;25313763;;;;;;',
  'F-3;2024-13-01;call;Forkert måned;Erhvervsservice Læsø;25313763;;;;;;',
  'F-1;2024-03-04;email;Gentaget id;Erhvervsservice Læsø;25313763;;;;;;',
  'F-5;2024-03-05;visit;Deltagere ved besøg;Erhvervsservice Læsø;25313763;;;8;;;',
  'F-6;2024-03-06;event;Ukendt virksomhed;Erhvervshus Nordjylland;10150817;;;30;;;',
  'F-7;2024-03-07;visit;Hemmelig note;Erhvervsservice Læsø;25313763;;;;Noten;hemmelig;',
].join('\n');

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

async function* linesOf(text: string): AsyncGenerator<string> {
  for (const line of text.split('\n')) yield line;
}

/** Posts a multipart form as a browser does, `_csrf` among the fields (fetch a page first). */
async function upload(client: TestClient, file: { name: string; bytes: Uint8Array<ArrayBuffer> } | null, options: { csrf?: boolean } = {}) {
  if (!client.cookies.has('kp_csrf')) await client.get('/log-ind');
  const form = new FormData();
  if (options.csrf !== false) form.append('_csrf', client.cookies.get('kp_csrf') ?? '');
  form.append('file', file ? new File([file.bytes], file.name, { type: 'text/csv' }) : new File([], ''));
  return client.request('/aktiviteter/import', { method: 'POST', body: form });
}

const confirmAction = (html: string) => /<form method="post" action="(\/aktiviteter\/import\/[0-9a-f]{32})">/.exec(html)?.[1];

describe('the activities import pages', () => {
  let t: TestApp;
  let admin: TestClient;
  let hubId: string;
  const counts = async () => {
    const n = async (table: 'activities' | 'companies' | 'notes' | 'audit_log') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { activities: await n('activities'), companies: await n('companies'), notes: await n('notes'), audit: await n('audit_log') };
  };
  const clientWith = async (roles: Role[]) => {
    const user = await makeUser(t.database.db, { roles, organisationId: hubId });
    const client = t.client();
    await client.login(user.email);
    return client;
  };

  before(async () => {
    t = await createTestApp();
    const laeso = await makeOrganisation(t.database.db, { name: 'Erhvervsservice Læsø', kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    hubId = (await makeOrganisation(t.database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' })).id;
    await makeUser(t.database.db, { organisationId: laeso.id, email: 'lise@laeso.example' });
    await t.database.db.insertInto('companies').values({ name: 'Læsø Fiskeindustri', cvr: '25313763', municipality_code: '825', source: 'cvr' }).execute();
    admin = await clientWith(['admin']);
  });
  after(async () => t.close());

  it('checks the file, keeps it, and imports that same file when confirmed, all without JavaScript', async () => {
    const form = await (await admin.get('/aktiviteter/import')).text();
    assert.match(form, /<h1>Importér aktiviteter<\/h1>/);
    assert.match(form, /<form method="post" action="\/aktiviteter\/import" enctype="multipart\/form-data"/);
    assert.match(form, /name="_csrf"/);
    assert.match(form, /data-upload-progress/);
    const before0 = await counts();

    const preview = await upload(admin, { name: 'aktiviteter.csv', bytes: bytesOf(goodFile) });
    assert.equal(preview.status, 200);
    const html = await preview.text();
    assert.match(html, /Filen er i orden/);
    assert.match(html, /Trin 2 af 2: 4 rækker er kontrolleret, og intet er gemt endnu\./);
    assert.match(html, /<dd data-testid="created">4<\/dd>/);
    assert.match(html, /<dd data-testid="companies-created">2<\/dd>/);
    assert.deepEqual(await counts(), before0, 'the dry run saves nothing');

    const action = confirmAction(html);
    assert.ok(action, 'an import button');
    assert.match(html, /Importér 4 aktiviteter/);
    const confirmed = await admin.post(action);
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.headers.get('location'), action);
    const result = await (await admin.get(action)).text();
    assert.match(result, /<h1>Aktiviteterne er importeret<\/h1>/);
    assert.match(result, /aktiviteter\.csv er importeret\./);
    assert.match(result, /<dd data-testid="created">4<\/dd>/);
    const imported = await counts();
    assert.deepEqual({ activities: imported.activities, companies: imported.companies }, { activities: before0.activities + 4, companies: before0.companies + 2 });
    // A repeated confirm (a reload, a double click) imports nothing twice, and the outcome stays.
    assert.equal((await admin.post(action)).status, 303);
    assert.deepEqual(await counts(), imported);
    assert.match(await (await admin.get(action)).text(), /<dd data-testid="created">4<\/dd>/);
  });

  it('imports the same file a second time without changing anything', async () => {
    const before1 = await counts();
    const html = await (await upload(admin, { name: 'aktiviteter.csv', bytes: bytesOf(goodFile) })).text();
    assert.match(html, /<dd data-testid="created">0<\/dd>/);
    assert.match(html, /<dd data-testid="unchanged">4<\/dd>/);
    assert.match(html, /Alle aktiviteter er allerede importeret som i filen/);
    const action = confirmAction(html);
    assert.ok(action);
    assert.equal((await admin.post(action)).status, 303);
    const result = await (await admin.get(action)).text();
    assert.match(result, /aktiviteter\.csv: ingen ændringer – alle aktiviteter var allerede importeret som i filen\./);
    assert.match(result, /<dd data-testid="unchanged">4<\/dd>/);
    assert.deepEqual(await counts(), before1, 'no activity, company, note or audit entry is written');
  });

  it('lists every invalid row with its line, column, value and reason, offers no import, and saves nothing', async () => {
    const before2 = await counts();
    const response = await upload(admin, { name: 'fejl.csv', bytes: bytesOf(badFile) });
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /Filen har 6 ugyldige rækker – intet kan importeres/);
    assert.match(html, /<td>3<\/td><td>organisation<\/td><td>Erhvervsservice Aabybro<\/td><td>Linje 3, kolonne &quot;organisation&quot;: &quot;Erhvervsservice Aabybro&quot; er ikke et erhvervshus/);
    assert.match(html, /<td>5<\/td><td>activity_id<\/td><td>F-1<\/td><td>Linje 5, kolonne &quot;activity_id&quot;: &quot;F-1&quot; står allerede i linje 2\.<\/td>/);
    // Every error the service finds is on the page, in a row that starts with its line.
    const { errors } = await importActivities(t.database.db, systemActor('test'), linesOf(badFile), { dryRun: true });
    assert.deepEqual([...new Set(errors.map((e) => e.line))], [3, 4, 5, 6, 7, 8]);
    assert.match(html, new RegExp(`Fejl i filen \\(${errors.length}\\)`));
    for (const error of errors) assert.ok(html.includes(`<tr><td>${error.line}</td><td>${error.column}</td><td>${escape(error.value)}</td><td>${escape(error.message)}</td></tr>`), error.message);
    assert.equal(confirmAction(html), undefined, 'no import button');
    assert.doesNotMatch(html, /action="\/aktiviteter\/import\/[0-9a-f]{32}"/);
    assert.deepEqual(await counts(), before2, 'the valid line 2 is not imported either');
  });

  it('imports nothing when a row has become invalid between the check and the import', async () => {
    const file = [header, 'R-1;2024-02-01;visit;Besøg;Erhvervsservice Læsø;25313763;;;;;;', 'R-2;2024-02-02;call;Opkald;Erhvervsservice Læsø;25313763;;;;;;'].join('\n');
    const action = confirmAction(await (await upload(admin, { name: 'senere.csv', bytes: bytesOf(file) })).text());
    assert.ok(action);
    // Meanwhile the hub imports an activity with the id R-1.
    const other = await importActivities(t.database.db, systemActor('test'), linesOf([header, 'R-1;2024-02-01;visit;Besøg;Erhvervshus Nordjylland;25313763;;;;;;'].join('\n')));
    assert.equal(other.imported, true);
    const before3 = await counts();
    const response = await admin.post(action);
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /Importen blev afvist, og intet er gemt/);
    assert.match(html, /Linje 2, kolonne &quot;activity_id&quot;: &quot;R-1&quot; er allerede importeret for Erhvervshus Nordjylland/);
    assert.deepEqual(await counts(), before3, 'R-2 is not imported either');
    assert.equal(await t.database.db.selectFrom('activities').select('id').where('source_id', '=', 'R-2').executeTakeFirst(), undefined);
  });

  it('refuses a missing, empty, too large, non-UTF-8 or spreadsheet file with a Danish message naming the problem', async () => {
    const before4 = await counts();
    const none = await upload(admin, null);
    assert.equal(none.status, 422);
    assert.match(await none.text(), /Vælg aktivitetsfilen \(CSV\)\./);
    const empty = await upload(admin, { name: 'tom.csv', bytes: new Uint8Array() });
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /Filen er tom\. Vælg aktivitetsfilen \(CSV\)\./);
    const large = await upload(admin, { name: 'stor.csv', bytes: new Uint8Array(21 * 1024 * 1024).fill(0x41) });
    assert.equal(large.status, 422);
    assert.match(await large.text(), /Filen fylder 21,0 MB – her kan højst indlæses 20 MB\. Del filen op, eller indlæs den med kommandoen &quot;knudepunkt import activities&quot;\./);
    const latin1 = await upload(admin, { name: 'latin1.csv', bytes: new Uint8Array(Buffer.from(goodFile.slice(1), 'latin1')) });
    assert.equal(latin1.status, 422);
    assert.match(await latin1.text(), /&quot;latin1\.csv&quot; er ikke gemt som UTF-8: linje 2 indeholder tegn, der ikke er gyldig UTF-8/);
    const excel = await upload(admin, { name: 'aktiviteter.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) });
    assert.equal(excel.status, 422);
    assert.match(await excel.text(), /er et Excel-ark, ikke en CSV-fil/);
    assert.deepEqual(await counts(), before4);
  });

  it('refuses an upload or a confirm without the CSRF token', async () => {
    assert.equal((await upload(admin, { name: 'aktiviteter.csv', bytes: bytesOf(goodFile) }, { csrf: false })).status, 403);
    const action = confirmAction(await (await upload(admin, { name: 'aktiviteter.csv', bytes: bytesOf(goodFile) })).text());
    assert.ok(action);
    assert.equal((await admin.post(action, {}, { csrf: false })).status, 403);
  });

  it('keeps an upload to the admin who made it', async () => {
    const action = confirmAction(await (await upload(admin, { name: 'aktiviteter.csv', bytes: bytesOf(goodFile) })).text())!;
    const colleague = await clientWith(['admin']);
    assert.equal((await colleague.post(action)).status, 404);
    assert.equal((await colleague.get(action)).status, 404);
    assert.equal((await colleague.get('/aktiviteter/import/..%2F..%2Fetc')).status, 404);
  });

  it('offers the import only to admins, the role the import service allows', async () => {
    const action = confirmAction(await (await upload(admin, { name: 'aktiviteter.csv', bytes: bytesOf(goodFile) })).text())!;
    for (const roles of [['manager', 'adviser'], ['adviser'], ['viewer'], ['kkr']] as Role[][]) {
      const client = await clientWith(roles);
      assert.equal((await client.get('/aktiviteter/import')).status, 403, roles.join());
      assert.equal((await upload(client, { name: 'aktiviteter.csv', bytes: bytesOf(goodFile) })).status, 403, roles.join());
      assert.equal((await client.post(action)).status, 403, roles.join());
      assert.doesNotMatch(await (await client.get('/aktiviteter')).text(), /Importér aktiviteter/, roles.join());
    }
    assert.match(await (await admin.get('/aktiviteter')).text(), /<a href="\/aktiviteter\/import">Importér aktiviteter<\/a>/);
  });
  it('speaks English to a user who chose it', async () => {
    const english = await clientWith(['admin']);
    english.cookies.set('kp_lang', 'en');
    assert.match(await (await english.get('/aktiviteter/import')).text(), /<h1>Import activities<\/h1>/);
    assert.match(await (await upload(english, null)).text(), /Choose the activities file \(CSV\)\./);
    const html = await (await upload(english, { name: 'activities.csv', bytes: bytesOf(goodFile) })).text();
    assert.match(html, /The file is valid/);
    assert.match(html, /Activities unchanged/);
  });
});

// The data-set upload through HTTP: multipart with CSRF, the preview step, the import, and every
// kind of bad file answered with a Danish message and nothing saved.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { nordjyllandFolk1a } from '../../../test/helpers/economy.ts';
import { makeUser } from '../../../test/helpers/factories.ts';

async function upload(client: TestClient, fields: Record<string, string>, file?: { name: string; type: string; body: string | Uint8Array<ArrayBuffer> }) {
  if (!client.cookies.has('kp_csrf')) await client.get('/log-ind');
  const form = new FormData();
  form.append('_csrf', client.cookies.get('kp_csrf')!);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append('file', new File([file.body], file.name, { type: file.type }));
  return client.request('/oekonomi/datasaet/importer', { method: 'POST', body: form });
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('data-set pages', () => {
  let t: TestApp;
  let kkr: TestClient;
  before(async () => {
    t = await createTestApp();
    kkr = t.client();
    await kkr.login((await makeUser(t.database.db, { roles: ['kkr'] })).email);
  });
  after(async () => t.close());
  const count = async () => (await t.database.db.selectFrom('data_sets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  it('previews an uploaded FOLK1A file, then imports it on confirmation', async () => {
    const preview = await upload(kkr, { format: 'folk1a' }, { name: 'FOLK1A.csv', type: 'text/csv', body: nordjyllandFolk1a });
    assert.equal(preview.status, 200);
    const html = await preview.text();
    assert.match(text(html), /11 kommuner, 1\. kvt\. 2022, i alt 590\.439\. 2 rækker sprunget over\./);
    assert.match(text(html), /3 081 Region Nordjylland Region Nordjylland – en region, ikke en kommune/);
    assert.equal(await count(), 0, 'the preview saves nothing');
    const content = /name="content" value="([^"]+)"/.exec(html)![1]!;
    const saved = await kkr.post('/oekonomi/datasaet', { format: 'folk1a', fileName: 'FOLK1A.csv', content });
    assert.equal(saved.status, 303);
    const page = text(await (await kkr.get(saved.headers.get('location')!)).text());
    assert.match(page, /Datasættet er importeret: 11 kommuner\./);
    assert.match(page, /Kilde Danmarks Statistik FOLK1A/);
    assert.match(page, /851 Aalborg 220\.589 13/);
    const again = await kkr.post('/oekonomi/datasaet', { format: 'folk1a', content });
    assert.match(again.headers.get('location')!, /besked=findes$/);
    assert.equal(await count(), 1);
  });

  it('shows every error of a bad file with its line, and no import button', async () => {
    const response = await upload(kkr, { format: 'folk1a' }, { name: 'fejl.csv', type: 'text/csv', body: 'OMRÅDE;TID;INDHOLD\nAalborg;2021K1;mange\nAtlantis;2021K1;5\n851 Morsø;2021K1;7\n' });
    assert.equal(response.status, 422);
    const html = text(await response.text());
    assert.match(html, /Filen har 2 fejl – intet bliver importeret/);
    assert.match(html, /Linje 2, kolonne INDHOLD: "mange" er ikke et tal\./);
    assert.match(html, /Linje 4, kolonne OMRÅDE: "851 Morsø" – koden 851 er Aalborg, men navnet er "Morsø"\./);
    assert.doesNotMatch(html, /Importér \d+ kommuner/);
  });

  it('refuses a missing file, an Excel workbook, a file over 5 MB and a file that is not UTF-8', async () => {
    const cases: [string, Parameters<typeof upload>[2], RegExp][] = [
      ['no file', undefined, /Vælg den CSV-fil, der skal importeres\./],
      ['xlsx', { name: 'folketal.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: new Uint8Array([0x50, 0x4b, 3, 4]) }, /"folketal\.xlsx" er ikke en CSV-fil/],
      ['xlsx renamed', { name: 'folketal.csv', type: 'text/csv', body: new Uint8Array([0x50, 0x4b, 3, 4]) }, /Filen er et Excel-ark \(\.xlsx\), ikke en CSV-fil/],
      ['too big', { name: 'stor.csv', type: 'text/csv', body: 'x'.repeat(5 * 1024 * 1024 + 1) }, /Filen fylder 5,0 MB – den må højst fylde 5 MB\./],
      ['latin-1', { name: 'ansi.csv', type: 'text/csv', body: new Uint8Array([0x4f, 0x4d, 0x52, 0xc5, 0x44, 0x45]) }, /ikke gemt som UTF-8/],
    ];
    for (const [name, file, message] of cases) {
      const response = await upload(kkr, { format: 'folk1a', name: 'Mit navn' }, file);
      assert.equal(response.status, 422, name);
      const html = await response.text();
      assert.match(text(html), message, name);
      assert.match(html, /value="Mit navn"/, `${name}: keeps what was typed`);
    }
  });

  it('names the missing fields of a generic CSV', async () => {
    const response = await upload(kkr, { format: 'generic' }, { name: 'ansatte.csv', type: 'text/csv', body: 'kode;værdi\n851;10\n' });
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /Skriv nøglen for tallene/);
    assert.match(html, /Skriv hvor tallene kommer fra/);
  });

  it('lets an adviser read the data sets but not import', async () => {
    const adviser = t.client();
    await adviser.login((await makeUser(t.database.db, { roles: ['adviser'] })).email);
    assert.equal((await adviser.get('/oekonomi/datasaet')).status, 200);
    assert.doesNotMatch(await (await adviser.get('/oekonomi/datasaet')).text(), /Importér datasæt/);
    assert.equal((await adviser.get('/oekonomi/datasaet/importer')).status, 403);
    assert.equal((await upload(adviser, { format: 'folk1a' }, { name: 'a.csv', type: 'text/csv', body: nordjyllandFolk1a })).status, 403);
  });
});

// Distribution keys through the pages: the form without JavaScript (errors keep what was typed), the
// preview (full page and htmx fragment), the result page with chart and sentence, new versions, the
// lock after a base grant, and the CSV and Excel exports.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { nordjyllandPopulation, published2023 } from '../../../test/helpers/economy.ts';
import { makeUser } from '../../../test/helpers/factories.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('distribution-key pages', () => {
  let t: TestApp;
  let kkr: TestClient;
  let population: string;
  let page: string;
  before(async () => {
    t = await createTestApp();
    population = await nordjyllandPopulation(t.database.db);
    kkr = t.client();
    await kkr.login((await makeUser(t.database.db, { roles: ['kkr'] })).email);
  });
  after(async () => t.close());

  const form = (overrides: Record<string, string> = {}) => ({
    name: 'Basisbevilling 2023, Erhvervshus Nordjylland',
    total: '17.645',
    unit: '1000 DKK',
    resolution: '1',
    method: 'largestRemainder',
    recipients: 'hub:nordjylland',
    'criteria.0.dataSetId': population,
    'criteria.0.weight': '',
    ...overrides,
  });

  it('shows field errors in Danish and keeps what was typed', async () => {
    const response = await kkr.post('/oekonomi/fordelingsnoegler', form({ total: '17,645,5', 'criteria.0.weight': '90' }));
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(text(html), /Skriv totalen som et tal, fx 17645\./);
    assert.match(text(html), /Vægtene summerer til 90 % – de skal summere til 100 %\./);
    assert.match(html, /<a href="#criteria\.0\.weight" class="function-link">/, 'the summary links to the weight field');
    assert.match(html, /value="17,645,5"/);
    const rule = await kkr.post('/oekonomi/fordelingsnoegler', form({ 'rules.1.municipalityCode': '101', 'rules.1.kind': 'exempt' }));
    assert.equal(rule.status, 422);
    const ruleHtml = await rule.text();
    assert.match(text(ruleHtml), /Kommunen 101 er ikke blandt modtagerne\./);
    assert.match(ruleHtml, /id="rules\.1\.municipalityCode"[^>]*aria-invalid="true"/, 'the error sits on the rule row the user filled (row 2)');
    assert.equal((await t.database.db.selectFrom('allocations').select('id').execute()).length, 0);
  });

  it('previews the result without saving, as a full page and as an htmx fragment', async () => {
    const full = await kkr.post('/oekonomi/fordelingsnoegler/forhaandsvisning', { ...form(), then: '/oekonomi/fordelingsnoegler' });
    assert.equal(full.status, 200);
    const html = await full.text();
    assert.match(html, /<form method="post" action="\/oekonomi\/fordelingsnoegler"/);
    assert.match(text(html), /Forhåndsvisning \(ikke gemt\) 17\.645 \(1\.000 kr\.\) fordelt efter bopælskommunefolketal pr\. 1\. kvt\. 2022\./);
    const fragment = await kkr.request('/oekonomi/fordelingsnoegler/forhaandsvisning', {
      method: 'POST',
      body: new URLSearchParams(form({ total: 'meget' })),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'hx-request': 'true', 'x-csrf-token': kkr.cookies.get('kp_csrf')! },
    });
    assert.equal(fragment.status, 200);
    const part = await fragment.text();
    assert.match(part, /^<div id="preview" aria-live="polite">/);
    assert.match(text(part), /Nøglen kan endnu ikke beregnes Skriv totalen som et tal/);
    assert.equal((await t.database.db.selectFrom('allocations').select('id').execute()).length, 0);
  });

  it('saves the key and shows the sentence, the chart and the table with the spreadsheet difference', async () => {
    const saved = await kkr.post('/oekonomi/fordelingsnoegler', form());
    assert.equal(saved.status, 303);
    page = saved.headers.get('location')!.split('?')[0]!;
    const html = await (await kkr.get(saved.headers.get('location')!)).text();
    assert.match(text(html), /Version 1 er gemt\./);
    assert.match(html, /<p class="font-lead" data-testid="explanation">17\.645 \(1\.000 kr\.\) fordelt efter bopælskommunefolketal pr\. 1\. kvt\. 2022\.<\/p>/);
    assert.match(html, /<svg [^>]*role="img" aria-labelledby="chart-title" aria-describedby="chart-desc"/);
    assert.match(html, /<desc id="chart-desc">Søjlediagram over det tildelte beløb \(1\.000 kr\.\) til 11 modtagere\. Størst: Aalborg 6\.592/);
    assert.match(text(html), /Hjørring \( 860 \) 10,79 % 1\.903,3765 1\.904 1\.903 \+1/);
    assert.match(text(html), /giver 17\.644 i alt \(1 under totalen\); 1 række afviger/);
  });

  it('exports CSV for Danish Excel and an xlsx with numbers, formats, the sentence and a total row', async () => {
    const csv = await kkr.get(`${page}/fordeling.csv`);
    assert.match(csv.headers.get('content-disposition')!, /filename="basisbevilling-2023-erhvervshus-nordjylland-version-1\.csv"/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).split('\r\n');
    assert.equal(lines[0], '\uFEFFKommunekode;Kommune;Andel;Præcist beløb (1.000 kr.);Tildelt (1.000 kr.);Regneark (hver række afrundet);Forskel;Note');
    assert.equal(lines[11], '860;Hjørring;0,1078705844;1903,3764622594;1904;1903;1;');
    assert.equal(lines[12], ';I alt;1;17645;17645;17644;1;');
    const xlsx = await kkr.get(`${page}/fordeling.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('Fordeling')!;
    assert.equal(sheet.getCell('A2').value, '17.645 (1.000 kr.) fordelt efter bopælskommunefolketal pr. 1. kvt. 2022.');
    assert.equal(sheet.getCell('A6').value, 'Kommunekode');
    const allocated = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [sheet.getCell(`A${7 + i}`).value, sheet.getCell(`E${7 + i}`).value]));
    assert.deepEqual(allocated, published2023);
    assert.equal(sheet.getCell('C7').numFmt, '0.00%');
    assert.equal(sheet.getCell('E7').numFmt, '#,##0');
    assert.deepEqual(sheet.getCell('E18').value, { formula: 'SUM(E7:E17)', result: 17645 });
  });

  it('saves a change as version 2, and after linking a base grant says the version is locked', async () => {
    const prefilled = await (await kkr.get(`${page}/ny-version`)).text();
    assert.match(prefilled, /value="17\.645"/);
    assert.match(text(prefilled), /Når du gemmer, bliver det version 2\./);
    const allocationId = page.split('/')[3]!;
    const second = await kkr.post(`/oekonomi/fordelingsnoegler/${allocationId}/versioner`, form({ 'rules.0.municipalityCode': '825', 'rules.0.kind': 'exempt' }));
    assert.equal(second.status, 303);
    assert.match(second.headers.get('location')!, /versioner\/2\?besked=gemt$/);
    const versionId = /name="allocationVersionId" value="([^"]+)"/.exec(await (await kkr.get(page)).text())![1]!;
    const linked = await kkr.post('/oekonomi/basisbevillinger', { allocationVersionId: versionId, businessHubId: 'nordjylland', year: '2023' });
    assert.equal(linked.status, 303);
    const locked = text(await (await kkr.get(page)).text());
    assert.match(locked, /Denne version er låst Den er brugt til fakturering \(Basisbevilling 2023, Erhvervshus Nordjylland\)/);
    assert.match(locked, /Ny version/);
    const duplicate = await kkr.post('/oekonomi/basisbevillinger', { allocationVersionId: versionId, businessHubId: 'nordjylland', year: '2023' });
    assert.equal(duplicate.status, 409);
    assert.match(text(await duplicate.text()), /Basisbevillingen 2023 for Erhvervshus Nordjylland findes allerede/);
  });

  it('speaks English when the user switches language', async () => {
    const english = t.client();
    await english.login((await makeUser(t.database.db, { roles: ['admin'] })).email);
    await english.post('/sprog', { lang: 'en', next: page });
    const html = text(await (await english.get(page)).text());
    assert.match(html, /The distribution/);
    assert.match(html, /A spreadsheet rounding each row on its own gives 17\.644 in total \(1 below the total\)/);
    assert.match(html, /Use as base grant|Base grant/);
  });

  it('lets a viewer see keys and exports but not the form', async () => {
    const viewer = t.client();
    await viewer.login((await makeUser(t.database.db, { roles: ['viewer'] })).email);
    assert.equal((await viewer.get(page)).status, 200);
    assert.doesNotMatch(await (await viewer.get(page)).text(), /Brug som basisbevilling/);
    assert.equal((await viewer.get(`${page}/fordeling.xlsx`)).status, 200);
    assert.equal((await viewer.get('/oekonomi/fordelingsnoegler/ny')).status, 403);
    assert.equal((await viewer.post('/oekonomi/fordelingsnoegler', form())).status, 403);
    assert.equal((await viewer.get('/oekonomi/fordelingsnoegler/ikke-et-id')).status, 404);
  });
});

// Issue 3's "done when" in a real browser: the KKR secretary imports a FOLK1A file, builds the 2023
// base-grant key of Erhvervshus Nordjylland, links it as the base grant and downloads the invoice
// list as Excel, whose rows sum exactly to the total. axe-core checks every page on the way.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describeViolations, loginAs, screenshot, seriousAxeViolations, startBrowserFixture, type BrowserFixture } from '../helpers/browser.ts';

const KKR = 'kkr@demo.knudepunkt.example';
const fixtureFile = fileURLToPath(new URL('../fixtures/folk1a-nordjylland-2022K1.csv', import.meta.url));

describe('distribution keys in a browser', () => {
  let fixture: BrowserFixture;
  let page: Page;
  let keyUrl: string;
  before(async () => {
    fixture = await startBrowserFixture();
    page = await fixture.newPage();
    await loginAs(page, fixture, KKR);
  });
  after(async () => fixture.close());

  async function expectAccessible(name: string) {
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
  }

  it('imports the FOLK1A file after a preview that lists the skipped rows', async () => {
    await page.getByRole('link', { name: 'Fordelingsnøgler' }).first().click();
    await page.waitForURL(fixture.url('/oekonomi/fordelingsnoegler'));
    assert.equal(await page.locator('h1').innerText(), 'Fordelingsnøgler');
    await expectAccessible('list of distribution keys');
    await page.getByRole('link', { name: 'Importér folketal (FOLK1A)' }).click();
    await expectAccessible('import form');
    await page.getByLabel('CSV-fil').setInputFiles(fixtureFile);
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await page.getByRole('heading', { name: 'Filen kan importeres' }).waitFor();
    const preview = await page.locator('main').innerText();
    assert.match(preview, /11 kommuner, 1\. kvt\. 2022, i alt 590\.439\. 2 rækker sprunget over\./);
    assert.match(preview, /000 Hele landet\s+hele landet – ikke en kommune/);
    await screenshot(page, 'allocations-import-preview');
    await expectAccessible('import preview');
    await page.getByRole('button', { name: 'Importér 11 kommuner' }).click();
    await page.getByText('Datasættet er importeret: 11 kommuner.').waitFor();
    assert.match(await page.locator('main').innerText(), /Danmarks Statistik FOLK1A/);
    await screenshot(page, 'allocations-data-set');
    await expectAccessible('data set page');
  });

  it('builds the 2023 base-grant key with a live preview and shows the sentence and the chart', async () => {
    await page.goto(fixture.url('/oekonomi/fordelingsnoegler'));
    await page.getByRole('link', { name: 'Ny fordelingsnøgle' }).click();
    await page.getByLabel('Navn', { exact: true }).fill('Basisbevilling 2023, Erhvervshus Nordjylland');
    await page.getByLabel('Total', { exact: true }).fill('17.645');
    await page.getByLabel('Enhed').selectOption({ label: '1.000 kr.' });
    await page.getByLabel('Modtagere').selectOption({ label: 'Erhvervshus Nordjylland (11 kommuner)' });
    await page.getByLabel('Datasæt 1').selectOption({ index: 1 });
    // htmx: a changed field updates the preview without a page load.
    await page.locator('#preview [data-testid="explanation"]').waitFor();
    assert.equal(await page.locator('#preview [data-testid="explanation"]').innerText(), '17.645 (1.000 kr.) fordelt efter bopælskommunefolketal pr. 1. kvt. 2022.');
    await screenshot(page, 'allocations-form-preview');
    await expectAccessible('form with preview');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Version 1 er gemt.').waitFor();
    keyUrl = page.url().split('?')[0]!;
    assert.equal(await page.getByTestId('explanation').innerText(), '17.645 (1.000 kr.) fordelt efter bopælskommunefolketal pr. 1. kvt. 2022.');
    const chart = page.getByRole('img', { name: /tildelt pr\. kommune/ });
    assert.equal(await chart.count(), 1);
    assert.ok((await chart.boundingBox())!.height > 200, 'the chart is drawn');
    assert.equal(await page.getByTestId('allocated-total').innerText(), '17.645');
    await screenshot(page, 'allocations-key');
    await expectAccessible('distribution key page');
  });

  it('links the key as the base grant 2023 and downloads an invoice Excel that sums exactly to the total', async () => {
    await page.getByLabel('Erhvervshus', { exact: true }).selectOption({ label: 'Erhvervshus Nordjylland' });
    await page.getByLabel('År', { exact: true }).fill('2023');
    await page.getByRole('button', { name: 'Brug som basisbevilling' }).click();
    await page.getByRole('heading', { name: 'Basisbevilling 2023 – Erhvervshus Nordjylland' }).waitFor();
    assert.equal(await page.getByTestId('invoice-total').innerText(), '17.645');
    await screenshot(page, 'allocations-base-grant');
    await expectAccessible('base grant page');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent fakturaliste (Excel)' }).click()]);
    assert.match(download.suggestedFilename(), /^fakturaliste-basisbevilling-2023-erhvervshus-nordjylland\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet('Fakturaliste')!;
    let rowsSum = 0;
    let rows = 0;
    let total: number | undefined;
    sheet.eachRow((row) => {
      const first = row.getCell(1).value;
      if (typeof first === 'string' && /^\d{3}$/.test(first)) {
        rowsSum += row.getCell(3).value as number;
        rows++;
      }
      if (first === 'I alt') total = (row.getCell(3).value as { result: number }).result;
    });
    assert.equal(rows, 11);
    assert.equal(rowsSum, 17645);
    assert.equal(total, 17645);

    await page.goto(keyUrl);
    assert.match(await page.locator('main').innerText(), /Denne version er låst/);
    await expectAccessible('locked key');
  });

  it('shows the published base grants with their deviations, the PL rates and the uplift, accessibly', async () => {
    await page.goto(fixture.url('/oekonomi/basisbevillinger'));
    await page.getByRole('button', { name: 'Indlæs de udgivne basisbevillinger' }).click();
    await page.getByText('4 udgivne tabeller er indlæst; 0 var indlæst i forvejen.').waitFor();
    await screenshot(page, 'allocations-base-grants');
    await expectAccessible('base grants list');
    await page.getByRole('link', { name: '2022, Erhvervshus Nordjylland' }).click();
    assert.match(await page.getByTestId('deviation').innerText(), /Rækkerne summerer til 17\.292, ikke den oplyste total på 17\.291 \(\+1\)/);
    await screenshot(page, 'allocations-published-2022');
    await expectAccessible('published base grant 2022');

    await page.goto(fixture.url('/oekonomi/pl-satser'));
    await page.getByLabel('År', { exact: true }).fill('2024');
    await page.getByLabel('Sats (%)').fill('4,8');
    await page.getByLabel('Kilde').fill('KL, Budgetvejledning 2024');
    await page.getByLabel('Udgivet den').fill('2023-06-15');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Satsen er gemt.').waitFor();
    await expectAccessible('PL rates');
    await page.goto(`${keyUrl}/pl-fremskrivning`);
    await page.getByRole('button', { name: 'Beregn' }).click();
    await page.getByRole('heading', { name: 'Næste års bidrag' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Bidrag i år × 1,048 \(PL 4,8 %\)/);
    await screenshot(page, 'allocations-pl-uplift');
    await expectAccessible('PL uplift');
  });
});

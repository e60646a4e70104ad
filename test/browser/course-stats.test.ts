// The course import and statistics in a real browser: Erhvervshus Nordjylland's manager imports the
// courses file through the dry-run step, opens the statistics for 2023, sees the figures that
// `knudepunkt courses stats` gives for the same file, and downloads them as Excel. axe-core checks
// every page on the way.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describeViolations, loginAs, screenshot, seriousAxeViolations, startBrowserFixture, type BrowserFixture } from '../helpers/browser.ts';

const MANAGER = 'leder@demo.knudepunkt.example';
const fixtureFile = fileURLToPath(new URL('../fixtures/courses-nordjylland.csv', import.meta.url));
const brokenFile = fileURLToPath(new URL('../fixtures/courses-broken.csv', import.meta.url));

describe('course import and statistics in a browser', () => {
  let fixture: BrowserFixture;
  let page: Page;
  before(async () => {
    fixture = await startBrowserFixture();
    // The demo data has courses of its own for Erhvervshus Nordjylland; without them the page must show
    // exactly what the command computes from the file.
    await fixture.database.db.deleteFrom('guidance_courses').where('is_demo', '=', true).execute();
    page = await fixture.newPage();
    await loginAs(page, fixture, MANAGER);
  });
  after(async () => fixture.close());

  async function expectAccessible(name: string) {
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
  }

  it('shows the invalid rows of a broken file, then imports the courses file after a dry run that shows what will happen', async () => {
    await page.goto(fixture.url('/forloeb'));
    await page.getByRole('link', { name: 'Importér forløb' }).click();
    await page.waitForURL(fixture.url('/forloeb/import'));
    await expectAccessible('import form');
    await page.getByLabel('Forløbsfil (CSV)').setInputFiles(brokenFile);
    await page.getByRole('button', { name: 'Kontrollér filen' }).click();
    await page.getByRole('heading', { name: 'Filen har 5 ugyldige rækker – intet kan importeres' }).waitFor();
    assert.match(await page.getByRole('table', { name: 'Fejl i filen (8)' }).innerText(), /^3\s+cvr\s+12345679\s+Linje 3, kolonne "cvr"/m);
    assert.equal(await page.getByRole('button', { name: /Importér/ }).count(), 0);
    await screenshot(page, 'course-import-errors');
    await expectAccessible('import errors');
    await page.getByRole('link', { name: 'Vælg en anden fil' }).click();
    await page.getByLabel('Forløbsfil (CSV)').setInputFiles(fixtureFile);
    await page.getByRole('button', { name: 'Kontrollér filen' }).click();
    await page.getByRole('heading', { name: 'Filen er i orden' }).waitFor();
    assert.equal(await page.getByTestId('created').innerText(), '34');
    assert.match(await page.getByTestId('import-counts').innerText(), /Sprunget over \(andre erhvervshuse\)\s+8 \(Erhvervshus Midtjylland/);
    await screenshot(page, 'course-import-preview');
    await expectAccessible('import preview');

    await page.getByRole('button', { name: 'Importér 34 forløb' }).click();
    await page.getByRole('heading', { name: 'Forløbene er importeret' }).waitFor();
    assert.equal(await page.getByTestId('created').innerText(), '34');
    await screenshot(page, 'course-import-result');
    await expectAccessible('import result');
  });

  it('shows Erhvervshus Nordjylland’s 2023 figures as `courses stats` gives them, with charts', async () => {
    await page.getByRole('link', { name: 'Se statistikken' }).click();
    await page.getByLabel('Erhvervshus', { exact: true }).selectOption({ label: 'Erhvervshus Nordjylland' });
    await page.getByLabel('År', { exact: true }).selectOption('2023');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.getByRole('heading', { name: 'Forløbsstatistik 2023 – Erhvervshus Nordjylland' }).waitFor();
    // The numbers of `knudepunkt courses stats test/fixtures/courses-nordjylland.csv --hub Nordjylland --year 2023`.
    assert.equal(await page.getByTestId('unique-companies').innerText(), '24');
    assert.equal(await page.getByTestId('new-companies').innerText(), '18');
    assert.equal(await page.getByTestId('total-courses').innerText(), '27');
    const categories = await page.getByRole('table', { name: 'Forløb pr. kategori' }).innerText();
    assert.match(categories, /Vækstforløb\s+9\s+Driftsforløb\s+5\s+Korte forløb\s+10\s+Early Warning\s+3/);
    assert.match(await page.getByRole('table', { name: 'Forløb pr. kommune' }).innerText(), /Aalborg\s+851\s+6\s+6/);
    const chart = page.getByRole('img', { name: 'Forløb pr. kommune' });
    assert.equal(await chart.count(), 1);
    assert.ok((await chart.boundingBox())!.height > 150, 'the chart is drawn');
    await screenshot(page, 'course-stats');
    await expectAccessible('statistics page');
  });

  it('downloads the statistics as an Excel workbook with the same numbers', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent statistikken som Excel' }).click()]);
    assert.equal(download.suggestedFilename(), 'forloebsstatistik-nordjylland-2023.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const figures = new Map<string, unknown>();
    workbook.getWorksheet('Nøgletal')!.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    assert.equal(figures.get('Unikke virksomheder'), 24);
    assert.equal(figures.get('Heraf nye (ikke vejledt i 2022)'), 18);
    const municipalities = new Map<string, unknown[]>();
    workbook.getWorksheet('Kommuner')!.eachRow((row) => municipalities.set(String(row.getCell(2).value), [row.getCell(3).value, row.getCell(4).value]));
    assert.deepEqual(municipalities.get('851'), [6, 6]);
    assert.deepEqual(municipalities.get('820'), [2, 2]);
  });
});

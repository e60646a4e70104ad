// Activities in a browser: the Læsø adviser registers a visit with an internal note on a demo company;
// the hub adviser sees the visit on the company page and its timeline, but not the note (02-crm.md,
// sharing rule). The admin imports activities from a CSV file through the dry run. Every page passes axe.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { generateDemoCrm } from '../../src/db/seed/demo-crm.generate.ts';
import { describeViolations, loginAs, screenshot, seriousAxeViolations, startBrowserFixture, type BrowserFixture } from '../helpers/browser.ts';

const company = generateDemoCrm().companies.find((c) => c.municipality_code === '825' && c.cvr !== null)!;
const title = 'Besøg om ny pakkelinje';
const internalNote = 'Intern: ejeren vil gerne sælge om et par år.';
const importHeader = 'activity_id;date;kind;title;organisation;cvr;company_name;municipality_code';
const importRows = [`BT-1;05-09-2026;møde;Importeret møde om eksport;Erhvervsservice Læsø;${company.cvr};;`, 'BT-2;2026-09-06;call;Importeret opkald om lån;Erhvervsservice Læsø;;Læsø Iskiosk (import);825'];
const csvFile = (name: string, rows: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from([importHeader, ...rows].join('\n'), 'utf8') });

describe('activities in a browser', () => {
  let fixture: BrowserFixture;
  let companyUrl: string;
  before(async () => (fixture = await startBrowserFixture()));
  after(async () => fixture.close());

  const expectAccessible = async (page: Page, name: string) => {
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
  };

  it('lets the Læsø adviser register a visit with an internal note from the company page', async () => {
    const page = await fixture.newPage();
    await loginAs(page, fixture, 'laeso@demo.knudepunkt.example');
    await page.goto(fixture.url(`/virksomheder?q=${encodeURIComponent(company.cvr!)}`));
    await page.getByRole('link', { name: company.name }).click();
    await page.waitForURL(/\/virksomheder\/[0-9a-f-]{36}$/);
    companyUrl = page.url();
    await page.getByRole('link', { name: 'Ny aktivitet' }).click();
    await page.getByRole('button', { name: 'Gem' }).click();
    assert.match(await page.locator('.error-summary').innerText(), /Vælg aktivitetens type\./);
    await expectAccessible(page, 'activity form with errors');
    await page.getByLabel('Type').selectOption('visit');
    await page.getByLabel('Dato', { exact: true }).fill('2026-11-10');
    await page.getByLabel('Titel').fill(title);
    await page.locator('#note').fill(internalNote);
    assert.equal(await page.getByLabel('Hvem kan se noten').inputValue(), 'internal');
    await screenshot(page, 'activity-form');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Aktiviteten er registreret.').waitFor();
    assert.equal(await page.locator('h1').innerText(), `Besøg: ${title}`);
    await screenshot(page, 'activity');
    await expectAccessible(page, 'activity page');

    await page.locator('main').getByRole('link', { name: company.name }).click();
    const main = await page.locator('main').innerText();
    assert.match(main, new RegExp(title));
    assert.match(main, new RegExp(internalNote), 'Læsø sees its own internal note');
    await screenshot(page, 'company-with-activity');
    await expectAccessible(page, 'company page with activities');
  });

  it('shows the hub adviser the visit on the company page and its timeline, but not the internal note', async () => {
    const page = await fixture.newPage();
    await loginAs(page, fixture, 'konsulent@demo.knudepunkt.example');
    await page.goto(companyUrl);
    const activities = await page.getByRole('table', { name: `Aktiviteter med ${company.name}` }).innerText();
    assert.match(activities, new RegExp(title));
    assert.match(activities, /Erhvervsservice Læsø/);
    const timeline = await page.locator('.company-timeline').innerText();
    assert.match(timeline, new RegExp(`2026-11-10 Besøg: ${title} \\(Erhvervsservice Læsø\\)`));
    assert.doesNotMatch(await page.locator('main').innerText(), /ejeren vil gerne sælge/);
    await screenshot(page, 'company-activity-seen-by-hub');
    await expectAccessible(page, 'company page seen by the hub');

    await page.getByRole('link', { name: title }).first().click();
    assert.match(await page.locator('main').innerText(), /Ingen note, du kan se\./);
    assert.equal(await page.getByRole('link', { name: 'Redigér' }).count(), 0);
  });

  it('lists the region’s activities filtered by kind and organisation', async () => {
    const page = await fixture.newPage();
    await loginAs(page, fixture, 'konsulent@demo.knudepunkt.example');
    await page.getByRole('link', { name: 'Aktiviteter' }).first().click();
    await page.getByLabel('Type').selectOption('visit');
    await page.getByLabel('Organisation').selectOption({ label: 'Erhvervsservice Læsø' });
    await page.getByRole('button', { name: 'Filtrér' }).click();
    await page.waitForURL(/type=visit/);
    const table = await page.locator('main table').innerText();
    assert.match(table, new RegExp(title));
    assert.doesNotMatch(table, /Erhvervshus Nordjylland/);
    await screenshot(page, 'activities-list');
    await expectAccessible(page, 'activities list');
  });
  it('lets the admin import activities from a CSV file after a dry run that lists the invalid rows', async () => {
    const page = await fixture.newPage();
    await loginAs(page, fixture, 'admin@demo.knudepunkt.example');
    await page.goto(fixture.url('/aktiviteter'));
    await page.getByRole('link', { name: 'Importér aktiviteter' }).click();
    await page.waitForURL(fixture.url('/aktiviteter/import'));
    await expectAccessible(page, 'activity import form');

    await page.getByLabel('Aktivitetsfil (CSV)').setInputFiles(csvFile('fejl.csv', [...importRows, 'BT-3;2026-09-07;visit;Besøg;Erhvervsservice Aabybro;;Ukendt ApS;825']));
    await page.getByRole('button', { name: 'Kontrollér filen' }).click();
    await page.getByRole('heading', { name: 'Filen har 1 ugyldig række – intet kan importeres' }).waitFor();
    assert.match(await page.getByRole('table', { name: 'Fejl i filen (1)' }).innerText(), /^4\s+organisation\s+Erhvervsservice Aabybro\s+Linje 4, kolonne "organisation"/m);
    assert.equal(await page.getByRole('button', { name: /Importér/ }).count(), 0);
    await screenshot(page, 'activity-import-errors');
    await expectAccessible(page, 'activity import errors');

    await page.getByRole('link', { name: 'Vælg en anden fil' }).click();
    await page.getByLabel('Aktivitetsfil (CSV)').setInputFiles(csvFile('aktiviteter.csv', importRows));
    await page.getByRole('button', { name: 'Kontrollér filen' }).click();
    await page.getByRole('heading', { name: 'Filen er i orden' }).waitFor();
    assert.equal(await page.getByTestId('created').innerText(), '2');
    assert.equal(await page.getByTestId('companies-created').innerText(), '1');
    await screenshot(page, 'activity-import-preview');
    await expectAccessible(page, 'activity import preview');

    await page.getByRole('button', { name: 'Importér 2 aktiviteter' }).click();
    await page.getByRole('heading', { name: 'Aktiviteterne er importeret' }).waitFor();
    assert.equal(await page.getByTestId('created').innerText(), '2');
    await page.reload();
    assert.equal(await page.locator('h1').innerText(), 'Aktiviteterne er importeret', 'the outcome survives a reload');
    await screenshot(page, 'activity-import-result');
    await expectAccessible(page, 'activity import result');

    await page.getByRole('link', { name: 'Se aktiviteterne' }).click();
    const table = await page.locator('main table').innerText();
    assert.match(table, /Importeret møde om eksport/);
    assert.match(table, /Importeret opkald om lån/);
  });
});

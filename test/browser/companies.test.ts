// Companies in a browser: an adviser in Læsø registers a company, finds it with the live search (htmx)
// and opens its page; every page passes axe.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { describeViolations, loginAs, screenshot, seriousAxeViolations, startBrowserFixture, type BrowserFixture } from '../helpers/browser.ts';

describe('companies in a browser', () => {
  let fixture: BrowserFixture;
  let page: Page;
  before(async () => {
    fixture = await startBrowserFixture();
    page = await fixture.newPage();
    await loginAs(page, fixture, 'laeso@demo.knudepunkt.example');
  });
  after(async () => fixture.close());

  const expectAccessible = async (name: string) => {
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
  };

  it('registers a company, showing the CVR error first and keeping what was typed', async () => {
    await page.getByRole('link', { name: 'Virksomheder' }).first().click();
    await page.getByRole('link', { name: 'Registrér virksomhed' }).click();
    await page.getByLabel('Navn', { exact: true }).fill('Læsø Saltsyderi I/S');
    await page.getByLabel('CVR-nummer').fill('40381278');
    await page.getByLabel('Kommune').selectOption('825');
    await page.getByRole('button', { name: 'Gem' }).click();
    assert.match(await page.locator('.error-summary').innerText(), /ikke et gyldigt CVR-nummer \(modulus 11\)/);
    await expectAccessible('company form with errors');
    await page.getByLabel('CVR-nummer').fill('40381279');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.waitForURL(/\/virksomheder\/[0-9a-f-]{36}/);
    assert.equal(await page.locator('h1').innerText(), 'Læsø Saltsyderi I/S');
    await screenshot(page, 'company');
    await expectAccessible('company page');
  });

  it('finds the company with the live search as the adviser types', async () => {
    await page.goto(fixture.url('/virksomheder'));
    await page.getByLabel('Navn eller CVR-nummer').pressSequentially('saltsyd', { delay: 30 });
    await page.waitForURL(/q=saltsyd/);
    await page.locator('#company-results').getByRole('link', { name: 'Læsø Saltsyderi I/S' }).waitFor();
    await screenshot(page, 'company-search');
    await expectAccessible('company search');
  });

  it('lets a hub adviser register a course with a meeting and notes, and the local office sees it but not the internal note', async () => {
    const hubPage = await fixture.newPage();
    await loginAs(hubPage, fixture, 'konsulent@demo.knudepunkt.example');
    await hubPage.goto(fixture.url('/virksomheder?q=saltsyderi'));
    await hubPage.getByRole('link', { name: 'Læsø Saltsyderi I/S' }).click();
    await hubPage.getByRole('link', { name: 'Nyt forløb' }).click();
    await hubPage.getByLabel('Kategori').selectOption('growth');
    await hubPage.getByLabel('Grøn omstilling og cirkulær økonomi').check();
    await hubPage.getByLabel('Startdato').fill('2026-10-01');
    await hubPage.getByRole('button', { name: 'Gem' }).click();
    await hubPage.getByText('Forløbet er registreret.').waitFor();
    page = hubPage;
    await expectAccessible('course page');
    await hubPage.getByLabel('Mødedato').fill('2026-10-15');
    await hubPage.getByRole('button', { name: 'Registrér møde' }).click();
    await hubPage.getByText('2026-10-15').waitFor();
    await hubPage.goto(hubPage.url().replace(/\/forloeb\/.*/, '/virksomheder?q=saltsyderi'));
    await hubPage.getByRole('link', { name: 'Læsø Saltsyderi I/S' }).click();
    await hubPage.getByLabel('Ny note').fill('Intern vurdering fra erhvervshuset.');
    await hubPage.getByRole('button', { name: 'Gem note' }).click();
    await hubPage.getByText('Noten er gemt.').waitFor();
    await hubPage.getByLabel('Ny note').fill('Delt: virksomheden er henvist til Innovationsfonden.');
    await hubPage.getByLabel('Hvem kan se noten').selectOption('shared');
    await hubPage.getByRole('button', { name: 'Gem note' }).click();
    await hubPage.getByText('Noten er gemt.').waitFor();
    await screenshot(hubPage, 'company-with-course');
    await expectAccessible('company page with course and notes');

    const laesoPage = await fixture.newPage();
    await loginAs(laesoPage, fixture, 'laeso@demo.knudepunkt.example');
    await laesoPage.goto(fixture.url('/virksomheder?q=saltsyderi'));
    await laesoPage.getByRole('link', { name: 'Læsø Saltsyderi I/S' }).click();
    const main = await laesoPage.locator('main').innerText();
    assert.match(main, /Vækstforløb/);
    assert.match(main, /Erhvervshus Nordjylland/);
    assert.match(main, /Delt: virksomheden er henvist til Innovationsfonden\./);
    assert.doesNotMatch(main, /Intern vurdering fra erhvervshuset/);
  });
});

// The foundation in a real browser: log in as a demo user, see the start page, switch language, log
// out; a wrong password; keyboard; axe-core on the login, start and admin pages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoUsers } from '../../src/db/seed/demo.ts';
import { describeViolations, loginAs, screenshot, seriousAxeViolations, startBrowserFixture, type BrowserFixture } from '../helpers/browser.ts';

const admin = demoUsers.find((u) => u.roles.includes('admin' as never))!.email;
const laeso = demoUsers.find((u) => u.email.startsWith('laeso'))!.email;

describe('the foundation in a browser', () => {
  let fixture: BrowserFixture;
  let page: Page;
  before(async () => {
    fixture = await startBrowserFixture();
    page = await fixture.newPage();
  });
  after(async () => fixture.close());

  async function expectAccessible(name: string) {
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
  }

  it('shows a clear Danish error for a wrong password and keeps the e-mail', async () => {
    await page.goto(fixture.url('/log-ind'));
    await page.getByLabel('E-mail').fill(laeso);
    await page.getByLabel('Adgangskode').fill('forkert-adgangskode');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { name: 'Der er problemer på siden' }).waitFor();
    assert.match(await page.locator('.error-summary').innerText(), /Forkert e-mail eller adgangskode\./);
    assert.equal(await page.getByLabel('E-mail').inputValue(), laeso);
  });

  it('has an accessible login page styled by DKFDS', async () => {
    await page.goto(fixture.url('/log-ind'));
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(font, /IBM Plex Sans/i, 'the DKFDS stylesheet is applied');
    await screenshot(page, 'login');
    await expectAccessible('login page');
  });

  it('can be used with the keyboard: skip link first, then log in with Enter', async () => {
    await page.goto(fixture.url('/log-ind'));
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Gå til sidens indhold');
    await page.getByLabel('E-mail').focus();
    await page.keyboard.type(laeso);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Knudepunkt-demo-2026');
    await page.keyboard.press('Enter');
    await page.waitForURL(fixture.url('/'));
    assert.match(await page.locator('h1').innerText(), /Velkommen, Lise Læsø/);
    await page.getByRole('button', { name: 'Log af' }).click();
    await page.waitForURL(/log-ind/);
  });

  it('logs in as a demo user, shows the start page with name and organisation, and is accessible', async () => {
    await loginAs(page, fixture, laeso);
    assert.match(await page.getByTestId('current-user').innerText(), /Lise Læsø, Erhvervsservice Læsø/);
    assert.match(await page.locator('main').innerText(), /Erhvervshus Nordjylland/);
    assert.match(await page.locator('.demo-banner').innerText(), /Demodata/);
    await screenshot(page, 'start');
    await expectAccessible('start page');
  });

  it('switches to English and back to Danish', async () => {
    await page.getByRole('button', { name: /English/ }).click();
    await page.waitForSelector('html[lang="en"]');
    assert.match(await page.locator('h1').innerText(), /Welcome, Lise Læsø/);
    await screenshot(page, 'start-en');
    await expectAccessible('start page in English');
    await page.getByRole('button', { name: /Dansk/ }).click();
    await page.waitForSelector('html[lang="da"]');
    assert.match(await page.locator('h1').innerText(), /Velkommen/);
  });

  it('logs out and is sent to the login page with a notice', async () => {
    await page.getByRole('button', { name: 'Log af' }).click();
    await page.waitForURL(/log-ind/);
    assert.match(await page.locator('main').innerText(), /Du er logget af\./);
    await page.goto(fixture.url('/'));
    assert.match(page.url(), /log-ind\?next=%2F/);
  });

  it('gives an administrator accessible admin pages', async () => {
    await loginAs(page, fixture, admin);
    for (const [path, heading] of [
      ['/admin', 'Administration'],
      ['/admin/organisationer', 'Organisationer'],
      ['/admin/brugere', 'Brugere'],
      ['/admin/brugere/inviter', 'Invitér bruger'],
      ['/admin/kommuner', 'Kommuner'],
      ['/admin/cvr-import', 'Import fra CVR'],
      ['/admin/revisionslog', 'Revisionslog'],
      ['/admin/e-mail', 'Udgående e-mail'],
      ['/admin/job', 'Baggrundsjob'],
      ['/api-noegler', 'API-nøgler'],
      ['/api/v1/docs', 'Knudepunkt API'],
    ] as const) {
      await page.goto(fixture.url(path));
      assert.equal(await page.locator('h1').innerText(), heading, path);
      await expectAccessible(path);
    }
    await page.goto(fixture.url('/admin/organisationer'));
    await screenshot(page, 'admin-organisations');
  });

  it('shows field errors and the error summary on an invalid invitation, accessibly', async () => {
    await page.goto(fixture.url('/admin/brugere/inviter'));
    await page.getByLabel('E-mail', { exact: true }).fill('ikke-en-adresse');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.locator('.error-summary').waitFor();
    const summary = await page.locator('.error-summary').innerText();
    assert.match(summary, /Skriv en gyldig e-mailadresse/);
    assert.match(summary, /Vælg mindst én rolle\./);
    assert.equal(await page.getByLabel('E-mail', { exact: true }).inputValue(), 'ikke-en-adresse');
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), null, { timeout: 5000 });
    await screenshot(page, 'invite-errors');
    await expectAccessible('invitation form with errors');
  });

  it('creates an API token shown once and uses it against the API', async () => {
    await page.goto(fixture.url('/api-noegler'));
    await page.getByLabel('Navn på den nye nøgle').fill('Browser-test');
    await page.getByRole('button', { name: 'Opret nøgle' }).click();
    const token = (await page.getByTestId('new-api-token').innerText()).trim();
    assert.match(token, /^kp_/);
    const response = await fetch(fixture.url('/api/v1/me'), { headers: { authorization: `Bearer ${token}` } });
    assert.equal(((await response.json()) as { name: string }).name, 'Anne Administrator');
    await page.goto(fixture.url('/api-noegler'));
    assert.equal(await page.getByTestId('new-api-token').count(), 0, 'the token is not shown again');
  });
});

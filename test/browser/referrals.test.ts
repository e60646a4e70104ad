// Referrals in a browser: the Aalborg adviser refers a company to Erhvervshus Nordjylland; a hub
// adviser opens it (received), marks it contacted and closes it as used; the Aalborg adviser sees the
// outcome (02-crm.md, "Referrals": the referring side always sees state and outcome). axe checks the
// form, the inbox and the referral page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { generateDemoCrm } from '../../src/db/seed/demo-crm.generate.ts';
import { describeViolations, loginAs, screenshot, seriousAxeViolations, startBrowserFixture, type BrowserFixture } from '../helpers/browser.ts';

const company = generateDemoCrm().companies.find((c) => c.municipality_code === '851' && c.cvr !== null)!;
const theme = 'Eksport til Tyskland – browsertest';
const note = 'Direktøren vil gerne ringes op efter kl. 10.';

describe('referrals in a browser', () => {
  let fixture: BrowserFixture;
  let referralUrl: string;
  before(async () => (fixture = await startBrowserFixture()));
  after(async () => fixture.close());

  const expectAccessible = async (page: Page, name: string) => {
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
  };

  it('lets the Aalborg adviser refer a company to the hub from the company page', async () => {
    const page = await fixture.newPage();
    await loginAs(page, fixture, 'aalborg@demo.knudepunkt.example');
    await page.goto(fixture.url(`/virksomheder?q=${encodeURIComponent(company.cvr!)}`));
    await page.getByRole('link', { name: company.name }).click();
    await page.waitForURL(/\/virksomheder\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Henvis virksomheden' }).click();
    await page.getByRole('button', { name: 'Send henvisning' }).click();
    assert.match(await page.locator('.error-summary').innerText(), /Vælg den organisation, du henviser virksomheden til\./);
    await expectAccessible(page, 'referral form with errors');
    await page.getByLabel('Modtager', { exact: true }).selectOption({ label: 'Erhvervshus Nordjylland – erhvervshus (48 timer)' });
    await page.getByLabel('Tema eller årsag').fill(theme);
    await page.getByLabel('Note til modtageren').fill(note);
    await screenshot(page, 'referral-form');
    await page.getByRole('button', { name: 'Send henvisning' }).click();
    await page.getByText('Henvisningen er sendt.').waitFor();
    referralUrl = page.url().split('?')[0]!;
    assert.match(await page.locator('.company-facts').innerText(), /Status\s+Sendt/);
    await expectAccessible(page, 'referral page (sender)');
  });

  it('lets a hub adviser open it from the inbox, mark it contacted and close it as used', async () => {
    const page = await fixture.newPage();
    await loginAs(page, fixture, 'konsulent@demo.knudepunkt.example');
    await page.getByRole('link', { name: 'Henvisninger' }).first().click();
    await page.waitForURL(/\/henvisninger$/);
    const row = page.locator('tr', { hasText: theme });
    assert.match(await row.innerText(), /Sendt/);
    assert.match(await row.innerText(), /tilbage/, 'time left of the service goal');
    await screenshot(page, 'referral-inbox');
    await expectAccessible(page, 'inbox');
    await row.getByRole('link', { name: company.name }).click();
    await page.waitForURL(referralUrl);
    assert.match(await page.locator('.company-facts').innerText(), /Status\s+Modtaget/);
    assert.match(await page.locator('main').innerText(), new RegExp(note));
    await page.getByRole('button', { name: 'Markér som kontaktet' }).click();
    await page.getByText('Status er ændret.').waitFor();
    assert.match(await page.locator('.company-facts').innerText(), /Status\s+Kontaktet/);
    await page.getByRole('button', { name: 'Afslut henvisningen' }).click();
    assert.match(await page.locator('.error-summary').innerText(), /Vælg et udfald/);
    await expectAccessible(page, 'referral page with errors');
    await page.getByLabel('Udfald').selectOption('used');
    await page.getByRole('button', { name: 'Afslut henvisningen' }).click();
    await page.getByText('Status er ændret.').waitFor();
    assert.match(await page.locator('.company-facts').innerText(), /Status\s+Afsluttet\s+Udfald\s+Brugt/);
    await screenshot(page, 'referral-closed');
    await expectAccessible(page, 'referral page (receiver)');
  });

  it('shows the Aalborg adviser the outcome in the outbox and on the referral, and the metrics', async () => {
    const page = await fixture.newPage();
    await loginAs(page, fixture, 'aalborg@demo.knudepunkt.example');
    await page.goto(fixture.url('/henvisninger?boks=ud'));
    const row = page.locator('tr', { hasText: theme });
    assert.match(await row.innerText(), /Afsluttet: Brugt/);
    await expectAccessible(page, 'outbox');
    await page.goto(referralUrl);
    const history = await page.locator('.referral-history').innerText();
    assert.match(history, /Sendt – Ali Aalborg[\s\S]*Modtaget – Karsten Konsulent[\s\S]*Kontaktet – Karsten Konsulent[\s\S]*Afsluttet – Karsten Konsulent/);
    await screenshot(page, 'referral-outcome-seen-by-sender');

    await page.goto(fixture.url('/henvisninger/noegletal'));
    const byReceiver = await page.getByRole('table', { name: 'Pr. modtager' }).innerText();
    assert.match(byReceiver, /Erhvervshus Nordjylland/);
    assert.match(byReceiver, /Eksportrådet/, 'the demo referral to an external organisation');
    await screenshot(page, 'referral-metrics');
    await expectAccessible(page, 'metrics page');
  });

  it('tells the Aalborg adviser in-app that the referral was closed, and marks it read', async () => {
    const page = await fixture.newPage();
    await loginAs(page, fixture, 'aalborg@demo.knudepunkt.example');
    const link = page.getByRole('link', { name: /^Notifikationer \(\d+\s*ulæste\s*\)$/ }); // the count's accessible name
    assert.equal(await link.count(), 1);
    await link.click();
    await page.waitForURL(/\/notifikationer$/);
    const item = page.locator('li.notification-unread', { hasText: `Henvisning afsluttet: ${company.name}` });
    assert.match(await item.innerText(), /fra "kontaktet" til "afsluttet"\. Udfald: brugt\./);
    await screenshot(page, 'notifications');
    await expectAccessible(page, 'notifications page');
    await item.getByRole('button', { name: /Markér som læst/ }).click();
    await page.getByText('Notifikationen er markeret som læst.').waitFor();
    assert.equal(await page.locator('li.notification-read', { hasText: `Henvisning afsluttet: ${company.name}` }).count(), 1);
    await page.goto(fixture.url('/notifikationer/indstillinger'));
    await expectAccessible(page, 'notification settings');
  });
});

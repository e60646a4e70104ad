// The own evaluation's full round trip (issue 6, "Done when"): a hub course has ended → the real
// server's job runner runs `evaluation.invite` → the invitation mail reaches a real SMTP server on
// loopback → the link is taken from the mail → Chromium opens it (axe-core checks the page in Danish
// and in English, and with errors), answers and submits → the NPS of the hub's own responses counts
// the answer, in the service and on the explorer page. The link then says "already answered".
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { migrate } from '../../src/db/migrate.ts';
import { loadReferenceData } from '../../src/db/seed/reference.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import type { UserActor } from '../../src/domain/actor.ts';
import { actorFromUser } from '../../src/features/auth/auth.service.ts';
import { createCompany } from '../../src/features/companies/companies.service.ts';
import { addContactPerson } from '../../src/features/contact-persons/contact-persons.service.ts';
import { createCourse } from '../../src/features/courses/courses.service.ts';
import { getEvaluationOverview } from '../../src/features/evaluation/evaluation.service.ts';
import { danishDay } from '../../src/features/evaluation/invitations.service.ts';
import { findUserById } from '../../src/features/users/users.repository.ts';
import { INVITE_JOB } from '../../src/jobs/evaluation-jobs.ts';
import { enqueueJob } from '../../src/jobs/queue.ts';
import { silentLogger } from '../../src/logger.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { chromiumPath, describeViolations, screenshot, seriousAxeViolations } from '../helpers/browser.ts';
import { testConfig } from '../helpers/config.ts';
import { makeOrganisation, makeUser, testPassword } from '../helpers/factories.ts';
import { bodyText, decodeWords, header } from '../helpers/mime.ts';
import { startLoopbackSmtp, type LoopbackSmtp } from '../helpers/smtp.ts';

const CONTACT = 'direktoer@fjordfisk.example';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('the own evaluation from a course’s end to the metric', () => {
  const problems: string[] = [];
  let smtp: LoopbackSmtp;
  let database: Database;
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;
  let manager: UserActor;
  let managerEmail: string;
  let year: number;

  before(async () => {
    smtp = await startLoopbackSmtp();
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    const config = testConfig({ PORT: String(port), BASE_URL: baseUrl, SMTP_URL: smtp.url });
    database = await openDatabase({ pgliteDir: join(config.dataDir, 'pglite') });
    await migrate(database);
    await loadReferenceData(database.db);

    // Erhvervshus Nordjylland guided Fjordfisk ApS; the course ended two days ago.
    const db = database.db;
    const hub = await makeOrganisation(db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' });
    const adviser = actorFromUser((await findUserById(db, (await makeUser(db, { roles: ['adviser'], organisationId: hub.id })).id))!);
    const managerUser = await makeUser(db, { roles: ['manager'], organisationId: hub.id, name: 'Lene Leder' });
    managerEmail = managerUser.email;
    manager = actorFromUser((await findUserById(db, managerUser.id))!);
    const company = await createCompany(db, adviser, { name: 'Fjordfisk ApS', municipalityCode: '851', advertisingProtected: 'on' });
    await addContactPerson(db, adviser, company.id, { name: 'Dorthe Direktør', email: CONTACT });
    const today = danishDay(new Date()).day;
    const ended = new Date(Date.parse(`${today}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
    year = Number(ended.slice(0, 4));
    const started = new Date(Date.parse(`${ended}T00:00:00Z`) - 60 * 86_400_000).toISOString().slice(0, 10);
    await createCourse(db, adviser, company.id, { category: 'growth', themes: ['innovation'], segment: 'growth', startDate: started, endDate: ended, status: 'completed' });

    server = await startServer(config, silentLogger, database);
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await database?.close();
    await smtp.close();
    assert.deepEqual(problems, [], 'no CSP violations, failed assets or page errors');
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && ['stylesheet', 'script', 'image', 'font'].includes(response.request().resourceType())) problems.push(`${response.status()} ${response.url()}`);
    });
    return page;
  }
  async function expectAccessible(page: Page, name: string) {
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
  }
  const ownNps = async () => (await getEvaluationOverview(database.db, manager, { hub: 'nordjylland', year: String(year), source: 'own' })).figures.find((f) => f.metric === 'nps')!;

  it('invites by e-mail, answers in the browser and counts the answer', async () => {
    assert.equal((await ownNps()).n, 0);

    // The job, run by the server's own runner (it polls every few seconds), sends through SMTP.
    await enqueueJob(database.db, INVITE_JOB, {});
    const deadline = Date.now() + 60_000;
    while (!smtp.received.some((mail) => mail.to.includes(CONTACT)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    const mail = smtp.received.find((m) => m.to.includes(CONTACT));
    assert.ok(mail, 'the invitation reached the SMTP server');
    assert.equal(decodeWords(header(mail.raw, 'Subject')), 'Hvordan var forløbet med Erhvervshus Nordjylland? / How was your course with Erhvervshus Nordjylland?');
    const text = bodyText(mail.raw);
    const link = new RegExp(`${baseUrl}/evaluering/svar/[A-Za-z0-9_-]{43}`).exec(text)?.[0];
    assert.ok(link, `a personal link in:\n${text}`);

    const page = await newPage();
    await page.goto(`${link}?lang=en`);
    await page.getByRole('heading', { name: 'Evaluation of your course with Erhvervshus Nordjylland' }).waitFor();
    await expectAccessible(page, 'answer page in English');
    await screenshot(page, 'evaluation-answer-en');

    await page.goto(link);
    await page.getByRole('heading', { name: 'Evaluering af dit forløb hos Erhvervshus Nordjylland' }).waitFor();
    await expectAccessible(page, 'answer page in Danish');
    await screenshot(page, 'evaluation-answer-da');

    // Half answered: the page says which questions are missing and keeps what was chosen.
    const recommend = page.getByRole('group', { name: /anbefale Erhvervshuset/ });
    await recommend.getByLabel('9', { exact: true }).check();
    await page.getByRole('button', { name: 'Send besvarelsen' }).click();
    await page.getByRole('heading', { name: 'Der er problemer på siden' }).waitFor();
    assert.ok(await page.getByRole('link', { name: /Besvar spørgsmålet "Hvor tilfreds er du med erhvervshusmedarbejderens faglige kompetencer\?"/ }).isVisible());
    assert.ok(await recommend.getByLabel('9', { exact: true }).isChecked(), 'the chosen answer is kept');
    await expectAccessible(page, 'answer page with errors');

    await page.getByRole('group', { name: /faglige kompetencer/ }).getByLabel('Meget tilfreds').check();
    await page.getByRole('group', { name: /positiv effekt/ }).getByLabel('I høj grad').check();
    await page.getByRole('group', { name: /fået en henvisning/ }).getByLabel('Ja').check();
    await page.getByRole('group', { name: /benyttet henvisningen/ }).getByLabel('Ja').check();
    await page.getByRole('group', { name: /digitalisering/ }).getByLabel('Nej').check();
    await page.getByRole('button', { name: 'Send besvarelsen' }).click();
    await page.getByRole('heading', { name: 'Tak for din besvarelse' }).waitFor();
    await expectAccessible(page, 'thank-you page');

    const nps = await ownNps();
    assert.equal(nps.n, 1, 'the answer counts');
    assert.deepEqual(nps.nps, { promoters: 1, passives: 0, detractors: 0 });

    await page.goto(link);
    await page.getByRole('heading', { name: 'Allerede besvaret' }).waitFor();

    // The hub's manager sees it on the explorer.
    const explorer = await newPage();
    await explorer.goto(`${baseUrl}/log-ind`);
    await explorer.getByLabel('E-mail').fill(managerEmail);
    await explorer.getByLabel('Adgangskode').fill(testPassword);
    await explorer.getByRole('button', { name: 'Log ind' }).click();
    await explorer.waitForURL(`${baseUrl}/`);
    await explorer.goto(`${baseUrl}/evaluering?erhvervshus=nordjylland&aar=${year}&kilde=own`);
    assert.equal(await explorer.getByTestId('metric-nps').getByTestId('n').innerText(), '1');
    await explorer.getByRole('link', { name: 'Invitationer til egen evaluering' }).click();
    await explorer.getByRole('heading', { name: /Invitationer til brugerevaluering – Erhvervshus Nordjylland/ }).waitFor();
    assert.match(await explorer.getByTestId('count-answered').innerText(), /1$/);
    await expectAccessible(explorer, 'invitation settings');

    // A contact asked by phone to get no more evaluations: the manager opts the address out.
    await explorer.getByLabel('E-mailadresse').fill('ringede-selv');
    await explorer.getByRole('button', { name: 'Frameld adressen' }).click();
    await explorer.getByText('E-mailadresse: skriv en gyldig adresse, fx navn@virksomhed.dk.').first().waitFor();
    await expectAccessible(explorer, 'invitation settings with an error');
    await explorer.getByLabel('E-mailadresse').fill('ringede-selv@virksomhed.example');
    await explorer.getByRole('button', { name: 'Frameld adressen' }).click();
    await explorer.getByText('Adressen er frameldt evalueringen').waitFor();
  });
});

// Result contracts in a real browser: the KKR secretariat opens Erhvervshus Nordjylland's 2023 contract
// on the demo data, sees each goal's status (the service's judgement), opens the drill-down behind a
// figure, issues the annual report and downloads it as PDF (its text read back) and as Excel; the hub's
// manager records an activity as done with a link as evidence. axe-core checks every page on the way.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { goalStatusLabels } from '../../src/domain/contracts/contracts.ts';
import { evaluateStoredContract, getContract } from '../../src/features/contracts/contracts.service.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { describeViolations, loginAs, screenshot, seriousAxeViolations, startBrowserFixture, type BrowserFixture } from '../helpers/browser.ts';
import { pdfText } from '../helpers/pdf-text.ts';

const KKR = 'kkr@demo.knudepunkt.example';

describe('result contracts in a browser', () => {
  let fixture: BrowserFixture;
  let page: Page;
  before(async () => {
    fixture = await startBrowserFixture();
    page = await fixture.newPage();
    await loginAs(page, fixture, KKR);
  });
  after(async () => fixture.close());

  async function expectAccessible(name: string, on: Page = page) {
    const violations = await seriousAxeViolations(on);
    assert.equal(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
  }

  it('opens the 2023 contract, drills down, issues the report and downloads it as PDF and Excel', async () => {
    await page.goto(fixture.url('/'));
    await page.getByRole('link', { name: 'Resultatkontrakter', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Resultatkontrakter', level: 1 }).waitFor();
    await expectAccessible('contract list');

    await page.getByRole('link', { name: 'Resultatkontrakt 2023 mellem KKR Nordjylland og Erhvervshus Nordjylland' }).click();
    await page.getByRole('heading', { name: 'Resultatkontrakt 2023 mellem KKR Nordjylland og Erhvervshus Nordjylland', level: 1 }).waitFor();
    const stored = await getContract(fixture.database.db, systemActor('test'), 'nordjylland-2023');
    const expected = await evaluateStoredContract(fixture.database.db, stored, { now: () => new Date() });
    for (const goal of expected.evaluation.goals) {
      assert.equal(await page.getByTestId(`goal-status-${goal.goalNumber}`).innerText(), goalStatusLabels[goal.status].da, `goal ${goal.goalNumber}`);
    }
    await screenshot(page, 'contract-dashboard');
    await expectAccessible('dashboard');

    const goal11 = expected.evaluation.goals.find((g) => g.goalNumber === 11)!;
    const unique = goal11.targets.find((x) => x.target.id === 'unikke-virksomheder')!;
    assert.equal(unique.measurement?.kind, 'value');
    await page.getByRole('link', { name: /se de registreringer, tallet bygger på: Unikke vejledte virksomheder/ }).click();
    await page.getByRole('heading', { name: /Mål 11 · Unikke vejledte virksomheder/, level: 1 }).waitFor();
    const records = unique.measurement?.kind === 'value' ? unique.measurement.recordIds.length : -1;
    await page.getByRole('heading', { name: `Registreringerne bag tallet (${records})` }).waitFor();
    await expectAccessible('drill-down');
    await page.goBack();

    await page.getByRole('link', { name: 'Afrapportering til KKR' }).click();
    await page.getByRole('heading', { name: 'Afrapportering 2023 – Erhvervshus Nordjylland', level: 1 }).waitFor();
    await expectAccessible('live report');
    await page.getByLabel('Bemærkning (valgfri)').fill('Afrapportering for 2023');
    await page.getByRole('button', { name: 'Udsted afrapporteringen' }).click();
    await page.getByRole('heading', { name: 'Afrapportering 2023 – Erhvervshus Nordjylland, version 1', level: 1 }).waitFor();
    assert.ok(await page.getByText('Afrapporteringen er udstedt, og tallene er låst i denne version.').isVisible());
    await screenshot(page, 'contract-report-v1');
    await expectAccessible('issued report');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent version 1 som PDF' }).click()]);
    assert.equal(pdf.suggestedFilename(), 'afrapportering-nordjylland-2023-v1.pdf');
    const text = await pdfText(new Uint8Array(readFileSync((await pdf.path())!)));
    assert.match(text, /Resultatkontrakt 2023 mellem KKR Nordjylland og Erhvervshus Nordjylland/);
    for (const goal of expected.contract.goals) assert.ok(text.includes(goal.title), `the PDF holds goal ${goal.number}: ${goal.title}`);
    assert.match(text, /Læsø/);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent version 1 som Excel' }).click()]);
    assert.equal(xlsx.suggestedFilename(), 'afrapportering-nordjylland-2023-v1.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    const cells: string[] = [];
    workbook.getWorksheet('Sammenfatning')!.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value ?? ''))));
    for (const goal of expected.contract.goals) assert.ok(cells.includes(goal.title), `the workbook holds goal ${goal.number}: ${goal.title}`);
  });

  it('lets the hub manager record an activity as done with evidence, and the goal becomes fulfilled', async () => {
    const manager = await fixture.newPage();
    await loginAs(manager, fixture, 'leder@demo.knudepunkt.example');
    const stored = await getContract(fixture.database.db, systemActor('test'), 'nordjylland-2023');
    await manager.goto(fixture.url(`/kontrakter/${stored.row.id}`));
    assert.equal(await manager.getByTestId('goal-status-9').innerText(), 'ikke opfyldt');
    const activity = stored.contract.goals.find((g) => g.number === 9)!.targets[0]!;
    assert.equal(activity.kind, 'activities');
    const open = activity.kind === 'activities' ? activity.activities.find((a) => a.status !== 'done')! : null;
    await manager.getByRole('link', { name: `Registrér status og dokumentation for ${open!.name}` }).click();
    await manager.getByLabel('Status').waitFor();
    await expectAccessible('activity form', manager);
    await manager.getByLabel('Status').selectOption('done');
    await manager.getByLabel('Type').selectOption('link');
    await manager.locator('#evidenceValue').fill('https://demo.knudepunkt.example/borgmestermoeder');
    await manager.locator('#evidenceLabel').fill('Referater af møderne');
    await manager.getByRole('button', { name: 'Gem indsatsen' }).click();
    await manager.getByText('Indsatsen er opdateret.').waitFor();
    assert.equal(await manager.getByTestId('goal-status-9').innerText(), 'opfyldt');
    assert.ok(await manager.getByRole('link', { name: 'Referater af møderne' }).isVisible());
    await expectAccessible('dashboard after the change', manager);

    await manager.getByRole('link', { name: 'Redigér kontraktens oplysninger' }).click();
    await manager.getByRole('button', { name: /Gem/ }).first().waitFor();
    await expectAccessible('details form', manager);
  });
});

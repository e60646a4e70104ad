// The user evaluation in a real browser: Erhvervshus Nordjylland's manager opens Evaluering (the demo
// responses), filters by segment, sees NPS with n and the 95 % interval — the service's numbers — and
// opens the drill-down to the responses behind it. axe-core checks every page on the way.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { actorFromUser } from '../../src/features/auth/auth.service.ts';
import { getEvaluationOverview } from '../../src/features/evaluation/evaluation.service.ts';
import { figureText, formatInterval } from '../../src/features/evaluation/evaluation.format.ts';
import { findUserByEmail } from '../../src/features/users/users.repository.ts';
import { describeViolations, loginAs, screenshot, seriousAxeViolations, startBrowserFixture, type BrowserFixture } from '../helpers/browser.ts';

const MANAGER = 'leder@demo.knudepunkt.example';

describe('the user evaluation in a browser', () => {
  let fixture: BrowserFixture;
  let page: Page;
  before(async () => {
    fixture = await startBrowserFixture();
    page = await fixture.newPage();
    await loginAs(page, fixture, MANAGER);
  });
  after(async () => fixture.close());

  async function expectAccessible(name: string) {
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
  }

  it('filters by segment, shows NPS with n and interval, and opens the responses behind it', async () => {
    await page.goto(fixture.url('/'));
    await page.getByRole('link', { name: 'Evaluering', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Brugerevaluering – Erhvervshus Nordjylland' }).waitFor();
    await expectAccessible('explorer');

    await page.getByLabel('Segment').selectOption('growth');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.waitForURL(/segment=growth/);

    const user = await findUserByEmail(fixture.database.db, MANAGER);
    const expected = await getEvaluationOverview(fixture.database.db, actorFromUser(user!), { hub: 'nordjylland', segment: 'growth' });
    const nps = expected.figures.find((f) => f.metric === 'nps')!;
    assert.equal(nps.status, 'ok');
    const row = page.getByTestId('metric-nps');
    assert.match(await row.getByTestId('value').innerText(), new RegExp(`^${figureText(nps, 'da')}`));
    assert.equal(await row.getByTestId('n').innerText(), String(nps.n));
    assert.equal(await row.getByTestId('interval').innerText(), formatInterval(nps.interval, 'da'));
    assert.ok(await page.getByRole('img', { name: 'NPS over vejledningsårene' }).isVisible());
    await screenshot(page, 'evaluation-explorer');
    await expectAccessible('explorer filtered');

    await row.getByRole('link', { name: /Se besvarelserne/ }).click();
    await page.getByRole('heading', { name: 'Besvarelser bag: Net Promoter Score (NPS)' }).waitFor();
    const rows = await page.getByTestId('response-row').count();
    assert.equal(rows, Math.min(50, nps.n!));
    await screenshot(page, 'evaluation-drill-down');
    await expectAccessible('drill-down');
  });
});

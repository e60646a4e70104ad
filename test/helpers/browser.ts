// Browser tests: a real Knudepunkt server (PGlite in a temporary DATA_DIR, demo data) on a free
// loopback port, driven by Debian's Chromium through playwright-core, with axe-core for accessibility.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { migrate } from '../../src/db/migrate.ts';
import { demoPassword, seedDemo } from '../../src/db/seed/demo.ts';
import { loadReferenceData } from '../../src/db/seed/reference.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { silentLogger } from '../../src/logger.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { testConfig } from './config.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = join(process.cwd(), '.test-artifacts', 'screenshots');

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface BrowserFixture {
  server: RunningServer;
  database: Database;
  browser: Browser;
  url(path: string): string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserFixture(): Promise<BrowserFixture> {
  const config = testConfig({ PORT: '0' });
  const database = await openDatabase({ pgliteDir: join(config.dataDir, 'pglite') });
  await migrate(database);
  await loadReferenceData(database.db);
  await database.db.transaction().execute((tx) => seedDemo(tx));
  const server = await startServer(config, silentLogger, database);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  const cspViolations = pageProblems;
  cspViolations.length = 0;
  return {
    server,
    database,
    browser,
    url: (path) => new URL(path, server.url).toString(),
    async newPage() {
      const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      // Our pages carry a strict CSP; anything it blocks, and any asset that fails to load, is a bug.
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
      });
      page.on('pageerror', (error) => cspViolations.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        // A page or an htmx request may answer 401/404/422 on purpose; a stylesheet, script, font or image may not.
        const asset = ['stylesheet', 'script', 'image', 'font'].includes(response.request().resourceType());
        if (response.status() >= 400 && asset) cspViolations.push(`${response.status()} ${response.url()}`);
      });
      return page;
    },
    async close() {
      await browser.close();
      await server.stop();
      await database.close();
      if (cspViolations.length > 0) throw new Error(`CSP violations or page errors:\n${cspViolations.join('\n')}`);
    },
  };
}

export async function loginAs(page: Page, fixture: BrowserFixture, email: string, password = demoPassword): Promise<void> {
  await page.goto(fixture.url('/log-ind'));
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(fixture.url('/'));
}

// CSP violations and uncaught errors of the pages under test. axe-core itself sets inline styles
// while it checks, so what it causes is discarded (see seriousAxeViolations).
const pageProblems: string[] = [];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (WCAG 2.1 A and AA rules) and returns serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (pageProblems.length > 0) throw new Error(`CSP violations or page errors on ${page.url()}:\n${pageProblems.join('\n')}`);
  // Evaluated through the DevTools protocol, so the page's own CSP does not need to allow it.
  await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as { violations: AxeViolation[] };
  await page.waitForTimeout(100); // let the console events axe caused arrive, then drop them
  pageProblems.length = 0;
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

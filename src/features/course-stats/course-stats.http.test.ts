// Forløb → Statistik, its Excel download and GET /api/v1/course-stats, through HTTP: the figures equal
// `courses stats` on the imported file, and another region's hub is refused.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation } from '../../../test/helpers/factories.ts';
import { readMunicipalities } from '../../db/seed/reference.ts';
import { systemActor, type Role } from '../../domain/actor.ts';
import { computeCourseBreakdown, computeCourseStats } from '../../domain/guidance/course-stats.ts';
import { parseCoursesCsvText } from '../../domain/guidance/courses-csv.ts';
import { createApiToken } from '../api-tokens/api-tokens.service.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { readFileLines } from '../courses/course-import.files.ts';
import { importCourses } from '../courses/course-import.service.ts';
import { findUserById } from '../users/users.repository.ts';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/courses-nordjylland.csv', import.meta.url));

describe('the course statistics pages and API', () => {
  let t: TestApp;
  let hubId: string;
  let viewer: TestClient;
  const clientWith = (roles: Role[], organisationId: string) => t.signedIn(organisationId, roles);
  const tokenFor = async (userId: string) => (await createApiToken(t.database.db, t.config, actorFromUser((await findUserById(t.database.db, userId))!), { name: 'Statistik' })).token;
  before(async () => {
    t = await createTestApp();
    hubId = (await makeOrganisation(t.database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' })).id;
    await t.database.db.transaction().execute((tx) => importCourses(tx, systemActor('Test'), readFileLines(FIXTURE), { dryRun: false, organisationId: hubId }));
    viewer = (await clientWith(['viewer'], hubId)).client;
  });
  after(async () => t.close());

  it('shows Erhvervshus Nordjylland 2023 with the command’s figures, as charts with their tables', async () => {
    const response = await viewer.get('/forloeb/statistik?erhvervshus=nordjylland&aar=2023');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1>Forløbsstatistik 2023 – Erhvervshus Nordjylland<\/h1>/);
    assert.match(html, /<dd data-testid="unique-companies">24<\/dd>/);
    assert.match(html, /<dd data-testid="new-companies">18<\/dd>/);
    assert.match(html, /<dd data-testid="total-courses">27<\/dd>/);
    assert.match(html, /<th scope="row">Vækstforløb<\/th><td class="align-text-right">9<\/td>/);
    assert.match(html, /<th scope="row">Aalborg<\/th><td class="align-text-right">851<\/td><td class="align-text-right">6<\/td><td class="align-text-right">6<\/td>/);
    // Each chart is one image named by its title, described, with the table beside it.
    assert.equal(html.match(/<svg [^>]*role="img"/g)?.length, 4);
    assert.match(html, /<svg [^>]*aria-labelledby="categories-chart-title" aria-describedby="categories-chart-desc"[^>]*><title id="categories-chart-title">Forløb pr\. kategori<\/title><desc id="categories-chart-desc">Søjlediagram med 4 søjler\. Størst: Korte forløb \(10\)\. Alle tal står i tabellen\.<\/desc>/);
    assert.match(html, /href="\/forloeb\/statistik\.xlsx\?erhvervshus=nordjylland&amp;aar=2023"/);
  });

  it('defaults to the user’s own hub and the current year', async () => {
    const html = await (await viewer.get('/forloeb/statistik')).text();
    assert.match(html, new RegExp(`<h1>Forløbsstatistik ${new Date().getFullYear()} – Erhvervshus Nordjylland</h1>`));
  });

  it('downloads an Excel workbook with one sheet per breakdown and the figures as numbers', async () => {
    const response = await viewer.get('/forloeb/statistik.xlsx?erhvervshus=nordjylland&aar=2023');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(response.headers.get('content-disposition') ?? '', /filename="forloebsstatistik-nordjylland-2023\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['Nøgletal', 'Kategorier', 'Kommuner', 'Tematikker', 'Måneder']);
    const valueOf = (sheet: string, label: string, column: number) => {
      let found: unknown;
      workbook.getWorksheet(sheet)!.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(column).value;
      });
      return found;
    };
    assert.equal(valueOf('Nøgletal', 'Unikke virksomheder', 2), 24);
    assert.equal(valueOf('Nøgletal', 'Heraf nye (ikke vejledt i 2022)', 2), 18);
    assert.equal(valueOf('Kategorier', 'Korte forløb', 3), 10);
    assert.deepEqual(valueOf('Kategorier', 'I alt', 3), { formula: 'SUM(C5:C8)', result: 27 });
    assert.equal(valueOf('Kommuner', 'Aars', 3), undefined); // names are municipality names, not towns
    assert.equal(valueOf('Kommuner', 'Vesthimmerland', 4), 2);
    assert.equal(valueOf('Måneder', 'januar', 3), 5); // EHN-2022-005, EHN-2023-001, -005 and -011 (no meetings, January start), -015
  });

  it('answers the API with the command’s figures for the data in the database', async () => {
    const { user } = await clientWith(['viewer'], hubId);
    const response = await t.app.request('/api/v1/course-stats?hub=Erhvervshus%20Nordjylland&year=2023', { headers: { authorization: `Bearer ${await tokenFor(user.id)}` } });
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    const municipalities = readMunicipalities();
    const { courses } = parseCoursesCsvText(readFileSync(FIXTURE, 'utf8'), { hubs: [...new Set(municipalities.map((m) => m.businessHub))], municipalityCodes: municipalities.map((m) => m.code) });
    assert.deepEqual(body, {
      hub: { id: 'nordjylland', name: 'Erhvervshus Nordjylland' },
      year: 2023,
      ...computeCourseStats(courses, 'Erhvervshus Nordjylland', 2023),
      ...computeCourseBreakdown(courses, 'Erhvervshus Nordjylland', 2023),
    });
  });

  it('refuses another region’s hub to the page, the download and the API, also for admins', async () => {
    const midt = await makeOrganisation(t.database.db, { kind: 'hub', businessHubId: 'midtjylland' });
    const { client, user } = await clientWith(['admin', 'kkr'], midt.id);
    assert.equal((await client.get('/forloeb/statistik?erhvervshus=nordjylland&aar=2023')).status, 403);
    assert.equal((await client.get('/forloeb/statistik.xlsx?erhvervshus=nordjylland&aar=2023')).status, 403);
    const api = await t.app.request('/api/v1/course-stats?hub=nordjylland&year=2023', { headers: { authorization: `Bearer ${await tokenFor(user.id)}` } });
    assert.equal(api.status, 403);
    assert.match(((await api.json()) as { error: { message: string } }).error.message, /kun se forløbsstatistik for erhvervshuse i din egen region/);
    assert.equal((await client.get('/forloeb/statistik?erhvervshus=atlantis')).status, 404);
    const own = await (await client.get('/forloeb/statistik?aar=2023')).text();
    assert.match(own, /<h1>Forløbsstatistik 2023 – Erhvervshus Midtjylland<\/h1>/);
    assert.match(own, /<dd data-testid="unique-companies">0<\/dd>/); // Nordjylland's import skipped Midtjylland's rows
  });

  it('names a bad year', async () => {
    const response = await viewer.get('/forloeb/statistik?aar=tyve');
    assert.equal(response.status, 422);
    assert.match(await response.text(), /Året skal være et årstal mellem 1990 og 2100, fx 2023 – ikke &quot;tyve&quot;\./);
  });
});

// Evaluering through HTTP: the import pages (upload with CSRF, dry run listing every invalid row,
// confirm, outcome; roles), the explorer page with suppression, the drill-down, the Excel file read back
// with exceljs, and GET /api/v1/evaluation/metrics and /evaluation/responses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { readMunicipalities } from '../../db/seed/reference.ts';
import type { Role } from '../../domain/actor.ts';
import { computeEvaluationMetrics } from '../../domain/evaluation/metrics.ts';
import { parseResponsesCsvText } from '../../domain/evaluation/responses-csv.ts';
import { createApiToken } from '../api-tokens/api-tokens.service.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { findUserById } from '../users/users.repository.ts';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/evaluation/${name}`, import.meta.url)));
const VALID = fixture('responses.csv');
const BROKEN = fixture('responses-broken.csv');
const municipalities = readMunicipalities();
const fileResponses = parseResponsesCsvText(VALID.toString('utf8'), { hubs: [...new Set(municipalities.map((m) => m.businessHub))], municipalityCodes: municipalities.map((m) => m.code) }).responses;

async function upload(client: TestClient, file: { name: string; bytes: Uint8Array }, options: { csrf?: boolean } = {}) {
  if (!client.cookies.has('kp_csrf')) await client.get('/log-ind');
  const form = new FormData();
  if (options.csrf !== false) form.append('_csrf', client.cookies.get('kp_csrf') ?? '');
  form.append('file', new File([new Uint8Array(file.bytes)], file.name, { type: 'text/csv' }));
  return client.request('/evaluering/import', { method: 'POST', body: form });
}
const confirmAction = (html: string) => /<form method="post" action="(\/evaluering\/import\/[0-9a-f]{32})">/.exec(html)?.[1];

describe('the evaluation pages and API', () => {
  let t: TestApp;
  let hubId: string;
  let kkrId: string;
  let manager: TestClient;
  let adviserUserId: string;
  let viewerUserId: string;
  const stored = async () => Number((await t.database.db.selectFrom('evaluation_responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const clientWith = (roles: Role[], organisationId: string) => t.signedIn(organisationId, roles);
  const tokenFor = async (userId: string) => (await createApiToken(t.database.db, t.config, actorFromUser((await findUserById(t.database.db, userId))!), { name: 'Evaluering' })).token;
  const api = async (path: string, userId: string) => t.app.request(`/api/v1${path}`, { headers: { authorization: `Bearer ${await tokenFor(userId)}` } });

  before(async () => {
    t = await createTestApp();
    hubId = (await makeOrganisation(t.database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' })).id;
    kkrId = (await makeOrganisation(t.database.db, { kind: 'kkrSecretariat', kkrId: 'kkr-nordjylland' })).id;
    manager = (await clientWith(['manager'], hubId)).client;
    adviserUserId = (await makeUser(t.database.db, { roles: ['adviser'], organisationId: hubId })).id;
    viewerUserId = (await makeUser(t.database.db, { roles: ['viewer'], organisationId: kkrId })).id;
  });
  after(async () => t.close());

  it('shows the upload form (multipart, with the CSRF field) to a hub manager', async () => {
    const response = await manager.get('/evaluering/import');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1>Importér besvarelser<\/h1>/);
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /name="_csrf"/);
    assert.match(html, /Besvarelsesfil \(CSV\)/);
  });

  it('renders the explorer in English', async () => {
    const { client } = await clientWith(['viewer'], kkrId);
    await client.post('/sprog', { lang: 'en', next: '/evaluering' });
    const html = await (await client.get('/evaluering')).text();
    assert.match(html, /<h1>User evaluation – Erhvervshus Nordjylland<\/h1>/);
    assert.match(html, /no responses/);
  });

  it('refuses an upload without the CSRF token, and the import to advisers and viewers', async () => {
    assert.equal((await upload(manager, { name: 'besvarelser.csv', bytes: VALID }, { csrf: false })).status, 403);
    for (const roles of [['adviser'], ['viewer'], ['kkr']] as Role[][]) {
      const { client } = await clientWith(roles, roles[0] === 'adviser' ? hubId : kkrId);
      assert.equal((await client.get('/evaluering/import')).status, 403, roles.join());
    }
    assert.equal(await stored(), 0);
  });

  it('lists every invalid row of a broken file and offers no import', async () => {
    const response = await upload(manager, { name: 'broken.csv', bytes: BROKEN });
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /Filen har 5 ugyldige rækker – intet kan importeres/);
    assert.match(html, /&quot;11&quot; er ikke et tal fra 0 til 10\./);
    assert.match(html, /&quot;081&quot; er en regionskode/);
    assert.equal(confirmAction(html), undefined);
    assert.equal(await stored(), 0);
  });

  it('imports the manager’s own hub’s rows after the dry run, skipping other hubs; a second file changes nothing', async () => {
    const response = await upload(manager, { name: 'besvarelser.csv', bytes: VALID });
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /Filen er i orden/);
    assert.match(html, /<dd data-testid="created">16<\/dd>/);
    assert.match(html, /Erhvervshus Midtjylland; linje 13, 14/);
    assert.equal(await stored(), 0, 'the dry run saves nothing');
    const action = confirmAction(html)!;
    assert.equal((await manager.post(action, {}, { csrf: false })).status, 403);
    const confirmed = await manager.post(action, {});
    assert.equal(confirmed.status, 303);
    assert.equal(await stored(), 16);
    const result = await (await manager.get(action)).text();
    assert.match(result, /Besvarelserne er importeret/);

    const again = await (await upload(manager, { name: 'besvarelser.csv', bytes: VALID })).text();
    assert.match(again, /<dd data-testid="unchanged">16<\/dd>/);
    assert.match(again, /Alle besvarelser er allerede importeret som i filen/);
  });

  it('shows the explorer with value, n and interval, the trend chart and the distribution', async () => {
    const response = await manager.get('/evaluering?aar=2023&segment=growth');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1>Brugerevaluering – Erhvervshus Nordjylland<\/h1>/);
    const expected = computeEvaluationMetrics(fileResponses, { hub: 'Erhvervshus Nordjylland', year: 2023, segment: 'growth' });
    const nps = expected.nps;
    const display = nps.value!.toFixed(1).replace('.', ',').replace('-', '−');
    assert.match(html, new RegExp(`data-testid="metric-nps">.*?<td class="align-text-right" data-testid="value">${display}`));
    assert.match(html, new RegExp(`data-testid="n">${nps.n}</td>`));
    assert.match(html, /<svg[^>]*class="bar-chart"/);
    assert.match(html, /Svarfordeling pr\. spørgsmål/);
    assert.match(html, /href="\/evaluering\/besvarelser\?erhvervshus=nordjylland&amp;aar=2023&amp;segment=growth&amp;maal=nps"/);
    assert.match(html, /<a href="\/evaluering" class="nav-link"[^>]*><span>Evaluering<\/span>/);
  });

  it('shows a viewer "færre end 5 svar" and no drill-down links, and refuses the drill-down', async () => {
    const { client } = await clientWith(['viewer'], kkrId);
    const html = await (await client.get('/evaluering?aar=2019&segment=vaekst')).text();
    assert.match(html, /færre end 5 svar/);
    assert.doesNotMatch(html, /\/evaluering\/besvarelser/);
    assert.equal((await client.get('/evaluering/besvarelser?maal=nps')).status, 403);
  });

  it('lists the responses behind a metric for the hub’s manager', async () => {
    const html = await (await manager.get('/evaluering/besvarelser?aar=2023&maal=nps')).text();
    assert.equal(html.match(/data-testid="response-row"/g)?.length, 10);
    assert.match(html, /N23-07/);
    assert.doesNotMatch(html, /N23-09/);
  });

  it('downloads the figures as an Excel file that reads back, suppressed for a viewer', async () => {
    const response = await manager.get('/evaluering.xlsx?aar=2023');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-disposition') ?? '', /brugerevaluering-nordjylland-2023\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const row = (sheet: string, key: string) => {
      let found: ExcelJS.Row | undefined;
      workbook.getWorksheet(sheet)!.eachRow((r) => {
        if (r.getCell(2).value === key) found = r;
      });
      return found!;
    };
    const expected = computeEvaluationMetrics(fileResponses, { hub: 'Erhvervshus Nordjylland', year: 2023 });
    assert.equal(row('Nøgletal', 'nps').getCell(3).value, Number(expected.nps.value!.toFixed(1)));
    assert.equal(row('Nøgletal', 'nps').getCell(4).value, expected.nps.value!.toString());
    assert.equal(row('Nøgletal', 'nps').getCell(5).value, expected.nps.n);
    assert.ok(workbook.getWorksheet('Udvikling'));
    assert.ok(workbook.getWorksheet('Svarfordeling'));

    const { client } = await clientWith(['viewer'], kkrId);
    const small = new ExcelJS.Workbook();
    await small.xlsx.load(await (await client.get('/evaluering.xlsx?aar=2019&segment=growth')).arrayBuffer());
    let npsCell: unknown;
    small.getWorksheet('Nøgletal')!.eachRow((r) => {
      if (r.getCell(2).value === 'nps') npsCell = r.getCell(3).value;
    });
    assert.equal(npsCell, 'færre end 5 svar');
  });

  it('answers the API with the same numbers and suppression, and the responses only to allowed users', async () => {
    const response = await api('/evaluation/metrics?year=2023', adviserUserId);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { n: number; rawAccess: boolean; metrics: Record<string, { value: number; exact: string; n: number; status: string }> };
    const expected = computeEvaluationMetrics(fileResponses, { hub: 'Erhvervshus Nordjylland', year: 2023 });
    assert.equal(body.n, expected.n);
    assert.equal(body.rawAccess, true);
    assert.equal(body.metrics.nps!.exact, expected.nps.value!.toString());
    assert.equal(body.metrics.veryPleasedShare!.n, expected.veryPleasedShare.n);

    const small = (await (await api('/evaluation/metrics?year=2019&segment=growth', viewerUserId)).json()) as { n: number | null; metrics: Record<string, { status: string; value: unknown; n: unknown }> };
    assert.equal(small.n, null);
    assert.deepEqual([small.metrics.nps!.status, small.metrics.nps!.value, small.metrics.nps!.n], ['suppressed', null, null]);

    const list = await api('/evaluation/responses?year=2023&metric=nps', adviserUserId);
    assert.equal(list.status, 200);
    const page = (await list.json()) as { total: number; responses: { responseId: string; counted: boolean }[] };
    assert.equal(page.total, 10);
    assert.equal(page.responses.filter((r) => r.counted).length, expected.nps.promoters);
    assert.equal((await api('/evaluation/responses?metric=nps', viewerUserId)).status, 403);
    assert.equal((await api('/evaluation/metrics?segment=stor', viewerUserId)).status, 422);
  });
});

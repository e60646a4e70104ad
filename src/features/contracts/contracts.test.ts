// Result contracts on the database (issue 7): the five shipped contracts load from src/domain/contracts/seeds/ once
// and evaluate on the demo data; the measurements agree with the evaluation engine and the CRM; the
// dashboard, the drill-down and the report (issue → frozen version → correction → differences)
// through HTTP with the region and role rules; the API; and the two commands.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { pdfText } from '../../../test/helpers/pdf-text.ts';
import { openDatabase } from '../../db/database.ts';
import { seedDemo } from '../../db/seed/demo.ts';
import { loadReferenceData } from '../../db/seed/reference.ts';
import { runMigrate } from '../../cli/commands/lifecycle.ts';
import { runContract, runReport } from '../../cli/commands/contract.ts';
import type { CliIo } from '../../cli/io.ts';
import { systemActor } from '../../domain/actor.ts';
import { computeEvaluationMetrics } from '../../domain/evaluation/metrics.ts';
import { findResponses, toEvaluationResponse } from '../evaluation/evaluation.repository.ts';
import { createApiToken } from '../api-tokens/api-tokens.service.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { findUserByEmail } from '../users/users.repository.ts';
import { evaluateStoredContract, getContract, loadShippedContracts } from './contracts.service.ts';

const clock = { now: () => new Date('2026-11-22T12:00:00Z') };
const demoPassword = 'Knudepunkt-demo-2026';

describe('result contracts on the demo data', () => {
  let t: TestApp;
  const as = async (email: string): Promise<TestClient> => {
    const client = t.client();
    await client.login(email, demoPassword);
    return client;
  };
  const contractId = async (slug: string) => (await getContract(t.database.db, systemActor('test'), slug)).row.id;

  before(async () => {
    t = await createTestApp({ clock });
    await seedDemo(t.database.db);
  });
  after(async () => t.close());

  it('stores the five shipped contracts once, and never overwrites a stored one', async () => {
    const rows = await t.database.db.selectFrom('contracts').select(['slug', 'status', 'origin', 'business_hub_id']).orderBy('slug').execute();
    assert.deepEqual(
      rows.map((r) => r.slug),
      ['midtjylland-2020', 'nordjylland-2019', 'nordjylland-2022', 'nordjylland-2023', 'nordjylland-2024-udkast'],
    );
    assert.ok(rows.every((r) => r.origin === 'shipped'));
    assert.equal(rows.find((r) => r.slug === 'midtjylland-2020')!.business_hub_id, 'midtjylland');
    assert.equal(rows.find((r) => r.slug === 'nordjylland-2024-udkast')!.status, 'draft');
    const before = await getContract(t.database.db, systemActor('test'), 'nordjylland-2023');
    assert.equal(await loadShippedContracts(t.database.db, new Date()), 0);
    await loadReferenceData(t.database.db);
    const after = await getContract(t.database.db, systemActor('test'), 'nordjylland-2023');
    assert.equal(after.row.revision, before.row.revision, 'the demo progress on 2023 is kept');
  });

  it('evaluates every shipped contract on the demo data', async () => {
    for (const slug of ['nordjylland-2019', 'midtjylland-2020', 'nordjylland-2022', 'nordjylland-2023', 'nordjylland-2024-udkast']) {
      const e = await evaluateStoredContract(t.database.db, await getContract(t.database.db, systemActor('test'), slug), clock);
      assert.equal(e.evaluation.goals.length, e.contract.goals.length, slug);
      for (const g of e.evaluation.goals) if (g.status === 'notMeasurable') assert.ok(g.missing.length > 0, `${slug} goal ${g.goalNumber} says what is missing`);
    }
  });

  it('measures the 2023 NPS per segment exactly as the evaluation engine does, with n and interval', async () => {
    const e = await evaluateStoredContract(t.database.db, await getContract(t.database.db, systemActor('test'), 'nordjylland-2023'), clock);
    const goal3 = e.evaluation.goals.find((g) => g.goalNumber === 3)!;
    const rows = await findResponses(t.database.db, { hubId: 'nordjylland', year: 2023, segment: 'operations' });
    const expected = computeEvaluationMetrics(rows.map((r) => toEvaluationResponse(r, 'Erhvervshus Nordjylland'))).nps;
    const nps = goal3.targets.find((x) => x.target.kind === 'metric' && x.target.metric === 'nps' && x.target.filters.segment === 'operations')!;
    assert.equal(nps.measurement?.kind, 'value');
    if (nps.measurement?.kind !== 'value') return;
    assert.ok(nps.measurement.value.equals(expected.value!));
    assert.equal(nps.measurement.n, expected.n);
    assert.equal(nps.measurement.recordIds.length, expected.n);
    assert.ok(nps.measurement.interval);
    assert.deepEqual(nps.measurement.period, { from: '2023-01-01', to: '2023-12-31' });
  });

  it('lets requests arriving during an evaluation share it, and measures afresh afterwards', async () => {
    const stored = await getContract(t.database.db, systemActor('test'), 'nordjylland-2023');
    const [a, b] = await Promise.all([evaluateStoredContract(t.database.db, stored, clock), evaluateStoredContract(t.database.db, stored, clock)]);
    assert.equal(a.evaluation, b.evaluation, 'one evaluation for both');
    const later = await evaluateStoredContract(t.database.db, stored, clock);
    assert.notEqual(later.evaluation, a.evaluation);
    assert.deepEqual(later.evaluation.goals.map((g) => [g.status, g.explanation]), a.evaluation.goals.map((g) => [g.status, g.explanation]));
    const inTransaction = await t.database.db.transaction().execute((tx) => Promise.all([evaluateStoredContract(tx, stored, clock), evaluateStoredContract(tx, stored, clock)]));
    assert.notEqual(inTransaction[0].evaluation, inTransaction[1].evaluation, 'a transaction measures on its own');
  });

  it('judges the demo progress: external figures and activities recorded, goal 1 needs both targets', async () => {
    const e = await evaluateStoredContract(t.database.db, await getContract(t.database.db, systemActor('test'), 'nordjylland-2023'), clock);
    const status = (n: number) => e.evaluation.goals.find((g) => g.goalNumber === n)!.status;
    assert.equal(status(8), 'fulfilled'); // 3 of 3 activities done
    assert.equal(status(9), 'notFulfilled'); // one in progress
    assert.equal(status(10), 'notFulfilled'); // one not done
    assert.equal(status(6), 'notMeasurable'); // the operations segment's control-group figure is not entered
    assert.ok(e.evaluation.goals.find((g) => g.goalNumber === 6)!.missing.some((m) => m.includes('produktivitet')));
  });

  it('shows the KKR secretariat the dashboard with every goal and a drill-down behind each figure', async () => {
    const kkr = await as('kkr@demo.knudepunkt.example');
    const list = await (await kkr.get('/kontrakter')).text();
    assert.match(list, /Resultatkontrakt 2023 mellem KKR Nordjylland og Erhvervshus Nordjylland/);
    assert.doesNotMatch(list, /Midtjylland/, 'only the own region');
    const id = await contractId('nordjylland-2023');
    const page = await kkr.get(`/kontrakter/${id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    for (let n = 1; n <= 11; n++) assert.match(html, new RegExp(`data-testid="goal-status-${n}"`));
    const link = new RegExp(`href="(/kontrakter/${id}/maal/11/unikke-virksomheder)"`).exec(html);
    assert.ok(link, 'the count links to its records');
    const drill = await (await kkr.get(link[1]!)).text();
    assert.match(drill, /Registreringerne bag tallet \(\d+\)/);
    assert.match(drill, /href="\/forloeb\/[0-9a-f-]{36}"/);
    // The KKR secretariat sees the NPS but not the individual answers behind it.
    const npsDrill = await (await kkr.get(`/kontrakter/${id}/maal/3/nps-drift`)).text();
    assert.match(npsDrill, /De enkelte besvarelser vises kun for erhvervshusets egne medarbejdere/);
    const manager = await as('leder@demo.knudepunkt.example');
    const managerDrill = await (await manager.get(`/kontrakter/${id}/maal/3/nps-drift`)).text();
    assert.match(managerDrill, /DEMO-2023-\d{3}/);
  });

  it('links the hub manager from the dashboard to a working form for every goal, activity and external figure', async () => {
    const manager = await as('leder@demo.knudepunkt.example');
    const id = await contractId('nordjylland-2023');
    const html = await (await manager.get(`/kontrakter/${id}`)).text();
    const links = [...html.matchAll(/href="(\/kontrakter\/[0-9a-f-]{36}\/(?:indsatser|eksterne|maal\/\d+\/rediger)[^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
    assert.equal(links.filter((l) => l.includes('/rediger')).length, 11);
    assert.equal(links.filter((l) => l.includes('/indsatser/')).length, 1 + 2 + 3 + 5 + 4);
    assert.equal(links.filter((l) => l.includes('/eksterne/')).length, 5);
    for (const link of links) assert.equal((await manager.get(link)).status, 200, link);
    const kkrReader = await as('laeser@demo.knudepunkt.example');
    assert.doesNotMatch(await (await kkrReader.get(`/kontrakter/${id}`)).text(), /\/indsatser\//, 'no edit links for a reader');
  });

  it('does not show another region the contract', async () => {
    const midt = await makeOrganisation(t.database.db, { kind: 'hub', businessHubId: 'midtjylland', name: 'Erhvervshus Midtjylland (test)' });
    const user = await makeUser(t.database.db, { roles: ['manager'], organisationId: midt.id });
    const client = t.client();
    await client.login(user.email);
    assert.equal((await client.get(`/kontrakter/${await contractId('nordjylland-2023')}`)).status, 404);
    assert.equal((await client.get(`/kontrakter/${await contractId('midtjylland-2020')}`)).status, 200);
  });

  it('issues the report as frozen version 1; a correction makes version 2 with the difference shown', async () => {
    const kkr = await as('kkr@demo.knudepunkt.example');
    const id = await contractId('nordjylland-2023');
    const reader = await as('laeser@demo.knudepunkt.example');
    assert.equal((await reader.post(`/kontrakter/${id}/rapport`, { note: 'x' })).status, 403, 'a reader cannot issue');
    const issued = await kkr.post(`/kontrakter/${id}/rapport`, { note: 'Afrapportering for 2023' });
    assert.equal(issued.status, 303);
    assert.equal(issued.headers.get('location'), `/kontrakter/${id}/rapport/v/1?besked=udstedt`);
    const v1 = await (await kkr.get(`/kontrakter/${id}/rapport/v/1`)).text();
    assert.match(v1, /Data giver stadig de samme tal/);

    // A correction: the operations segment's productivity figure arrives.
    const stored = await getContract(t.database.db, systemActor('test'), id);
    const { saveContractDocument } = await import('./contracts.service.ts');
    await saveContractDocument(
      t.database.db,
      systemActor('test'),
      stored,
      {
        ...stored.document,
        goals: stored.document.goals.map((g) =>
          g.number !== 6 ? g : { ...g, targets: g.targets.map((x) => (x.id === 'produktivitet-drift' && x.kind === 'external' ? { ...x, recorded: { value: '3,1', source: 'Danmarks Statistik', date: '2024-02-01' } } : x)) },
        ),
      },
      clock,
    );
    const since = await (await kkr.get(`/kontrakter/${id}/rapport/v/1`)).text();
    assert.match(since, /Ændret i data siden udstedelsen/);
    assert.doesNotMatch(since, /Data giver stadig de samme tal/);
    assert.equal((await kkr.post(`/kontrakter/${id}/rapport`, { note: 'Produktivitetstallet er kommet' })).status, 303);
    const v2 = await (await kkr.get(`/kontrakter/${id}/rapport/v/2`)).text();
    assert.match(v2, /Ændret siden version 1/);
    assert.match(v2, /Mål 6/);
    // Version 1 is still what it was.
    const frozen = await t.database.db.selectFrom('contract_reports').select(['version', 'report']).where('contract_id', '=', id).orderBy('version').execute();
    assert.equal(frozen.length, 2);
    const goal6 = (v: number) => (frozen[v - 1]!.report as { goals: { number: number; status: string }[] }).goals.find((g) => g.number === 6)!.status;
    assert.equal(goal6(1), 'notMeasurable');
    assert.notEqual(goal6(2), 'notMeasurable');
  });

  it('exports the report as PDF with its text and as Excel', async () => {
    const kkr = await as('kkr@demo.knudepunkt.example');
    const id = await contractId('nordjylland-2023');
    const pdf = await kkr.get(`/kontrakter/${id}/rapport/v/1/pdf`);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition') ?? '', /afrapportering-nordjylland-2023-v1\.pdf/);
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    assert.match(text, /Resultatkontrakt 2023 mellem KKR Nordjylland og Erhvervshus Nordjylland/);
    assert.match(text, /Styrket regional strategi/);
    assert.match(text, /Læsø/);
    const xlsx = await kkr.get(`/kontrakter/${id}/rapport/xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      ['Sammenfatning', 'Mål', 'Indsatser', 'Geografisk spredning', 'Udvikling'],
    );
  });

  it('serves contracts, the live evaluation and the report versions in the API', async () => {
    const user = await findUserByEmail(t.database.db, 'kkr@demo.knudepunkt.example');
    const { token } = await createApiToken(t.database.db, t.config, actorFromUser(user!), { name: 'Kontrakter' });
    const api = (path: string) => t.app.request(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    const list = (await (await api('/contracts')).json()) as { contracts: { slug: string }[] };
    assert.deepEqual(list.contracts.map((c) => c.slug).sort(), ['nordjylland-2019', 'nordjylland-2022', 'nordjylland-2023', 'nordjylland-2024-udkast']);
    const evaluation = (await (await api('/contracts/nordjylland-2023/evaluation')).json()) as { goals: { number: number; status: string; targets: { exact: string | null; n: number | null }[] }[]; summary: { total: number } };
    assert.equal(evaluation.summary.total, 11);
    assert.equal(evaluation.goals.find((g) => g.number === 8)!.status, 'fulfilled');
    const document = (await (await api('/contracts/nordjylland-2023')).json()) as { document: { goals: unknown[] } };
    assert.equal(document.document.goals.length, 11);
    const versions = (await (await api('/contracts/nordjylland-2023/reports')).json()) as { versions: { version: number }[] };
    assert.ok(versions.versions.length >= 1);
    const report = await api(`/contracts/nordjylland-2023/reports/${versions.versions.at(-1)!.version}`);
    assert.equal(report.status, 200);
    assert.equal((await api('/contracts/midtjylland-2020')).status, 404);
  });
});

describe('knudepunkt contract evaluate and knudepunkt report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'knudepunkt-contract-'));
  const env = { DATA_DIR: dir, LOG_LEVEL: 'silent', SESSION_SECRET: 'cli-test-secret-0123456789-0123456789' };
  const io = (): CliIo & { out: string; err: string } => {
    const value = { out: '', err: '', env, readFile: async () => '', readStdin: async () => '', stdout: (s: string) => void (value.out += s), stderr: (s: string) => void (value.err += s) };
    return value;
  };
  before(async () => {
    assert.equal(await runMigrate(io()), 0);
    const database = await openDatabase({ pgliteDir: join(dir, 'pglite') });
    await database.db.transaction().execute((tx) => seedDemo(tx)).finally(() => database.close());
  });

  it('evaluates a hub’s contract for a year as JSON and as text', async () => {
    const json = io();
    assert.equal(await runContract(['evaluate', '--hub', 'Nordjylland', '--year', '2023', '--json'], json), 0, json.err);
    const parsed = JSON.parse(json.out) as { contract: { slug: string }; goals: { number: number; status: string }[] };
    assert.equal(parsed.contract.slug, 'nordjylland-2023');
    assert.equal(parsed.goals.length, 11);
    const text = io();
    assert.equal(await runContract(['evaluate', '--hub', 'Erhvervshus Nordjylland', '--year', '2023'], text), 0, text.err);
    assert.match(text.out, /Mål 8: Styrket regional strategi – opfyldt \(100 %\)/);
  });

  it('refuses an unknown hub, a year without contract and bad arguments with exit code 2', async () => {
    const unknown = io();
    assert.equal(await runContract(['evaluate', '--hub', 'Atlantis', '--year', '2023'], unknown), 2);
    assert.match(unknown.err, /Erhvervshuset "Atlantis" findes ikke/);
    const none = io();
    assert.equal(await runContract(['evaluate', '--hub', 'Sjælland', '--year', '2023'], none), 2);
    assert.match(none.err, /En resultatkontrakt for Erhvervshus Sjælland 2023 findes ikke/);
    const bad = io();
    assert.equal(await runContract(['evaluate', '--hub', 'Nordjylland', '--year', 'i år'], bad), 2);
    assert.match(bad.err, /--year skal være et årstal som 2023 \(ikke "i år"\)/);
  });

  it('writes the report as PDF, Excel and HTML', async () => {
    for (const format of ['pdf', 'xlsx', 'html']) {
      const out = join(dir, `rapport.${format}`);
      const run = io();
      assert.equal(await runReport(['--hub', 'Nordjylland', '--year', '2023', '--format', format, '--out', out], run), 0, run.err);
      const bytes = readFileSync(out);
      if (format === 'pdf') assert.match(await pdfText(new Uint8Array(bytes)), /Erhvervshus Nordjylland/);
      if (format === 'xlsx') assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
      if (format === 'html') assert.match(bytes.toString('utf8'), /<html lang="da">[\s\S]*Afrapportering 2023 – Erhvervshus Nordjylland/);
    }
    const bad = io();
    assert.equal(await runReport(['--hub', 'Nordjylland', '--year', '2023', '--format', 'docx', '--out', join(dir, 'x')], bad), 2);
    assert.match(bad.err, /--format skal være html, pdf eller xlsx \(ikke "docx"\)/);
    const unwritable = io();
    assert.equal(await runReport(['--hub', 'Nordjylland', '--year', '2023', '--format', 'html', '--out', join(dir, 'mangler', 'x.html')], unwritable), 1);
    assert.match(unwritable.err, /kan ikke skrives: ENOENT/);
  });
});

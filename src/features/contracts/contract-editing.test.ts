// Editing result contracts through HTTP (issue 7, "Editing"): goals and thresholds (exact decimals with
// a comma), activities with status and evidence, external figures, the copy to another year and the
// status flow — only for editors, with Danish errors that keep what was typed, a conflict on a stale
// revision, and an audit entry for every change. Runs on the shipped Nordjylland contracts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation } from '../../../test/helpers/factories.ts';
import { systemActor, type Role } from '../../domain/actor.ts';
import { systemClock } from '../../domain/clock.ts';
import type { ContractInput } from '../../domain/contracts/contracts.ts';
import { activityEditPath, externalEditPath, goalEditPath } from './contract-editing.schema.ts';
import { goalFormValues } from './contract-editing.views.tsx';
import { evaluateStoredContract, getContract, saveContractDocument } from './contracts.service.ts';

const system = systemActor('Test');
const pdf = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../test/fixtures/referrals/screening.pdf')));

describe('editing result contracts through HTTP', () => {
  let t: TestApp;
  let manager: TestClient; // a manager of Erhvervshus Nordjylland
  let kkr: TestClient; // the KKR Nordjylland secretariat
  let adviser: TestClient;
  let viewer: TestClient;
  let otherRegion: TestClient; // the KKR Midtjylland secretariat

  const client = async (organisationId: string, roles: Role[]) => (await t.signedIn(organisationId, roles)).client;
  const row = (slug: string) => t.database.db.selectFrom('contracts').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  const documentOf = async (slug: string) => (await row(slug)).document as ContractInput;
  const revisionOf = async (slug: string) => String((await row(slug)).revision);
  const goalStatus = async (slug: string, goal: number) => {
    const evaluated = await evaluateStoredContract(t.database.db, await getContract(t.database.db, system, slug), systemClock);
    return evaluated.evaluation.goals.find((g) => g.goalNumber === goal)!;
  };
  /** The goal form as the page fills it, with changes. */
  const goalForm = async (slug: string, number: number, changes: Record<string, string | string[]> = {}) => {
    const goal = (await documentOf(slug)).goals.find((g) => g.number === number)!;
    const values = goalFormValues(goal, Number(await revisionOf(slug)));
    return { ...(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, string>), ...changes };
  };
  const multipart = (c: TestClient, path: string, fields: Record<string, string | string[]>, file?: { field: string; name: string; bytes: Uint8Array }) => {
    const form = new FormData();
    form.append('_csrf', c.cookies.get('kp_csrf') ?? '');
    for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(key, item);
    if (file) form.append(file.field, new File([new Uint8Array(file.bytes)], file.name));
    return c.request(path, { method: 'POST', body: form });
  };
  const auditTypes = async () => new Set((await t.database.db.selectFrom('audit_log').select('entity_type').execute()).map((r) => r.entity_type));

  const activity5 = (n: number) => activityEditPath('nordjylland-2023', 5, 'baeredygtighedshjulet', `baeredygtighedshjulet-${n}`);
  const external5 = externalEditPath('nordjylland-2023', 5, 'kendskab-groenne-tilbud');

  before(async () => {
    t = await createTestApp();
    const hub = await makeOrganisation(t.database.db, { kind: 'hub', businessHubId: 'nordjylland' });
    const secretariat = await makeOrganisation(t.database.db, { kind: 'kkrSecretariat', kkrId: 'kkr-nordjylland', businessHubId: null });
    const midt = await makeOrganisation(t.database.db, { kind: 'kkrSecretariat', kkrId: 'kkr-midtjylland', businessHubId: null });
    manager = await client(hub.id, ['manager', 'adviser']);
    kkr = await client(secretariat.id, ['kkr']);
    adviser = await client(hub.id, ['adviser']);
    viewer = await client(secretariat.id, ['viewer']);
    otherRegion = await client(midt.id, ['kkr']);
  });
  after(async () => t.close());

  it('lets only editors in: advisers and viewers get 403 on every form, another region 404', async () => {
    const pages = [goalEditPath('nordjylland-2023', 5), activity5(1), external5, '/kontrakter/nordjylland-2023/kopi', '/kontrakter/nordjylland-2023/status'];
    const before = await revisionOf('nordjylland-2023');
    for (const path of pages) {
      for (const [c, who] of [[adviser, 'adviser'], [viewer, 'viewer']] as const) {
        assert.equal((await c.get(path)).status, 403, `GET ${path} as ${who}`);
        assert.equal((await c.post(path, { revision: before, status: 'done', year: '2030', title: 'x' })).status, 403, `POST ${path} as ${who}`);
      }
      assert.equal((await otherRegion.get(path)).status, 404, `GET ${path} from Midtjylland`);
      assert.equal((await manager.get(path)).status, 200, `GET ${path} as the hub's manager`);
      assert.equal((await kkr.get(path)).status, 200, `GET ${path} as the KKR secretariat`);
    }
    assert.equal(await revisionOf('nordjylland-2023'), before, 'nothing was saved');
    assert.equal((await t.database.db.selectFrom('contracts').select('id').where('year', '=', 2030).execute()).length, 0);
  });

  it('shows the goal form with the stored values, in Danish and in English', async () => {
    const html = await (await manager.get(goalEditPath('nordjylland-2023', 5))).text();
    assert.match(html, /<h1>Redigér mål 5<\/h1>/);
    assert.match(html, /name="_csrf"/);
    assert.match(html, new RegExp(`name="revision" value="${await revisionOf('nordjylland-2023')}"`));
    assert.match(html, /<label class="form-label" for="targets\.1\.threshold">Tærskel/);
    assert.match(html, /id="targets\.1\.threshold" name="targets\.1\.threshold" class="form-input input-width-s" value="74"/);
    manager.cookies.set('kp_lang', 'en');
    try {
      assert.match(await (await manager.get(goalEditPath('nordjylland-2023', 5))).text(), /<h1>Edit goal 5<\/h1>/);
    } finally {
      manager.cookies.delete('kp_lang');
    }
  });

  it('records an external figure with its source, date, document reference and n', async () => {
    const response = await kkr.post(external5, { revision: await revisionOf('nordjylland-2023'), value: '48', source: 'Erhvervsstyrelsens kendskabsmåling 2023', date: '30-09-2023', document: 'Kendskabsmåling 2023, tabel 2', n: '412' });
    assert.equal(response.status, 303, await response.text());
    assert.match(response.headers.get('location') ?? '', /^\/kontrakter\/[0-9a-f-]{36}\?besked=ekstern$/);
    const target = (await documentOf('nordjylland-2023')).goals[4]!.targets[1]!;
    assert.deepEqual(target.kind === 'external' ? target.recorded : null, { value: '48', source: 'Erhvervsstyrelsens kendskabsmåling 2023', date: '2023-09-30', document: 'Kendskabsmåling 2023, tabel 2', n: 412 });
    // A bare target id works where it is unique in the contract.
    assert.match(await (await kkr.get('/kontrakter/nordjylland-2023/eksterne/kendskab-groenne-tilbud')).text(), /value="48"/);
  });

  it('refuses a link that is not http(s), keeping what was typed', async () => {
    const response = await manager.post(activity5(1), { revision: await revisionOf('nordjylland-2023'), status: 'done', evidenceKind: 'link', evidenceValue: 'javascript:alert(1)' });
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /Link: &quot;javascript:alert\(1\)&quot; er ikke en webadresse/);
    assert.match(html, /value="javascript:alert\(1\)"/);
    assert.match(html, /<option value="done" selected/);
  });

  it('marks activities done with link, file and text evidence, and removes an evidence item', async () => {
    const slug = 'nordjylland-2023';
    let response = await manager.post(activity5(1), { revision: await revisionOf(slug), status: 'done', evidenceKind: 'link', evidenceValue: 'https://www.erhvervshusnord.dk/baeredygtighedshjulet', evidenceLabel: 'Værktøjet på hjemmesiden' });
    assert.equal(response.status, 303, await response.text());
    assert.match(response.headers.get('location') ?? '', /besked=indsats$/);
    response = await multipart(manager, activity5(1), { revision: await revisionOf(slug), status: 'done', evidenceKind: 'file', evidenceDate: '2023-11-01' }, { field: 'evidenceFile', name: 'Hjulet i brug.pdf', bytes: pdf });
    assert.equal(response.status, 303, await response.text());
    response = await manager.post(activity5(2), { revision: await revisionOf(slug), status: 'done', evidenceKind: 'text', evidenceValue: 'Selvhjælpsværktøjet er lagt på hjemmesiden.' });
    assert.equal(response.status, 303, await response.text());

    const file = await t.database.db.selectFrom('contract_files').selectAll().where('original_name', '=', 'Hjulet i brug.pdf').executeTakeFirstOrThrow();
    const activities = (await documentOf(slug)).goals[4]!.targets[0]!;
    assert.ok(activities.kind === 'activities');
    assert.deepEqual(activities.activities[0], {
      id: 'baeredygtighedshjulet-1',
      name: 'Bæredygtighedshjulet anvendes i vejledningen',
      status: 'done',
      evidence: [
        { kind: 'link', value: 'https://www.erhvervshusnord.dk/baeredygtighedshjulet', label: 'Værktøjet på hjemmesiden' },
        { kind: 'file', value: file.id, label: 'Hjulet i brug.pdf', date: '2023-11-01' },
      ],
    });
    assert.equal(activities.activities[1]?.status, 'done');
    const download = await kkr.get(`/kontrakter/filer/${file.id}`);
    assert.equal(download.status, 200);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), pdf);
    const form = await (await manager.get(activity5(1))).text();
    assert.match(form, /Fil: Hjulet i brug\.pdf \(2023-11-01\)/);

    // Both activities done, but 48 % is below 74 %: the goal is not fulfilled yet.
    assert.equal((await goalStatus(slug, 5)).status, 'notFulfilled');

    // Removing the link (position 0) keeps the file.
    response = await manager.post(activity5(1), { revision: await revisionOf(slug), status: 'done', removeEvidence: '0' });
    assert.equal(response.status, 303, await response.text());
    const after = (await documentOf(slug)).goals[4]!.targets[0]!;
    assert.deepEqual(after.kind === 'activities' ? after.activities[0]?.evidence?.map((e) => e.kind) : null, ['file']);
  });

  it('finds an activity whose id repeats across goals by its full key or ?maal=, and never guesses', async () => {
    assert.equal((await manager.get('/kontrakter/nordjylland-2023/indsatser/indsatser-1')).status, 404, 'goals 8, 9 and 10 all have indsatser-1');
    assert.match(await (await manager.get('/kontrakter/nordjylland-2023/indsatser/indsatser-1?maal=9')).text(), /Fælles ejerskab og bilaterale aftaler/);
    assert.match(await (await manager.get(activityEditPath('nordjylland-2023', 10, 'indsatser', 'indsatser-1'))).text(), /Screeningsværktøjer til kommunerne/);
  });

  it('edits a threshold to "47,5": stored exactly as written, and the evaluation changes', async () => {
    const slug = 'nordjylland-2023';
    const response = await kkr.post(goalEditPath(slug, 5), await goalForm(slug, 5, { 'targets.1.threshold': '47,5', title: 'Grøn omstilling og kendskab' }));
    assert.equal(response.status, 303, await response.text());
    assert.match(response.headers.get('location') ?? '', /besked=gemt$/);
    const goal = (await documentOf(slug)).goals[4]!;
    assert.equal(goal.title, 'Grøn omstilling og kendskab');
    assert.equal(goal.targets[1]?.kind === 'external' ? goal.targets[1].threshold : null, '47,5');
    const evaluation = await goalStatus(slug, 5);
    assert.equal(evaluation.status, 'fulfilled', '48 ≥ 47,5 and both activities done');
    assert.equal(evaluation.targets[1]?.holds, true);
  });

  it('moves a tier that repeats the target’s threshold along with it (goal 4: ≥ 50 → 100 %)', async () => {
    const slug = 'nordjylland-2023';
    const response = await manager.post(goalEditPath(slug, 4), await goalForm(slug, 4, { 'targets.0.threshold': '47,5', 'targets.0.comparison': '>' }));
    assert.equal(response.status, 303, await response.text());
    const goal = (await documentOf(slug)).goals[3]!;
    assert.deepEqual(goal.rule, { kind: 'tiers', tiers: [{ when: [{ target: 'henvisninger-benyttet', comparison: '>', threshold: '47,5' }], percent: '100' }] });
  });

  it('refuses threshold "abc" with a Danish error naming the field and the value, and saves nothing', async () => {
    const slug = 'nordjylland-2023';
    const before = await row(slug);
    const response = await kkr.post(goalEditPath(slug, 5), await goalForm(slug, 5, { 'targets.1.threshold': 'abc', title: 'Ændret titel' }));
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /Målepunkt 2 \(Kendskab til de grønne tilbud[^)]*\), tærskel: &quot;abc&quot; er ikke et eksakt decimaltal/);
    assert.match(html, /href="#targets\.1\.threshold"/, 'the error summary links to the field');
    assert.match(html, /value="abc"/, 'what was typed is kept');
    assert.match(html, /value="Ændret titel"/);
    const after = await row(slug);
    assert.equal(after.revision, before.revision);
    assert.deepEqual(after.document, before.document);
  });

  it('refuses a save made on a stale revision with the conflict message', async () => {
    const slug = 'nordjylland-2023';
    const form = await goalForm(slug, 5, { title: 'Gemt oven i en andens ændring' });
    await kkr.post(goalEditPath(slug, 5), await goalForm(slug, 5, { method: 'KKR-sekretariatet følger op.' })); // someone else saves first
    const response = await manager.post(goalEditPath(slug, 5), form);
    assert.equal(response.status, 409);
    assert.match(await response.text(), /Kontrakten er ændret af en anden, siden du åbnede den/);
    assert.equal((await documentOf(slug)).goals[4]!.title, 'Grøn omstilling og kendskab');
    const stale = await manager.post(activity5(2), { revision: '1', status: 'notDone' });
    assert.equal(stale.status, 409);
  });

  it('adds and removes activities of goal 8, but never all of them; corrections stay as they are', async () => {
    const slug = 'nordjylland-2022';
    const correctionsBefore = (await documentOf(slug)).goals.find((g) => g.number === 9)!.corrections;
    let response = await manager.post(goalEditPath(slug, 8), await goalForm(slug, 8, { 'targets.0.newActivity': 'Opfølgning på Nordjysk Strategi' }));
    assert.equal(response.status, 303, await response.text());
    const added = (await documentOf(slug)).goals.find((g) => g.number === 8)!.targets[0]!;
    assert.ok(added.kind === 'activities');
    assert.deepEqual(added.activities.at(-1), { id: 'indsatser-4', name: 'Opfølgning på Nordjysk Strategi', status: 'notStarted', evidence: [] });
    response = await manager.post(goalEditPath(slug, 8), await goalForm(slug, 8, { 'targets.0.removeActivities': 'indsatser-4' }));
    assert.equal(response.status, 303);
    assert.equal(((await documentOf(slug)).goals.find((g) => g.number === 8)!.targets[0] as typeof added).activities.length, 3);
    response = await manager.post(goalEditPath(slug, 8), await goalForm(slug, 8, { 'targets.0.removeActivities': ['indsatser-1', 'indsatser-2', 'indsatser-3'] }));
    assert.equal(response.status, 422);
    assert.match(await response.text(), /skal have mindst én indsats/);
    await manager.post(goalEditPath(slug, 9), await goalForm(slug, 9, { title: 'Styrket regionalt samarbejde (rettet)' }));
    const goal9 = (await documentOf(slug)).goals.find((g) => g.number === 9)!;
    assert.equal(goal9.title, 'Styrket regionalt samarbejde (rettet)');
    assert.deepEqual(goal9.corrections, correctionsBefore);
  });

  it('copies Nordjylland 2023 to 2025 as a draft: activities reset, external figures cleared', async () => {
    const response = await manager.post('/kontrakter/nordjylland-2023/kopi', { year: '2025' });
    assert.equal(response.status, 303, await response.text());
    const [, id] = /^\/kontrakter\/([0-9a-f-]{36})\?besked=kopi$/.exec(response.headers.get('location') ?? '') ?? [];
    const copy = await t.database.db.selectFrom('contracts').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
    assert.equal(copy.year, 2025);
    assert.equal(copy.status, 'draft');
    assert.equal(copy.origin, 'copy');
    assert.equal(copy.copied_from, (await row('nordjylland-2023')).id);
    const document = copy.document as ContractInput;
    const goal5 = document.goals.find((g) => g.number === 5)!;
    assert.equal(goal5.title, 'Grøn omstilling og kendskab', 'the edited goal is what is copied');
    for (const target of document.goals.flatMap((g) => g.targets)) {
      if (target.kind === 'activities') for (const a of target.activities) assert.ok(a.status === undefined && a.evidence === undefined && a.note === undefined, `${target.id}/${a.id} is reset`);
      if (target.kind === 'external') assert.equal(target.recorded, undefined, `${target.id} is cleared`);
    }
    assert.equal((await getContract(t.database.db, system, id!)).contract.status, 'draft');
  });

  it('refuses a copy to a year the hub already has, and a year that is not a year', async () => {
    let response = await manager.post('/kontrakter/nordjylland-2023/kopi', { year: '2024' });
    assert.equal(response.status, 409);
    assert.match(await response.text(), /Erhvervshus Nordjylland har allerede en resultatkontrakt for 2024/);
    response = await manager.post('/kontrakter/nordjylland-2023/kopi', { year: 'næste år' });
    assert.equal(response.status, 422);
    assert.match(await response.text(), /År: &quot;næste år&quot; er ikke et årstal/);
  });

  it('moves the status one step: signed → draft refused, a draft without base grant refused, draft → agreed', async () => {
    let response = await kkr.post('/kontrakter/nordjylland-2023/status', { revision: await revisionOf('nordjylland-2023'), status: 'draft' });
    assert.equal(response.status, 422);
    assert.match(await response.text(), /kan ikke skifte status fra &quot;underskrevet&quot; til &quot;udkast&quot;/);
    assert.equal((await row('nordjylland-2023')).status, 'signed');

    const draft = await getContract(t.database.db, system, 'nordjylland-2025');
    response = await kkr.post('/kontrakter/nordjylland-2025/status', { revision: String(draft.row.revision), status: 'agreed' });
    assert.equal(response.status, 422);
    assert.match(await response.text(), /Status kan ikke sættes til &quot;aftalt&quot;: basisbevillingen skal angives/);

    // The base grant is agreed with the contract (recorded here through the service).
    await saveContractDocument(t.database.db, system, draft, { ...draft.document, baseGrant: { amount: '17645000', distributionKey: 'Befolkningstal 1. januar 2024' } }, systemClock);
    response = await kkr.post('/kontrakter/nordjylland-2025/status', { revision: String(draft.row.revision), status: 'agreed' });
    assert.equal(response.status, 409, 'the form of before the base grant is stale');
    response = await kkr.post('/kontrakter/nordjylland-2025/status', { revision: await revisionOf('nordjylland-2025'), status: 'agreed' });
    assert.equal(response.status, 303, await response.text());
    assert.match(response.headers.get('location') ?? '', /besked=status$/);
    assert.equal((await row('nordjylland-2025')).status, 'agreed');
  });

  it('audits every change with who did it and the document before and after', async () => {
    const types = await auditTypes();
    for (const type of ['contract-goal', 'contract-activity', 'contract-external', 'contractFile', 'contract-status', 'contract']) assert.ok(types.has(type), type);
    const goalEdit = await t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'contract-goal').where('entity_id', '=', (await row('nordjylland-2023')).id).orderBy('id').executeTakeFirstOrThrow();
    assert.equal(goalEdit.action, 'update');
    assert.ok(goalEdit.actor_user_id, 'a user did it');
    const threshold = (document: unknown) => ((document as ContractInput).goals[4]!.targets[1] as { threshold: unknown }).threshold;
    assert.equal(threshold(goalEdit.before), '74');
    assert.equal(threshold(goalEdit.after), '47,5');
  });
});

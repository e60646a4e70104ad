// Evidence files of result contracts: the type judged by content (PDF, DOCX, XLSX, PNG, JPEG), at most
// 10 MB, stored under DATA_DIR/contract-files with a row in contract_files and an audit entry, and
// served as a download with safe headers only to those who may read the contract.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation } from '../../../test/helpers/factories.ts';
import type { Role } from '../../domain/actor.ts';
import type { ContractInput } from '../../domain/contracts/contracts.ts';
import { activityEditPath, externalEditPath } from './contract-editing.schema.ts';
import { MAX_CONTRACT_FILE_BYTES, sniffContractFileType } from './contract-files.service.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../../test/fixtures/referrals', name)));
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

describe('contract files: the type by content', () => {
  it('knows PDF, DOCX, XLSX, PNG and JPEG by their bytes, and nothing else', () => {
    assert.equal(sniffContractFileType(fixture('screening.pdf')), 'pdf');
    assert.equal(sniffContractFileType(fixture('screening.docx')), 'docx');
    assert.equal(sniffContractFileType(fixture('screening.xlsx')), 'xlsx');
    assert.equal(sniffContractFileType(png), 'png');
    assert.equal(sniffContractFileType(jpeg), 'jpeg');
    assert.equal(sniffContractFileType(fixture('screening.csv')), null, 'text is not evidence file type');
    assert.equal(sniffContractFileType(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03])), null, 'a Windows program');
    assert.equal(sniffContractFileType(new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0x3e])), null, 'an SVG image');
  });
});

describe('contract files through HTTP', () => {
  let t: TestApp;
  let manager: TestClient;
  let reader: TestClient; // an adviser in Nordjylland: reads the contract, may not edit it
  let otherRegion: TestClient;
  const slug = 'nordjylland-2023';
  const activity = activityEditPath(slug, 8, 'indsatser', 'indsatser-2');
  const external = externalEditPath(slug, 1, 'kendskab');

  const client = async (organisationId: string, roles: Role[]) => (await t.signedIn(organisationId, roles)).client;
  const revision = async () => String((await t.database.db.selectFrom('contracts').select('revision').where('slug', '=', slug).executeTakeFirstOrThrow()).revision);
  const documentOf = async () => (await t.database.db.selectFrom('contracts').select('document').where('slug', '=', slug).executeTakeFirstOrThrow()).document as ContractInput;
  const upload = async (path: string, fields: Record<string, string>, field: string, name: string, bytes: Uint8Array, csrf = true) => {
    const form = new FormData();
    if (csrf) form.append('_csrf', manager.cookies.get('kp_csrf') ?? '');
    form.append('revision', await revision());
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append(field, new File([new Uint8Array(bytes)], name));
    return manager.request(path, { method: 'POST', body: form });
  };
  const fileCount = async () => (await t.database.db.selectFrom('contract_files').select('id').execute()).length;
  const stored = () => (existsSync(join(t.config.dataDir, 'contract-files')) ? readdirSync(join(t.config.dataDir, 'contract-files')).length : 0);

  before(async () => {
    t = await createTestApp();
    const hub = await makeOrganisation(t.database.db, { kind: 'hub', businessHubId: 'nordjylland' });
    const midt = await makeOrganisation(t.database.db, { kind: 'hub', businessHubId: 'midtjylland' });
    manager = await client(hub.id, ['manager']);
    reader = await client(hub.id, ['adviser']);
    otherRegion = await client(midt.id, ['manager', 'admin']);
  });
  after(async () => t.close());

  it('refuses a file without CSRF, wrong types, a renamed file, an empty and a too large file — naming the file', async () => {
    assert.equal((await upload(activity, { status: 'done', evidenceKind: 'file' }, 'evidenceFile', 'bilag.pdf', fixture('screening.pdf'), false)).status, 403);
    const oversized = new Uint8Array(MAX_CONTRACT_FILE_BYTES + 1);
    oversized.set(fixture('screening.pdf'));
    const cases: [string, Uint8Array, RegExp][] = [
      ['program.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), /Indholdet af &quot;program\.pdf&quot; er ikke en PDF-fil/],
      ['rapport.pdf', fixture('screening.docx'), /ligner en DOCX-fil/],
      ['noter.csv', fixture('screening.csv'), /filtypen &quot;csv&quot; kan ikke vedhæftes/],
      ['tom.pdf', new Uint8Array(), /Filen &quot;tom\.pdf&quot; er tom/],
      ['stor.pdf', oversized, /fylder 10,0 MB – højst 10 MB/],
    ];
    for (const [name, bytes, message] of cases) {
      const response = await upload(activity, { status: 'done', evidenceKind: 'file' }, 'evidenceFile', name, bytes);
      assert.equal(response.status, 422, name);
      assert.match(await response.text(), message, name);
    }
    const textWithFile = await upload(activity, { status: 'done', evidenceKind: 'text', evidenceValue: 'Referat' }, 'evidenceFile', 'bilag.pdf', fixture('screening.pdf'));
    assert.equal(textWithFile.status, 422);
    assert.match(await textWithFile.text(), /En fil kan kun vedhæftes som dokumentation af typen &quot;Fil&quot;/);
    assert.equal(await fileCount(), 0, 'nothing was stored');
    assert.equal(stored(), 0);
  });

  it('leaves no file behind when the save is refused (stale revision)', async () => {
    const form = new FormData();
    form.append('_csrf', manager.cookies.get('kp_csrf') ?? '');
    form.append('revision', '1');
    form.append('status', 'done');
    form.append('evidenceKind', 'file');
    form.append('evidenceFile', new File([fixture('screening.pdf')], 'bilag.pdf'));
    await t.database.db.updateTable('contracts').set((eb) => ({ revision: eb('revision', '+', 1) })).where('slug', '=', slug).execute();
    const response = await manager.request(activity, { method: 'POST', body: form });
    assert.equal(response.status, 409);
    assert.equal(await fileCount(), 0);
    assert.equal(stored(), 0);
  });

  it('stores an evidence file with its metadata, outside the web root, readable only by the server, and audits it', async () => {
    const bytes = fixture('screening.xlsx');
    const response = await upload(activity, { status: 'inProgress', evidenceKind: 'file', evidenceLabel: 'Ansøgninger til puljerne' }, 'evidenceFile', 'Puljer 2023.xlsx', bytes);
    assert.equal(response.status, 303, await response.text());
    const row = await t.database.db.selectFrom('contract_files').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.original_name, 'Puljer 2023.xlsx');
    assert.equal(row.media_type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(row.size_bytes, bytes.length);
    assert.equal(row.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.match(row.storage_id, /^[0-9a-f]{32}$/);
    const path = join(t.config.dataDir, 'contract-files', row.storage_id);
    assert.deepEqual(new Uint8Array(readFileSync(path)), bytes);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const target = (await documentOf()).goals[7]!.targets[0]!;
    assert.deepEqual(target.kind === 'activities' ? target.activities[1]?.evidence : null, [{ kind: 'file', value: row.id, label: 'Ansøgninger til puljerne' }]);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'contractFile').where('entity_id', '=', row.id).executeTakeFirstOrThrow();
    assert.equal(audit.action, 'create');
  });

  it('records an external figure with an uploaded document: the file id is the document, kept on a later save', async () => {
    let response = await upload(external, { value: '41,5', source: 'ERST kendskabsmåling', date: '2023-10-15' }, 'documentFile', 'kendskab.png', png);
    assert.equal(response.status, 303, await response.text());
    const file = await t.database.db.selectFrom('contract_files').selectAll().where('original_name', '=', 'kendskab.png').executeTakeFirstOrThrow();
    assert.equal(file.media_type, 'image/png');
    const recorded = () => documentOf().then((d) => (d.goals[0]!.targets[0] as { recorded?: Record<string, unknown> }).recorded);
    assert.deepEqual(await recorded(), { value: '41,5', source: 'ERST kendskabsmåling', date: '2023-10-15', document: file.id });
    const form = await (await manager.get(external)).text();
    assert.match(form, /Behold kendskab\.png/);
    // Saving again with the box ticked keeps the file; both a reference and a file is refused.
    response = await manager.post(external, { revision: await revision(), value: '42', source: 'ERST kendskabsmåling', date: '2023-10-15', keepDocumentFile: file.id });
    assert.equal(response.status, 303);
    assert.equal((await recorded())?.document, file.id);
    response = await upload(external, { value: '42', source: 'ERST', date: '2023-10-15', document: 'Rapport s. 4' }, 'documentFile', 'k.jpg', jpeg);
    assert.equal(response.status, 422);
    assert.match(await response.text(), /angiv enten en henvisning \(&quot;Rapport s\. 4&quot;\) eller en fil/);
  });

  it('serves a file as an attachment with its type and nosniff to readers of the contract, 404 to another region', async () => {
    const row = await t.database.db.selectFrom('contract_files').selectAll().where('original_name', '=', 'Puljer 2023.xlsx').executeTakeFirstOrThrow();
    for (const [c, who] of [[manager, 'manager'], [reader, 'adviser in the region']] as const) {
      const response = await c.get(`/kontrakter/filer/${row.id}`);
      assert.equal(response.status, 200, who);
      assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('content-disposition'), `attachment; filename="Puljer 2023.xlsx"; filename*=UTF-8''Puljer%202023.xlsx`);
      assert.deepEqual(new Uint8Array(await response.arrayBuffer()), fixture('screening.xlsx'));
    }
    assert.equal((await otherRegion.get(`/kontrakter/filer/${row.id}`)).status, 404, 'another region, even its admin');
    assert.equal((await manager.get('/kontrakter/filer/00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await manager.get('/kontrakter/filer/..%2F..%2Fetc%2Fpasswd')).status, 404);
    const anonymous = await t.client().get(`/kontrakter/filer/${row.id}`);
    assert.ok([302, 303].includes(anonymous.status), String(anonymous.status));
    assert.match(anonymous.headers.get('location') ?? '', /log-ind/);
  });
});

// Screening leads: the file on the referral form (multipart with _csrf), checked by its first bytes and
// size, stored under DATA_DIR/referral-files with its metadata, and served as a download only to those
// who see the referral's details (sender, receiver, the region's admins) with safe headers.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation } from '../../../test/helpers/factories.ts';
import { MAX_SCREENING_BYTES, sniffScreeningType } from './referral-files.service.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../../test/fixtures/referrals', name)));

describe('screening files: sniffing the type by content', () => {
  it('knows PDF, DOCX, XLSX and UTF-8 CSV by their bytes, and nothing else', () => {
    assert.equal(sniffScreeningType(fixture('screening.pdf')), 'pdf');
    assert.equal(sniffScreeningType(fixture('screening.docx')), 'docx');
    assert.equal(sniffScreeningType(fixture('screening.xlsx')), 'xlsx');
    assert.equal(sniffScreeningType(fixture('screening.csv')), 'csv');
    assert.equal(sniffScreeningType(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03])), null, 'a Windows program');
    assert.equal(sniffScreeningType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])), null, 'a ZIP that is not an Office document');
    assert.equal(sniffScreeningType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), null, 'a PNG image');
    assert.equal(sniffScreeningType(new Uint8Array([0x61, 0x3b, 0xff, 0xfe, 0x0a])), null, 'not UTF-8');
  });
});

describe('screening files through HTTP', () => {
  let t: TestApp;
  let sender: TestClient;
  let receiver: TestClient;
  let third: TestClient;
  let regionAdmin: TestClient;
  let otherRegion: TestClient;
  let receiverId: string;
  let companyId: string;
  let leadId: string;

  const client = async (organisationId: string, roles: ('adviser' | 'admin')[] = ['adviser']) => (await t.signedIn(organisationId, roles)).client;
  /** The referral form as a browser sends it: multipart, with the CSRF token unless told otherwise. */
  const postForm = async (c: TestClient, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }, csrf = true) => {
    const form = new FormData();
    if (csrf) form.append('_csrf', c.cookies.get('kp_csrf') ?? '');
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    if (file) form.append('screening', new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? 'application/octet-stream' }));
    return c.request(`/virksomheder/${companyId}/henvisninger`, { method: 'POST', body: form });
  };
  const referralCount = async () => (await t.database.db.selectFrom('referrals').select('id').execute()).length;

  before(async () => {
    t = await createTestApp();
    const hub = await makeOrganisation(t.database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' });
    receiverId = (await makeOrganisation(t.database.db, { name: 'Erhvervsservice Læsø', kind: 'localOffice', municipalityCode: '825', businessHubId: null })).id;
    const aalborg = await makeOrganisation(t.database.db, { name: 'Erhvervsservice Aalborg', kind: 'localOffice', municipalityCode: '851', businessHubId: null });
    const midt = await makeOrganisation(t.database.db, { name: 'Erhvervshus Midtjylland', kind: 'hub', businessHubId: 'midtjylland' });
    sender = await client(hub.id);
    receiver = await client(receiverId);
    third = await client(aalborg.id);
    regionAdmin = await client(aalborg.id, ['admin']);
    otherRegion = await client(midt.id);
    const created = await sender.post('/virksomheder', { name: 'Læsø Saltsyderi I/S', cvr: '40381279', municipalityCode: '825' });
    companyId = created.headers.get('location')!.split('/')[2]!.split('?')[0]!;
  });
  after(async () => t.close());

  it('offers the kind and a file input on a multipart form', async () => {
    const html = await (await sender.get(`/virksomheder/${companyId}/henvisninger/ny`)).text();
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /<input type="file" id="screening" name="screening"/);
    assert.match(html, /<option value="lead">Lead/);
  });

  it('refuses the multipart form without CSRF', async () => {
    const response = await postForm(sender, { toOrganisationId: receiverId, theme: 'Screening', kind: 'lead' }, { name: 'screening.pdf', bytes: fixture('screening.pdf') }, false);
    assert.equal(response.status, 403);
    assert.equal(await referralCount(), 0);
  });

  it('refuses wrong types, a renamed file, empty and too large files, and a file on a plain referral — naming the file', async () => {
    const oversized = new Uint8Array(MAX_SCREENING_BYTES + 1);
    oversized.set(fixture('screening.pdf'));
    const cases: [string, { name: string; bytes: Uint8Array }, string, RegExp][] = [
      ['lead', { name: 'program.pdf', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]) }, 'exe renamed', /Indholdet af &quot;program\.pdf&quot; er ikke en PDF-fil/],
      ['lead', { name: 'rapport.pdf', bytes: fixture('screening.docx') }, 'docx renamed', /ligner en DOCX-fil/],
      ['lead', { name: 'noter.txt', bytes: fixture('screening.csv') }, 'wrong extension', /filtypen &quot;txt&quot; kan ikke vedhæftes/],
      ['lead', { name: 'tom.csv', bytes: new Uint8Array() }, 'empty', /Screeningsfilen &quot;tom\.csv&quot; er tom/],
      ['lead', { name: 'stor.pdf', bytes: oversized }, 'too large', /fylder 10,0 MB – højst 10 MB/],
      ['referral', { name: 'screening.pdf', bytes: fixture('screening.pdf') }, 'not a lead', /En screening kan kun vedhæftes et lead/],
    ];
    for (const [kind, file, label, message] of cases) {
      const response = await postForm(sender, { toOrganisationId: receiverId, theme: 'Bæredygtighed', kind }, file);
      assert.equal(response.status, 422, label);
      assert.match(await response.text(), message, label);
    }
    assert.equal(await referralCount(), 0, 'nothing was saved');
    assert.equal((await t.database.db.selectFrom('referral_files').select('id').execute()).length, 0);
  });

  it('stores the screening of a lead with its metadata, outside the web root, readable only by the server', async () => {
    const bytes = fixture('screening.pdf');
    const response = await postForm(sender, { toOrganisationId: receiverId, theme: 'Bæredygtighedsscreening 2026', kind: 'lead' }, { name: 'Screening Læsø Saltsyderi.pdf', bytes, type: 'application/pdf' });
    assert.equal(response.status, 303, await response.text());
    leadId = response.headers.get('location')!.split('?')[0]!.split('/')[2]!;
    const row = await t.database.db.selectFrom('referral_files').selectAll().where('referral_id', '=', leadId).executeTakeFirstOrThrow();
    assert.equal(row.original_name, 'Screening Læsø Saltsyderi.pdf');
    assert.equal(row.media_type, 'application/pdf');
    assert.equal(row.size_bytes, bytes.length);
    assert.equal(row.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.match(row.storage_id, /^[0-9a-f]{32}$/);
    const path = join(t.config.dataDir, 'referral-files', row.storage_id);
    assert.deepEqual(new Uint8Array(readFileSync(path)), bytes);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal((await t.database.db.selectFrom('referrals').select('kind').where('id', '=', leadId).executeTakeFirstOrThrow()).kind, 'lead');
    const page = await (await sender.get(`/henvisninger/${leadId}`)).text();
    assert.match(page, new RegExp(`href="/henvisninger/${leadId}/screening"`));
  });

  it('serves it as an attachment with the stored type and nosniff to the sender, the receiver and the region’s admins', async () => {
    for (const [c, who] of [[sender, 'sender'], [receiver, 'receiver'], [regionAdmin, 'region admin']] as const) {
      const response = await c.get(`/henvisninger/${leadId}/screening`);
      assert.equal(response.status, 200, who);
      assert.equal(response.headers.get('content-type'), 'application/pdf');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('content-disposition'), `attachment; filename="Screening Laesoe Saltsyderi.pdf"; filename*=UTF-8''Screening%20L%C3%A6s%C3%B8%20Saltsyderi.pdf`);
      assert.deepEqual(new Uint8Array(await response.arrayBuffer()), fixture('screening.pdf'), who);
    }
  });

  it('hides it from a third organisation in the region, another region and the anonymous', async () => {
    assert.equal((await third.get(`/henvisninger/${leadId}`)).status, 200, 'the referral itself is seen in the region');
    assert.doesNotMatch(await (await third.get(`/henvisninger/${leadId}`)).text(), /screening"/);
    assert.equal((await third.get(`/henvisninger/${leadId}/screening`)).status, 404);
    assert.equal((await otherRegion.get(`/henvisninger/${leadId}/screening`)).status, 404);
    const anonymous = await t.client().get(`/henvisninger/${leadId}/screening`);
    assert.ok([302, 303].includes(anonymous.status), String(anonymous.status));
    assert.match(anonymous.headers.get('location') ?? '', /log-ind/);
  });

  it('accepts DOCX, XLSX and CSV screenings too', async () => {
    for (const [name, type] of [
      ['screening.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['screening.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['screening.csv', 'text/csv'],
    ] as const) {
      const response = await postForm(sender, { toOrganisationId: receiverId, theme: `Screening ${name}`, kind: 'lead' }, { name, bytes: fixture(name) });
      assert.equal(response.status, 303, name);
      const id = response.headers.get('location')!.split('?')[0]!.split('/')[2]!;
      const download = await receiver.get(`/henvisninger/${id}/screening`);
      assert.equal(download.headers.get('content-type'), type);
    }
  });
});

// Outreach lists leave advertising-protected companies out (02-crm.md, "reklamebeskyttet"), stream a
// whole search in name order, and are only for those who do outreach.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { findUserById } from '../users/users.repository.ts';
import { createCompany } from './companies.service.ts';
import { outreachCompanyBatches } from './companies.repository.ts';
import { companySearchQuery } from './companies.schema.ts';
import { outreachList } from './outreach.service.ts';

describe('outreach lists', () => {
  let t: TestApp;
  let adviser: UserActor;
  let viewer: UserActor;
  let browser: TestClient;
  before(async () => {
    t = await createTestApp();
    const office = await makeOrganisation(t.database.db, { kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    const actorOf = async (roles: ('adviser' | 'viewer')[]) => {
      const user = await makeUser(t.database.db, { roles, organisationId: office.id });
      return { user, actor: actorFromUser((await findUserById(t.database.db, user.id))!) };
    };
    const made = await actorOf(['adviser']);
    adviser = made.actor;
    viewer = (await actorOf(['viewer'])).actor;
    for (const [name, advertisingProtected] of [
      ['Læsø Salt ApS', false],
      ['Læsø Tang I/S', true],
      ['Læsø Kur A/S', false],
      ['=Læsø Formel', false],
    ] as const) {
      await createCompany(t.database.db, adviser, { name, municipalityCode: '825', advertisingProtected });
    }
    browser = t.client();
    await browser.login(made.user.email);
  });
  after(async () => t.close());

  const names = async (list: AsyncGenerator<{ name: string }[]>) => {
    const all: string[] = [];
    for await (const batch of list) all.push(...batch.map((c) => c.name));
    return all;
  };

  it('leaves advertising-protected companies out, says how many, and records the list in the audit log', async () => {
    const list = await outreachList(t.database.db, adviser, { q: 'læsø', kommune: '825' });
    assert.equal(list.leftOut, 1);
    assert.deepEqual(await names(list.batches), ['=Læsø Formel', 'Læsø Kur A/S', 'Læsø Salt ApS']);
    const audit = await t.database.db.selectFrom('audit_log').select('after').where('entity_type', '=', 'outreachList').execute();
    assert.deepEqual(audit.map((a) => a.after), [{ filters: { q: 'læsø', kommune: '825' }, leftOutAdvertisingProtected: 1 }]);
  });

  it('streams a search in name order across batches, each company once', async () => {
    const streamed = await names(outreachCompanyBatches(t.database.db, { regionCode: adviser.regionCode }, companySearchQuery.parse({ kommune: '825' }), 2));
    assert.deepEqual(streamed, ['=Læsø Formel', 'Læsø Kur A/S', 'Læsø Salt ApS']);
  });

  it('is refused to a viewer, and names an invalid filter', async () => {
    await assert.rejects(outreachList(t.database.db, viewer, {}), (e: AppError) => e.code === 'forbidden');
    await assert.rejects(outreachList(t.database.db, adviser, { kommune: 'Læsø' }), (e: AppError) => e.fields[0]?.field === 'kommune');
  });

  it('is offered on the search page with the current filters, and downloads as a Danish CSV file', async () => {
    const page = await (await browser.get('/virksomheder?q=l%C3%A6s%C3%B8&kommune=825&side=1')).text();
    assert.match(page, /href="\/virksomheder\/opsoegende-liste\.csv\?q=l%C3%A6s%C3%B8&amp;kommune=825"/);
    assert.match(page, /Reklamebeskyttede virksomheder kommer ikke med på listen\./);
    const response = await browser.get('/virksomheder/opsoegende-liste.csv?q=l%C3%A6s%C3%B8&kommune=825');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="opsoegende-liste-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so Danish Excel reads UTF-8');
    const text = bytes.toString('utf8');
    assert.ok(text.startsWith('\uFEFFCVR-nummer;Navn;'), 'a semicolon header');
    assert.doesNotMatch(text, /Tang/);
    assert.match(text, /;'=Læsø Formel;/, 'a name that looks like a formula is defused');
    assert.equal(text.trimEnd().split('\r\n').length, 4);
  });
});

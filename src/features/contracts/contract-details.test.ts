// A result contract's details through HTTP (issue 7): the base grant recorded on the shipped 2024 draft
// so it can move on to "agreed", amounts in Danish kroner notation read exactly (and anything ambiguous
// refused by name), signatories and dates recorded, only for editors, a conflict on a stale revision,
// and an audit entry with the document before and after.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { baseGrantKey } from '../../../test/helpers/economy.ts';
import { makeOrganisation } from '../../../test/helpers/factories.ts';
import { systemActor, type Role } from '../../domain/actor.ts';
import { ManualClock } from '../../domain/clock.ts';
import type { ContractInput } from '../../domain/contracts/contracts.ts';
import { linkBaseGrant } from '../base-grants/base-grants.service.ts';
import { detailsEditPath, readKroner } from './contract-details.schema.ts';
import { detailsFormValues } from './contract-details.views.tsx';

const draftSlug = 'nordjylland-2024-udkast';
const details = detailsEditPath(draftSlug);

describe('reading an amount in kroner', () => {
  const cases: [string, string | null][] = [
    ['17.645.000', '17645000'],
    ['17645000', '17645000'],
    ['17645000,50', '17645000.5'],
    ['17.645.000,5 kr.', '17645000.5'],
    [' 16.500.000 kr ', '16500000'],
    ['17,645 mio', null],
    ['17,645', null],
    ['17,645,000', null],
    ['17.5', null],
    ['1.2345', null],
    ['17645000,123', null],
    ['-17645000', null],
    ['0', null],
    ['', null],
  ];
  for (const [written, expected] of cases) {
    it(`reads ${JSON.stringify(written)} as ${expected ?? 'refused'}`, () => {
      const read = readKroner(written);
      if (expected === null) assert.equal(read.ok, false);
      else assert.equal(read.ok ? read.value.toDecimalString() : read.message, expected);
    });
  }
});

describe('editing a result contract’s details through HTTP', () => {
  let t: TestApp;
  let manager: TestClient; // a manager of Erhvervshus Nordjylland
  let kkr: TestClient; // the KKR Nordjylland secretariat
  let adviser: TestClient;
  let otherRegion: TestClient; // the KKR Midtjylland secretariat

  const client = async (organisationId: string, roles: Role[]) => (await t.signedIn(organisationId, roles)).client;
  const row = (slug: string) => t.database.db.selectFrom('contracts').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  const documentOf = async (slug: string) => (await row(slug)).document as ContractInput;
  /** The details form as the page fills it, with changes. */
  const form = async (slug: string, changes: Record<string, string> = {}) => {
    const stored = await row(slug);
    const values = detailsFormValues(stored.document as ContractInput, stored.revision);
    return { ...(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, string>), ...changes };
  };

  before(async () => {
    t = await createTestApp();
    const hub = await makeOrganisation(t.database.db, { kind: 'hub', businessHubId: 'nordjylland' });
    const secretariat = await makeOrganisation(t.database.db, { kind: 'kkrSecretariat', kkrId: 'kkr-nordjylland', businessHubId: null });
    const midt = await makeOrganisation(t.database.db, { kind: 'kkrSecretariat', kkrId: 'kkr-midtjylland', businessHubId: null });
    manager = await client(hub.id, ['manager', 'adviser']);
    kkr = await client(secretariat.id, ['kkr']);
    adviser = await client(hub.id, ['adviser']);
    otherRegion = await client(midt.id, ['kkr']);
  });
  after(async () => t.close());

  it('lets only editors in: an adviser gets 403, another region 404, and nothing is saved', async () => {
    const revision = String((await row(draftSlug)).revision);
    assert.equal((await adviser.get(details)).status, 403);
    assert.equal((await adviser.post(details, await form(draftSlug, { title: 'Af en rådgiver' }))).status, 403);
    assert.equal((await otherRegion.get(details)).status, 404);
    assert.equal((await otherRegion.post(details, await form(draftSlug, { title: 'Fra Midtjylland' }))).status, 404);
    assert.equal((await manager.get(details)).status, 200);
    assert.equal(String((await row(draftSlug)).revision), revision);
  });

  it('links the form from the dashboard and shows the stored values with a CSRF token and the revision', async () => {
    const stored = await row(draftSlug);
    const dashboard = await (await kkr.get(`/kontrakter/${stored.id}`)).text();
    assert.match(dashboard, new RegExp(`<a href="/kontrakter/${stored.id}/oplysninger">Redigér kontraktens oplysninger</a>`));
    const html = await (await kkr.get(details)).text();
    assert.match(html, /<h1>Redigér kontraktens oplysninger<\/h1>/);
    assert.match(html, /name="_csrf"/);
    assert.match(html, new RegExp(`name="revision" value="${stored.revision}"`));
    assert.match(html, /<legend class="h3">Formand for KKR Nordjylland<\/legend>/);
    assert.match(html, /id="followUp\.year" name="followUp\.year" class="form-input input-width-xs" value="2025"/);
  });

  it('offers the base grant linked in the allocations feature for the hub and year as a hint', async () => {
    const version = await baseGrantKey(t.database.db, { name: 'Basisbevilling 2024, Erhvervshus Nordjylland' });
    const grant = await linkBaseGrant(t.database.db, new ManualClock('2023-11-15T09:00:00Z'), systemActor('Test'), { allocationVersionId: version.id, businessHubId: 'nordjylland', year: 2024 });
    const html = await (await kkr.get(details)).text();
    assert.match(html, /Basisbevillingen 2024 for erhvervshuset er fordelt i Knudepunkt: i alt 17\.645\.000 kr\./);
    assert.match(html, new RegExp(`href="/oekonomi/basisbevillinger/${grant.id}"`));
  });

  it('refuses amount "17,645 mio" with a Danish error naming it, keeps what was typed and saves nothing', async () => {
    const before = await row(draftSlug);
    const response = await kkr.post(details, await form(draftSlug, { 'baseGrant.amount': '17,645 mio', 'baseGrant.distributionKey': 'Folketal 1. kvartal 2023', title: 'Ændret titel' }));
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /Basisbevilling \(kr\.\): &quot;17,645 mio&quot; er ikke et entydigt beløb i kroner/);
    assert.match(html, /href="#baseGrant\.amount"/, 'the error summary links to the field');
    assert.match(html, /value="17,645 mio"/);
    assert.match(html, /value="Ændret titel"/);
    const after = await row(draftSlug);
    assert.equal(after.revision, before.revision);
    assert.deepEqual(after.document, before.document);
  });

  it('refuses an amount without a distribution key, and a date and quarter that are not', async () => {
    const response = await kkr.post(details, await form(draftSlug, { 'baseGrant.amount': '17.645.000', 'dates.agreedOn': '31-02-2024', 'followUp.quarter': '5' }));
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /Fordelingsnøgle skal udfyldes, når basisbevillingen har et beløb/);
    assert.match(html, /Aftalt den: &quot;31-02-2024&quot; er ikke en gyldig dato/);
    assert.match(html, /Opfølgningskvartal: &quot;5&quot; er ikke et kvartal/);
  });

  it('records the base grant, signatories and dates on the 2024 draft, which can then be agreed', async () => {
    let response = await kkr.post(
      details,
      await form(draftSlug, {
        'baseGrant.amount': '17.645.000',
        'baseGrant.distributionKey': 'Folketal 1. kvartal 2023 efter bopælskommune',
        'signatories.0.name': 'Mogens Gade',
        'signatories.0.signedOn': '15-03-2024',
        'signatories.1.name': 'Anne Jensen',
        'dates.agreedOn': '2024-03-01',
        'dates.sentToKlAndErstOn': '20.03.2024',
        note: 'Basisbevillingen er aftalt på KKR-mødet.',
      }),
    );
    assert.equal(response.status, 303, await response.text());
    assert.match(response.headers.get('location') ?? '', /^\/kontrakter\/[0-9a-f-]{36}\?besked=gemt$/);
    const document = await documentOf(draftSlug);
    assert.deepEqual(document.baseGrant, { amount: '17645000', distributionKey: 'Folketal 1. kvartal 2023 efter bopælskommune' });
    assert.deepEqual(document.signatories, [
      { party: 'kkr', title: 'Formand for KKR Nordjylland', name: 'Mogens Gade', signedOn: '2024-03-15' },
      { party: 'hub', title: 'Bestyrelsesformand for Erhvervshus Nordjylland', name: 'Anne Jensen' },
    ]);
    assert.deepEqual(document.dates, { effectiveFrom: '2024-01-01', agreedOn: '2024-03-01', sentToKlAndErstOn: '2024-03-20' });
    assert.equal(document.note, 'Basisbevillingen er aftalt på KKR-mødet.');
    assert.equal(document.goals.length, 4, 'the goals are untouched');
    assert.match(await (await kkr.get(details)).text(), /value="17\.645\.000"/, 'the amount is shown in Danish notation');

    response = await kkr.post('/kontrakter/nordjylland-2024-udkast/status', { revision: String((await row(draftSlug)).revision), status: 'agreed' });
    assert.equal(response.status, 303, await response.text());
    assert.equal((await row(draftSlug)).status, 'agreed');
  });

  it('refuses to clear the base grant once the contract is agreed, with the schema’s message', async () => {
    const response = await manager.post(details, await form(draftSlug, { 'baseGrant.amount': '', 'baseGrant.distributionKey': '', 'baseGrant.note': '' }));
    assert.equal(response.status, 422);
    assert.match(await response.text(), /Basisbevillingen skal angives, når kontrakten har status &quot;aftalt&quot;/);
    assert.equal((await documentOf(draftSlug)).baseGrant?.amount, '17645000');
  });

  it('refuses a save made on a stale revision with the conflict message', async () => {
    const stale = await form(draftSlug, { title: 'Gemt oven i en andens ændring' });
    assert.equal((await kkr.post(details, await form(draftSlug, { 'baseGrant.amount': '17645000,50' }))).status, 303); // someone else saves first
    const response = await manager.post(details, stale);
    assert.equal(response.status, 409);
    assert.match(await response.text(), /Kontrakten er ændret af en anden, siden du åbnede den/);
    const document = await documentOf(draftSlug);
    assert.notEqual(document.title, 'Gemt oven i en andens ændring');
    assert.equal(document.baseGrant?.amount, '17645000,5');
  });

  it('audits the change with who made it and the document before and after', async () => {
    const entries = await t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'contract-details').where('entity_id', '=', (await row(draftSlug)).id).orderBy('id').execute();
    assert.equal(entries.length, 2);
    assert.equal(entries[0]!.action, 'update');
    assert.ok(entries[0]!.actor_user_id, 'a user did it');
    assert.equal((entries[0]!.before as ContractInput).baseGrant, undefined);
    assert.equal((entries[0]!.after as ContractInput).baseGrant?.amount, '17645000');
  });
});

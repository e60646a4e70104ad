import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { findUserById } from '../users/users.repository.ts';
import { createCompany, getCompany, searchCompanies, updateCompany } from './companies.service.ts';

describe('companies', () => {
  let database: TestDatabase;
  let nordAdviser: UserActor; // Erhvervsservice Læsø, Region Nordjylland
  let nordViewer: UserActor;
  let midtAdviser: UserActor; // Erhvervshus Midtjylland
  const actor = async (roles: ('adviser' | 'viewer')[], organisation: Record<string, unknown>) => {
    const org = await makeOrganisation(database.db, organisation);
    const user = await makeUser(database.db, { roles, organisationId: org.id });
    return actorFromUser((await findUserById(database.db, user.id))!);
  };
  before(async () => {
    database = await createTestDatabase();
    nordAdviser = await actor(['adviser'], { kind: 'localOffice', municipalityCode: '825', businessHubId: null });
    nordViewer = await actor(['viewer'], { kind: 'hub', businessHubId: 'nordjylland' });
    midtAdviser = await actor(['adviser'], { kind: 'hub', businessHubId: 'midtjylland' });
  });
  after(async () => database.drop());

  const fields = (error: AppError) => Object.fromEntries(error.fields.map((f) => [f.field, f.message]));

  it('registers a company with a valid CVR number, as typed with spaces', async () => {
    const company = await createCompany(database.db, nordAdviser, { name: 'Læsø Saltsyderi I/S', cvr: '40 38 12 79', municipalityCode: '825', employeesBand: '2-4' });
    assert.equal(company.cvr, '40381279');
    assert.equal(company.municipalityName, 'Læsø');
    assert.equal(company.source, 'manual');
  });

  it('refuses a CVR number that fails the modulus-11 check, naming the field and the value', async () => {
    await assert.rejects(createCompany(database.db, nordAdviser, { name: 'Forkert', cvr: '12345678' }), (error: AppError) => {
      assert.equal(fields(error).cvr, '"12345678" er ikke et gyldigt CVR-nummer (modulus 11).');
      return true;
    });
  });

  it('refuses a second company with the same CVR number and says which company has it', async () => {
    await createCompany(database.db, nordAdviser, { name: 'Nordkraft Software ApS', cvr: '30521439', municipalityCode: '851' });
    await assert.rejects(createCompany(database.db, midtAdviser, { name: 'Dublet', cvr: '30521439' }), (error: AppError) => {
      assert.equal(error.code, 'conflict');
      assert.match(fields(error).cvr ?? '', /Nordkraft Software ApS/);
      return true;
    });
  });

  it('allows a pre-starter without CVR number', async () => {
    const company = await createCompany(database.db, nordAdviser, { name: 'Mette Holms Keramik', cvr: '', municipalityCode: '' });
    assert.equal(company.cvr, null);
    assert.equal(company.municipalityCode, null);
  });

  it('shares a company within its region and keeps a pre-starter out of other regions', async () => {
    const preStarter = await createCompany(database.db, nordAdviser, { name: 'Hjørring Hampeværksted' });
    const hub = await searchCompanies(database.db, nordViewer, { q: 'hjørring hampe' });
    assert.deepEqual(hub.companies.map((c) => c.id), [preStarter.id], 'the hub sees the local office’s company');
    const other = await searchCompanies(database.db, midtAdviser, { q: 'hjørring hampe' });
    assert.equal(other.total, 0);
    await assert.rejects(getCompany(database.db, midtAdviser, preStarter.id), (error: AppError) => error.code === 'notFound');
  });

  it('finds a register company from another region by its full CVR number, read-only', async () => {
    const found = await searchCompanies(database.db, midtAdviser, { q: '30521439' });
    assert.equal(found.companies[0]?.name, 'Nordkraft Software ApS');
    const { company, inScope } = await getCompany(database.db, midtAdviser, found.companies[0]!.id);
    assert.equal(inScope, false);
    await assert.rejects(updateCompany(database.db, midtAdviser, company.id, { name: 'Overtaget' }), (error: AppError) => error.code === 'forbidden');
    assert.equal((await searchCompanies(database.db, midtAdviser, { q: '3052' })).total, 0, 'a partial CVR number searches only the own region');
  });

  it('searches names by prefix and with typos, best match first', async () => {
    await createCompany(database.db, nordAdviser, { name: 'Skagen Røgeri ApS', municipalityCode: '813' });
    await createCompany(database.db, nordAdviser, { name: 'Skagen Fiskerestaurant', municipalityCode: '813' });
    const prefix = await searchCompanies(database.db, nordViewer, { q: 'skagen' });
    assert.deepEqual(prefix.companies.map((c) => c.name).sort(), ['Skagen Fiskerestaurant', 'Skagen Røgeri ApS']);
    const typo = await searchCompanies(database.db, nordViewer, { q: 'skagn røgeri' });
    assert.equal(typo.companies[0]?.name, 'Skagen Røgeri ApS');
    const filtered = await searchCompanies(database.db, nordViewer, { q: '', kommune: '825' });
    assert.ok(filtered.companies.every((c) => c.municipalityCode === '825'));
  });

  it('finds one word of a name from four letters, and matches shorter texts by the start of the name only', async () => {
    await createCompany(database.db, nordAdviser, { name: 'Vesthimmerlands Maskinfabrik A/S', municipalityCode: '820' });
    const word = await searchCompanies(database.db, nordViewer, { q: 'maskinfabrik' });
    assert.deepEqual(word.companies.map((c) => c.name), ['Vesthimmerlands Maskinfabrik A/S']);
    const misspelledWord = await searchCompanies(database.db, nordViewer, { q: 'maskinfabrk' });
    assert.deepEqual(misspelledWord.companies.map((c) => c.name), ['Vesthimmerlands Maskinfabrik A/S']);
    assert.deepEqual((await searchCompanies(database.db, nordViewer, { q: 'ves' })).companies.map((c) => c.name), ['Vesthimmerlands Maskinfabrik A/S']);
    assert.equal((await searchCompanies(database.db, nordViewer, { q: 'mas' })).total, 0, 'three letters inside the name do not match');
  });

  it('counts matches exactly up to 1.000 past the page and then says there are more', async () => {
    const ids = await database.db
      .insertInto('companies')
      .values(Array.from({ length: 1005 }, (_, i) => ({ name: `Tællefirma ${String(i).padStart(4, '0')} ApS`, source: 'manual' as const, municipality_code: '851' })))
      .returning('id')
      .execute();
    await database.db.insertInto('company_regions').values(ids.map(({ id }) => ({ company_id: id, region_code: 1081 }))).execute();
    const first = await searchCompanies(database.db, nordViewer, { q: 'tællefirma' });
    assert.deepEqual([first.total, first.totalCapped, first.companies.length], [1000, true, first.pageSize]);
    assert.equal(first.companies[0]?.name, 'Tællefirma 0000 ApS', 'equally good matches come in name order');
    const last = await searchCompanies(database.db, nordViewer, { q: 'tællefirma', side: '41' });
    assert.deepEqual([last.total, last.totalCapped, last.companies.at(-1)?.name], [1005, false, 'Tællefirma 1004 ApS']);
    const pastTheEnd = await searchCompanies(database.db, nordViewer, { q: 'tællefirma', side: '60' });
    assert.deepEqual([pastTheEnd.total, pastTheEnd.totalCapped, pastTheEnd.companies.length], [1005, false, 0], 'a page past the last match still says how many there are');
    const prefixFirst = await searchCompanies(database.db, nordViewer, { q: 'tællefirma 100' });
    assert.deepEqual(prefixFirst.companies.slice(0, 5).map((c) => c.name.slice(11, 15)), ['1000', '1001', '1002', '1003', '1004'], 'names that start with the text come first');
  });

  it('names an invalid search filter', async () => {
    await assert.rejects(searchCompanies(database.db, nordViewer, { kommune: 'Aalborg' }), (error: AppError) => fields(error).kommune === 'Kommunekoden skal være 3 cifre.');
  });

  it('lets a viewer read but not register companies', async () => {
    await assert.rejects(createCompany(database.db, nordViewer, { name: 'Ikke tilladt' }), (error: AppError) => error.code === 'forbidden');
  });

  it('audits a correction with the values before and after', async () => {
    const company = await createCompany(database.db, nordAdviser, { name: 'Thisted Bryghus', municipalityCode: '787' });
    await updateCompany(database.db, nordAdviser, company.id, { name: 'Thisted Bryghus A/S', municipalityCode: '787', advertisingProtected: 'true' });
    const entry = await database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', company.id).where('action', '=', 'update').executeTakeFirstOrThrow();
    assert.equal((entry.before as { name: string }).name, 'Thisted Bryghus');
    assert.equal((entry.after as { advertisingProtected: boolean }).advertisingProtected, true);
    assert.equal(entry.actor_user_id, nordAdviser.userId);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemActor, type UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeUser, unique } from '../../../test/helpers/factories.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { findUserById } from '../users/users.repository.ts';
import { createOrganisation, updateOrganisation } from './organisations.service.ts';

describe('organisations', () => {
  let database: TestDatabase;
  const admin = systemActor('Test');
  before(async () => (database = await createTestDatabase()));
  after(async () => database.drop());

  const fieldsOf = (error: AppError) => Object.fromEntries(error.fields.map((f) => [f.field, f.message]));

  it('creates each kind with the link its kind requires', async () => {
    const hub = await createOrganisation(database.db, admin, { name: unique('Erhvervshus'), kind: 'hub', businessHubId: 'fyn' });
    const office = await createOrganisation(database.db, admin, { name: unique('Erhvervsservice'), kind: 'localOffice', municipalityCode: '825' });
    const kkr = await createOrganisation(database.db, admin, { name: unique('KKR'), kind: 'kkrSecretariat', kkrId: 'kkr-sjaelland' });
    const external = await createOrganisation(database.db, admin, { name: unique('Ekstern'), kind: 'external', municipalityCode: '825' });
    assert.equal(hub.businessHubId, 'fyn');
    assert.equal(office.municipalityCode, '825');
    assert.equal(kkr.kkrId, 'kkr-sjaelland');
    assert.equal(external.municipalityCode, null, 'links that do not belong to the kind are dropped');
  });

  it('asks for the municipality of a local office and the hub of a hub, in Danish', async () => {
    await assert.rejects(createOrganisation(database.db, admin, { name: unique('Kontor'), kind: 'localOffice' }), (error: AppError) => {
      assert.equal(fieldsOf(error).municipalityCode, 'Vælg kommunen for det lokale erhvervskontor.');
      return true;
    });
    await assert.rejects(createOrganisation(database.db, admin, { name: 'X', kind: 'planet' }), (error: AppError) => {
      assert.match(fieldsOf(error).name ?? '', /mindst 2 tegn/);
      assert.match(fieldsOf(error).kind ?? '', /Vælg en af typerne/);
      return true;
    });
  });

  it('refuses a duplicate name and keeps the first', async () => {
    const name = unique('Dublet');
    await createOrganisation(database.db, admin, { name, kind: 'external' });
    await assert.rejects(createOrganisation(database.db, admin, { name, kind: 'external' }), (error: AppError) => error.code === 'conflict');
    const rows = await database.db.selectFrom('organisations').select('id').where('name', '=', name).execute();
    assert.equal(rows.length, 1);
  });

  it('audits an update with the values before and after', async () => {
    const organisation = await createOrganisation(database.db, admin, { name: unique('Gammelt navn'), kind: 'external' });
    const newName = unique('Nyt navn');
    await updateOrganisation(database.db, admin, organisation.id, { name: newName, kind: 'external', website: 'https://eksempel.dk' });
    const entry = await database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', organisation.id).where('action', '=', 'update').executeTakeFirstOrThrow();
    assert.equal((entry.before as { name: string }).name, organisation.name);
    assert.equal((entry.after as { name: string }).name, newName);
    assert.equal(entry.actor_name, 'Test');
  });

  it('refuses changes by a user who is not an admin', async () => {
    const user = await makeUser(database.db, { roles: ['manager', 'kkr'] });
    const actor: UserActor = actorFromUser((await findUserById(database.db, user.id))!);
    await assert.rejects(createOrganisation(database.db, actor, { name: unique('X'), kind: 'external' }), (error: AppError) => error.code === 'forbidden');
  });
});

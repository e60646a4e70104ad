import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { testConfig } from '../../../test/helpers/config.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation, makeUser, testPassword } from '../../../test/helpers/factories.ts';
import { createApiToken, authenticateApiToken } from '../api-tokens/api-tokens.service.ts';
import { login, resolveSession, actorFromUser } from '../auth/auth.service.ts';
import { systemClock } from '../../domain/clock.ts';
import { findUserById } from './users.repository.ts';
import { inviteUser, listUsers, setUserActive, updateUser } from './users.service.ts';

describe('user administration', () => {
  let database: TestDatabase;
  const config = testConfig();
  const deps = { config, clock: systemClock };
  let admin: UserActor;
  before(async () => {
    database = await createTestDatabase();
    const user = await makeUser(database.db, { roles: ['admin'] });
    admin = actorFromUser((await findUserById(database.db, user.id))!);
  });
  after(async () => database.drop());

  const actorOf = async (id: string) => actorFromUser((await findUserById(database.db, id))!);

  it('lets an admin invite a user, who gets an e-mail with a link and no password yet', async () => {
    const organisation = await makeOrganisation(database.db);
    const { user, link } = await inviteUser(database.db, deps, admin, { email: 'Ny.Bruger@Kommune.dk', name: 'Ny Bruger', organisationId: organisation.id, roles: ['adviser', 'viewer'] });
    assert.equal(user.email, 'ny.bruger@kommune.dk');
    assert.equal(user.invitationPending, true);
    assert.match(link, /^http:\/\/localhost:3000\/invitation\//);
    const job = await database.db.selectFrom('jobs').select('payload').where('type', '=', 'sendMail').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal((job.payload as { to: string }).to, 'ny.bruger@kommune.dk');
    assert.ok((job.payload as { text: string }).text.includes(link));
  });

  it('refuses a second user with the same e-mail, naming the field', async () => {
    const existing = await makeUser(database.db);
    await assert.rejects(
      inviteUser(database.db, deps, admin, { email: existing.email, name: 'Dublet', organisationId: existing.organisationId, roles: ['adviser'] }),
      (error: AppError) => error.code === 'conflict' && error.fields[0]?.field === 'email',
    );
  });

  it('names every invalid field of an invitation in Danish', async () => {
    await assert.rejects(
      inviteUser(database.db, deps, admin, { email: 'ikke-en-mail', name: '', organisationId: 'x', roles: [] }),
      (error: AppError) => {
        const fields = Object.fromEntries(error.fields.map((f) => [f.field, f.message]));
        assert.equal(fields.email, 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.');
        assert.equal(fields.name, 'Skriv brugerens navn.');
        assert.equal(fields.organisationId, 'Vælg en organisation.');
        assert.equal(fields.roles, 'Vælg mindst én rolle.');
        return true;
      },
    );
  });

  it('refuses user administration to anyone but admins, in the service itself', async () => {
    const adviser = await actorOf((await makeUser(database.db, { roles: ['adviser', 'manager'] })).id);
    await assert.rejects(listUsers(database.db, adviser), (error: AppError) => error.code === 'forbidden');
    await assert.rejects(
      inviteUser(database.db, deps, adviser, { email: 'x@test.example', name: 'X', organisationId: adviser.organisationId, roles: ['admin'] }),
      (error: AppError) => error.code === 'forbidden',
    );
  });

  it('ends sessions and revokes API tokens when a user is deactivated', async () => {
    const user = await makeUser(database.db);
    const { sessionToken } = await login(database.db, deps, { email: user.email, password: testPassword, ip: '10.9.0.1' });
    const { token } = await createApiToken(database.db, config, await actorOf(user.id), { name: 'Integration' });
    await setUserActive(database.db, admin, user.id, false);
    assert.equal(await resolveSession(database.db, deps, sessionToken), null);
    assert.equal(await authenticateApiToken(database.db, config, systemClock, token), null);
  });

  it('records role changes in the audit log with the values before and after', async () => {
    const user = await makeUser(database.db, { roles: ['viewer'] });
    await updateUser(database.db, admin, user.id, { name: user.name, organisationId: user.organisationId, roles: ['adviser', 'manager'] });
    const entry = await database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', user.id).where('action', '=', 'update').executeTakeFirstOrThrow();
    assert.deepEqual((entry.before as { roles: string[] }).roles, ['viewer']);
    assert.deepEqual((entry.after as { roles: string[] }).roles, ['adviser', 'manager']);
    assert.equal(entry.actor_user_id, admin.userId);
    assert.equal(entry.actor_organisation_id, admin.organisationId);
    assert.ok(!JSON.stringify(entry).includes('argon2'), 'no password hash in the audit log');
  });

  it('does not let an admin remove their own admin role or deactivate themselves', async () => {
    await assert.rejects(updateUser(database.db, admin, admin.userId, { name: admin.name, organisationId: admin.organisationId, roles: ['adviser'] }), AppError);
    await assert.rejects(setUserActive(database.db, admin, admin.userId, false), AppError);
  });
});
